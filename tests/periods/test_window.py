"""The reporting window: ``Period.is_open_for`` and its enforcement in the access gate."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from inovda.accounts.access import WindowClosed, get_region_for_user
from inovda.regions.models import Period, PeriodExtension
from inovda.regions.services import WIB

A, B = "36.04", "36.73"
LAST_SECOND = datetime(2026, 12, 31, 23, 59, 59, tzinfo=WIB)
NEXT_DAY = datetime(2027, 1, 1, 0, 0, 0, tzinfo=WIB)


def extend(period: Period, closes_at: datetime, region_code: str = "") -> None:
    PeriodExtension.objects.create(
        period=period, region_code=region_code, closes_at=closes_at, reason="uji"
    )


def test_it_is_open_from_the_opening_to_the_last_second_wib(period):
    assert not period.is_open_for(A, datetime(2026, 4, 30, 23, 59, 59, tzinfo=WIB))
    assert period.is_open_for(A, datetime(2026, 5, 1, 0, 0, tzinfo=WIB))
    assert period.is_open_for(A, LAST_SECOND)
    assert not period.is_open_for(A, NEXT_DAY)


def test_it_is_closed_while_no_window_is_set(period):
    period.opens_at = period.closes_at = None
    assert not period.is_open_for(A, LAST_SECOND - timedelta(days=30))


def test_it_keeps_every_region_open_after_a_national_extension(period):
    extend(period, datetime(2027, 1, 7, 23, 59, 59, tzinfo=WIB))
    period = Period.objects.get(pk=period.pk)
    assert period.is_open_for(A, NEXT_DAY)
    assert period.is_open_for(B, NEXT_DAY)
    assert not period.is_open_for(A, datetime(2027, 1, 8, tzinfo=WIB))


def test_it_keeps_only_the_extended_region_open(period):
    extend(period, datetime(2027, 1, 7, 23, 59, 59, tzinfo=WIB), A)
    period = Period.objects.get(pk=period.pk)
    assert period.is_open_for(A, NEXT_DAY)
    assert not period.is_open_for(B, NEXT_DAY)
    assert period.closes_at_for(B) == period.closes_at


def test_it_never_shortens_a_window_with_an_earlier_regional_close(period):
    extend(period, datetime(2027, 1, 7, 23, 59, 59, tzinfo=WIB))
    extend(period, datetime(2027, 1, 3, 23, 59, 59, tzinfo=WIB), A)
    period = Period.objects.get(pk=period.pk)
    assert period.is_open_for(A, datetime(2027, 1, 5, tzinfo=WIB))


@pytest.fixture
def closed_a_minute_ago(period):
    now = timezone.now()
    period.opens_at, period.closes_at = now - timedelta(days=30), now - timedelta(minutes=1)
    period.save()
    return period


def test_it_refuses_every_pemda_write_after_the_close(closed_a_minute_ago, personas):
    with pytest.raises(WindowClosed, match="sudah ditutup"):
        get_region_for_user(personas.admin_a, 2026, A, write=True)
    # Reading stays possible.
    assert get_region_for_user(personas.admin_a, 2026, A).code == A


def test_it_allows_writes_of_the_one_region_with_an_extension(closed_a_minute_ago, personas):
    extend(closed_a_minute_ago, timezone.now() + timedelta(days=1), A)
    assert get_region_for_user(personas.admin_a, 2026, A, write=True).code == A
    with pytest.raises(WindowClosed):
        get_region_for_user(personas.admin_b, 2026, B, write=True)
