"""Refuse a "zip bomb" before any XLSX parser inflates it.

An XLSX file is a zip archive: a 1 MB upload can declare a member that inflates to 1 GB, and
openpyxl would inflate it in memory. The zip's central directory states every member's size
before anything is inflated, and Python's ``zipfile`` (which openpyxl uses) never inflates a
member beyond its declared size (a member that lies fails its CRC instead), so checking the
declared sizes bounds what parsing can cost. Limits come from settings (``XLSX_MAX_*``).
"""

from __future__ import annotations

import io
import zipfile

from django.conf import settings

# Below this size a member's ratio does not matter: tiny parts (styles, relations) compress
# unusually well and cannot exhaust anything.
RATIO_FLOOR = 1024 * 1024


class ZipRefused(Exception):
    """The archive exceeds a limit; the message names it, in Bahasa Indonesia."""


def _mb(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0") + " MB"


def check_zip(data: bytes) -> None:
    """Raise ``ZipRefused`` when the archive ``data`` exceeds a limit; reads only the
    directory. ``zipfile.BadZipFile`` for what is not a readable zip."""
    max_members = settings.XLSX_MAX_MEMBERS
    max_member = settings.XLSX_MAX_MEMBER_BYTES
    max_total = settings.XLSX_MAX_UNCOMPRESSED_BYTES
    max_ratio = settings.XLSX_MAX_RATIO
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if len(members) > max_members:
            raise ZipRefused(
                f"berisi {len(members)} bagian; paling banyak {max_members} "
                "(XLSX dari Excel atau LibreOffice hanya berisi belasan)"
            )
        total = 0
        for member in members:
            size = member.file_size
            if size > max_member:
                raise ZipRefused(
                    f"bagian {member.filename} berukuran {_mb(size)} setelah diekstrak; "
                    f"paling banyak {_mb(max_member)} per bagian"
                )
            ratio = size / max(member.compress_size, 1)
            if size > RATIO_FLOOR and ratio > max_ratio:
                raise ZipRefused(
                    f"bagian {member.filename} dimampatkan {ratio:.0f} kali; paling banyak "
                    f"{max_ratio} kali (berkas seperti ini dapat menghabiskan memori server)"
                )
            total += size
            if total > max_total:
                raise ZipRefused(
                    f"isi berkas melebihi {_mb(max_total)} setelah diekstrak; "
                    "pecah menjadi beberapa berkas"
                )
