"""What the home of a juror lists: the panels and field teams they sit on, with the page where
they score; and for the national admin, the award pages."""

from django.urls import reverse

from inovda.accounts.models import Role
from inovda.accounts.todo import Link, Task, register
from inovda.awards.models import FieldTeam, Panel


def juror_items(user):
    mine = reverse("awards:mine")
    yield Task(
        "panel presentasi yang Anda nilai",
        Panel.objects.filter(members=user).count(),
        mine,
        "Nilai tiap nominasi pada panel Anda.",
    )
    yield Task("tim validasi lapangan Anda", FieldTeam.objects.filter(members=user).count(), mine)
    yield Link("Tugas juri", mine)


def admin_items(user):
    yield Link("Penghargaan (IGA)", reverse("awards:index"))


def register_home() -> None:
    register((Role.JUROR,), juror_items, order=10)
    register((Role.NATIONAL_ADMIN,), admin_items, order=30)
