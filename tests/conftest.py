import pytest

from tests.personas import make_personas


@pytest.fixture
def personas(db):
    return make_personas()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Argon2 costs ~0.2 s a hash; tests need working hashes, not slow ones.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
