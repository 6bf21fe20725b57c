from inovda.core import appconfig


class InnovationsConfig(appconfig.RegisteringConfig):
    name = "inovda.innovations"
    verbose_name = "Inovasi daerah"
    home_tasks = True
