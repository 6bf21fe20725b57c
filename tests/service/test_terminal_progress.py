"""The terminal progress bar of the commands (`inovda recompute`, `demo load`,
`import-innovations`): drawn on a terminal, silent in a log or a pipe."""

import io

from django.core.management import call_command
from django.core.management.base import OutputWrapper

from inovda.jobs.progress import TerminalBar


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_it_draws_in_place_and_ends_its_line():
    stream = Terminal()
    with TerminalBar(stream, "pemda") as bar:
        for done in range(5):
            bar(done, 4)
    text = stream.getvalue()
    assert text.startswith(f"\r{'·' * 40} 0/4 pemda")
    assert text.endswith(f"\r{'█' * 40} 4/4 pemda\n")
    assert "\n" not in text[:-1]  # one line, redrawn


def test_it_draws_nothing_when_not_at_a_terminal_or_quiet():
    for stream, quiet in ((io.StringIO(), False), (Terminal(), True)):
        with TerminalBar(stream, "pemda", quiet=quiet) as bar:
            bar(1, 2)
            bar(2, 2)
            bar.say(io.StringIO())("baris hasil")
        assert (bar.on, stream.getvalue()) == (False, "")


def test_a_line_said_clears_the_bar_first_and_stages_carry_their_label():
    err, out = Terminal(), io.StringIO()
    with TerminalBar(OutputWrapper(err), "") as bar:
        bar.stage("2020: menghitung")(1, 2)
        bar.say(out)("2020: dihitung")
    assert err.getvalue() == (
        f"\r{'█' * 20}{'·' * 20} 1/2 — 2020: menghitung"
        + "\r"
        + " " * len(f"{'█' * 20}{'·' * 20} 1/2 — 2020: menghitung")
        + "\r"
    )
    assert out.getvalue() == "2020: dihitung"


def fake_load(say, stage):
    for done in range(1, 4):
        stage("2020: memuat")(done, 3)
    say("2020: 3 inovasi dari 3 pemda")


def test_demo_load_draws_its_steps_at_a_terminal(db, monkeypatch):
    monkeypatch.setattr("inovda.demo.management.commands.demo.load_demo", fake_load)
    out, err = io.StringIO(), Terminal()
    call_command("demo", "load", stdout=out, stderr=err)
    assert f"{'█' * 40} 3/3 — 2020: memuat" in err.getvalue()
    assert out.getvalue().splitlines() == [
        "2020: 3 inovasi dari 3 pemda",
        "Unduhan publikasi diantrekan untuk pekerja latar (inovda worker).",
    ]


def test_demo_load_prints_only_its_result_lines_when_not_at_a_terminal(db, monkeypatch):
    monkeypatch.setattr("inovda.demo.management.commands.demo.load_demo", fake_load)
    out, err = io.StringIO(), io.StringIO()
    call_command("demo", "load", stdout=out, stderr=err)
    assert err.getvalue() == ""
    assert out.getvalue() == (
        "2020: 3 inovasi dari 3 pemda\n"
        "Unduhan publikasi diantrekan untuk pekerja latar (inovda worker).\n"
    )
