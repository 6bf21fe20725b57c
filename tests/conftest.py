import pytest

from tests.personas import make_personas


@pytest.fixture
def personas(db):
    return make_personas()
