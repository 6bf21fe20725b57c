from django.urls import path

from inovda.verification import views, views_admin, views_objections, views_qc

app_name = "verifikasi"

urlpatterns = [
    path("", views.queue_page, name="queue"),
    path("inovasi/<int:pk>/", views.item, name="item"),
    path("inovasi/<int:pk>/mulai/", views.start, name="start"),
    path("inovasi/<int:pk>/kembalikan/", views.return_to_region, name="return"),
    path("inovasi/<int:pk>/tidak-memenuhi-syarat/", views.ineligible, name="ineligible"),
    path("inovasi/<int:pk>/memenuhi-syarat/", views.eligible, name="eligible"),
    path("inovasi/<int:pk>/selesai/", views.finish, name="finish"),
    path("inovasi/<int:pk>/terima-level-0/", views.accept_zero, name="accept_zero"),
    path("spd/<int:year>/<str:code>/", views.spd_item, name="spd"),
    path("jawaban/<int:pk>/putuskan/", views.decide, name="decide"),
    path("penugasan/<int:year>/", views_admin.assignments, name="assignments"),
    path("penugasan/hapus/<int:pk>/", views_admin.assignment_remove, name="assignment_remove"),
    path("qc/", views_qc.qc_index, name="qc"),
    path("qc/<int:year>/sampel/", views_qc.qc_sample, name="qc_sample"),
    path("qc/tinjau/<int:pk>/", views_qc.qc_review, name="qc_review"),
    path("qc/tinjau/<int:pk>/berkas/<int:evidence_pk>/", views_qc.qc_evidence, name="qc_evidence"),
    path("alasan/<int:year>/<str:code>/", views_objections.why, name="why"),
    path("sanggahan/", views_objections.objection_list, name="objections"),
    path("sanggahan/<int:pk>/", views_objections.objection_detail, name="objection"),
    path(
        "sanggahan/baru/<int:year>/<str:code>/",
        views_objections.objection_new,
        name="objection_new",
    ),
]
