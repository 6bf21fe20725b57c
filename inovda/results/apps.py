from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "inovda.results"

    def ready(self) -> None:
        from inovda.results import audit

        audit.register()
