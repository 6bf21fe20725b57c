from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "inovda.awards"
    verbose_name = "Penghargaan (IGA)"
