"""Design narratives (rancang bangun) for the synthetic innovations: varied Indonesian text from
a bank of sentences, long enough for the rulebook's minimum, cheap enough for 35,000 of them."""

from __future__ import annotations

import random

OPENINGS = [
    "{name} adalah inovasi {region} di bidang {theme} yang lahir dari keluhan warga tentang "
    "layanan yang lambat, berbelit dan sulit dipantau.",
    "Inovasi {name} dirancang oleh {opd} {region} untuk memperbaiki layanan {theme} yang selama "
    "ini belum menjangkau seluruh warga secara merata.",
    "{name} merupakan jawaban {region} atas persoalan layanan {theme} yang berulang kali "
    "muncul dalam musyawarah perencanaan pembangunan dan pengaduan masyarakat.",
]
PROBLEMS = [
    "Sebelum inovasi ini diterapkan, warga harus datang berkali-kali ke kantor pelayanan dan "
    "menunggu berhari-hari tanpa kepastian tentang syarat, biaya maupun waktu penyelesaian.",
    "Data yang tersebar di beberapa perangkat daerah membuat keputusan sering diambil tanpa "
    "gambaran utuh, sehingga program tidak tepat sasaran dan anggaran terserap kurang efektif.",
    "Petugas di lapangan mencatat kegiatan secara manual, sehingga laporan terlambat, "
    "angka sering berbeda antarinstansi dan pimpinan sulit memantau capaian setiap bulan.",
    "Kelompok rentan, terutama warga di desa terpencil, lansia dan penyandang disabilitas, "
    "paling sering tertinggal karena jarak, biaya transportasi dan keterbatasan informasi.",
    "Survei kepuasan masyarakat pada tahun sebelumnya menempatkan layanan ini di urutan bawah, "
    "dengan keluhan utama pada kecepatan, keramahan petugas dan kejelasan prosedur.",
]
DESIGN = [
    "Rancang bangun inovasi disusun dalam tiga tahap, yaitu pemetaan masalah bersama warga, "
    "penyusunan prosedur baru yang lebih ringkas, dan uji coba terbatas di beberapa lokasi.",
    "Prosedur lama yang terdiri atas banyak meja dipangkas menjadi satu pintu, dengan standar "
    "waktu layanan yang diumumkan secara terbuka dan dapat ditagih oleh setiap warga.",
    "Inovasi ini memadukan layanan tatap muka dengan kanal daring sederhana, sehingga warga "
    "dapat memilih cara yang paling mudah sesuai kemampuan dan kondisi masing-masing.",
    "Setiap permohonan diberi nomor lacak, sehingga warga dapat mengetahui posisi berkasnya "
    "dan petugas tidak lagi perlu menjawab pertanyaan yang sama berulang kali.",
    "Tim pelaksana lintas perangkat daerah dibentuk dengan keputusan kepala daerah, lengkap "
    "dengan pembagian tugas, jadwal rapat evaluasi dan indikator kinerja yang terukur.",
    "Kader dan relawan di tingkat desa dan kelurahan dilatih menjadi pendamping, agar warga "
    "yang belum terbiasa dengan teknologi tetap dapat memanfaatkan layanan ini.",
    "Pembiayaan berasal dari anggaran pendapatan dan belanja daerah, ditambah dukungan "
    "kemitraan dengan dunia usaha, perguruan tinggi dan organisasi kemasyarakatan setempat.",
    "Data layanan dihimpun dalam satu basis data yang dapat dibaca oleh perangkat daerah "
    "terkait, dengan pengamanan akses sesuai ketentuan perlindungan data pribadi.",
    "Standar operasional prosedur baru ditetapkan dan disosialisasikan melalui media sosial, "
    "radio lokal, papan informasi kantor desa dan pertemuan rutin di tingkat kecamatan.",
    "Uji coba dilaksanakan selama beberapa bulan di lokasi dengan karakter berbeda, kemudian "
    "hasilnya dibahas bersama warga sebelum inovasi diterapkan di seluruh wilayah.",
]
CHANGES = [
    "Pokok perubahan terletak pada pergeseran dari layanan yang menunggu warga datang menjadi "
    "layanan yang menjemput warga dan memberi kepastian sejak awal.",
    "Perubahan utama adalah keterbukaan: syarat, biaya, waktu dan status setiap permohonan kini "
    "dapat dilihat oleh siapa saja tanpa harus bertanya kepada petugas.",
    "Keputusan kini didasarkan pada data yang diperbarui setiap hari, bukan lagi pada laporan "
    "tahunan yang sering terlambat dan sulit diperiksa kebenarannya.",
    "Peran warga berubah dari penerima layanan menjadi mitra yang ikut memberi masukan, menilai "
    "kinerja petugas dan mengusulkan perbaikan secara berkala.",
    "Koordinasi antarperangkat daerah yang sebelumnya berjalan sendiri-sendiri kini diikat oleh "
    "satu alur kerja dengan penanggung jawab yang jelas pada setiap langkah.",
]
OUTCOMES = [
    "Waktu penyelesaian layanan turun secara nyata dan jumlah pengaduan berkurang, sebagaimana "
    "tercatat dalam laporan evaluasi triwulanan perangkat daerah.",
    "Jumlah warga yang terlayani meningkat setiap bulan, termasuk dari desa-desa yang "
    "sebelumnya hampir tidak pernah tercatat dalam data layanan.",
    "Biaya yang dikeluarkan warga untuk transportasi dan fotokopi dokumen berkurang, sementara "
    "beban kerja petugas menjadi lebih merata dan terukur.",
    "Hasil survei kepuasan masyarakat menunjukkan kenaikan pada aspek kecepatan, kejelasan "
    "prosedur dan sikap petugas dibandingkan tahun sebelum inovasi diterapkan.",
    "Beberapa daerah tetangga telah berkunjung untuk mempelajari inovasi ini, dan sebagian "
    "mulai menerapkannya dengan penyesuaian terhadap kondisi setempat.",
]
SUSTAIN = [
    "Keberlanjutan inovasi dijaga melalui peraturan kepala daerah, alokasi anggaran rutin dan "
    "pelatihan berkala bagi petugas baru.",
    "Ke depan, inovasi ini akan diperluas ke layanan lain yang sejenis dan dihubungkan dengan "
    "sistem informasi pemerintah daerah yang sudah ada.",
    "Evaluasi dilakukan setiap semester dengan melibatkan warga, akademisi dan inspektorat, "
    "sehingga kekurangan dapat segera diperbaiki.",
    "Pengetahuan tentang inovasi ini didokumentasikan dalam panduan tertulis dan video "
    "singkat, agar mudah direplikasi oleh perangkat daerah maupun daerah lain.",
]
CLOSING = "Data ini sintetis, dibuat untuk demo Inovda."
BANKS = [PROBLEMS, DESIGN, CHANGES, OUTCOMES, SUSTAIN]


def design_narrative(
    rng: random.Random, *, name: str, region: str, theme: str, opd: str, min_words: int
) -> str:
    """Paragraphs in the order of a proposal (problem, design, change, outcome, continuity),
    with fresh sentences until the text has at least ``min_words`` words."""
    opening = rng.choice(OPENINGS).format(name=name, region=region, theme=theme, opd=opd)
    paragraphs = [opening]
    words = len(opening.split())
    while words < min_words:
        for bank in BANKS:
            sentences = rng.sample(bank, 2)
            paragraphs.append(" ".join(sentences))
            words += sum(len(s.split()) for s in sentences)
            if words >= min_words:
                break
    paragraphs.append(CLOSING)
    return "\n\n".join(paragraphs)
