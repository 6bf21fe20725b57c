"""Demo awards, on top of the demo periods (``inovda.results.demo``): a complete 2020 award
(31 winners, a plaque for every Sangat Inovatif region) and a 2026 award in progress
(nominees confirmed, some jury scores in). Deterministic; call ``load_award_demo()`` after
the periods are loaded."""

import random
from collections.abc import Callable

from django.utils import timezone

from inovda.accounts.models import Role, User
from inovda.awards import jury, nominees, plenary
from inovda.awards.book import book_for
from inovda.awards.certificates import generate_certificates
from inovda.awards.models import Award, Juror
from inovda.regions.models import Period

JURORS = [
    ("juri.ui", "Universitas Indonesia", ""),
    ("juri.brin", "BRIN", ""),
    ("juri.kompas", "Kompas TV", ""),
]


def _jurors() -> list[User]:
    users = []
    for username, institution, province in JURORS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"role": Role.JUROR, "must_change_password": False}
        )
        if created:
            user.set_password("demo-juri-2026")
            user.save(update_fields=["password"])
        Juror.objects.get_or_create(
            user=user, defaults={"institution": institution, "home_province_code": province}
        )
        users.append(user)
    return users


def _award(year: int, admin) -> Award | None:
    period = Period.objects.filter(year=year).first()
    if period is None:
        return None
    award = getattr(period, "award", None) if hasattr(period, "award") else None
    if award is None:
        award = nominees.start_award(admin, period)
        nominees.confirm_nominees(admin, award, timezone.now() + timezone.timedelta(days=14))
    return award


def load_award_demo(
    say: Callable[[str], None] = print, progress: Callable[[int, int], None] | None = None
) -> None:
    admin = User.objects.filter(role=Role.NATIONAL_ADMIN).first()
    people = _jurors()
    rng = random.Random(2020)  # noqa: S311 - a repeatable demo, not a secret
    done = _award(2020, admin)
    if done is not None and not done.signed:
        plenary.sign_off(admin, done)
        count = generate_certificates(admin, done, progress)
        say(f"IGA 2020: ditetapkan, {count} piagam.")
    now = _award(2026, admin)
    if now is not None and not now.panels.exists():
        aspects = [a.id for a in book_for(2026).presentation_aspects]
        for rule in book_for(2026).clusters:
            panel = jury.create_panel(
                admin, now, rule.id, f"Panel {rule.id}", people[0], people[1:]
            )
            for nominee in now.nominees.filter(cluster=rule.id, state="ditetapkan")[:2]:
                scores = {a: rng.randint(60, 95) for a in aspects}
                if not jury.has_conflict(panel.chair, nominee):
                    jury.score_nominee(panel.chair, nominee, scores, "Penilaian demo.")
        say("IGA 2026: nominasi ditetapkan, sebagian nilai juri masuk.")
