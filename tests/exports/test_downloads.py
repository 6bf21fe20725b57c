import csv
import io

import pytest
from openpyxl import load_workbook

from inovda.regions.services import create_period
from inovda.results.tables import escape_cell as safe_cell
from tests.fixtures import republish

pytestmark = pytest.mark.django_db

DANGEROUS = ['=HYPERLINK("http://x")', "+1", "-1", "@SUM(A1)", "\tTAB", "\rCR"]


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, for Excel
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_it_downloads_the_ranking_as_csv(client, published):
    response = client.get("/unduh/periode/2026/peringkat.csv")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="inovda-peringkat-2026.csv"'
    header, *rows = csv_rows(response)
    assert header[:3] == ["Kode", "Nama pemda", "Tingkat"]
    assert len(rows) == published.period.regions.count()
    # Provinsi first, then kabupaten, kota; ranked before unranked within each.
    assert [r[0] for r in rows[:1]] == ["36"]
    kabupaten = [r for r in rows if r[2] == "Kabupaten"]
    assert [r[0] for r in kabupaten[:3]] == ["36.04", "36.03", "93.01"]
    serang = kabupaten[0]
    assert serang[header.index("Predikat")] == "Inovatif"
    assert serang[header.index("Peringkat tingkat")] == "1"
    assert kabupaten[3][header.index("Peringkat tingkat")] == ""


def test_it_downloads_one_cluster_as_xlsx(client, published):
    response = client.get("/unduh/periode/2026/peringkat.xlsx?klaster=kabupaten")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="inovda-peringkat-2026-kabupaten.xlsx"'
    )
    header, *rows = xlsx_rows(response)
    assert header[:3] == ["Peringkat", "Kode", "Nama pemda"]
    assert [(r[0], r[1]) for r in rows] == [(1, "36.04"), (2, "36.03"), (3, "93.01")]
    iid = rows[0][header.index("IID")]
    assert isinstance(iid, float | int) and iid > 0


def test_it_refuses_an_unknown_cluster(client, published):
    response = client.get("/unduh/periode/2026/peringkat.csv?klaster=desa")
    assert response.status_code == 400
    assert "Klaster 'desa' tidak dikenal" in response.content.decode()


def test_it_downloads_the_catalogue_in_both_formats(client, published):
    csv_response = client.get("/unduh/periode/2026/katalog.csv")
    assert csv_response["Content-Disposition"] == 'attachment; filename="inovda-katalog-2026.csv"'
    xlsx_response = client.get("/unduh/periode/2026/katalog.xlsx")
    assert xlsx_response["Content-Disposition"] == (
        'attachment; filename="inovda-katalog-2026.xlsx"'
    )
    from_csv, from_xlsx = csv_rows(csv_response), xlsx_rows(xlsx_response)
    assert len(from_csv) == len(from_xlsx) == 27
    assert from_csv[0] == from_xlsx[0]
    assert from_csv[0][:2] == ["ID", "Nama inovasi"]
    assert "Nama inisiator" not in from_csv[0]
    assert from_csv[1][1] == from_xlsx[1][1] == "Inovasi 36 nomor 1"
    assert from_xlsx[1][from_xlsx[0].index("Tahapan")] == "Penerapan"


@pytest.mark.parametrize("name", ["peringkat.csv", "peringkat.xlsx", "katalog.csv", "katalog.xlsx"])
def test_it_offers_only_published_periods(client, name):
    create_period(2025)
    assert client.get(f"/unduh/periode/2025/{name}").status_code == 404
    assert client.get(f"/unduh/periode/1999/{name}").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_escapes_spreadsheet_formulas(client, published, fmt):
    innovations = list(published.region("36.04").innovations.order_by("name"))
    for innovation, name in zip(innovations, DANGEROUS, strict=False):
        innovation.name = name
        innovation.save(update_fields=["name"])
    republish(published)
    response = client.get(f"/unduh/periode/2026/katalog.{fmt}")
    rows = csv_rows(response) if fmt == "csv" else xlsx_rows(response)
    names = {row[1] for row in rows}
    for name in DANGEROUS:
        if fmt == "xlsx":  # XML reads a carriage return back as a line feed
            name = name.replace("\r", "\n")
        assert "'" + name in names
        assert name not in names
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_it_keeps_safe_values_as_they_are():
    assert [safe_cell(v) for v in DANGEROUS] == ["'" + v for v in DANGEROUS]
    assert [safe_cell(v) for v in ("Serang", " =1", "1+1", "", None, -1, 2.5)] == [
        "Serang",
        " =1",
        "1+1",
        "",
        None,
        -1,
        2.5,
    ]


def test_it_drops_control_characters_before_checking_for_formulas(client, published):
    innovation = published.region("36.04").innovations.first()
    innovation.name = "\x01=1+1"
    innovation.save(update_fields=["name"])
    republish(published)
    rows = xlsx_rows(client.get("/unduh/periode/2026/katalog.xlsx"))
    assert "'=1+1" in {row[1] for row in rows}


@pytest.mark.parametrize("name", ["peringkat.csv", "katalog.csv"])
def test_it_reads_a_constant_number_of_queries(client, published, django_assert_num_queries, name):
    # Period, publication, then the rows themselves.
    with django_assert_num_queries(3):
        b"".join(client.get(f"/unduh/periode/2026/{name}").streaming_content)


def test_the_download_and_the_portal_rank_the_same_rows(client, published):
    from inovda.results import public

    for cluster in ("kabupaten", "papua", "perbatasan"):
        ranked = list(public.ranking(published.publication, cluster).values_list("code", "rank"))
        portal = public.cluster_rows(published.publication, cluster).values_list("code", "rank")
        assert ranked == [row for row in portal if row[1] is not None]
        response = client.get(f"/unduh/periode/2026/peringkat.csv?klaster={cluster}")
        header, *rows = csv_rows(response)
        assert header[:2] == ["Peringkat", "Kode"]
        assert [(r[1], int(r[0])) for r in rows] == ranked


def test_every_writer_escapes_with_the_same_rule():
    from inovda.results.tables import write_csv

    out = io.StringIO()
    write_csv(out, [["waktu", "data"], *([v, None] for v in DANGEROUS), [-1, "Serang"]])
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0] == ["waktu", "data"]
    assert [r[0] for r in rows[1:-1]] == ["'" + v for v in DANGEROUS]
    assert rows[-1] == ["-1", "Serang"]
