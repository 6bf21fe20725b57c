from inovda.core import appconfig


class RegionsConfig(appconfig.RegisteringConfig):
    name = "inovda.regions"
