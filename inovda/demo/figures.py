"""The figures the demo is calibrated to (methodology §10) and the words it builds names from."""

from inovda.innovations.models import Jenis

SERANG = "36.04"
# Named in the seed article (jejakbanten.com, IGA 2020), with the urusan they serve.
SERANG_INNOVATIONS = [
    ("Sistem Aplikasi Informasi Publik (Sialip)", "2.16", Jenis.DIGITAL),
    ("ebumdes", "2.13", Jenis.DIGITAL),
    ("Sistem Informasi Promosi dan Investasi (Sipromin)", "2.18", Jenis.DIGITAL),
    ("Sistem Manajemen Anti Suap (Simantap)", "6.01", Jenis.NON_DIGITAL),
    ("Sistem Pelayanan Kepegawaian Elektronik (Simpel)", "5.03", Jenis.DIGITAL),
    ("Sistem Informasi Pembinaan Peserta KB Aktif (Sippka)", "2.14", Jenis.DIGITAL),
    ("Rakyat Bersatu untuk Keluarga Berencana (Ratu Kencana)", "2.14", Jenis.NON_DIGITAL),
]
SERANG_2020_COUNT = 61
# Lampung: 319 innovations and a score of 35,336 in 2020 (methodology §4.3, confirmed).
LAMPUNG = "18"
LAMPUNG_2020 = (319, 35_336)
FIXED_COUNTS_2020 = {SERANG: SERANG_2020_COUNT, LAMPUNG: LAMPUNG_2020[0]}
# The five lowest provinces of 2020, all Kurang Inovatif (methodology §10.2): NTB, Kalbar,
# Maluku, Kaltim, Gorontalo. The source names them, not their order among themselves.
LOWEST_PROVINCES_2020 = ["52", "61", "81", "64", "75"]

# Published 2020 figures, per tingkat: provinsi, kabupaten, kota.
PREDICATES_2020 = {
    "sangat_inovatif": (21, 131, 43),
    "inovatif": (3, 30, 11),
    "kurang_inovatif": (10, 199, 36),
    "tidak_dapat_dinilai": (0, 55, 3),
}
INNOVATIONS_2020 = 14_897
PARTICIPATION_2019 = (27, 175, 58)
INNOVATIONS_2019 = 8_014
TINGKAT = ("provinsi", "kabupaten", "kota")

# The current period: participation and volume are plausible, not published figures.
YEAR_NOW = 2026
PARTICIPATION_NOW = 0.97
INNOVATIONS_NOW = 12_000

WORDS_A = ["Si", "E-", "Gerakan", "Layanan", "Sistem", "Aplikasi", "Program", "Pojok", "Rumah"]
WORDS_B = [
    "Cepat",
    "Terpadu",
    "Pintar",
    "Sehat",
    "Cerdas",
    "Mandiri",
    "Bersih",
    "Peduli",
    "Tangguh",
    "Ramah",
    "Digital",
    "Desa",
    "Warga",
    "Keliling",
    "Terbuka",
    "Satu Data",
    "Tanggap",
]
TOPICS = {
    "1.01": "Sekolah",
    "1.02": "Puskesmas",
    "1.03": "Jalan",
    "1.04": "Rumah Layak",
    "1.05": "Siaga Bencana",
    "1.06": "Bansos",
    "2.07": "Kerja",
    "2.08": "Anak",
    "2.09": "Pangan",
    "2.11": "Sampah",
    "2.12": "Adminduk",
    "2.13": "BUMDes",
    "2.14": "KB",
    "2.15": "Angkutan",
    "2.16": "Informasi",
    "2.17": "UMKM",
    "2.18": "Investasi",
    "3.26": "Wisata",
    "3.27": "Tani",
    "3.25": "Nelayan",
    "5.02": "Pajak",
    "5.03": "ASN",
    "6.01": "Pengawasan",
}
OPD = {
    "1.01": "Dinas Pendidikan",
    "1.02": "Dinas Kesehatan",
    "1.03": "Dinas PUPR",
    "1.04": "Dinas Perkim",
    "1.05": "Satpol PP",
    "1.06": "Dinas Sosial",
    "2.12": "Disdukcapil",
    "2.16": "Diskominfo",
    "2.18": "DPMPTSP",
    "5.02": "BPKAD",
    "5.03": "BKPSDM",
    "6.01": "Inspektorat",
}

# The totals a 2020 region is fitted into (2020 scale, not normalised). Inside both the
# rulebook's bands (1000.01 / 500.01 / 0.01) and the source's (> 1000, 501–1000, < 500), so no
# region sits on a value the source puts in no band (500 up to 501). Totals are integers.
BANDS_2020 = {
    "sangat_inovatif": (1001, None),
    "inovatif": (501, 1000),
    "kurang_inovatif": (1, 499),
}
# Kurang Inovatif provinces: the five published as lowest stay under every other province.
LOWEST_BAND_2020 = (40, 240)
OTHER_KI_PROVINCES_2020 = (300, 499)

# Share of innovations per primary urusan, in percent. Kesehatan 21.8 and pendidikan 11.5 are
# the 2023 figures (6,220 and 3,279 of 28,539; methodology §9.1, §10.1, confirmed); the rest is
# a plausible spread (not published), with every yandas at 4 % or more so the regions that
# cover all six (at most ~4 % of the innovations per yandas) fit inside it.
URUSAN_SHARES = {
    "1.01": 11.5, "1.02": 21.8, "1.03": 5.0, "1.04": 4.0, "1.05": 4.0, "1.06": 6.0,
    "2.07": 1.5, "2.08": 2.0, "2.09": 1.5, "2.10": 0.5, "2.11": 2.4, "2.12": 5.0,
    "2.13": 4.0, "2.14": 2.0, "2.15": 1.5, "2.16": 4.5, "2.17": 2.5, "2.18": 1.5,
    "2.19": 0.5, "2.20": 0.5, "2.21": 0.3, "2.22": 0.7, "2.23": 0.7, "2.24": 0.5,
    "3.25": 1.0, "3.26": 1.2, "3.27": 2.5, "3.28": 0.3, "3.29": 0.3, "3.30": 0.8,
    "3.31": 0.5, "3.32": 0.2, "4.01": 1.5, "4.02": 0.3, "5.01": 2.0, "5.02": 2.0,
    "5.03": 1.5, "5.04": 0.5, "5.05": 0.5, "6.01": 0.5,
}  # fmt: skip
# Share of the current period's innovations implemented before the window but developed
# inside it (the 2026 "developed" path).
DEVELOPED_SHARE = 0.05
