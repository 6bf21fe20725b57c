from django.apps import AppConfig


class VerificationConfig(AppConfig):
    name = "inovda.verification"
    verbose_name = "Verifikasi"
