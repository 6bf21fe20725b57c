from datetime import datetime

import pytest
from django.urls import reverse

from inovda.core.models import AuditEntry
from inovda.regions.models import Period
from inovda.regions.services import WIB, PeriodError, create_period, open_period

OPEN = reverse("periods:open")
VALID = {
    "year": 2026,
    "rulebook_year": 2025,
    "opens_date": "2026-05-01",
    "opens_time": "08:00",
    "closes_date": "2026-12-31",
    "closes_time": "23:59",
}


def test_it_shows_the_form_with_times_in_wib(client, personas):
    client.force_login(personas.national_admin)
    response = client.get(OPEN)
    assert response.status_code == 200
    assert "Jam tutup (WIB)" in response.text
    assert 'value="23:59"' in response.text
    assert '<option value="2025">2025</option>' in response.text


def test_it_opens_a_period_with_its_roster_and_a_wib_window(client, personas):
    client.force_login(personas.national_admin)
    response = client.post(OPEN, VALID, follow=True)
    assert response.redirect_chain == [(reverse("periods:detail", args=[2026]), 302)]
    period = Period.objects.get(year=2026)
    assert period.rulebook_year == 2025
    assert period.opens_at == datetime(2026, 5, 1, 8, 0, tzinfo=WIB)
    # 23:59 means the whole minute.
    assert period.closes_at == datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=WIB)
    assert period.regions.filter(code="36.04").exists()
    entry = AuditEntry.objects.get(action="period.opened")
    assert (entry.actor, entry.object_id) == (personas.national_admin, str(period.pk))
    assert entry.data["rulebook_year"] == 2025
    assert "1 Mei 2026, 08:00 WIB" in response.text
    assert "31 Desember 2026, 23:59 WIB" in response.text


def test_it_refuses_a_close_not_after_the_opening(client, personas):
    client.force_login(personas.national_admin)
    response = client.post(OPEN, {**VALID, "closes_date": "2026-05-01", "closes_time": "07:00"})
    assert response.status_code == 200
    assert "Waktu tutup harus setelah waktu buka." in response.text
    assert not Period.objects.exists()
    with pytest.raises(PeriodError, match="setelah waktu buka"):
        open_period(
            personas.national_admin,
            2026,
            2025,
            datetime(2026, 5, 1, tzinfo=WIB),
            datetime(2026, 5, 1, tzinfo=WIB),
        )


def test_it_refuses_a_year_that_already_has_a_period(client, personas):
    create_period(2026)
    client.force_login(personas.national_admin)
    response = client.post(OPEN, VALID)
    assert response.status_code == 200
    assert "Periode 2026 sudah ada" in response.text
    assert Period.objects.get(year=2026).opens_at is None
    assert not AuditEntry.objects.filter(action="period.opened").exists()


def test_it_refuses_an_unknown_rulebook_and_a_year_before_the_roster(client, personas):
    client.force_login(personas.national_admin)
    response = client.post(OPEN, {**VALID, "rulebook_year": 1999, "year": 2010})
    assert response.status_code == 200
    assert "Masukkan pilihan yang valid" in response.text
    assert "2018" in response.text
    assert not Period.objects.exists()


def test_it_lets_only_the_national_admin_open_a_period(personas):
    with pytest.raises(PeriodError, match="admin nasional"):
        open_period(
            personas.admin_a,
            2026,
            2025,
            datetime(2026, 5, 1, tzinfo=WIB),
            datetime(2026, 6, 1, tzinfo=WIB),
        )
    assert not Period.objects.exists()
