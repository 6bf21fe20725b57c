"""Each role's home: a to-do list with counts and every page of the role one click away; the
staff bar in the header; login lands on the home; Indonesian error pages."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from inovda.innovations.models import Status
from tests.innovations.workspace import assign, make_innovation, open_period, region_a
from tests.personas import PASSWORD

HOME = reverse("accounts:home")


@pytest.fixture
def period(db):
    return open_period()


def test_it_shows_masuk_to_the_public_and_the_user_menu_to_staff(client, personas, period):
    public = client.get(reverse("portal:catalogue"))
    assert 'href="/akun/masuk/"' in public.text
    assert reverse("accounts:logout") not in public.text
    client.force_login(personas.admin_a)
    page = client.get(reverse("portal:catalogue"))
    assert "Masuk</a>" not in page.text
    assert "Admin pemda · Kabupaten Serang" in page.text
    assert f'action="{reverse("accounts:logout")}"' in page.text
    assert "Beranda saya" in page.text


def test_it_sends_a_login_to_the_roles_home(personas):
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "verifikator", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == HOME


def test_it_lists_a_pemda_admins_work_with_counts_and_every_page(client, personas, period):
    region = region_a(period)
    make_innovation(region, personas.admin_a, "Draf satu")
    returned = make_innovation(region, personas.admin_a, "Dikembalikan satu")
    returned.status = Status.RETURNED
    returned.save()
    client.force_login(personas.admin_a)
    response = client.get(HOME)
    assert response.status_code == 200
    text = response.text
    assert "inovasi perlu perbaikan" in text
    assert "draf inovasi belum dikirim" in text
    assert "profil daerah (SPD) belum dikirim" in text
    assert "Batas pelaporan:" in text and "(sisa 1 hari)" in text
    for url in (
        reverse("pemda:home", args=[2026, region.code]),
        reverse("pemda:profile", args=[2026, region.code]),
        reverse("impor:form", args=[2026, region.code]),
        reverse("verifikasi:why", args=[2026, region.code]),
        reverse("verifikasi:objections"),
        reverse("accounts:list"),
    ):
        assert url in text, url
    counts = response.context["tasks"]
    assert [t.count for t in counts[:3]] == [1, 1, 0]


def test_it_tells_an_operator_that_the_pemda_admin_submits(client, personas, period):
    make_innovation(region_a(period), personas.operator_a, "Punya operator")
    client.force_login(personas.operator_a)
    text = client.get(HOME).text
    assert "Admin pemda Anda yang mengirim ke verifikator." in text
    assert "profil daerah (SPD) belum dikirim" not in text


def test_it_lists_the_verifiers_queue_count(client, personas, period):
    assign(period, personas.verifier)
    innovation = make_innovation(region_a(period), personas.admin_a, "Terkirim")
    innovation.status = Status.SUBMITTED
    innovation.save()
    client.force_login(personas.verifier)
    response = client.get(HOME)
    task = next(t for t in response.context["tasks"] if "menunggu keputusan (2026)" in t.label)
    assert task.count == 1
    for url in (
        reverse("verifikasi:queue"),
        reverse("verifikasi:qc"),
        reverse("verifikasi:objections"),
    ):
        assert url in response.text


def test_it_lists_the_national_admins_publication_and_assignments(client, personas, period):
    client.force_login(personas.national_admin)
    text = client.get(HOME).text
    assert "periode 2026 belum dipublikasikan" in text
    assert reverse("periods:detail", args=[2026]) in text
    assert reverse("verifikasi:assignments", args=[2026]) in text
    assert reverse("accounts:list") in text


def test_it_refuses_in_indonesian_with_the_reason_and_navigation(client, personas, period):
    client.force_login(personas.operator_a)
    response = client.get(reverse("periods:list"))
    assert response.status_code == 403
    assert "Akses ditolak" in response.text
    assert "Halaman ini hanya untuk admin nasional." in response.text
    assert HOME in response.text


def test_it_has_an_indonesian_server_error_page(client, settings):
    settings.DEBUG = False
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Terjadi kesalahan pada server" in html
    assert 'href="/akun/"' in html
    assert isinstance(PermissionDenied("x"), Exception)


def test_it_gives_the_juror_a_home_with_its_scoring_page(client, db):
    from inovda.accounts.models import Role
    from tests.personas import make_user

    juror = make_user("juri.satu", Role.JUROR)
    client.force_login(juror)
    response = client.get(HOME)
    assert response.status_code == 200
    assert "Tidak ada pekerjaan yang menunggu." in response.text  # no panel or team yet
    assert reverse("awards:mine") in response.text
    assert "Juri" in response.text
