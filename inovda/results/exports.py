"""The columns of the public downloads: the ranking and the innovation catalogue.

Rows come from the public read model (``results.public``) and are written by
``results.tables``, so a download shows exactly what the portal and the API show.
"""

from typing import Any

from inovda.innovations.models import Bentuk, Inisiator, Jenis, Tahapan
from inovda.regions.models import Region
from inovda.results.models import Predicate
from inovda.results.tables import Column


def _label(choices: Any) -> Any:
    return lambda value: choices(value).label if value in choices.values else value


_tingkat, _predicate = _label(Region.Tingkat), _label(Predicate)
_tahapan, _inisiator, _jenis, _bentuk = map(_label, (Tahapan, Inisiator, Jenis, Bentuk))

RESULT_COLUMNS: list[Column] = [
    ("Kode", lambda r: r.code),
    ("Nama pemda", lambda r: r.name),
    ("Tingkat", lambda r: _tingkat(r.tingkat)),
    ("Kode provinsi", lambda r: r.province_code),
    ("Provinsi", lambda r: r.province_name),
    ("IID", lambda r: r.iid),
    ("Predikat", lambda r: _predicate(r.predicate)),
    ("SPD", lambda r: r.spd),
    ("SID", lambda r: r.sid),
    ("Skor jumlah inovasi", lambda r: r.count_score),
    ("Total", lambda r: r.total),
    ("Inovasi dilaporkan", lambda r: r.innovations_reported),
    ("Inovasi dihitung", lambda r: r.innovations_counted),
    ("Peringkat tingkat", lambda r: r.rank_tingkat),
    ("Peringkat daerah tertinggal", lambda r: r.rank_tertinggal),
    ("Peringkat daerah perbatasan", lambda r: r.rank_perbatasan),
    ("Peringkat wilayah Papua", lambda r: r.rank_papua),
]
RANKING_COLUMNS: list[Column] = [("Peringkat", lambda r: r.rank), *RESULT_COLUMNS]

# Rows are ``PublishedInnovation``: the profile frozen with the publication.
CATALOGUE_COLUMNS: list[Column] = [
    ("ID", lambda i: i.innovation_id),
    ("Nama inovasi", lambda i: i.name),
    ("Kode pemda", lambda i: i.region_code),
    ("Pemda", lambda i: i.region_name),
    ("Tingkat", lambda i: _tingkat(i.region_tingkat)),
    ("Provinsi", lambda i: i.province_name),
    ("Tahapan", lambda i: _tahapan(i.tahapan)),
    ("Inisiator", lambda i: _inisiator(i.inisiator)),
    ("Jenis", lambda i: _jenis(i.jenis)),
    ("Bentuk", lambda i: _bentuk(i.bentuk)),
    ("Urusan utama", lambda i: i.urusan_utama),
    ("Urusan terkait", lambda i: ", ".join(i.urusan_terkait)),
    ("OPD", lambda i: i.opd),
    ("Waktu uji coba", lambda i: i.tanggal_uji_coba),
    ("Waktu penerapan", lambda i: i.tanggal_penerapan),
    ("Anggaran", lambda i: i.anggaran),
    ("Rancang bangun", lambda i: i.rancang_bangun),
    ("Tujuan", lambda i: i.tujuan),
    ("Manfaat", lambda i: i.manfaat),
    ("Hasil", lambda i: i.hasil),
    ("Tautan video", lambda i: i.video_url),
]
