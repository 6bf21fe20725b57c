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
# Lampung: 319 innovations in 2020 (methodology §4.3, a confirmed data point).
FIXED_COUNTS_2020 = {SERANG: SERANG_2020_COUNT, "18": 319}
# The five lowest provinces of 2020, all Kurang Inovatif (methodology §10.2).
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

# Total score bands of the 2020 predicates (2020 scale, not normalised).
BANDS_2020 = {
    "sangat_inovatif": (1000.01, None),
    "inovatif": (500.01, 1000),
    "kurang_inovatif": (0.01, 500),
}
