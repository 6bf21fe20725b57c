from django.urls import path

from inovda.portal import views, views_catalogue, views_ranking, views_region

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("periode/<int:year>/", views.dashboard, name="dashboard"),
    path("peringkat/", views.ranking_latest, name="ranking_latest"),
    path("periode/<int:year>/peringkat/", views_ranking.ranking, name="ranking"),
    path("periode/<int:year>/pemda/<str:code>/", views_region.region, name="region"),
    path("katalog/", views_catalogue.catalogue, name="catalogue"),
    path("inovasi/<int:pk>/", views_catalogue.innovation, name="innovation"),
    path("metodologi/", views.methodology_latest, name="methodology_latest"),
    path("metodologi/<int:year>/", views.methodology, name="methodology"),
]
