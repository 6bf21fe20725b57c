"""`inovda backup FILE` and `inovda restore FILE`: the database, portable between SQLite and
PostgreSQL (Django's JSON serializer), and every stored file (evidence, built downloads), in
one zip with a manifest of SHA-256 hashes that restore checks before it changes anything.

The database is read in one snapshot (a REPEATABLE READ, read-only transaction on PostgreSQL;
one read transaction on SQLite), so a backup taken while people keep working is consistent.
Stored files are never changed in place (a replacement is a new file), so copying them after
the snapshot misses nothing the snapshot names, except a file deleted meanwhile (reported).
"""

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "inovda-backup/1"
DATA = "database.json"
FILES = "files/"
# Rebuilt by migrate (content types, permissions), without a table (django-rq's admin entry)
# or transient (sessions, login attempts, the job queue and its progress, worker heartbeats).
EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "django_rq",
    "django_tasks_database",
    "jobs.job",
    "jobs.workerbeat",
]
# Tables that must be empty before a restore: it adds, it never merges.
MUST_BE_EMPTY = ["accounts.User", "regions.Period", "core.AuditEntry"]


class BackupError(Exception):
    """A backup or restore refused, with the reason (no change was made)."""


def _stored_files(folder: str = "") -> Iterator[str]:
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}{name}"
    for sub in folders:
        yield from _stored_files(f"{folder}{sub}/")


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _dump_snapshot(target: Path) -> None:
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        call_command(
            "dumpdata",
            exclude=EXCLUDE,
            natural_foreign=True,
            output=str(target),
            verbosity=0,
        )


def backup(path: str | Path, say: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Write the backup to ``path``; the manifest."""
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": sorted(
            f"{app}.{name}"
            for app, name in MigrationRecorder(connection).applied_migrations()
            if not app.startswith("django_tasks")
        ),
        "files": {},
        "missing": [],
    }
    with (
        tempfile.TemporaryDirectory() as tmp,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive,
    ):
        data = Path(tmp) / DATA
        _dump_snapshot(data)
        manifest["files"][DATA] = {"sha256": _sha256_file(data), "size": data.stat().st_size}
        archive.write(data, DATA)
        say(f"Basis data: {data.stat().st_size} bita.")
        names = sorted(_stored_files())
        for name in names:
            digest, size = hashlib.sha256(), 0
            try:
                with (
                    default_storage.open(name, "rb") as source,
                    archive.open(FILES + name, "w", force_zip64=True) as sink,
                ):
                    for chunk in iter(lambda src=source: src.read(1 << 20), b""):
                        digest.update(chunk)
                        size += len(chunk)
                        sink.write(chunk)
            except FileNotFoundError:
                manifest["missing"].append(name)  # deleted while the backup ran
                continue
            manifest["files"][FILES + name] = {"sha256": digest.hexdigest(), "size": size}
        say(f"Berkas tersimpan: {len(names) - len(manifest['missing'])}.")
        archive.writestr("manifest.json", json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def verify(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The manifest, once every member's hash and size match it."""
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except KeyError as exc:
        raise BackupError("Bukan cadangan Inovda: manifest.json tidak ada.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Format cadangan {manifest.get('format')!r} tidak dikenal.")
    members = set(archive.namelist()) - {"manifest.json"}
    if members != set(manifest["files"]):
        extra = sorted(members ^ set(manifest["files"]))[:5]
        raise BackupError(f"Isi cadangan tidak sesuai manifest: {', '.join(extra)}")
    for name, expected in manifest["files"].items():
        digest, size = hashlib.sha256(), 0
        with archive.open(name) as handle:
            for chunk in iter(lambda h=handle: h.read(1 << 20), b""):
                digest.update(chunk)
                size += len(chunk)
        if (digest.hexdigest(), size) != (expected["sha256"], expected["size"]):
            raise BackupError(f"{name}: isi tidak sesuai hash SHA-256 di manifest (rusak?).")
    return manifest


def _require_empty() -> None:
    from django.apps import apps

    for label in MUST_BE_EMPTY:
        if apps.get_model(label).objects.exists():
            raise BackupError(
                f"Basis data tujuan tidak kosong ({label} berisi data): pulihkan ke basis data "
                "baru yang sudah dimigrasi (inovda migrate)."
            )


def restore(path: str | Path, say: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Check the whole backup, then load its database and files into an empty installation."""
    with zipfile.ZipFile(path) as archive:
        manifest = verify(archive)
        say(f"Manifest diperiksa: {len(manifest['files'])} anggota cocok dengan SHA-256.")
        _require_empty()
        ContentType.objects.clear_cache()  # natural keys resolve against this database's ids
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(archive.extract(DATA, tmp))
            with transaction.atomic():
                call_command("loaddata", str(data), verbosity=0)
        restored = 0
        for name in manifest["files"]:
            if not name.startswith(FILES):
                continue
            target = name.removeprefix(FILES)
            if default_storage.exists(target):
                default_storage.delete(target)
            saved = default_storage.save(target, ContentFile(archive.read(name)))
            if saved != target:
                raise BackupError(f"{target}: penyimpanan memberi nama lain ({saved}).")
            restored += 1
        say(f"Dipulihkan: basis data dan {restored} berkas.")
    return manifest
