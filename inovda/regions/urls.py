from django.urls import path

from inovda.regions import views

app_name = "periods"

urlpatterns = [
    path("", views.period_list, name="list"),
    path("buka/", views.period_open, name="open"),
    path("<int:year>/", views.period_detail, name="detail"),
    path("<int:year>/perpanjang/", views.period_extend, name="extend"),
]
