"""What the national admin's home lists from results: the latest period, whether it has been
published, and the pages to recompute and publish it."""

from django.urls import reverse

from inovda.accounts.models import Role
from inovda.accounts.todo import Link, Task, register
from inovda.regions.models import Period


def admin_items(user):
    period = Period.objects.order_by("-year").first()
    if period is None:
        yield Task("periode belum dibuka", 1, reverse("periods:open"), urgent=True)
        return
    detail = reverse("periods:detail", args=[period.year])
    published = period.publications.exists()
    yield Task(
        f"periode {period.year} belum dipublikasikan",
        0 if published else 1,
        detail,
        "Hitung ulang, periksa daftar pemeriksaan, lalu terbitkan.",
    )
    yield Link(f"Periode {period.year}: hitung ulang & publikasi", detail)
    yield Link("Semua periode", reverse("periods:list"))


def register_home() -> None:
    register((Role.NATIONAL_ADMIN,), admin_items, order=10)
