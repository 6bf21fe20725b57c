"""The region profile (SPD): the pemda admin fills and sends it; everyone else reads it."""

from django.urls import reverse

from inovda.core.models import AuditEntry
from inovda.innovations.models import Answer, Submission
from tests.innovations.workspace import (
    RULEBOOK,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    open_period,
    profile_post,
    region_a,
)


def test_it_shows_one_row_per_spd_indicator_with_level_texts(personas):
    region = region_a(open_period())

    page = client_for(personas.admin_a).get(reverse("pemda:profile", args=[2026, region.code]))

    body = page.content.decode()
    assert page.status_code == 200
    for indicator in RULEBOOK.spd_indicators:
        assert f'name="level_{indicator.id}"' in body
        assert f'name="value_{indicator.id}"' in body
    assert "3 — Wajar Tanpa Pengecualian (WTP)" in body  # indicator 8, level 3
    assert "Simpan dahulu untuk mengunggah data dukung" in body


def test_it_saves_the_profile_with_one_audit_entry(personas):
    region = region_a(open_period())
    client = client_for(personas.admin_a)
    url = reverse("pemda:profile", args=[2026, region.code])

    response = client.post(url, profile_post(region, level=1, value_11b="72,5", note_8="LHP 2025"))

    assert response.status_code == 302
    rows = {a.indicator_id: a for a in Answer.objects.filter(region=region, innovation=None)}
    assert set(rows) == {i.id for i in RULEBOOK.spd_indicators}
    assert rows["11b"].value == "72,5"
    assert rows["8"].note == "LHP 2025"
    assert rows["1"].claimed_level == 1
    assert AuditEntry.objects.filter(action="profile.updated").count() == 1
    entry = AuditEntry.objects.get(action="profile.updated")
    assert entry.data["answers"]["11b"]["value"] == ["", "72,5"]

    again = client.post(url, profile_post(region, level=2))
    assert again.status_code == 302
    rows["1"].refresh_from_db()
    assert (rows["1"].claimed_level, rows["1"].version) == (2, 2)


def test_it_lets_others_read_but_not_write_the_profile(personas):
    region = region_a(open_period())
    client = client_for(personas.operator_a)
    url = reverse("pemda:profile", args=[2026, region.code])

    page = client.get(url)
    assert page.status_code == 200
    assert "Hanya baca" in page.content.decode()
    assert "disabled" in page.content.decode()
    assert client.post(url, profile_post(region)).status_code == 403
    assert not Answer.objects.filter(region=region).exists()


def test_it_gives_a_receipt_for_the_profile_once_per_content(personas):
    region = region_a(open_period())
    client = client_for(personas.admin_a)
    client.post(reverse("pemda:profile", args=[2026, region.code]), profile_post(region))
    submit = reverse("pemda:profile_submit", args=[2026, region.code])

    first = client.post(submit)
    second = client.post(submit, follow=True)

    submission = Submission.objects.get()
    assert submission.innovation is None
    assert first.url == reverse("pemda:receipt", args=[submission.pk])
    assert len(submission.snapshot["profil_spd"]) == len(RULEBOOK.spd_indicators)
    assert "sudah dikirim dan belum berubah" in second.content.decode()
    assert AuditEntry.objects.filter(action="profile.submitted").count() == 1

    client.post(reverse("pemda:profile", args=[2026, region.code]), profile_post(region, 3))
    client.post(submit)
    assert Submission.objects.count() == 2


def test_it_refuses_to_send_an_empty_profile(personas):
    region = region_a(open_period())
    client = client_for(personas.admin_a)

    response = client.post(reverse("pemda:profile_submit", args=[2026, region.code]), follow=True)

    assert Submission.objects.count() == 0
    assert "Profil SPD belum diisi" in response.content.decode()
