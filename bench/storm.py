"""The deadline storm: many operators, each logged in with its own account on its own region,
opening the innovation form, saving answers and uploading small PDFs at once, then the check
that nothing was lost.

    python bench/storm.py prepare PLAN.json [OPERATORS]   # accounts, drafts, form fields
    python bench/storm.py check PLAN.json WRITES.json     # every successful write is there

``prepare`` runs on the demo database (``inovda demo load``): for each of OPERATORS regions of
the 2026 period it creates an OPD operator account and a draft innovation of that operator
(through the same service as the page), and records the fields the form sends (read from the
rendered form, as a browser would). ``check`` compares the database and the storage with the
successful responses recorded by ``bench/load.py storm``: each innovation's version, its
``innovation.updated`` audit entries and last note; each answer's evidence rows, their
``evidence.uploaded`` audit entries, and the stored files (sha256 of what is on storage). It
prints one line ``STORM {json}`` with the counts and the mismatches (none expected).
"""

import hashlib
import json
import os
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inovda.settings")
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 40)
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from inovda.accounts.models import Role, User  # noqa: E402
from inovda.core.models import AuditEntry  # noqa: E402
from inovda.innovations.models import Answer, Evidence, Innovation  # noqa: E402
from inovda.innovations.services import INNOVATION_FIELDS, create_innovation  # noqa: E402
from inovda.regions.models import Region  # noqa: E402

PASSWORD = "storm-bench-" + "k" * 12
YEAR = 2026


class FormFields(HTMLParser):
    """The (name, value) pairs a browser sends for the form ``id``: inputs, checked boxes,
    selected options and textareas."""

    def __init__(self) -> None:
        super().__init__()
        self.pairs: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "file", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.pairs.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.pairs.append((self._select, a.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.pairs.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text += data


def small_pdf() -> str:
    """A one-page PDF with a fixed-width token to make every upload's content unique."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Data dukung STORMTOKEN000000")
    return bytes(pdf.output()).decode("latin-1")


def prepare(plan_path: str, count: int) -> None:
    regions = list(
        Region.objects.filter(period__year=YEAR, innovations__isnull=False)
        .distinct()
        .order_by("code")[:count]
    )
    if len(regions) < count:
        raise SystemExit(f"only {len(regions)} regions with innovations in {YEAR}")
    client = Client()
    operators = []
    for slot, region in enumerate(regions):
        username = f"storm.{region.code}"
        user, _ = User.objects.get_or_create(username=username)
        user.role, user.region_code, user.opd = Role.OPD_OPERATOR, region.current_code, "Bench"
        user.must_change_password = False
        user.set_password(PASSWORD)
        user.save()
        template = region.innovations.order_by("pk").first()
        data = {f: getattr(template, f) for f in INNOVATION_FIELDS}
        data["name"] = f"Inovasi uji beban {slot}"
        innovation = create_innovation(user, region, data)
        client.force_login(user)
        page = client.get(f"/pemda/inovasi/{innovation.pk}/")
        if page.status_code != 200:
            raise SystemExit(f"{username}: form HTTP {page.status_code}")
        parser = FormFields()
        parser.feed(page.content.decode())
        answer = innovation.answers.order_by("indicator_id").first()
        operators.append(
            {
                "username": username,
                "slot": slot,
                "innovation": innovation.pk,
                "version": innovation.version,
                "answer": answer.pk,
                "indicator": answer.indicator_id,
                "fields": [p for p in parser.pairs if p[0] != "csrfmiddlewaretoken"],
            }
        )
    plan = {"password": PASSWORD, "pdf": small_pdf(), "operators": operators}
    Path(plan_path).write_text(json.dumps(plan), encoding="utf-8")
    print(f"{len(operators)} operators ready in {plan_path}")


def check(plan_path: str, writes_path: str) -> None:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    writes = json.loads(Path(writes_path).read_text(encoding="utf-8"))
    saves = Counter(w["innovation"] for w in writes if w["kind"] == "save")
    last_note = {w["innovation"]: w["note"] for w in writes if w["kind"] == "save"}
    uploads: dict[int, set[str]] = {}
    for w in writes:
        if w["kind"] == "upload":
            uploads.setdefault(w["answer"], set()).add(w["sha256"])
    problems: list[str] = []
    files = 0
    for op in plan["operators"]:
        innovation = Innovation.objects.get(pk=op["innovation"])
        n = saves.get(innovation.pk, 0)
        if innovation.version != op["version"] + n:
            problems.append(
                f"{op['username']}: version {innovation.version}, expected {op['version'] + n}"
            )
        updated = AuditEntry.objects.filter(
            action="innovation.updated",
            object_id=str(innovation.pk),
            object_type=Innovation._meta.label_lower,
        ).count()
        if updated != n:
            problems.append(f"{op['username']}: {updated} audit entries for {n} saves")
        answer = Answer.objects.get(pk=op["answer"])
        if n and answer.note != last_note[innovation.pk]:
            problems.append(f"{op['username']}: note {answer.note!r}")
        if innovation.answers.count() != 20:
            problems.append(f"{op['username']}: {innovation.answers.count()} answer rows")
        expected = uploads.get(answer.pk, set())
        rows = list(Evidence.objects.filter(answer=answer))
        if {e.sha256 for e in rows} != expected or len(rows) != len(expected):
            problems.append(
                f"{op['username']}: {len(rows)} evidence rows for {len(expected)} uploads"
            )
        logged = AuditEntry.objects.filter(
            action="evidence.uploaded", object_id__in=[str(e.pk) for e in rows]
        ).count()
        if logged != len(rows):
            problems.append(f"{op['username']}: {logged} upload audit entries for {len(rows)} rows")
        for e in rows:
            with e.file.open("rb") as handle:
                if hashlib.sha256(handle.read()).hexdigest() != e.sha256:
                    problems.append(f"{op['username']}: file {e.file.name} differs")
            files += 1
    found = {
        "saves": sum(saves.values()),
        "uploads": sum(len(v) for v in uploads.values()),
        "files_checked": files,
        "problems": problems[:20],
        "problem_count": len(problems),
    }
    print("STORM " + json.dumps(found))


def main() -> None:
    kind, *args = sys.argv[1:]
    if kind == "prepare":
        prepare(args[0], int(args[1]) if len(args) > 1 else 100)
    elif kind == "check":
        check(args[0], args[1])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
