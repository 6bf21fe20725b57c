from django.urls import reverse

HOME = reverse("accounts:home")


def test_it_shows_the_national_admin_its_role_and_both_admin_links(client, personas):
    client.force_login(personas.national_admin)
    response = client.get(HOME)
    assert response.status_code == 200
    assert "Admin nasional" in response.text
    assert reverse("periods:list") in response.text
    assert reverse("accounts:list") in response.text


def test_it_shows_a_pemda_admin_its_region_and_the_operator_link(client, personas):
    client.force_login(personas.admin_a)
    response = client.get(HOME)
    assert "Admin pemda" in response.text
    assert "Kabupaten Serang (36.04)" in response.text
    assert "Bappeda" in response.text
    assert "Kelola akun operator OPD" in response.text
    assert reverse("periods:list") not in response.text


def test_it_shows_an_operator_only_the_password_change(client, personas):
    client.force_login(personas.operator_a)
    response = client.get(HOME)
    assert "Operator OPD" in response.text
    assert reverse("accounts:password_change") in response.text
    assert reverse("accounts:list") not in response.text
    assert reverse("periods:list") not in response.text
