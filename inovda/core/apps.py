from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "inovda.core"
    verbose_name = "Inovda"
