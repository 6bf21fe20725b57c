from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inovda.accounts"
    verbose_name = "Akun"

    def ready(self) -> None:
        from inovda.accounts import audit

        audit.register()
