"""/impor/<year>/<code>/: the upload form, the job's report, the template download, the gate.
The job itself (progress, failure, retry, its page's gate): tests/innovations/test_import_job.py."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from inovda.accounts.models import Assignment
from inovda.innovations.models import Innovation
from inovda.jobs.models import Job
from tests.innovations.test_import_support import HEADERS, open_region, row, upload, xlsx

FORM = "/impor/2026/36.04/"
TEMPLATE = "/impor/2026/36.04/template.xlsx"


def test_it_shows_the_form_with_the_template_link(client, personas):
    open_region()
    for user in (personas.admin_a, personas.operator_a):
        client.force_login(user)
        response = client.get(FORM)
        assert response.status_code == 200
        assert b"Impor inovasi dari Excel" in response.content
        assert f'href="{TEMPLATE}"'.encode() in response.content
        assert b'enctype="multipart/form-data"' in response.content


def test_it_downloads_the_template(client, personas):
    open_region()
    client.force_login(personas.admin_a)

    response = client.get(TEMPLATE)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "template-impor-inovasi-2026.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content))["Inovasi"]
    assert [c.value for c in sheet[1]] == HEADERS


def test_it_imports_an_upload_as_admin_a(client, personas):
    region = open_region()
    client.force_login(personas.admin_a)

    response = client.post(FORM, {"file": upload(xlsx([row(), row("Sapa Warga")]))}, follow=True)

    (job_page, status), *_ = response.redirect_chain
    assert (status, job_page.startswith("/impor/2026/36.04/pekerjaan/")) == (302, True)
    assert response.status_code == 200
    assert b"Impor selesai" in response.content
    assert b"2 inovasi baru dibuat sebagai draf" in response.content
    assert set(Innovation.objects.filter(region=region).values_list("name", flat=True)) == {
        "Si Cantik",
        "Sapa Warga",
    }
    assert Innovation.objects.filter(created_by=personas.admin_a).count() == 2


def test_it_lists_the_problems_and_imports_nothing(client, personas):
    open_region()
    client.force_login(personas.operator_a)
    content = xlsx([row(), row("Sapa Warga", tahapan="ujicoba", anggaran="Rp 5 juta")])

    response = client.post(FORM, {"file": upload(content)}, follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Gagal: Impor dibatalkan: 2 masalah; tidak ada data yang diimpor." in html
    assert "Impor dibatalkan: 2 masalah</h2>" in html
    assert "<td>3</td><td>tahapan</td><td>&#x27;ujicoba&#x27; bukan pilihan" in html
    assert "<td>3</td><td>anggaran</td>" in html
    assert Innovation.objects.count() == 0


def test_it_asks_for_a_file(client, personas):
    open_region()
    client.force_login(personas.admin_a)

    response = client.post(FORM, {})

    assert response.status_code == 200
    assert "pilih berkas XLSX yang akan diimpor" in response.content.decode()
    assert not Job.objects.exists()


def test_it_refuses_a_file_too_large_before_storing_it(client, personas, monkeypatch):
    open_region()
    monkeypatch.setattr("inovda.innovations.views_import.MAX_BYTES", 100)
    client.force_login(personas.admin_a)

    response = client.post(FORM, {"file": upload(xlsx([row()]))})

    assert response.status_code == 200
    assert "berkas lebih dari 0 MB" in response.content.decode()
    assert not Job.objects.exists()
    assert Innovation.objects.count() == 0


def test_it_hides_another_region(client, personas):
    open_region()
    client.force_login(personas.admin_b)
    assert client.get(FORM).status_code == 404
    assert client.post(FORM, {"file": upload(xlsx([row()]))}).status_code == 404
    assert client.get(TEMPLATE).status_code == 404
    assert Innovation.objects.count() == 0


def test_it_refuses_read_only_roles(client, personas):
    region = open_region()
    Assignment.objects.create(
        period=region.period, verifier=personas.verifier, region_code=region.current_code
    )
    for user in (personas.verifier, personas.national_admin):
        client.force_login(user)
        assert client.get(FORM).status_code == 403
        assert client.post(FORM, {"file": upload(xlsx([row()]))}).status_code == 403
        assert client.get(TEMPLATE).status_code == 200  # seeing the template is harmless
    assert Innovation.objects.count() == 0


@pytest.mark.parametrize("url", [FORM, TEMPLATE])
def test_it_sends_anonymous_to_login(client, db, url):
    open_region()
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_refuses_when_the_window_is_closed(client, personas):
    open_region(is_open=False)
    client.force_login(personas.admin_a)

    response = client.post(FORM, {"file": upload(xlsx([row()]))})

    assert response.status_code == 403
    assert Innovation.objects.count() == 0
