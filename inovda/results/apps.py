from inovda.core import appconfig


class ResultsConfig(appconfig.RegisteringConfig):
    name = "inovda.results"
    home_tasks = True

    def ready(self) -> None:
        from inovda.results.lifecycle import recompute_on_levels_changed
        from inovda.verification.signals import levels_changed

        super().ready()
        levels_changed.connect(recompute_on_levels_changed, dispatch_uid="results.recompute")
