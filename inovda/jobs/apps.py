from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "inovda.jobs"
    verbose_name = "Pekerjaan latar"
