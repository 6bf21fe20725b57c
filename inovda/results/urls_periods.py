from django.urls import path

from inovda.results import views_periods as views

app_name = "periods"

urlpatterns = [
    path("", views.period_list, name="list"),
    path("buka/", views.period_open, name="open"),
    path("<int:year>/", views.period_detail, name="detail"),
    path("<int:year>/perpanjang/", views.period_extend, name="extend"),
    path("<int:year>/masa-sanggah/", views.objection_window, name="window"),
    path("<int:year>/hitung-ulang/", views.recompute, name="recompute"),
    path("<int:year>/terbitkan/", views.publish, name="publish"),
    path("<int:year>/pekerjaan/<uuid:pk>/", views.job_status, name="job"),
]
