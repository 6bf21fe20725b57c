from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "inovda.portal"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from inovda.public_cache import publications_changed
        from inovda.results.models import Publication

        # Every process (web and job worker) forgets the cached public version on a change.
        for signal in (post_save, post_delete):
            signal.connect(publications_changed, sender=Publication, dispatch_uid="public.version")
