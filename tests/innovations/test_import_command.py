"""`inovda import-innovations`: exit status, output lines, window warning, template."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from inovda.cli import main
from inovda.core.models import AuditEntry
from inovda.innovations.models import Innovation
from tests.innovations.test_import_support import HEADERS, open_region, row, xlsx


class Terminal(io.StringIO):
    def isatty(self):
        return True


def run(*args, terminal=False):
    out, err = io.StringIO(), Terminal() if terminal else io.StringIO()
    call_command("import-innovations", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_from_the_command_line(db, tmp_path):
    region = open_region()
    path = tmp_path / "inovasi.xlsx"
    path.write_bytes(xlsx([row(), row("Sapa Warga")]))

    out, err = run("--period=2026", "--region=36.04", str(path))

    assert out == "Kabupaten Serang (36.04), periode 2026: 2 dibuat, 0 diubah, 0 tetap.\n"
    assert err == ""
    assert Innovation.objects.filter(region=region, created_by=None).count() == 2
    entry = AuditEntry.objects.get(action="innovations.imported")
    assert entry.actor is None
    assert entry.data["via"] == "cli"
    assert entry.data["file"] == "inovasi.xlsx"
    out, _ = run("--period=2026", "--region=36.04", str(path))
    assert out.endswith(": 0 dibuat, 0 diubah, 2 tetap.\n")


def test_it_exits_with_status_2_and_one_line_per_problem(db, tmp_path, capsys, monkeypatch):
    # run_from_argv closes every connection when it ends; on PostgreSQL that would close the
    # test's own transaction before the assertions below read the database.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    open_region()
    path = tmp_path / "inovasi.xlsx"
    rows = [row(f"Inovasi {n}") for n in range(6)]
    rows[5]["tahapan"] = "ujicoba"
    rows[2]["L16"] = 7
    path.write_bytes(xlsx(rows))

    with pytest.raises(SystemExit) as exit_:
        main(["import-innovations", "--period", "2026", "--region", "36.04", str(path)])

    assert exit_.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "baris 4, kolom L16: '7' bukan level (bilangan bulat 0–3)",
        "baris 7, kolom tahapan: 'ujicoba' bukan pilihan (inisiatif, uji_coba, penerapan)",
        "CommandError: Impor dibatalkan: 2 masalah; tidak ada yang diimpor.",
    ]
    assert Innovation.objects.count() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period=2031", "--region=36.04"], "Periode 2031 tidak ada."),
        (["--period=2026", "--region=99.99"], "Pemda 99.99 tidak ada pada periode 2026."),
    ],
)
def test_it_exits_with_status_2_for_an_unknown_period_or_region(db, tmp_path, args, message):
    open_region()
    path = tmp_path / "inovasi.xlsx"
    path.write_bytes(xlsx([row()]))

    with pytest.raises(CommandError) as caught:
        run(*args, str(path))

    assert caught.value.returncode == 2
    assert str(caught.value) == message


def test_it_refuses_a_file_it_cannot_read(db, tmp_path):
    open_region()
    path = tmp_path / "inovasi.csv"
    path.write_text("nama,tahapan\n", encoding="utf-8")

    with pytest.raises(CommandError) as caught:
        run("--period=2026", "--region=36.04", str(path))

    assert caught.value.returncode == 2


def test_it_warns_when_the_window_is_closed_but_imports(db, tmp_path):
    open_region(is_open=False)
    path = tmp_path / "inovasi.xlsx"
    path.write_bytes(xlsx([row()]))

    out, err = run("--period=2026", "--region=36.04", str(path))

    assert err.startswith("Peringatan: masa pelaporan Periode 2026 ditutup untuk Kabupaten Serang")
    assert "1 dibuat" in out
    assert Innovation.objects.count() == 1


def test_it_draws_a_progress_bar_at_a_terminal(db, tmp_path):
    open_region()
    path = tmp_path / "inovasi.xlsx"
    path.write_bytes(xlsx([row(f"Inovasi {n}") for n in range(120)]))

    out, err = run("--period=2026", "--region=36.04", str(path), terminal=True)

    assert out == "Kabupaten Serang (36.04), periode 2026: 120 dibuat, 0 diubah, 0 tetap.\n"
    assert err.startswith("\r")
    assert err.endswith(f"\r{'█' * 40} 120/120 baris\n")
    assert Innovation.objects.count() == 120
    _, quiet = run("--period=2026", "--region=36.04", "--quiet", str(path), terminal=True)
    assert quiet == ""


def test_it_prints_only_the_result_line_when_not_at_a_terminal(db, tmp_path):
    open_region()
    path = tmp_path / "inovasi.xlsx"
    path.write_bytes(xlsx([row(f"Inovasi {n}") for n in range(120)]))

    out, err = run("--period=2026", "--region=36.04", str(path))

    assert out == "Kabupaten Serang (36.04), periode 2026: 120 dibuat, 0 diubah, 0 tetap.\n"
    assert err == ""


def test_it_writes_the_template(db, tmp_path):
    open_region()
    path = tmp_path / "template.xlsx"

    out, _ = run("--period=2026", f"--template={path}")

    assert out == f"Template periode 2026 ditulis ke {path}.\n"
    sheet = load_workbook(path)["Inovasi"]
    assert [c.value for c in sheet[1]] == HEADERS
