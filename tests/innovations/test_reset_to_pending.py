"""Editing an answer after a verifier decided it sends it back to pending (and a verified
innovation back to the queue); answers left alone keep their decision."""

from django.urls import reverse

from inovda.core.models import AuditEntry
from inovda.innovations.models import Answer, Status, Verification
from tests.innovations.workspace import (
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    open_period,
    profile_post,
    ready_innovation,
    region_a,
)


def _verify(answers, verification=Verification.ACCEPTED, level=2):
    answers.update(verification=verification, verified_level=level)


def test_it_resets_a_changed_answer_of_a_verified_innovation(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    innovation.status = Status.VERIFIED
    innovation.save()
    _verify(innovation.answers.all())
    client = client_for(personas.admin_a)

    response = client.post(
        reverse("pemda:innovation", args=[innovation.pk]),
        innovation_post(version=1, level_16="3"),
    )

    assert response.status_code == 302
    changed = innovation.answers.get(indicator_id="16")
    assert (changed.verification, changed.verified_level) == (Verification.PENDING, 0)
    untouched = innovation.answers.get(indicator_id="17")
    assert (untouched.verification, untouched.verified_level) == (Verification.ACCEPTED, 2)
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
    entry = AuditEntry.objects.get(action="answer.reset_to_pending")
    assert entry.object_id == str(changed.pk)
    assert entry.data["before"] == {"verification": "accepted", "verified_level": 2}


def test_it_resets_on_a_note_or_basis_change_of_a_rejected_or_lowered_answer(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    _verify(innovation.answers.filter(indicator_id="33"), Verification.LOWERED, 1)
    _verify(innovation.answers.filter(indicator_id="20"), Verification.REJECTED, 0)

    client_for(personas.admin_a).post(
        reverse("pemda:innovation", args=[innovation.pk]),
        innovation_post(version=1, basis_33="b", note_20="Bukti bimtek ditambahkan"),
    )

    for indicator_id in ("33", "20"):
        answer = innovation.answers.get(indicator_id=indicator_id)
        assert answer.verification == Verification.PENDING
    assert AuditEntry.objects.filter(action="answer.reset_to_pending").count() == 2


def test_it_leaves_decisions_alone_when_only_the_profile_changes(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    _verify(innovation.answers.all())

    client_for(personas.admin_a).post(
        reverse("pemda:innovation", args=[innovation.pk]),
        innovation_post(version=1, tujuan="Tujuan diperjelas"),
    )

    assert not innovation.answers.exclude(verification=Verification.ACCEPTED).exists()
    assert not AuditEntry.objects.filter(action="answer.reset_to_pending").exists()


def test_it_resets_a_changed_spd_row(personas):
    region = region_a(open_period())
    client = client_for(personas.admin_a)
    url = reverse("pemda:profile", args=[2026, region.code])
    client.post(url, profile_post(region, level=2))
    _verify(Answer.objects.filter(region=region, innovation=None))

    client.post(url, profile_post(region, level=2, value_11b="73,1"))

    rows = Answer.objects.filter(region=region, innovation=None)
    assert rows.get(indicator_id="11b").verification == Verification.PENDING
    assert rows.filter(verification=Verification.ACCEPTED).count() == rows.count() - 1
