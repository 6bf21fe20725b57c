"""Two people on the same data: a stale save is refused and loses nothing; a double submit
makes one receipt."""

import threading

import pytest
from django.db import close_old_connections, connection
from django.urls import reverse

from inovda.innovations.models import Answer, Innovation, Status, Submission
from inovda.innovations.services import submit_innovation
from tests.innovations.workspace import (
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    open_period,
    profile_post,
    ready_innovation,
    region_a,
)


def test_it_refuses_a_stale_innovation_save_and_keeps_the_input(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.operator_a)
    url = reverse("pemda:innovation", args=[innovation.pk])
    # Both opened version 1; the admin saves first.
    first = client_for(personas.admin_a).post(url, innovation_post(version=1, tujuan="Dari admin"))
    assert first.status_code == 302

    second = client_for(personas.operator_a).post(
        url, innovation_post(version=1, tujuan="Dari operator", level_17="3")
    )

    body = second.content.decode()
    assert second.status_code == 409
    assert "sudah diubah oleh pengguna lain" in body
    assert "Dari operator" in body  # the input, kept in the form
    assert "Dari admin" in body  # beside what is stored now
    assert "Indikator 17 (level)" in body
    innovation.refresh_from_db()
    assert innovation.tujuan == "Dari admin"
    assert innovation.version == 2
    assert innovation.answers.get(indicator_id="17").claimed_level == 2
    # The re-shown form carries the stored version: saving again is a deliberate overwrite.
    assert second.context["form"]["version"].value() == "2"


def test_it_saves_again_after_the_user_has_seen_the_conflict(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    url = reverse("pemda:innovation", args=[innovation.pk])
    client = client_for(personas.admin_a)
    client.post(url, innovation_post(version=1, tujuan="Pertama"))
    client.post(url, innovation_post(version=1, tujuan="Kedua"))

    third = client.post(url, innovation_post(version=2, tujuan="Kedua"))

    assert third.status_code == 302
    innovation.refresh_from_db()
    assert (innovation.tujuan, innovation.version) == ("Kedua", 3)


def test_it_refuses_a_stale_profile_save_and_keeps_the_input(personas):
    region = region_a(open_period())
    url = reverse("pemda:profile", args=[2026, region.code])
    admin = client_for(personas.admin_a)
    admin.post(url, profile_post(region, level=1))
    opened = profile_post(region, level=1)  # both open the saved profile (version 1)
    admin.post(url, {**opened, "level_8": "3"})

    stale = admin.post(url, {**opened, "level_8": "2", "note_8": "isian kedua"})

    assert stale.status_code == 409
    body = stale.content.decode()
    assert "sudah diubah oleh pengguna lain" in body
    assert "isian kedua" in body
    row = Answer.objects.get(region=region, innovation=None, indicator_id="8")
    assert (row.claimed_level, row.note, row.version) == (3, "", 2)


def test_it_accepts_a_profile_save_where_stale_rows_were_not_changed(personas):
    region = region_a(open_period())
    url = reverse("pemda:profile", args=[2026, region.code])
    admin = client_for(personas.admin_a)
    admin.post(url, profile_post(region, level=1))
    opened = profile_post(region, level=1)
    admin.post(url, {**opened, "level_8": "3"})

    # The second save sets row 8 to what is stored anyway and changes row 9.
    response = admin.post(url, {**opened, "level_8": "3", "level_9": "2"})

    assert response.status_code == 302
    assert Answer.objects.get(region=region, innovation=None, indicator_id="9").claimed_level == 2


def test_it_makes_one_submission_of_a_double_click(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    client = client_for(personas.admin_a)
    url = reverse("pemda:submit", args=[innovation.pk])

    first = client.post(url)
    second = client.post(url, follow=True)

    submission = Submission.objects.get()
    assert (
        first.url == second.redirect_chain[0][0] == reverse("pemda:receipt", args=[submission.pk])
    )
    assert "sudah dikirim dan belum berubah" in second.content.decode()
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite has none)"
)
def test_it_makes_one_submission_of_two_simultaneous_clicks(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    start = threading.Barrier(2)
    receipts = []

    def click():
        try:
            start.wait()
            receipts.append(
                submit_innovation(personas.admin_a, Innovation.objects.get(pk=innovation.pk))
            )
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Submission.objects.count() == 1
    assert sorted(r.created for r in receipts) == [False, True]
