"""The AppConfig the apps on the house plan share.

Subclass it through the module (``appconfig.RegisteringConfig``): Django takes the only
AppConfig class an ``apps.py`` holds as the app's config, and an imported class would be a
second one."""

from importlib import import_module

from django.apps import AppConfig


class RegisteringConfig(AppConfig):
    """An app that, once loaded, registers the labels of the audit actions it writes
    (``<app>.audit.register``) and, with ``home_tasks``, what its users' home page lists
    (``<app>.todo.register_home``)."""

    home_tasks = False

    def ready(self) -> None:
        import_module(f"{self.name}.audit").register()
        if self.home_tasks:
            import_module(f"{self.name}.todo").register_home()
