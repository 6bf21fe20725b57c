from django.contrib import admin
from django.http import HttpRequest

from inovda.regions.models import Period, Region


class ReadOnlyAdmin(admin.ModelAdmin):
    """A period's roster is fixed by ``create_period``; the admin only shows it."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Period)
class PeriodAdmin(ReadOnlyAdmin):
    list_display = ["year", "rulebook_year", "rulebook_hash", "created_at"]


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["code", "name", "tingkat", "province_name", "tertinggal", "perbatasan", "papua"]
    list_filter = ["period", "tingkat", "tertinggal", "perbatasan", "papua"]
    search_fields = ["code", "current_code", "name"]
