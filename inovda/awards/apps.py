from inovda.core import appconfig


class AwardsConfig(appconfig.RegisteringConfig):
    name = "inovda.awards"
    verbose_name = "Penghargaan (IGA)"
    home_tasks = True
