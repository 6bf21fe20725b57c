from datetime import datetime

import pytest
from django.urls import reverse

from inovda.core.models import AuditEntry
from inovda.regions.services import WIB, PeriodError, create_period, extend_period


def url(year=2026):
    return reverse("periods:extend", args=[year])


def post(client, **data):
    form = {"region_code": "", "closes_date": "2027-01-07", "closes_time": "23:59"}
    return client.post(url(), {**form, "reason": "Gangguan jaringan nasional", **data})


def test_it_extends_the_window_nationally(client, personas, period):
    client.force_login(personas.national_admin)
    response = post(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("periods:detail", args=[2026])
    extension = period.extensions.get()
    assert extension.region_code == ""
    assert extension.closes_at == datetime(2027, 1, 7, 23, 59, 59, 999999, tzinfo=WIB)
    assert period.is_open_for("36.73", datetime(2027, 1, 7, 23, 59, 59, tzinfo=WIB))
    entry = AuditEntry.objects.get(action="period.extended")
    assert entry.data["reason"] == "Gangguan jaringan nasional"

    page = client.get(response["Location"])
    assert "Nasional" in page.text
    assert "7 Januari 2027, 23:59 WIB" in page.text
    assert "Gangguan jaringan nasional" in page.text
    assert "period.extended" in page.text


def test_it_extends_the_window_for_one_region(client, personas, period):
    client.force_login(personas.national_admin)
    assert client.get(url()).status_code == 200
    response = post(client, region_code="36.04", reason="Banjir")
    assert response.status_code == 302
    assert period.extensions.get().region_code == "36.04"
    page = client.get(response["Location"])
    assert "Kabupaten Serang (36.04)" in page.text
    assert "Banjir" in page.text


def test_it_refuses_a_close_not_later_than_the_current_one(client, personas, period):
    client.force_login(personas.national_admin)
    response = post(client, closes_date="2026-12-31")
    assert response.status_code == 200
    assert "harus lebih lambat dari penutupan saat ini (31-12-2026 23:59 WIB)" in response.text
    assert not period.extensions.exists()
    # A region's current close includes the national extensions.
    extend_period(personas.national_admin, period, datetime(2027, 1, 10, tzinfo=WIB), "Nasional")
    response = post(client, region_code="36.04")
    assert response.status_code == 200
    assert "harus lebih lambat" in response.text
    assert period.extensions.count() == 1


def test_it_refuses_a_region_not_in_the_period_and_an_empty_reason(client, personas, period):
    with pytest.raises(PeriodError, match="tidak ada dalam daftar pemda"):
        extend_period(
            personas.national_admin, period, datetime(2027, 1, 7, tzinfo=WIB), "x", "99.99"
        )
    with pytest.raises(PeriodError, match="Alasan"):
        extend_period(personas.national_admin, period, datetime(2027, 1, 7, tzinfo=WIB), "  ")
    client.force_login(personas.national_admin)
    response = post(client, reason="")
    assert response.status_code == 200
    assert not period.extensions.exists()
    assert not AuditEntry.objects.filter(action="period.extended").exists()


def test_it_refuses_to_extend_a_period_never_opened(personas, db):
    period = create_period(2026)
    with pytest.raises(PeriodError, match="belum dibuka"):
        extend_period(personas.national_admin, period, datetime(2027, 1, 7, tzinfo=WIB), "x")


def test_it_lets_only_the_national_admin_extend(personas, period):
    with pytest.raises(PeriodError, match="admin nasional"):
        extend_period(personas.admin_a, period, datetime(2027, 1, 7, tzinfo=WIB), "x", "36.04")
    assert not period.extensions.exists()
