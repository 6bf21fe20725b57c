import pytest
from django.core.cache import cache

from tests.personas import make_personas


@pytest.fixture
def personas(db):
    return make_personas()


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Argon2 costs ~0.2 s a hash; tests need working hashes, not slow ones.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    # Cached public pages are keyed by publication ids, which a rolled-back test can reuse.
    cache.clear()
    yield
    cache.clear()
