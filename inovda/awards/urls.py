from django.urls import path

from inovda.awards import views, views_admin, views_jury, views_public

app_name = "awards"

urlpatterns = [
    path("", views_public.index, name="index"),
    path("<int:year>/", views_public.public, name="public"),
    path("<int:year>/unduh.<str:fmt>", views_public.download, name="download"),
    path("piagam/<str:number>/", views_public.verify, name="verify"),
    path("piagam/<str:number>/unduh/", views.certificate, name="certificate"),
    path("piagam/<str:number>/cabut/", views_admin.revoke, name="revoke"),
    path("<int:year>/kelola/", views.admin, name="admin"),
    path("<int:year>/kelola/mulai/", views.start, name="start"),
    path("<int:year>/kelola/tetapkan/", views.confirm, name="confirm"),
    path("<int:year>/kelola/panel/", views_admin.panel_create, name="panel_create"),
    path("<int:year>/kelola/jadwal/", views_admin.slot, name="slot"),
    path("<int:year>/kelola/tim/", views_admin.team_create, name="team_create"),
    path("<int:year>/kelola/piagam/", views_admin.certificates, name="certificates"),
    path("<int:year>/kelola/pekerjaan/<uuid:pk>/", views_admin.job_status, name="job"),
    path("<int:year>/pleno/", views.plenary_page, name="plenary"),
    path("<int:year>/pleno/tetapkan/", views.sign_off, name="sign_off"),
    path("<int:year>/pleno/revisi/", views.revise, name="revise"),
    path("<int:year>/pleno/insentif.xlsx", views.incentive, name="incentive"),
    path("nominasi/<int:pk>/", views.nominee, name="nominee"),
    path("nominasi/<int:pk>/kecualikan/", views.exclude, name="exclude"),
    path("nominasi/<int:pk>/naikkan/", views_admin.promote, name="promote"),
    path("nominasi/<int:pk>/materi/", views.materials, name="materials"),
    path("nominasi/<int:pk>/strategi/", views.strategy, name="strategy"),
    path("nominasi/<int:pk>/penyaji/", views.presenter, name="presenter"),
    path("nominasi/<int:pk>/nilai/", views_jury.score, name="score"),
    path("juri/", views_jury.mine, name="mine"),
    path("panel/<int:pk>/", views_jury.panel, name="panel"),
    path("panel/<int:pk>/tutup/", views_jury.close, name="close"),
    path("tim/<int:pk>/", views_jury.team, name="team"),
    path("tim/<int:pk>/nilai/<int:nominee>/", views_jury.field_score, name="field_score"),
    path("tim/<int:pk>/bukti/<int:nominee>/", views_jury.evidence_upload, name="evidence_upload"),
    path("tim/<int:pk>/berita-acara/", views_jury.minutes, name="minutes"),
    path("tim/<int:pk>/tandatangan/", views_jury.sign, name="sign"),
    path("bukti/<int:pk>/", views_jury.evidence, name="evidence"),
]
