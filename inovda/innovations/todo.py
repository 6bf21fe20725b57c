"""What the home of a pemda admin or an OPD operator lists: returned innovations, drafts not
yet sent, innovations waiting for the verifier, the SPD profile, and the workspace's pages."""

from django.db.models import Count, Q
from django.urls import reverse

from inovda.accounts.models import PEMDA_ROLES, Role
from inovda.accounts.todo import Link, Task, register
from inovda.innovations.deadline import deadline_for
from inovda.innovations.models import Status
from inovda.regions.models import Region


def latest_region(user) -> Region | None:
    return (
        Region.objects.select_related("period")
        .prefetch_related("period__extensions")
        .filter(current_code=user.region_code)
        .order_by("-period__year")
        .first()
    )


def pemda_items(user):
    region = latest_region(user)
    if region is None:
        return
    year, code = region.period.year, region.code
    workspace = reverse("pemda:home", args=[year, code])
    innovations = region.innovations.all()
    if user.role == Role.OPD_OPERATOR:
        innovations = innovations.filter(created_by=user)
    counts = innovations.aggregate(
        returned=Count("pk", filter=Q(status=Status.RETURNED)),
        draft=Count("pk", filter=Q(status=Status.DRAFT)),
        waiting=Count("pk", filter=Q(status__in=(Status.SUBMITTED, Status.IN_REVIEW))),
    )
    deadline = deadline_for(region)
    yield Task(
        "inovasi perlu perbaikan (dikembalikan verifikator)",
        counts["returned"],
        f"{workspace}?status=returned#inovasi",
        "Catatan verifikator ada di bagian atas tiap inovasi.",
        urgent=True,
    )
    sender = (
        "Anda yang mengirim ke verifikator."
        if user.role == Role.PEMDA_ADMIN
        else "Admin pemda Anda yang mengirim ke verifikator."
    )
    yield Task(
        "draf inovasi belum dikirim",
        counts["draft"],
        f"{workspace}?status=draft#inovasi",
        f"{deadline.text}. {sender}",
        urgent=deadline.is_open,
    )
    yield Task(
        "inovasi menunggu keputusan verifikator",
        counts["waiting"],
        f"{workspace}?status=submitted#inovasi",
    )
    if user.role == Role.PEMDA_ADMIN:
        sent = region.submissions.filter(innovation=None).exists()
        yield Task(
            "profil daerah (SPD) belum dikirim",
            0 if sent else 1,
            reverse("pemda:profile", args=[year, code]),
            "Sudah dikirim." if sent else "",
            urgent=not sent,
        )
    yield Link(f"Ruang kerja {region.name} {year}", workspace)
    if user.role == Role.PEMDA_ADMIN:
        yield Link("Profil daerah (SPD)", reverse("pemda:profile", args=[year, code]))
    yield Link("Tambah inovasi", reverse("pemda:new", args=[year, code]))
    yield Link("Impor inovasi dari Excel", reverse("impor:form", args=[year, code]))


def register_home() -> None:
    register(PEMDA_ROLES, pemda_items, order=10)
