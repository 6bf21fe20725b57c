import pytest

from tests.verification.helpers import make_world


@pytest.fixture
def world(personas):
    return make_world(personas)
