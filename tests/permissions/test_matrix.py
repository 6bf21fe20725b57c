"""Every URL of Inovda × every persona: the status each one gets.

The list is complete by construction: the first test walks the URL resolver and fails on any
URL name nobody listed here, so a new page cannot ship without its row. Statuses: 200 (or 302
where the step ends in a redirect), 400 for a refused form, 403 for what the persona may see
but not do, 404 for what does not exist for them (another region), LOGIN for a redirect to the
login page. Each persona's request runs in a savepoint that is rolled back, so a write by one
persona does not change what the next one meets.
"""

import uuid

import pytest
from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse

from tests.awards.test_permissions import MATRIX as AWARD_MATRIX
from tests.permissions.world import make_world

LOGIN = "login"
NO_JOB = uuid.UUID(int=1)  # a job that does not exist
PERSONAS = ("national_admin", "verifier", "admin_a", "operator_a", "admin_b", "juror", "anonymous")
PUBLIC = (200,) * 7
STAFF = (200, 200, 200, 200, 200, 200, LOGIN)
NATIONAL = (200, 403, 403, 403, 403, 403, LOGIN)
REDIRECT = (302,) * 7  # to the latest published period

# Names left out on purpose, with the reason.
UNLISTED = {
    "admin:": "Django's own admin site: staff accounts only, guarded by Django itself",
}

