from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "inovda.verification"
    verbose_name = "Verifikasi"

    def ready(self) -> None:
        from inovda.verification import audit, todo

        audit.register()
        todo.register_home()
