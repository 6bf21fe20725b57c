from django.apps import AppConfig


class InnovationsConfig(AppConfig):
    name = "inovda.innovations"
    verbose_name = "Inovasi daerah"
