"""Every URL of the pemda workspace × every persona: who sees (200), who may not change
(403), for whom region A does not exist (404), and who must log in first."""

import pytest
from django.urls import reverse

from inovda.innovations.services import submit_innovation
from tests.innovations.workspace import (
    assign,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    open_period,
    profile_post,
    ready_innovation,
    region_a,
)

LOGIN = "login"
PERSONAS = ["national_admin", "verifier", "admin_a", "operator_a", "admin_b", "anonymous"]


def _expect(national_admin, verifier, admin_a, operator_a, admin_b, anonymous=LOGIN):
    return dict(
        zip(
            PERSONAS,
            [national_admin, verifier, admin_a, operator_a, admin_b, anonymous],
            strict=True,
        )
    )


# (name, method, expected per persona). The verifier is assigned to region A: it sees, never
# writes. The innovation is the operator's own draft; the receipt is region A's.
MATRIX = [
    ("index", "get", _expect(403, 403, 302, 302, 302)),
    ("home", "get", _expect(200, 200, 200, 200, 404)),
    ("profile", "get", _expect(200, 200, 200, 200, 404)),
    ("profile", "post", _expect(403, 403, 302, 403, 404)),
    ("profile_submit", "post", _expect(403, 403, 302, 403, 404)),
    ("new", "get", _expect(403, 403, 200, 200, 404)),
    ("new", "post", _expect(403, 403, 302, 302, 404)),
    ("new_eligibility", "post", _expect(200, 200, 200, 200, 404)),
    ("innovation", "get", _expect(200, 200, 200, 200, 404)),
    ("innovation", "post", _expect(403, 403, 302, 302, 404)),
    ("eligibility", "post", _expect(200, 200, 200, 200, 404)),
    ("submit", "post", _expect(403, 403, 302, 403, 404)),
    ("receipt", "get", _expect(200, 200, 200, 200, 404)),
]
CASES = [
    pytest.param(name, method, persona, status, id=f"{method}-{name}-{persona}")
    for name, method, expected in MATRIX
    for persona, status in expected.items()
]


def _request(name, method, region, innovation, receipt):
    args = {
        "index": [],
        "home": [2026, region.code],
        "profile": [2026, region.code],
        "profile_submit": [2026, region.code],
        "new": [2026, region.code],
        "new_eligibility": [2026, region.code],
        "innovation": [innovation.pk],
        "eligibility": [innovation.pk],
        "submit": [innovation.pk],
        "receipt": [receipt.pk],
    }[name]
    data = {}
    if method == "post" and name in ("innovation", "eligibility"):
        data = innovation_post(innovation.name, version=innovation.version)
    elif method == "post" and name in ("new", "new_eligibility"):
        data = innovation_post("Inovasi baru")
    elif method == "post" and name == "profile":
        data = profile_post(region)
    return reverse(f"pemda:{name}", args=args), data


@pytest.mark.parametrize(("name", "method", "persona", "status"), CASES)
def test_it_answers_each_persona_as_the_matrix_says(personas, name, method, persona, status):
    period = open_period()
    region = region_a(period)
    assign(period, personas.verifier)
    innovation = ready_innovation(region, personas.operator_a, "Draf operator")
    receipt = submit_innovation(
        personas.admin_a, ready_innovation(region, personas.admin_a, "Sudah dikirim")
    ).submission
    url, data = _request(name, method, region, innovation, receipt)
    client = client_for(getattr(personas, persona))

    response = getattr(client, method)(url, data)

    if status == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith("/akun/masuk/")
    else:
        assert response.status_code == status, response.content.decode()[:500]


def test_it_hides_region_a_from_a_verifier_not_assigned_to_it(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    client = client_for(personas.verifier)

    assert client.get(reverse("pemda:home", args=[2026, region.code])).status_code == 404
    assert client.get(reverse("pemda:innovation", args=[innovation.pk])).status_code == 404


def test_it_sends_a_pemda_account_to_its_own_workspace(personas):
    open_period()

    response = client_for(personas.admin_b).get(reverse("pemda:index"))

    assert response.url == reverse("pemda:home", args=[2026, "36.73"])


def test_it_does_not_write_anything_for_a_refused_persona(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    before = (innovation.version, innovation.tujuan)

    for persona in (personas.admin_b, personas.verifier, personas.national_admin):
        client_for(persona).post(
            reverse("pemda:innovation", args=[innovation.pk]),
            innovation_post(version=innovation.version, tujuan="Diubah orang lain"),
        )

    innovation.refresh_from_db()
    assert (innovation.version, innovation.tujuan) == before
