"""Every evidence URL × every persona, on an SPD answer of region A (written by its pemda
admin only), plus the closed window and an OPD operator on its own draft innovation."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from inovda.innovations.evidence import upload_evidence
from inovda.innovations.models import Answer, Evidence, Innovation, Status
from tests.innovations.test_evidence_support import (
    close_window,
    fast_passwords,  # noqa: F401 (autouse fixture)
    make_world,
    pdf,
    png,
)

LOGIN = "login"
READ, WRITE = 200, "write"
# persona → what a write gets; reads (download, history) are 200 for those who see region A.
PERSONAS = {
    "national_admin": (403, 200),
    "verifier": (403, 200),
    "admin_a": (WRITE, 200),
    "operator_a": (403, 200),  # SPD rows belong to the pemda admin
    "admin_b": (404, 404),
    "anonymous": (LOGIN, LOGIN),
}
ACTIONS = {
    # name: (method, url name, uses evidence pk, is a write, status of a successful write)
    "upload_form": ("get", "evidence:upload", False, True, 200),
    "upload": ("post", "evidence:upload", False, True, 302),
    "replace_form": ("get", "evidence:replace", True, True, 200),
    "replace": ("post", "evidence:replace", True, True, 302),
    "remove": ("post", "evidence:remove", True, True, 302),
    "download": ("get", "evidence:download", True, False, None),
    "history": ("get", "evidence:history", False, False, None),
}


@pytest.fixture
def world(personas, settings, tmp_path):
    world = make_world(personas, settings, tmp_path)
    world.evidence = upload_evidence(
        personas.admin_a, world.answer, ContentFile(pdf(), name="a.pdf")
    )
    return world


def request(user, action: str, world):
    method, name, by_evidence, _, _ = ACTIONS[action]
    pk = world.evidence.pk if by_evidence else world.answer.pk
    url = reverse(name, args=[pk])
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    if method == "get":
        return client.get(url)
    return client.post(url, {"berkas": SimpleUploadedFile("b.png", png())})


def expected(persona: str, action: str):
    write, read = PERSONAS[persona]
    outcome = write if ACTIONS[action][3] else read
    return ACTIONS[action][4] if outcome == WRITE else outcome


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_it_applies_the_access_gate(world, personas, persona, action):
    before = list(Evidence.objects.values_list("pk", "replaced_at"))

    response = request(getattr(personas, persona), action, world)

    status = expected(persona, action)
    if status == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == status
    changed = list(Evidence.objects.values_list("pk", "replaced_at")) != before
    assert changed == (status == 302)


@pytest.mark.parametrize("action", ["upload_form", "upload", "replace_form", "replace", "remove"])
def test_it_refuses_every_write_after_the_window_closed(world, personas, action):
    close_window(world)
    before = list(Evidence.objects.values_list("pk", "replaced_at"))

    response = request(personas.admin_a, action, world)

    assert response.status_code == 403
    assert list(Evidence.objects.values_list("pk", "replaced_at")) == before


@pytest.mark.parametrize("action", ["download", "history"])
def test_it_still_shows_evidence_after_the_window_closed(world, personas, action):
    close_window(world)

    assert request(personas.admin_a, action, world).status_code == 200


def test_it_lets_an_operator_add_evidence_to_its_own_draft(world, personas):
    innovation = Innovation.objects.create(
        region=world.region_a,
        name="Layanan Cepat",
        urusan_utama="1.01",
        status=Status.DRAFT,
        created_by=personas.operator_a,
    )
    answer = Answer.objects.create(region=world.region_a, innovation=innovation, indicator_id="16")
    client = Client()
    client.force_login(personas.operator_a)

    response = client.post(
        reverse("evidence:upload", args=[answer.pk]),
        {"berkas": SimpleUploadedFile("a.pdf", pdf())},
    )

    assert response.status_code == 302
    assert answer.evidence.get().uploaded_by == personas.operator_a
