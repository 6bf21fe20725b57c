from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inovda.accounts"
    verbose_name = "Akun"
