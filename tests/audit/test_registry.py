"""Each app registers the labels of the audit actions it writes and its objects' histories;
core only keeps the registry."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from inovda.accounts.assignments import assign, unassign
from inovda.core import history
from inovda.core.models import AuditEntry
from tests.personas import REGION_B


@pytest.mark.parametrize(
    ("action", "label"),
    [
        ("innovation.created", "Inovasi dibuat"),
        ("profile.submitted", "Profil SPD dikirim"),
        ("answer.rejected", "Indikator ditolak"),
        ("innovation.locked", "Inovasi dikunci (publikasi)"),
        ("assignment.created", "Verifikator ditugaskan"),
        ("period.published", "Periode dipublikasikan"),
    ],
)
def test_it_knows_the_label_each_app_registered(action, label):
    assert history.label(action) == label


def test_it_refuses_a_second_label_for_one_action():
    history.register_labels({"innovation.created": "Inovasi dibuat"})  # the same: harmless
    with pytest.raises(ImproperlyConfigured, match=r"innovation\.created"):
        history.register_labels({"innovation.created": "Inovasi lain"})
    assert history.label("innovation.created") == "Inovasi dibuat"


def test_it_shows_an_assignment_under_its_current_and_its_former_name(client, world):
    p = world.personas
    assignment = assign(p.national_admin, world.period, p.verifier, REGION_B)
    unassign(p.national_admin, assignment)
    old = AuditEntry.objects.filter(action="assignment.created").get()
    assert old.object_type == "accounts.assignment"
    AuditEntry.objects.filter(pk=old.pk).update(object_type="verification.assignment")

    client.force_login(p.national_admin)
    for name in ("accounts.assignment", "verification.assignment"):
        page = client.get(f"/riwayat/{name}/{assignment.pk}/")
        assert page.status_code == 200
        body = page.content.decode()
        assert "Verifikator ditugaskan" in body and "Penugasan dihapus" in body
    client.force_login(p.admin_a)
    assert client.get(f"/riwayat/accounts.assignment/{assignment.pk}/").status_code == 404
