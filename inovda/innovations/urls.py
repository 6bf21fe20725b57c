from django.urls import path

from inovda.innovations import views, views_innovation, views_profile

app_name = "pemda"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/<str:code>/", views.home, name="home"),
    path("<int:year>/<str:code>/profil/", views_profile.profile, name="profile"),
    path(
        "<int:year>/<str:code>/profil/kirim/", views_profile.profile_submit, name="profile_submit"
    ),
    path("<int:year>/<str:code>/inovasi/baru/", views_innovation.innovation_new, name="new"),
    path(
        "<int:year>/<str:code>/inovasi/kelayakan/",
        views_innovation.new_eligibility,
        name="new_eligibility",
    ),
    path("inovasi/<int:pk>/", views_innovation.innovation_detail, name="innovation"),
    path(
        "inovasi/<int:pk>/kelayakan/", views_innovation.innovation_eligibility, name="eligibility"
    ),
    path("inovasi/<int:pk>/kirim/", views_innovation.innovation_submit, name="submit"),
    path("tanda-terima/<int:pk>/", views.receipt_page, name="receipt"),
]