# name: (method, url args (a world key or a literal), expected status per persona[, data])
MATRIX: dict[str, tuple] = {
    # the load balancer's health check: open, no secrets
    "healthz": ("get", (), PUBLIC),
    # accounts
    "accounts:login": ("get", (), PUBLIC),
    "accounts:logout": ("post", (), (LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN)),
    "accounts:home": ("get", (), STAFF),
    "accounts:password_change": ("get", (), STAFF),
    "accounts:list": ("get", (), (200, 403, 200, 403, 200, 403, LOGIN)),
    "accounts:create": ("get", (), (200, 403, 200, 403, 200, 403, LOGIN)),
    "accounts:deactivate": ("post", ("operator_a",), (302, 403, 302, 403, 404, 403, LOGIN)),
    # a forged invitation link: refused alike for everyone
    "accounts:invitation": ("get", ("MQ", "bukan-token"), (400,) * 7),
    # the period's life (national admin only)
    "periods:list": ("get", (), NATIONAL),
    "periods:open": ("get", (), NATIONAL),
    "periods:detail": ("get", (2026,), NATIONAL),
    "periods:job": ("get", (2026, NO_JOB), (404, 403, 403, 403, 403, 403, LOGIN)),
    "periods:extend": ("get", (2026,), NATIONAL),
    "periods:window": ("post", (2026,), (400, 403, 403, 403, 403, 403, LOGIN)),
    "periods:recompute": ("post", (2026,), (302, 403, 403, 403, 403, 403, LOGIN)),
    "periods:publish": ("get", (2026,), NATIONAL),
    # the pemda workspace: region A is the verifier's (sees, never writes)
    "pemda:index": ("get", (), (403, 403, 302, 302, 302, 403, LOGIN)),
    "pemda:home": ("get", (2026, "36.04"), (200, 200, 200, 200, 404, 404, LOGIN)),
    "pemda:selfscore": ("get", (2026, "36.04"), (200, 200, 200, 200, 404, 404, LOGIN)),
    "pemda:profile": ("get", (2026, "36.04"), (200, 200, 200, 200, 404, 404, LOGIN)),
    "pemda:profile_submit": ("post", (2026, "36.04"), (403, 403, 302, 403, 404, 404, LOGIN)),
    "pemda:new": ("get", (2026, "36.04"), (403, 403, 200, 200, 404, 404, LOGIN)),
    "pemda:new_eligibility": ("post", (2026, "36.04"), (200, 200, 200, 200, 404, 404, LOGIN)),
    "pemda:innovation": ("get", ("draft",), (200, 200, 200, 200, 404, 404, LOGIN)),
    "pemda:eligibility": ("post", ("draft",), (200, 200, 200, 200, 404, 404, LOGIN)),
    "pemda:submit": ("post", ("draft",), (403, 403, 302, 403, 404, 404, LOGIN)),
    "pemda:receipt": ("get", ("receipt",), (200, 200, 200, 200, 404, 404, LOGIN)),
    "impor:form": ("get", (2026, "36.04"), (403, 403, 200, 200, 404, 404, LOGIN)),
    "impor:template": ("get", (2026, "36.04"), (200, 200, 200, 200, 404, 404, LOGIN)),
    # an import job's page: whoever sees the region (region B and the juror: 404)
    "impor:job": ("get", (2026, "36.04", "import_job"), (200, 200, 200, 200, 404, 404, LOGIN)),
    # evidence of the SPD answer (written by the pemda admin only)
    "evidence:upload": ("get", ("spd",), (403, 403, 200, 403, 404, 404, LOGIN)),
    "evidence:replace": ("get", ("evidence",), (403, 403, 200, 403, 404, 404, LOGIN)),
    "evidence:remove": ("post", ("evidence",), (403, 403, 302, 403, 404, 404, LOGIN)),
    "evidence:download": ("get", ("evidence",), (200, 200, 200, 200, 404, 404, LOGIN)),
    "evidence:history": ("get", ("spd",), (200, 200, 200, 200, 404, 404, LOGIN)),
    # history
    "riwayat:object": (
        "get",
        ("innovations.innovation", "submitted"),
        (200, 200, 200, 200, 404, 404, LOGIN),
    ),
    "riwayat:region_csv": ("get", (2026, "36.04"), (200, 404, 200, 404, 404, 404, LOGIN)),
    # verification
    "verifikasi:queue": ("get", (), (200, 200, 403, 403, 403, 403, LOGIN)),
    "verifikasi:item": ("get", ("submitted",), (200, 200, 403, 403, 404, 404, LOGIN)),
    "verifikasi:spd": ("get", (2026, "36.04"), (200, 200, 403, 403, 404, 404, LOGIN)),
    "verifikasi:start": ("post", ("submitted",), (403, 302, 403, 403, 404, 404, LOGIN)),
    "verifikasi:decide": (
        "post",
        ("answer",),
        (403, 302, 403, 403, 404, 404, LOGIN),
        {"outcome": "accept"},
    ),
    "verifikasi:return": ("post", ("submitted",), (403, 400, 403, 403, 404, 404, LOGIN)),
    "verifikasi:finish": ("post", ("submitted",), (403, 400, 403, 403, 404, 404, LOGIN)),
    "verifikasi:accept_zero": ("post", ("submitted",), (403, 302, 403, 403, 404, 404, LOGIN)),
    "verifikasi:ineligible": ("post", ("submitted",), (403, 400, 403, 403, 404, 404, LOGIN)),
    "verifikasi:eligible": ("post", ("submitted",), (403, 400, 403, 403, 404, 404, LOGIN)),
    "verifikasi:why": ("get", (2026, "36.04"), (200, 200, 200, 200, 404, 404, LOGIN)),
    "verifikasi:assignments": ("get", (2026,), NATIONAL),
    "verifikasi:assignment_remove": (
        "post",
        ("assignment",),
        (302, 403, 403, 403, 403, 403, LOGIN),
    ),
    "verifikasi:qc": ("get", (), (200, 200, 403, 403, 403, 403, LOGIN)),
    "verifikasi:qc_sample": ("post", (2026,), (400, 403, 403, 403, 403, 403, LOGIN)),
    "verifikasi:qc_review": ("get", ("review",), (403, 200, 403, 403, 403, 403, LOGIN)),
    "verifikasi:qc_evidence": (
        "get",
        ("review", "evidence"),
        (403, 404, 403, 403, 403, 403, LOGIN),
    ),
    "verifikasi:objections": ("get", (), (200, 200, 200, 200, 200, 403, LOGIN)),
    "verifikasi:objection": ("get", ("objection",), (200, 200, 200, 200, 404, 404, LOGIN)),
    "verifikasi:objection_new": ("get", (2026, "36.04"), (403, 403, 200, 403, 404, 404, LOGIN)),
    # the public portal, the downloads and the open-data API: everyone, signed in or not
    "portal:home": ("get", (), REDIRECT),
    "portal:dashboard": ("get", (2020,), PUBLIC),
    "portal:ranking": ("get", (2020,), PUBLIC),
    "portal:ranking_latest": ("get", (), REDIRECT),
    "portal:region": ("get", (2020, "36.04"), PUBLIC),
    "portal:innovation": ("get", ("published_innovation",), PUBLIC),
    "portal:catalogue": ("get", (), PUBLIC),
    "portal:methodology": ("get", (2026,), PUBLIC),
    "portal:methodology_latest": ("get", (), REDIRECT),
    "unduh:peringkat_csv": ("get", (2020,), PUBLIC),
    "unduh:peringkat_xlsx": ("get", (2020,), PUBLIC),
    "unduh:katalog_csv": ("get", (2020,), PUBLIC),
    "unduh:katalog_xlsx": ("get", (2020,), PUBLIC),
    "api-v1:api-root": ("get", (), (404, 404, 404, 404, 404, 404, 404)),
    "api-v1:openapi-json": ("get", (), PUBLIC),
    "api-v1:openapi-view": ("get", (), PUBLIC),
    "api-v1:list_periods": ("get", (), PUBLIC),
    "api-v1:get_recap": ("get", (2020,), PUBLIC),
    "api-v1:list_rankings": ("get", (2020,), PUBLIC, {"cluster": "kabupaten"}),
    "api-v1:get_region_result": ("get", (2020, "36.04"), PUBLIC),
    "api-v1:list_innovations": ("get", (2020,), PUBLIC),
    # no award is signed off in this world: nothing of it is public (tests/awards has the rest)
    "api-v1:award": ("get", (2026,), (404,) * 7),
    "api-v1:get_innovation": ("get", ("published_innovation",), PUBLIC),
}


