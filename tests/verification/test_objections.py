"""Objections (sanggahan): raised by the pemda admin inside the window, resolved by the
assigned verifier with a reason, and the result recomputed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inovda.innovations.models import Verification
from inovda.results.models import Result
from inovda.verification.duties import VerificationError
from inovda.verification.models import Objection, ObjectionWindow, Outcome, Reason
from inovda.verification.objections import raise_objection, resolve_objection
from inovda.verification.review import decide
from tests.verification.helpers import make_innovation, open_objection_window


@pytest.fixture
def rejected(world):
    answers = world.answers()[:2]
    for answer in answers:
        decide(world.personas.verifier, answer, Outcome.REJECT, reason=Reason.EVIDENCE_MISSING)
    return [type(a).objects.get(pk=a.pk) for a in answers]


def test_it_refuses_an_objection_without_an_open_window(world, rejected):
    admin = world.personas.admin_a
    with pytest.raises(VerificationError, match="Masa sanggah"):
        raise_objection(admin, world.region_a, rejected, "Ada buktinya.")
    now = timezone.now()
    ObjectionWindow.objects.create(
        period=world.period, opens_at=now - timedelta(days=5), closes_at=now - timedelta(days=1)
    )
    with pytest.raises(VerificationError, match="Masa sanggah"):
        raise_objection(admin, world.region_a, rejected, "Ada buktinya.")
    assert not Objection.objects.exists()


def test_it_takes_an_objection_inside_the_window(world, rejected):
    open_objection_window(world.period)
    objection = raise_objection(
        world.personas.admin_a, world.region_a, rejected, "SK terlampir di halaman 3."
    )
    assert objection.status == Objection.State.OPEN
    assert set(objection.answers.values_list("pk", flat=True)) == {a.pk for a in rejected}


@pytest.mark.parametrize("persona", ["operator_a", "admin_b", "verifier", "national_admin"])
def test_it_takes_objections_only_from_the_regions_admin(world, rejected, persona):
    open_objection_window(world.period)
    with pytest.raises(VerificationError, match="admin pemda ini"):
        raise_objection(getattr(world.personas, persona), world.region_a, rejected, "Argumen.")


def test_it_refuses_empty_pending_foreign_or_duplicate_objections(world, rejected):
    open_objection_window(world.period)
    admin = world.personas.admin_a
    with pytest.raises(VerificationError, match="Argumen"):
        raise_objection(admin, world.region_a, rejected, " ")
    with pytest.raises(VerificationError, match="minimal satu"):
        raise_objection(admin, world.region_a, [], "Argumen.")
    pending = world.answers()[5]
    with pytest.raises(VerificationError, match="belum diverifikasi"):
        raise_objection(admin, world.region_a, [pending], "Argumen.")
    foreign = make_innovation(world.region_b).answers.first()
    with pytest.raises(VerificationError, match="bukan milik"):
        raise_objection(admin, world.region_a, [foreign], "Argumen.")
    raise_objection(admin, world.region_a, rejected[:1], "Argumen.")
    with pytest.raises(VerificationError, match="sudah disanggah"):
        raise_objection(admin, world.region_a, rejected, "Lagi.")


def test_it_accepts_an_objection_with_new_levels_and_recomputes(world, rejected):
    open_objection_window(world.period)
    objection = raise_objection(world.personas.admin_a, world.region_a, rejected, "Bukti ada.")
    with pytest.raises(VerificationError, match="wajib"):
        resolve_objection(world.personas.verifier, objection, True, "", {})
    resolve_objection(
        world.personas.verifier,
        objection,
        True,
        "Bukti ditemukan di lampiran.",
        {rejected[0].pk: 3, rejected[1].pk: 2},
    )
    objection.refresh_from_db()
    assert (objection.status, objection.outcome) == ("resolved", "accepted")
    assert objection.resolved_by == world.personas.verifier
    first, second = (type(a).objects.get(pk=a.pk) for a in rejected)
    assert (first.verified_level, first.verification) == (3, Verification.ACCEPTED)
    assert (second.verified_level, second.verification) == (2, Verification.LOWERED)
    latest = second.decisions.first()
    assert (latest.reason, latest.text) == (Reason.OBJECTION, "Bukti ditemukan di lampiran.")
    assert Result.objects.filter(period=world.period).count() == world.period.regions.count()
    with pytest.raises(VerificationError, match="sudah diputuskan"):
        resolve_objection(world.personas.verifier, objection, False, "Lagi.")


def test_it_rejects_an_objection_without_changing_levels(world, rejected):
    open_objection_window(world.period)
    objection = raise_objection(world.personas.admin_a, world.region_a, rejected, "Bukti ada.")
    resolve_objection(world.personas.verifier, objection, False, "Bukti tidak relevan.")
    objection.refresh_from_db()
    assert objection.outcome == "rejected"
    assert not Result.objects.exists()
    assert {a.verified_level for a in objection.answers.all()} == {0}


def test_it_refuses_bad_resolutions(world, rejected):
    open_objection_window(world.period)
    objection = raise_objection(world.personas.admin_a, world.region_a, rejected, "Bukti ada.")
    verifier = world.personas.verifier
    with pytest.raises(VerificationError, match="antara 0 dan klaim"):
        resolve_objection(verifier, objection, True, "Ok.", {rejected[0].pk: 4})
    with pytest.raises(VerificationError, match="tidak ada level yang berubah"):
        resolve_objection(verifier, objection, True, "Ok.", {rejected[0].pk: 0})
    with pytest.raises(VerificationError, match="indikator yang disanggah"):
        resolve_objection(verifier, objection, True, "Ok.", {world.answers()[9].pk: 3})
    with pytest.raises(VerificationError, match="Hanya verifikator"):
        resolve_objection(world.personas.admin_a, objection, False, "Sendiri.")
    objection.refresh_from_db()
    assert objection.status == Objection.State.OPEN


def test_it_takes_an_objection_through_the_pages(client, world, rejected):
    open_objection_window(world.period)
    client.force_login(world.personas.admin_a)
    url = "/verifikasi/sanggahan/baru/2026/36.04/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Kirim sanggahan" in page.content.decode()
    response = client.post(url, {"answers": [rejected[0].pk], "argument": "SK ada."})
    objection = Objection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/verifikasi/sanggahan/{objection.pk}/"

    client.force_login(world.personas.verifier)
    response = client.post(
        f"/verifikasi/sanggahan/{objection.pk}/",
        {"accepted": "1", "reason": "SK sah.", f"level_{rejected[0].pk}": "3"},
    )
    assert response.status_code == 302
    objection.refresh_from_db()
    assert objection.outcome == "accepted"

    client.force_login(world.personas.admin_a)
    why = client.get("/verifikasi/alasan/2026/36.04/?semua=1").content.decode()
    assert "Hasil sanggahan" in why
    assert "SK sah." in why


def test_it_shows_a_closed_window_on_the_form(client, world, rejected):
    client.force_login(world.personas.admin_a)
    page = client.get("/verifikasi/sanggahan/baru/2026/36.04/")
    assert "Masa sanggah belum dibuka" in page.content.decode()
    response = client.post(
        "/verifikasi/sanggahan/baru/2026/36.04/", {"answers": [rejected[0].pk], "argument": "x"}
    )
    assert response.status_code == 400
    assert not Objection.objects.exists()
