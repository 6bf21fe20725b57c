"""Every verification URL × every persona: 200, 302 (to the login page), 403 or 404."""

import pytest

from inovda.innovations.models import Verification
from inovda.verification.models import Decision, Objection, QCReview
from tests.verification.helpers import make_world, submit_profile

PERSONAS = ["national_admin", "verifier", "admin_a", "operator_a", "admin_b", "anonymous"]

# url name → expected status per persona, in PERSONAS order (302: login redirect).
GET_MATRIX = {
    "queue": (200, 200, 403, 403, 403, 302),
    "item": (200, 200, 403, 403, 404, 302),
    "spd": (200, 200, 403, 403, 404, 302),
    "assignments": (200, 403, 403, 403, 403, 302),
    "period": (200, 403, 403, 403, 403, 302),
    "publish_confirm": (200, 403, 403, 403, 403, 302),
    "qc": (200, 200, 403, 403, 403, 302),
    "qc_review": (403, 200, 403, 403, 403, 302),  # the verifier is its reviewer
    "why": (200, 200, 200, 200, 404, 302),
    "objections": (200, 200, 200, 200, 200, 302),
    "objection": (200, 200, 200, 200, 404, 302),
    "objection_new": (403, 403, 200, 403, 404, 302),
    "history": (200, 200, 200, 200, 404, 302),
    "region_csv": (200, 404, 200, 404, 404, 302),
}
POST_MATRIX = {
    "decide": (403, 302, 403, 403, 404, 302),
    "start": (403, 302, 403, 403, 404, 302),
    "publish": (302, 403, 403, 403, 403, 302),  # no confirmation token: back to confirming
    "recompute": (302, 403, 403, 403, 403, 302),
    "window": (400, 403, 403, 403, 403, 302),  # no times given
}


@pytest.fixture
def urls(personas):
    world = make_world(personas)
    submit_profile(world.region_a)
    answer = world.answers()[0]
    answer.verification = Verification.REJECTED
    answer.save()
    objection = Objection.objects.create(
        region=world.region_a, argument="Bukti ada.", status=Objection.State.RESOLVED
    )
    objection.answers.add(answer)
    decision = Decision.objects.create(answer=answer, outcome="reject", level=0, claimed_level=3)
    review = QCReview.objects.create(answer=answer, decision=decision, reviewer=personas.verifier)
    i = world.innovation.pk
    return {
        "queue": "/verifikasi/",
        "item": f"/verifikasi/inovasi/{i}/",
        "spd": "/verifikasi/spd/2026/36.04/",
        "assignments": "/verifikasi/penugasan/2026/",
        "period": "/periode-admin/2026/",
        "publish_confirm": "/periode-admin/2026/terbitkan/",
        "qc": "/verifikasi/qc/",
        "qc_review": f"/verifikasi/qc/tinjau/{review.pk}/",
        "why": "/verifikasi/alasan/2026/36.04/",
        "objections": "/verifikasi/sanggahan/",
        "objection": f"/verifikasi/sanggahan/{objection.pk}/",
        "objection_new": "/verifikasi/sanggahan/baru/2026/36.04/",
        "history": f"/riwayat/innovations.innovation/{i}/",
        "region_csv": "/riwayat/pemda/2026/36.04/unduh.csv",
        "decide": (f"/verifikasi/jawaban/{world.answers()[1].pk}/putuskan/", {"outcome": "accept"}),
        "start": (f"/verifikasi/inovasi/{i}/mulai/", {}),
        "publish": ("/periode-admin/2026/terbitkan/", {"note": ""}),
        "recompute": ("/periode-admin/2026/hitung-ulang/", {}),
        "window": ("/periode-admin/2026/masa-sanggah/", {}),
    }


def _login(client, personas, name):
    if name != "anonymous":
        client.force_login(getattr(personas, name))


@pytest.mark.parametrize("name", list(GET_MATRIX))
def test_it_answers_each_persona_as_the_matrix_says(client, personas, urls, name):
    got = []
    for persona in PERSONAS:
        client.logout()
        _login(client, personas, persona)
        response = client.get(urls[name])
        got.append(response.status_code)
        if response.status_code == 302:
            assert "/akun/masuk/" in response["Location"]
    assert tuple(got) == GET_MATRIX[name]


@pytest.mark.parametrize("name", list(POST_MATRIX))
@pytest.mark.parametrize("persona", PERSONAS)
def test_it_lets_only_the_right_persona_post(client, personas, urls, name, persona):
    _login(client, personas, persona)
    url, data = urls[name]
    response = client.post(url, data)
    expected = POST_MATRIX[name][PERSONAS.index(persona)]
    assert response.status_code == expected
    if persona == "anonymous":
        assert "/akun/masuk/" in response["Location"]
