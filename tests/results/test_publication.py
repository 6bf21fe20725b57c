from decimal import Decimal

import pytest

from inovda.core.models import AuditEntry
from inovda.innovations.models import Answer
from inovda.regions.services import create_period
from inovda.results.models import Publication, PublishedResult
from inovda.results.services import ResultsError, publish_period, recompute_period
from inovda.rulebooks.loader import load_rulebook
from tests.fixtures import published_period

pytestmark = pytest.mark.django_db


def test_it_freezes_results_with_the_rulebook_hash():
    data = published_period(2026)
    publication = data.publication
    assert publication.number == 1
    assert publication.rulebook_hash == load_rulebook(2026).content_hash
    assert publication.results.count() == 546
    row = publication.results.get(code="36.04")
    assert (row.name, row.iid, row.predicate) == ("Kabupaten Serang", Decimal("47.62"), "inovatif")
    entry = AuditEntry.objects.get(action="period.published")
    assert entry.data["number"] == 1 and entry.object_id == str(publication.pk)


def test_a_correction_is_a_new_publication_that_shows_what_changed():
    data = published_period(2026)
    serang = data.region("36.04")
    Answer.objects.filter(region=serang, innovation__isnull=True).update(verified_level=3)
    recompute_period(data.period)
    second = publish_period(data.period, note="koreksi")
    assert second.number == 2
    assert {"code": "36.04", "field": "iid", "before": "47.62", "after": "56.02"} in second.changes
    # The first publication never changes.
    first = Publication.objects.get(period=data.period, number=1)
    assert first.results.get(code="36.04").iid == Decimal("47.62")
    assert PublishedResult.objects.filter(publication=first).count() == 546


def test_it_refuses_to_publish_a_period_never_computed():
    period = create_period(2025)
    with pytest.raises(ResultsError, match="belum lengkap"):
        publish_period(period)
    assert not Publication.objects.exists()


def test_the_recap_is_frozen_in_the_publication():
    data = published_period(2026)
    recap = data.publication.recap
    assert recap["regions"] == {"provinsi": 38, "kabupaten": 415, "kota": 93, "total": 546}
    assert recap["participating"]["total"] == 5
    assert recap["innovations"] == 8 + 3 + 2 + 12 + 1
    assert recap["innovations_previous"] is None and recap["growth_pct"] is None
    assert recap["predicates"]["sangat_inovatif"]["provinsi"] == 1
