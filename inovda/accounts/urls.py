from django.urls import path

from inovda.accounts import views, views_invitation

app_name = "accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("masuk/", views.login, name="login"),
    path("keluar/", views.logout, name="logout"),
    path("ganti-sandi/", views.password_change, name="password_change"),
    path("pengguna/", views.account_list, name="list"),
    path("pengguna/baru/", views.account_create, name="create"),
    path("pengguna/<int:pk>/nonaktifkan/", views.account_deactivate, name="deactivate"),
    path("undangan/<str:uidb64>/<str:token>/", views_invitation.invitation, name="invitation"),
]
