"""What the home of a juror lists: per open presentation round the nominees still waiting for
the juror's score, the rounds the juror chairs that are still open, per field team the nominees
still waiting for the juror's field score and the berita acara the team lead has to sign; each
with its count and the page where it is done, and a link to every panel and team. For the
national admin, the award pages.

Every juror page is at most two clicks from the home: the home links each panel and team and
"Tugas juri"; that page links each nominee and its score form; a team page links the berita
acara and the field evidence."""

from django.urls import reverse

from inovda.accounts.models import Role
from inovda.accounts.todo import Link, Task, register
from inovda.awards.field import team_nominees
from inovda.awards.jury import juror_profile
from inovda.awards.models import Award, FieldScore, FieldTeam, JuryScore, Nominee, Panel


def _open_panels(user):
    return (
        Panel.objects.filter(members=user, closed_at__isnull=True)
        .exclude(award__stage=Award.Stage.SIGNED)
        .select_related("award__period")
        .order_by("award__period__year", "cluster", "name")
    )


def _open_teams(user):
    return (
        FieldTeam.objects.filter(members=user, signed_at__isnull=True)
        .exclude(award__stage=Award.Stage.SIGNED)
        .select_related("award__period")
        .order_by("award__period__year", "area")
    )


def unscored_nominees(user, panel: Panel) -> list[Nominee]:
    """The panel's competing nominees the juror may score and has not scored yet (a nominee
    the juror has a conflict of interest with is not theirs to score)."""
    profile = juror_profile(user)
    scored = set(JuryScore.objects.filter(juror=user, panel=panel).values_list("nominee_id"))
    nominees = panel.award.nominees.filter(
        cluster=panel.cluster, state=Nominee.State.CONFIRMED
    ).select_related("region")
    return [
        n
        for n in nominees
        if (n.pk,) not in scored and not (profile and profile.conflicts_with(n.region))
    ]


def juror_items(user):
    mine = reverse("awards:mine")
    panels = list(_open_panels(user))
    for panel in panels:
        yield Task(
            f"nominasi menunggu nilai Anda · {panel.name} (IGA {panel.award.period.year})",
            len(unscored_nominees(user, panel)),
            f"{mine}#panel-{panel.pk}",
            "Nilai presentasi tiap nominasi; nilai juri lain tersembunyi sampai putaran ditutup.",
            urgent=True,
        )
        if panel.chair_id == user.pk:
            yield Task(
                f"putaran yang Anda pimpin belum ditutup · {panel.name}",
                1,
                reverse("awards:panel", args=[panel.pk]),
                "Tutup putaran setelah semua juri menilai; sebaran nilai lalu terlihat.",
            )
    for team in _open_teams(user):
        scored = set(
            FieldScore.objects.filter(team=team, member=user).values_list("nominee_id", flat=True)
        )
        waiting = [n for n in team_nominees(team) if n.pk not in scored]
        yield Task(
            f"nominasi menunggu nilai lapangan Anda · tim {team.get_area_display()}",
            len(waiting),
            reverse("awards:team", args=[team.pk]),
            "Unggah bukti kunjungan dan isi nilai tiap nominasi.",
            urgent=True,
        )
        if team.lead_id == user.pk:
            yield Task(
                f"berita acara menunggu tanda tangan Anda · tim {team.get_area_display()}",
                1,
                reverse("awards:minutes", args=[team.pk]),
                "Tanda tangan mengunci nilai lapangan tim.",
            )
    yield Link("Tugas juri", mine)
    for panel in Panel.objects.filter(members=user).select_related("award__period"):
        yield Link(
            f"{panel.name} — panel presentasi IGA {panel.award.period.year}",
            reverse("awards:panel", args=[panel.pk]),
        )
    for team in FieldTeam.objects.filter(members=user).select_related("award__period"):
        yield Link(
            f"Tim validasi lapangan {team.get_area_display()} (IGA {team.award.period.year})",
            reverse("awards:team", args=[team.pk]),
        )


def admin_items(user):
    yield Link("Penghargaan (IGA)", reverse("awards:index"))


def register_home() -> None:
    register((Role.JUROR,), juror_items, order=10)
    register((Role.NATIONAL_ADMIN,), admin_items, order=30)
