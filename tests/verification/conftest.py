import pytest

from tests.verification.helpers import make_world


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Argon2 makes the five personas take ~2 s per test; nothing here checks a password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(personas):
    return make_world(personas)
