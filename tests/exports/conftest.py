import pytest

from tests.fixtures import published_period


@pytest.fixture
def published(db):
    return published_period(2026)
