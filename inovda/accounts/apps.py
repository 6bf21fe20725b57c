from inovda.core import appconfig


class AccountsConfig(appconfig.RegisteringConfig):
    name = "inovda.accounts"
    verbose_name = "Akun"
