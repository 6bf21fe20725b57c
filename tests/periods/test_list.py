from django.urls import reverse

from inovda.regions.services import create_period


def test_it_lists_periods_with_their_window_in_wib(client, personas, period):
    create_period(2025)
    client.force_login(personas.national_admin)
    response = client.get(reverse("periods:list"))
    assert response.status_code == 200
    assert reverse("periods:detail", args=[2026]) in response.text
    assert "31 Desember 2026, 23:59 WIB" in response.text
    assert "belum dibuka" in response.text  # 2025 has no window


def test_it_shows_the_detail_of_a_period_and_404_for_an_unknown_year(client, personas, period):
    client.force_login(personas.national_admin)
    response = client.get(reverse("periods:detail", args=[2026]))
    assert response.status_code == 200
    assert "1 Mei 2026, 00:00 WIB" in response.text
    assert "Belum ada perpanjangan." in response.text
    assert client.get(reverse("periods:detail", args=[2030])).status_code == 404
