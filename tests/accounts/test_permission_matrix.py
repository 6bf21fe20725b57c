"""Every URL of accounts and period administration × every persona: the expected status."""

import uuid

import pytest
from django.urls import reverse

from inovda.regions.services import create_period

LOGIN = "login"  # a redirect to the login page
NO_JOB = uuid.UUID(int=1)
PERSONAS = ("national_admin", "verifier", "admin_a", "operator_a", "admin_b", "anonymous")

# url name, args ("operator_a" = that persona's pk), method, expected per persona in PERSONAS
MATRIX = [
    ("accounts:login", (), "get", (200, 200, 200, 200, 200, 200)),
    ("accounts:logout", (), "post", (302, 302, 302, 302, 302, 302)),
    ("accounts:home", (), "get", (200, 200, 200, 200, 200, LOGIN)),
    ("accounts:password_change", (), "get", (200, 200, 200, 200, 200, LOGIN)),
    ("accounts:list", (), "get", (200, 403, 200, 403, 200, LOGIN)),
    ("accounts:create", (), "get", (200, 403, 200, 403, 200, LOGIN)),
    ("accounts:deactivate", ("operator_a",), "post", (302, 403, 302, 403, 404, LOGIN)),
    ("periods:list", (), "get", (200, 403, 403, 403, 403, LOGIN)),
    ("periods:open", (), "get", (200, 403, 403, 403, 403, LOGIN)),
    ("periods:detail", (2026,), "get", (200, 403, 403, 403, 403, LOGIN)),
    ("periods:extend", (2026,), "get", (200, 403, 403, 403, 403, LOGIN)),
    ("periods:window", (2026,), "post", (400, 403, 403, 403, 403, LOGIN)),
    ("periods:recompute", (2026,), "post", (302, 403, 403, 403, 403, LOGIN)),
    ("periods:publish", (2026,), "get", (200, 403, 403, 403, 403, LOGIN)),
    ("periods:publish", (2026,), "post", (302, 403, 403, 403, 403, LOGIN)),
    ("periods:job", (2026, NO_JOB), "get", (404, 403, 403, 403, 403, LOGIN)),
]
CASES = [
    pytest.param(name, args, method, persona, expected, id=f"{name}-{persona}")
    for name, args, method, row in MATRIX
    for persona, expected in zip(PERSONAS, row, strict=True)
]


@pytest.mark.parametrize(("name", "args", "method", "persona", "expected"), CASES)
def test_it_answers_each_persona_as_the_access_rules_say(
    client, personas, name, args, method, persona, expected
):
    create_period(2026)
    user = getattr(personas, persona)
    if user.is_authenticated:
        client.force_login(user)
    args = [getattr(personas, a).pk if isinstance(a, str) else a for a in args]
    response = getattr(client, method)(reverse(name, args=args))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    else:
        assert response.status_code == expected
