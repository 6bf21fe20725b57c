"""Award books: the shipped ones load, a broken one names the file and key in Indonesian."""

import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from inovda.awards.book import BOOKS_DIR, BookError, available_years, book_for, load_book


def test_it_ships_the_four_books():
    assert available_years() == [2020, 2021, 2023, 2025]


@pytest.mark.parametrize("year", [2020, 2021, 2023, 2025])
def test_it_loads_every_shipped_book_with_sources(year):
    book = load_book(year)
    assert book.year == year
    assert book.combination.assumption is True
    assert all(s.confidence in ("confirmed", "inferred", "approximate") for s in book.sources())


def test_it_keeps_the_published_quotas():
    assert sum(c.nominees.value for c in load_book(2021).clusters) == 39
    assert sum(c.nominees.value for c in load_book(2025).clusters) == 53
    assert sum(c.winners.value for c in load_book(2025).clusters) == 43
    assert sum(c.winners.value for c in load_book(2020).clusters) == 31
    weights = [str(a.weight.value) for a in load_book(2023).presentation_aspects]
    assert weights == ["0.30", "0.25", "0.15", "0.20", "0.10"]


def test_a_year_without_a_book_follows_the_last_earlier_one():
    assert book_for(2026).year == 2025


def _broken(tmp_path, change):
    data = json.loads((BOOKS_DIR / "2023.json").read_text())
    change(data)
    path = tmp_path / "rusak.json"
    path.write_text(json.dumps(data))
    return path


def test_a_missing_key_names_the_file_and_the_key(tmp_path):
    path = _broken(tmp_path, lambda d: d["clusters"][0].pop("winners"))
    with pytest.raises(BookError) as error:
        load_book(path)
    assert "rusak.json: clusters.0.winners: kunci wajib tidak ada" in str(error.value)


def test_weights_that_do_not_sum_to_one_are_refused(tmp_path):
    def change(d):
        d["presentation"]["aspects"][0]["weight"]["value"] = "0.50"

    with pytest.raises(BookError) as error:
        load_book(_broken(tmp_path, change))
    assert "presentation.aspects: jumlah bobot aspek 1.20, harus 1" in str(error.value)


def test_an_unknown_confidence_label_is_refused(tmp_path):
    def change(d):
        d["clusters"][1]["nominees"]["source"]["confidence"] = "pasti"

    with pytest.raises(BookError) as error:
        load_book(_broken(tmp_path, change))
    assert "clusters.1.nominees.source.confidence: nilai 'pasti' tidak diizinkan" in str(
        error.value
    )


def test_the_command_checks_and_shows(capsys, tmp_path):
    call_command("awardbook", "check")
    call_command("awardbook", "show", "2023")
    out = capsys.readouterr().out
    assert "2025: OK" in out
    assert "ASUMSI" in out
    shutil.copy(BOOKS_DIR / "2023.json", tmp_path / "2023.json")
    path = _broken(tmp_path, lambda d: d.pop("tie_break"))
    with pytest.raises(CommandError):
        call_command("awardbook", "check", str(path))
    assert "tie_break: kunci wajib tidak ada" in capsys.readouterr().err
