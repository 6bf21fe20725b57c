"""The national admin's award buttons: panels, slots, field teams, promoting the next in line
and revoking a certificate. A refusal answers 400 with the reason and stores nothing."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from inovda.awards import jury
from inovda.awards.errors import FROZEN, AwardError
from inovda.awards.models import Award, Certificate, FieldTeam, Nominee, Panel
from inovda.core import history
from inovda.core.models import AuditEntry
from tests.awards.conftest import nominee_of

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas.national_admin)
    return client


def test_the_admin_page_offers_the_forms_with_jurors_only(admin_client, personas, award):
    response = admin_client.get(reverse("awards:admin", args=[2026]))
    page = response.text
    assert "Bentuk panel juri" in page
    assert "Jadwalkan presentasi" in page
    assert "Bentuk tim validasi lapangan" in page
    assert "Jadwal presentasi (WIB)" in page
    assert "Universitas Indonesia" in page  # the juror, named with the institution
    jurors = {award.chair, personas.juror}
    assert set(response.context["panel_form"].fields["members"].queryset) == jurors
    assert set(response.context["team_form"].fields["lead"].queryset) == jurors


def test_the_admin_forms_a_panel(admin_client, personas, award):
    data = {
        "cluster": "kota",
        "name": "Panel Kota",
        "chair": award.chair.pk,
        "members": [personas.juror.pk],
    }
    response = admin_client.post(reverse("awards:panel_create", args=[2026]), data)
    assert response.status_code == 302
    panel = Panel.objects.get(award=award, cluster="kota")
    assert panel.name == "Panel Kota"
    assert set(panel.members.all()) == {award.chair, personas.juror}
    assert AuditEntry.objects.filter(action="award.panel_created", object_id=str(panel.pk))
    page = admin_client.get(response["Location"]).text
    assert "Panel Kota dibentuk." in page
    history_list = page.split("<h2>Riwayat</h2>")[1]
    assert "Panel juri dibentuk" in history_list  # the label of awards/audit.py
    assert ">award.panel_created<" not in history_list  # not the raw code
    assert "cluster: kota · members: 2" in history_list  # the details, not a raw dict
    assert "{'" not in history_list


def test_a_second_panel_for_a_cluster_is_refused_and_nothing_stored(admin_client, award):
    data = {"cluster": "kabupaten", "name": "Panel Lagi", "chair": award.chair.pk}
    response = admin_client.post(reverse("awards:panel_create", args=[2026]), data)
    assert response.status_code == 400
    assert "Klaster kabupaten sudah punya panel." in response.text
    assert list(Panel.objects.values_list("name", flat=True)) == ["Panel Kabupaten"]


def test_a_panel_with_a_non_juror_is_refused(admin_client, personas, award):
    data = {"cluster": "kota", "name": "Panel Kota", "chair": personas.admin_a.pk}
    response = admin_client.post(reverse("awards:panel_create", args=[2026]), data)
    assert response.status_code == 400
    assert not Panel.objects.filter(cluster="kota").exists()
    with pytest.raises(AwardError, match="harus akun juri aktif"):
        jury.create_panel(
            personas.national_admin, award, "kota", "Panel Kota", personas.admin_a, []
        )
    assert not Panel.objects.filter(cluster="kota").exists()


def test_the_admin_schedules_a_slot_in_wib(admin_client, award):
    serang = nominee_of(award, "36.04")
    data = {"nominee": serang.pk, "at": "2026-09-01T09:30"}
    response = admin_client.post(reverse("awards:slot", args=[2026]), data)
    assert response.status_code == 302
    serang.refresh_from_db()
    assert serang.presentation_at == datetime(2026, 9, 1, 9, 30, tzinfo=WIB)
    assert AuditEntry.objects.filter(action="award.slot_scheduled", object_id=str(serang.pk))
    page = admin_client.get(response["Location"]).text
    assert "Jadwal presentasi Kabupaten Serang ditetapkan." in page
    assert "09:30" in page


def test_a_slot_after_sign_off_is_refused_and_nothing_stored(admin_client, award):
    serang = nominee_of(award, "36.04")
    Award.objects.filter(pk=award.pk).update(stage=Award.Stage.SIGNED)
    data = {"nominee": serang.pk, "at": "2026-09-01T09:30"}
    response = admin_client.post(reverse("awards:slot", args=[2026]), data)
    assert response.status_code == 400
    assert FROZEN in response.text
    serang.refresh_from_db()
    assert serang.presentation_at is None


def test_a_slot_without_a_time_is_refused(admin_client, award):
    serang = nominee_of(award, "36.04")
    response = admin_client.post(reverse("awards:slot", args=[2026]), {"nominee": serang.pk})
    assert response.status_code == 400
    assert not Nominee.objects.filter(presentation_at__isnull=False).exists()


def test_the_admin_forms_a_field_team(admin_client, personas, award):
    data = {"area": "kalimantan", "lead": award.chair.pk, "members": [personas.juror.pk]}
    response = admin_client.post(reverse("awards:team_create", args=[2026]), data)
    assert response.status_code == 302
    team = FieldTeam.objects.get(award=award, area="kalimantan")
    assert team.lead == award.chair
    assert set(team.members.all()) == {award.chair, personas.juror}
    assert AuditEntry.objects.filter(action="award.field_team_created", object_id=str(team.pk))
    assert "Tim Kalimantan dibentuk." in admin_client.get(response["Location"]).text


def test_a_second_team_for_an_area_is_refused_and_nothing_stored(admin_client, award):
    data = {"area": "jawa", "lead": award.chair.pk}
    assert admin_client.post(reverse("awards:team_create", args=[2026]), data).status_code == 302
    response = admin_client.post(reverse("awards:team_create", args=[2026]), data)
    assert response.status_code == 400
    assert "Wilayah ini sudah punya tim validasi lapangan." in response.text
    assert FieldTeam.objects.count() == 1


def test_the_admin_promotes_the_next_in_line(admin_client, award):
    # A draft list with Tangerang as the next in line.
    Award.objects.filter(pk=award.pk).update(stage=Award.Stage.DRAFT)
    tangerang = nominee_of(award, "36.03")
    Nominee.objects.filter(pk=tangerang.pk).update(state=Nominee.State.RESERVE)
    page = admin_client.get(reverse("awards:admin", args=[2026])).text
    assert "Naikkan menjadi usulan" in page
    response = admin_client.post(reverse("awards:promote", args=[tangerang.pk]))
    assert response.status_code == 302
    tangerang.refresh_from_db()
    assert tangerang.state == Nominee.State.PROPOSED
    assert AuditEntry.objects.filter(action="award.nominee_promoted", object_id=str(tangerang.pk))
    assert "naik menjadi usulan nominasi" in admin_client.get(response["Location"]).text


def test_promoting_a_confirmed_nominee_is_refused_and_nothing_changes(admin_client, award):
    serang = nominee_of(award, "36.04")
    response = admin_client.post(reverse("awards:promote", args=[serang.pk]))
    assert response.status_code == 400
    assert "Hanya daerah berikutnya (cadangan) pada daftar draf yang dapat naik." in response.text
    serang.refresh_from_db()
    assert serang.state == Nominee.State.CONFIRMED
    assert not AuditEntry.objects.filter(action="award.nominee_promoted").exists()


@pytest.fixture
def certificate(award):
    return Certificate.objects.create(
        award=award,
        region=nominee_of(award, "36.04").region,
        kind=Certificate.Kind.SANGAT_INOVATIF,
        number="IGA-2026-SI-0001",
        title="Pemerintah Daerah Sangat Inovatif",
        issued_at=timezone.now(),
    )


def test_the_admin_revokes_a_certificate_with_a_reason(admin_client, certificate):
    page = admin_client.get(reverse("awards:admin", args=[2026])).text
    assert "IGA-2026-SI-0001" in page and "Berlaku" in page
    url = reverse("awards:revoke", args=[certificate.number])
    response = admin_client.post(url, {"reason": "Data inovasi tidak benar"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoke_reason == "Data inovasi tidak benar"
    entry = AuditEntry.objects.get(action="award.certificate_revoked")
    assert entry.data == {"reason": "Data inovasi tidak benar"}
    assert history.label("award.certificate_revoked") == "Piagam dicabut"
    page = admin_client.get(response["Location"]).text
    assert "Piagam IGA-2026-SI-0001 dicabut." in page
    assert "Dicabut" in page and "Data inovasi tidak benar" in page
    verify = admin_client.get(reverse("awards:verify", args=[certificate.number])).text
    assert "Piagam ini telah dicabut." in verify


def test_a_revocation_without_reason_or_twice_is_refused(admin_client, certificate):
    url = reverse("awards:revoke", args=[certificate.number])
    response = admin_client.post(url, {"reason": "  "})
    assert response.status_code == 400
    assert "Alasan pencabutan wajib diisi." in response.text
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert not AuditEntry.objects.filter(action="award.certificate_revoked").exists()
    assert admin_client.post(url, {"reason": "Data salah"}).status_code == 302
    again = admin_client.post(url, {"reason": "Lagi"})
    assert again.status_code == 400
    assert "Piagam IGA-2026-SI-0001 sudah dicabut." in again.text
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "Data salah"
    assert AuditEntry.objects.filter(action="award.certificate_revoked").count() == 1


def test_an_unknown_certificate_is_404(admin_client, award):
    url = reverse("awards:revoke", args=["IGA-2026-SI-9999"])
    assert admin_client.post(url, {"reason": "x"}).status_code == 404
