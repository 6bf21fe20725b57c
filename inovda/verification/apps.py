from inovda.core import appconfig


class VerificationConfig(appconfig.RegisteringConfig):
    name = "inovda.verification"
    verbose_name = "Verifikasi"
    home_tasks = True
