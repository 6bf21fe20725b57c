"""What the audit history needs from this app: a region (the pemda's SPD profile is logged on
it) finds itself, and a period's history is the national admin's alone. Registered in
``RegionsConfig.ready()``."""

from inovda.core import history
from inovda.core.history import region_of
from inovda.regions.models import Region


def register() -> None:
    history.register_object("regions.region", region_of(Region, ""))
    history.register_national("regions.period")
    history.register_region_part(lambda region: Region.objects.filter(pk=region.pk))
