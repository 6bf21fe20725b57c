from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "inovda.results"

    def ready(self) -> None:
        from inovda.results import audit, todo
        from inovda.results.lifecycle import recompute_on_levels_changed
        from inovda.verification.signals import levels_changed

        audit.register()
        todo.register_home()
        levels_changed.connect(recompute_on_levels_changed, dispatch_uid="results.recompute")
