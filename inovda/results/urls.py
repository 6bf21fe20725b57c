from django.urls import path

from inovda.results import views

app_name = "unduh"

urlpatterns = [
    path("periode/<int:year>/peringkat.csv", views.peringkat, {"fmt": "csv"}, name="peringkat_csv"),
    path(
        "periode/<int:year>/peringkat.xlsx", views.peringkat, {"fmt": "xlsx"}, name="peringkat_xlsx"
    ),
    path("periode/<int:year>/katalog.csv", views.katalog, {"fmt": "csv"}, name="katalog_csv"),
    path("periode/<int:year>/katalog.xlsx", views.katalog, {"fmt": "xlsx"}, name="katalog_xlsx"),
]
