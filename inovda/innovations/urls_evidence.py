"""Evidence (data dukung) URLs, mounted at /bukti/. Files are served only by ``download``:
no URL serves MEDIA_ROOT."""

from django.urls import path

from inovda.innovations import views_evidence

app_name = "evidence"

urlpatterns = [
    path("jawaban/<int:answer_pk>/unggah/", views_evidence.upload, name="upload"),
    path("jawaban/<int:answer_pk>/riwayat/", views_evidence.history, name="history"),
    path("<int:pk>/ganti/", views_evidence.replace, name="replace"),
    path("<int:pk>/hapus/", views_evidence.remove, name="remove"),
    path("<int:pk>/unduh/", views_evidence.download, name="download"),
]
