from datetime import datetime

import pytest

from inovda.regions.models import Period
from inovda.regions.services import WIB, create_period
from tests.accounts.conftest import FAST_HASHERS
from tests.verification.helpers import make_world


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_HASHERS


@pytest.fixture
def period(db) -> Period:
    """Period 2026, open 1 May to 31 December 23:59:59 WIB."""
    period = create_period(2026)
    period.opens_at = datetime(2026, 5, 1, tzinfo=WIB)
    period.closes_at = datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=WIB)
    period.save(update_fields=["opens_at", "closes_at"])
    return period


@pytest.fixture
def world(personas):
    return make_world(personas)
