"""The gates answer once: the object, whether the user may change it, and why not."""

import dataclasses

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from inovda.accounts.access import Access, WindowClosed, region_access
from inovda.innovations.access import answer_access, evidence_access, innovation_access
from inovda.innovations.models import Status
from tests.innovations.workspace import (
    add_evidence,
    assign,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    make_innovation,
    open_period,
    region_a,
    set_window,
)


def test_it_is_a_frozen_answer():
    access = Access.of("x", PermissionDenied("Tidak boleh."))
    assert (access.obj, access.can_write, access.reason) == ("x", False, "Tidak boleh.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        access.can_write = True  # type: ignore[misc]
    with pytest.raises(PermissionDenied, match="Tidak boleh"):
        access.require_write()
    assert Access.of("x", None).require_write() == "x"
    assert Access.of("x", None).reason == ""


def test_it_lets_the_pemda_write_and_the_verifier_only_read(personas):
    period = open_period()
    region = region_a(period)
    assign(period, personas.verifier)
    innovation = make_innovation(region, personas.operator_a)
    answer = innovation.answers.first()
    evidence = add_evidence(answer, personas.operator_a)

    for gate, pk in ((innovation_access, innovation.pk), (answer_access, answer.pk)):
        assert gate(personas.admin_a, pk).can_write
        assert gate(personas.operator_a, pk).can_write
        reader = gate(personas.verifier, pk)
        assert reader.obj.pk == pk and not reader.can_write
        assert reader.reason == "Peran Anda hanya dapat melihat data ini."
        with pytest.raises(Http404):
            gate(personas.admin_b, pk)
    assert evidence_access(personas.operator_a, evidence.pk).can_write
    assert not evidence_access(personas.verifier, evidence.pk).can_write


def test_it_says_why_an_innovation_is_not_writable(personas):
    region = region_a(open_period())
    theirs = make_innovation(region, personas.admin_a, "Milik admin")
    access = innovation_access(personas.operator_a, theirs.pk)
    assert not access.can_write
    assert access.reason == "Operator OPD hanya dapat mengubah draf inovasinya sendiri."
    theirs.status = Status.LOCKED
    theirs.save(update_fields=["status"])
    assert innovation_access(personas.admin_a, theirs.pk).reason == "Inovasi ini sudah dikunci."
    sending = innovation_access(personas.operator_a, theirs.pk, admin_only=True)
    assert sending.reason == "Peran Anda hanya dapat melihat data ini."


def test_it_keeps_the_closed_window_refusal(personas):
    period = open_period()
    set_window(period, is_open=False)
    access = region_access(personas.admin_a, 2026, region_a(period).code)
    assert not access.can_write and "sudah ditutup" in access.reason
    with pytest.raises(WindowClosed):
        access.require_write()


def test_it_shows_the_reason_on_the_read_only_innovation_page(personas):
    period = open_period()
    assign(period, personas.verifier)
    innovation = make_innovation(region_a(period), personas.admin_a)
    url = reverse("pemda:innovation", args=[innovation.pk])

    page = client_for(personas.verifier).get(url)
    assert page.status_code == 200
    assert "Peran Anda hanya dapat melihat data ini." in page.content.decode()
    assert client_for(personas.verifier).post(url, {}).status_code == 403
    assert client_for(personas.admin_b).get(url).status_code == 404
