from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "inovda.demo"
    verbose_name = "Data demo"