def _url_names(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _url_names(
                pattern, prefix + (f"{pattern.namespace}:" * bool(pattern.namespace))
            )
        elif pattern.name:
            yield prefix + pattern.name


def test_every_url_name_is_listed():
    # The award's URLs need an award in progress: their rows live beside its world, in
    # tests/awards/test_permissions.py, and count here.
    listed = MATRIX.keys() | {row[0] for row in AWARD_MATRIX}
    names = {n for n in _url_names() if not n.startswith(tuple(UNLISTED))}
    assert sorted(names - listed) == [], "add a row to MATRIX for each new URL"
    assert sorted(listed - names) == [], "MATRIX lists URLs that no longer exist"


@pytest.fixture
def world(personas, settings, tmp_path):
    return make_world(personas, settings, tmp_path)


def _status(personas, world, name: str, persona: str):
    method, args, _, *query = MATRIX[name]
    url = reverse(name, args=[world.ids.get(a, a) if isinstance(a, str) else a for a in args])
    user = getattr(personas, persona)
    # A bare savepoint, not atomic(): services that demand a durable block still run.
    savepoint = transaction.savepoint()
    try:
        client = Client()
        if user.is_authenticated:
            client.force_login(user)
        response = getattr(client, method)(url, *query)
    finally:
        transaction.savepoint_rollback(savepoint)
    if response.status_code == 302 and "/akun/masuk/" in response.get("Location", ""):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_it_answers_each_persona_as_the_matrix_says(personas, world, name):
    got = tuple(_status(personas, world, name, persona) for persona in PERSONAS)
    assert got == MATRIX[name][2]
