"""A publication's downloads, built once by the publish job and then served as stored files.

A publication never changes, so its ranking and catalogue (CSV and XLSX) are written to the
storage under ``publikasi/<year>/<number>/`` and a manifest with each file's size and SHA-256
is written last: a file counts as built only when the manifest names it, so a build that
stopped halfway is never served and is simply built again.
"""

import hashlib
import json
import tempfile
from collections.abc import Callable, Iterable
from typing import Any

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponseBase

from inovda.results import public, tables
from inovda.results.exports import CATALOGUE_COLUMNS, RESULT_COLUMNS
from inovda.results.models import Publication
from inovda.results.tables import XLSX_TYPE

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_TYPE}
MANIFEST = "manifest.json"


def _ranking_rows(publication: Publication) -> Iterable[list[Any]]:
    return tables.table(RESULT_COLUMNS, public.all_results(publication))


def _catalogue_rows(publication: Publication) -> Iterable[list[Any]]:
    innovations = public.catalogue(publication).iterator(chunk_size=2000)
    return tables.table(CATALOGUE_COLUMNS, innovations)


# name → (sheet title, rows); each is built as CSV and as XLSX.
BUILT: dict[str, tuple[str, Callable[[Publication], Iterable[list[Any]]]]] = {
    "peringkat": ("Peringkat", _ranking_rows),
    "katalog": ("Katalog inovasi", _catalogue_rows),
}


def folder(publication: Publication) -> str:
    return f"publikasi/{publication.period.year}/{publication.number}"


def filename(publication: Publication, name: str, fmt: str) -> str:
    return f"inovda-{name}-{publication.period.year}.{fmt}"


def _manifest(publication: Publication) -> dict[str, dict[str, Any]]:
    path = f"{folder(publication)}/{MANIFEST}"
    try:
        with default_storage.open(path, "rb") as handle:
            return json.loads(handle.read())
    except (FileNotFoundError, OSError, ValueError):
        return {}


def _response_bytes(response: HttpResponseBase) -> Iterable[bytes]:
    if response.streaming:
        yield from response.streaming_content  # type: ignore[attr-defined]
    else:
        yield response.content  # type: ignore[attr-defined]


def _render(publication: Publication, name: str, fmt: str) -> HttpResponseBase:
    sheet, rows = BUILT[name]
    file = filename(publication, name, fmt)
    if fmt == "csv":
        return tables.csv_response(file, rows(publication))
    return tables.xlsx_response(file, sheet, rows(publication))


def build(publication: Publication, report: Callable[..., None] | None = None) -> dict[str, Any]:
    """Write every download of the publication that is not built yet; return the manifest."""
    manifest = _manifest(publication)
    todo = [
        (n, f) for n in BUILT for f in CONTENT_TYPES if filename(publication, n, f) not in manifest
    ]
    total = len(manifest) + len(todo)
    for name, fmt in todo:
        file = filename(publication, name, fmt)
        if report:
            report(len(manifest), total, f"Menyusun {file}")
        digest, size = hashlib.sha256(), 0
        with tempfile.TemporaryFile() as spool:
            for chunk in _response_bytes(_render(publication, name, fmt)):
                chunk = chunk.encode() if isinstance(chunk, str) else chunk
                spool.write(chunk)
                digest.update(chunk)
                size += len(chunk)
            spool.seek(0)
            path = f"{folder(publication)}/{file}"
            if default_storage.exists(path):  # a leftover of a build that stopped halfway
                default_storage.delete(path)
            stored = default_storage.save(path, File(spool, name=file))
        manifest[file] = {"path": stored, "size": size, "sha256": digest.hexdigest()}
        _save_manifest(publication, manifest)
    if report:
        report(total, total, "Unduhan siap")
    return manifest


def _save_manifest(publication: Publication, manifest: dict[str, Any]) -> None:
    path = f"{folder(publication)}/{MANIFEST}"
    if default_storage.exists(path):
        default_storage.delete(path)
    default_storage.save(path, ContentFile(json.dumps(manifest, indent=1).encode()))


def stored_response(publication: Publication, name: str, fmt: str) -> FileResponse | None:
    """The built file as a download with its Content-Length, or None when it is not built."""
    file = filename(publication, name, fmt)
    entry = _manifest(publication).get(file)
    if entry is None:
        return None
    try:
        handle = default_storage.open(entry["path"], "rb")
    except (FileNotFoundError, OSError):
        return None
    response = FileResponse(handle, as_attachment=True, filename=file)
    response["Content-Type"] = CONTENT_TYPES[fmt]
    response["Content-Length"] = str(entry["size"])
    return response
