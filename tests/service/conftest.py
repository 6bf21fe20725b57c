import pytest

from tests.accounts.conftest import FAST_HASHERS
from tests.verification.helpers import make_world


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def world(personas):
    return make_world(personas)
