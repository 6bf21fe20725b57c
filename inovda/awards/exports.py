"""Award downloads: the public table of a signed revision (CSV/XLSX) and the incentive
recommendation list for the Ministry of Finance (XLSX). Written by the one writer of
``inovda.results.tables`` so cells are escaped the same way everywhere."""

from inovda.awards.book import ASSUMPTION_TEXT
from inovda.awards.plenary import winners
from inovda.results.tables import csv_response, xlsx_response

HEADER = [
    "klaster",
    "peringkat",
    "kode",
    "nama",
    "skor_indeks",
    "skor_presentasi",
    "skor_validasi_lapangan",
    "skor_akhir",
    "pemenang",
    "catatan_seri",
]


def public_rows(revision) -> list[list]:
    rows = [HEADER]
    for c in revision.snapshot["clusters"]:
        for r in c["rows"]:
            rows.append(
                [
                    c["cluster"],
                    r["rank"],
                    r["code"],
                    r["name"],
                    r["index"],
                    r["presentation"] or "",
                    r["field"] or "",
                    r["final"],
                    "ya" if r["winner"] else "tidak",
                    r["tie_note"],
                ]
            )
    rows.append([])
    rows.append(["catatan", ASSUMPTION_TEXT])
    return rows


def public_download(revision, fmt: str):
    year = revision.award.period.year
    name = f"iga-{year}-revisi-{revision.number}"
    if fmt == "csv":
        return csv_response(f"{name}.csv", public_rows(revision))
    return xlsx_response(f"{name}.xlsx", f"IGA {year}", public_rows(revision))


def incentive_xlsx(award, revision):
    year = award.period.year
    label = "Dana Insentif Daerah (DID)" if year <= 2022 else "insentif fiskal"
    rows = [
        [f"Rekomendasi penerima {label} — IGA {year}, penetapan revisi {revision.number}"],
        ["no", "klaster", "peringkat", "kode", "nama", "skor_akhir"],
    ]
    for n, w in enumerate(winners(revision), start=1):
        rows.append([n, w["cluster"], w["rank"], w["code"], w["name"], w["final"]])
    rows.append([])
    rows.append(["catatan", ASSUMPTION_TEXT])
    return xlsx_response(f"iga-{year}-rekomendasi-insentif.xlsx", "Rekomendasi", rows)
