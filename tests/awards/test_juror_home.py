"""A juror's home lists what is due: per open round the nominees awaiting the juror's score, the
round the chair still has to close, per field team the nominees awaiting the juror's field
score and the berita acara the lead has to sign; every juror page within two clicks."""

import re

from django.urls import reverse
from django.utils import timezone

from inovda.awards import field, jury
from inovda.awards.models import FieldTeam
from tests.awards.conftest import full_scores, nominee_of

FIELD = {"ekosistem": 80, "unggulan_digital": 80, "unggulan_non_digital": 80}


def task_count(page: str, label: str) -> int:
    """The count shown in the home's to-do item whose label starts with ``label``."""
    match = re.search(r'data-count>(\d+)</span> <span class="todo-label">' + re.escape(label), page)
    assert match, f"no to-do item {label!r}"
    return int(match.group(1))


def test_it_counts_the_nominees_awaiting_the_jurors_scores(client, personas, award):
    panel = award.panels.get()
    competing = award.nominees.filter(cluster="kabupaten", state="ditetapkan").count()
    client.force_login(personas.juror)

    page = client.get(reverse("accounts:home")).text
    assert task_count(page, "nominasi menunggu nilai Anda · Panel Kabupaten") == competing
    assert f'href="{reverse("awards:mine")}#panel-{panel.pk}"' in page
    assert f'href="{reverse("awards:panel", args=[panel.pk])}"' in page

    serang = nominee_of(award, "36.04")
    jury.score_nominee(personas.juror, serang, full_scores(85), "Kuat")
    page = client.get(reverse("accounts:home")).text
    assert task_count(page, "nominasi menunggu nilai Anda · Panel Kabupaten") == competing - 1
    assert "putaran yang Anda pimpin" not in page  # the juror is no chair

    mine = client.get(reverse("awards:mine")).text
    assert f'href="{reverse("awards:score", args=[serang.pk])}"' in mine
    assert "sudah Anda nilai" in mine and "belum Anda nilai" in mine


def test_it_leaves_out_nominees_the_juror_may_not_score(client, personas, award):
    personas.juror.juror.home_province_code = "36"  # a conflict with every Banten nominee
    personas.juror.juror.save()
    outside = award.nominees.filter(cluster="kabupaten", state="ditetapkan").exclude(
        region__province_code="36"
    )
    assert [n.region.code for n in outside] == ["93.01"]
    client.force_login(personas.juror)
    page = client.get(reverse("accounts:home")).text
    assert task_count(page, "nominasi menunggu nilai Anda · Panel Kabupaten") == 1


def test_it_shows_the_chair_the_open_round_and_drops_a_closed_one(client, personas, award):
    panel = award.panels.get()
    client.force_login(award.chair)
    page = client.get(reverse("accounts:home")).text
    assert task_count(page, "putaran yang Anda pimpin belum ditutup · Panel Kabupaten") == 1

    jury.close_round(award.chair, panel)
    page = client.get(reverse("accounts:home")).text
    assert "Panel Kabupaten — panel presentasi IGA 2026" in page  # still linked
    assert "putaran yang Anda pimpin" not in page
    assert "nominasi menunggu nilai Anda" not in page


def test_it_lists_field_visits_and_the_berita_acara_to_sign(client, personas, award):
    team = field.create_team(
        personas.national_admin, award, FieldTeam.Area.JAWA, award.chair, [personas.juror]
    )
    visits = len(field.team_nominees(team))
    assert visits > 0
    client.force_login(personas.juror)
    page = client.get(reverse("accounts:home")).text
    assert task_count(page, "nominasi menunggu nilai lapangan Anda · tim Jawa") == visits
    assert f'href="{reverse("awards:team", args=[team.pk])}"' in page
    assert "berita acara menunggu" not in page  # the member is no lead

    field.field_score(personas.juror, team, field.team_nominees(team)[0], FIELD, "")
    page = client.get(reverse("accounts:home")).text
    assert task_count(page, "nominasi menunggu nilai lapangan Anda · tim Jawa") == visits - 1
    mine = client.get(reverse("awards:mine")).text
    assert f'href="{reverse("awards:minutes", args=[team.pk])}"' in mine

    client.force_login(award.chair)
    page = client.get(reverse("accounts:home")).text
    minutes = reverse("awards:minutes", args=[team.pk])
    assert task_count(page, "berita acara menunggu tanda tangan Anda · tim Jawa") == 1
    assert f'href="{minutes}"' in page
    field.sign_minutes(award.chair, team)
    team.refresh_from_db()
    assert team.signed_at <= timezone.now()
    page = client.get(reverse("accounts:home")).text
    assert "berita acara menunggu" not in page
    assert "nilai lapangan Anda" not in page
