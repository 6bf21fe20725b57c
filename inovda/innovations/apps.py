from django.apps import AppConfig


class InnovationsConfig(AppConfig):
    name = "inovda.innovations"
    verbose_name = "Inovasi daerah"

    def ready(self) -> None:
        from inovda.innovations import audit, todo

        audit.register()
        todo.register_home()
