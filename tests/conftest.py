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


IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    # Built downloads and evidence of one test never leak into another.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def jobs_run_at_once(settings):
    # Jobs run inside the request that starts them; tests/service runs the real worker too.
    settings.TASKS = IMMEDIATE


@pytest.fixture(autouse=True)
def empty_cache():
    # Cached public pages are keyed by publication ids, which a rolled-back test can reuse.
    cache.clear()
    yield
    cache.clear()
