from django.urls import path

from inovda.accounts import views_history

app_name = "riwayat"

urlpatterns = [
    path(
        "pemda/<int:year>/<str:code>/unduh.csv",
        views_history.region_history_csv,
        name="region_csv",
    ),
    path("<str:object_type>/<str:object_id>/", views_history.history, name="object"),
]
