from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "inovda.regions"

    def ready(self) -> None:
        from inovda.regions import audit

        audit.register()
