"""The period page walks the period's life; recompute is its own action; publishing asks for
confirmation, lists what blocks it, and makes one publication per confirmation."""

from datetime import timedelta

from django.utils import timezone

from inovda.core.models import AuditEntry
from inovda.innovations.models import Innovation, Status
from inovda.results import lifecycle
from inovda.results.models import Publication, Result
from inovda.verification.models import ObjectionWindow
from tests.periods.test_publish import ready_to_publish
from tests.verification.helpers import open_objection_window

PAGE = "/periode-admin/2026/"
CONFIRM = "/periode-admin/2026/terbitkan/"
RECOMPUTE = "/periode-admin/2026/hitung-ulang/"


def test_it_shows_the_seven_steps_with_their_state(client, world):
    client.force_login(world.personas.national_admin)
    response = client.get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    for label in (
        "Buka masa pelaporan",
        "Perpanjangan",
        "Penugasan verifikator",
        "Masa sanggah",
        "Hitung ulang",
        "Publikasi",
        "Kunci inovasi terverifikasi",
    ):
        assert label in page
    states = {s.key: s.state for s in lifecycle.steps(world.period)}
    assert states == {
        "open": "berjalan",
        "extend": "opsional",
        "assign": "selesai",  # region A reports and has its verifier
        "window": "belum",
        "recompute": "belum",
        "publish": "belum",
        "lock": "belum",
    }
    assert 'href="/verifikasi/penugasan/2026/"' in page
    assert f'href="{CONFIRM}"' in page


def test_it_redirects_the_old_period_page(client, world):
    client.force_login(world.personas.national_admin)
    response = client.get("/verifikasi/periode/2026/")
    assert (response.status_code, response["Location"]) == (301, PAGE)


def test_it_recomputes_without_publishing(client, world):
    client.force_login(world.personas.national_admin)
    response = client.post(RECOMPUTE, follow=True)
    assert response.status_code == 200
    assert Result.objects.filter(period=world.period).count() == world.period.regions.count()
    assert not Publication.objects.exists()
    assert "dihitung ulang; belum dipublikasikan" in response.content.decode()
    entry = AuditEntry.objects.get(action="period.recomputed")
    assert (entry.actor, entry.data["regions"]) == (
        world.personas.national_admin,
        world.period.regions.count(),
    )
    steps = {s.key: s.state for s in lifecycle.steps(world.period)}
    assert steps["recompute"] == "selesai"


def test_it_recomputes_only_for_the_national_admin(client, world):
    client.force_login(world.personas.verifier)
    assert client.post(RECOMPUTE).status_code == 403
    assert not Result.objects.exists()


def test_it_lists_the_blockers_and_offers_no_button(client, world):
    open_objection_window(world.period)
    Innovation.objects.create(region=world.region_a, name="Kedua", status=Status.IN_REVIEW)
    client.force_login(world.personas.national_admin)
    response = client.get(CONFIRM)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Masa pelaporan masih berjalan sampai" in page
    assert "Masa sanggah masih berjalan sampai" in page
    assert "1 inovasi masih berstatus Dikirim." in page
    assert "1 inovasi masih berstatus Diperiksa." in page
    assert "Ya, publikasikan" not in page
    response = client.post(CONFIRM, {"note": "", "seen": 0})
    assert response.status_code == 400
    assert "Belum dapat dipublikasikan" in response.content.decode()
    assert not Publication.objects.exists()


def test_it_warns_but_lets_publish(client, world):
    ready_to_publish(world)
    client.force_login(world.personas.national_admin)
    page = client.get(CONFIRM).content.decode()
    assert "Tidak ada." in page  # no blockers
    assert "Masa sanggah belum pernah dijadwalkan" in page
    assert "1 inovasi berstatus Dikembalikan" in page
    assert "Ya, publikasikan 2026" in page
    assert 'name="seen" value="0"' in page
    assert "data-submit-once" in page


def test_it_makes_one_publication_for_a_double_post(client, world):
    ready_to_publish(world)
    client.force_login(world.personas.national_admin)
    first = client.post(CONFIRM, {"note": "Final", "seen": 0}, follow=True)
    assert "dipublikasikan (publikasi 1)" in first.content.decode()
    second = client.post(CONFIRM, {"note": "Final", "seen": 0}, follow=True)
    assert second.status_code == 200
    assert "Publikasi 1 sudah dibuat; tidak ada publikasi baru." in second.content.decode()
    assert Publication.objects.count() == 1
    assert AuditEntry.objects.filter(action="period.published").count() == 1


def test_it_makes_the_next_publication_only_when_confirmed_again(client, world):
    ready_to_publish(world)
    client.force_login(world.personas.national_admin)
    client.post(CONFIRM, {"seen": 0})
    page = client.get(CONFIRM).content.decode()
    assert "Sudah ada publikasi 1; publikasi 2" in page
    assert 'name="seen" value="1"' in page
    client.post(CONFIRM, {"seen": 1})
    assert list(Publication.objects.order_by("number").values_list("number", flat=True)) == [1, 2]


def test_it_refuses_a_token_from_the_future(client, world):
    ready_to_publish(world)
    client.force_login(world.personas.national_admin)
    response = client.post(CONFIRM, {"seen": 3})
    assert response.status_code == 400
    assert "Halaman konfirmasi sudah usang" in response.content.decode()
    assert not Publication.objects.exists()


def test_it_never_publishes_without_the_confirmation(client, world):
    ready_to_publish(world)
    client.force_login(world.personas.national_admin)
    response = client.post(CONFIRM, {"note": "Tanpa konfirmasi"})
    assert (response.status_code, response["Location"]) == (302, CONFIRM)
    assert not Publication.objects.exists()


def test_the_service_returns_the_existing_publication_when_one_was_made_since(world):
    ready_to_publish(world)
    admin = world.personas.national_admin
    made, created = lifecycle.publish(admin, world.period, seen=0)
    again, created_again = lifecycle.publish(admin, world.period, seen=0)
    assert (created, created_again, again.pk) == (True, False, made.pk)


def test_it_blocks_while_the_objection_window_is_open_and_not_after(world):
    ready_to_publish(world)
    now = timezone.now()
    window = ObjectionWindow.objects.create(
        period=world.period, opens_at=now - timedelta(days=2), closes_at=now + timedelta(hours=1)
    )
    assert any("Masa sanggah" in b for b in lifecycle.preflight(world.period).blockers)
    window.closes_at = now - timedelta(hours=1)
    window.save()
    assert lifecycle.preflight(world.period).ok


def test_it_sets_the_objection_window_from_the_period_page(client, world):
    client.force_login(world.personas.national_admin)
    response = client.post(
        "/periode-admin/2026/masa-sanggah/",
        {"opens_at": "2027-01-05T08:00", "closes_at": "2027-01-12T16:00"},
    )
    assert (response.status_code, response["Location"]) == (302, PAGE)
    assert ObjectionWindow.objects.filter(period=world.period).exists()
    bad = client.post(
        "/periode-admin/2026/masa-sanggah/",
        {"opens_at": "2027-01-12T08:00", "closes_at": "2027-01-05T16:00"},
    )
    assert bad.status_code == 400
    assert "Waktu penutupan harus sesudah waktu pembukaan." in bad.content.decode()
