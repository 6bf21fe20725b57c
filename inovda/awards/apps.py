from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "inovda.awards"
    verbose_name = "Penghargaan (IGA)"

    def ready(self) -> None:
        from inovda.awards import audit, todo

        audit.register()
        todo.register_home()
