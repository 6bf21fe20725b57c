from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "inovda.api"
