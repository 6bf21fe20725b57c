from django.urls import path

from inovda.core import views

app_name = "riwayat"

urlpatterns = [
    path("pemda/<int:year>/<str:code>/unduh.csv", views.region_history_csv, name="region_csv"),
    path("<str:object_type>/<str:object_id>/", views.history, name="object"),
]
