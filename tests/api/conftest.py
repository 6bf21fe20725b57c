import pytest
from django.core.cache import cache

from tests.fixtures import published_period


@pytest.fixture(autouse=True)
def fresh_throttle():
    # The anonymous throttle counts requests in the cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def published(db):
    return published_period(2026)
