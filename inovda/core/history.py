"""The registry behind the audit history pages.

``core`` sits below every app that writes audit entries, so it knows neither their action
labels nor where their objects belong. Each app tells it, in its ``AppConfig.ready()``:

- ``register_labels``: the Indonesian label of each action the app writes;
- ``register_object``: how to find one of its objects' region and which entries make up that
  object's history (the object's own, and those of its parts);
- ``register_national``: objects whose history only the national admin reads;
- ``register_region_part``: the entries of its objects that belong to a pemda's complete
  history.

The pages that read this (``inovda.accounts.views_history``) add the access rule.
"""

import operator
from collections.abc import Callable, Mapping
from functools import reduce
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import CharField, Q
from django.db.models.functions import Cast

# An object's region and the query of its history entries, or None when it does not exist.
Finder = Callable[[int], tuple[Any, Q] | None]

_labels: dict[str, str] = {}
_finders: dict[str, Finder] = {}
_national: dict[str, tuple[str, ...]] = {}
_region_parts: list[Callable[[Any], Any]] = []


def _claim(registry: dict, key: str, value, what: str) -> None:
    # Two apps claiming one key would make one of them silently lose; fail at start-up instead.
    if key in registry and registry[key] != value:
        raise ImproperlyConfigured(f"Riwayat: {what} {key!r} didaftarkan dua kali.")
    registry[key] = value


def register_labels(labels: Mapping[str, str]) -> None:
    for action, label in labels.items():
        _claim(_labels, action, label, "aksi")


def register_object(object_type: str, find: Finder) -> None:
    _claim(_finders, object_type, find, "jenis objek")


def register_national(*object_types: str) -> None:
    """Objects only the national admin reads. Several labels name the same rows when a model
    moved between apps: the history of either shows the entries of all of them."""
    for object_type in object_types:
        _claim(_national, object_type, object_types, "jenis objek nasional")


def register_region_part(rows: Callable[[Any], Any]) -> None:
    """``rows(region)``: a queryset of the app's objects that belong to that pemda."""
    _region_parts.append(rows)


def label(action: str) -> str | None:
    return _labels.get(action)


def finder(object_type: str) -> Finder | None:
    return _finders.get(object_type)


def national(object_type: str) -> Q | None:
    """The query of a national object's entries by type, or None if it is not one."""
    group = _national.get(object_type)
    return None if group is None else Q(object_type__in=group)


def region_query(region) -> Q:
    """Every entry about a pemda in a period, over all the apps that registered a part."""
    parts = [
        about(rows.model._meta.label_lower, rows) for rows in (p(region) for p in _region_parts)
    ]
    return reduce(operator.or_, parts) if parts else Q(pk__in=[])


def one(object_type: str, pk) -> Q:
    return Q(object_type=object_type, object_id=str(pk))


def about(object_type: str, rows) -> Q:
    """Entries about any of ``rows`` (a queryset, read as a subquery: no id list in memory)."""
    ids = rows.order_by().annotate(audit_id=Cast("pk", CharField())).values("audit_id")
    return Q(object_type=object_type, object_id__in=ids)


def region_of(model, path: str) -> Finder:
    """A finder for an object whose history is its own entries; ``path`` leads to its region
    ("" when it is a region)."""
    object_type = model._meta.label_lower

    def find(pk: int):
        obj = model.objects.select_related(f"{path}__period" if path else "period")
        obj = obj.filter(pk=pk).first()
        if obj is None:
            return None
        region = obj
        for attr in path.split("__") if path else ():
            region = getattr(region, attr)
        return region, one(object_type, pk)

    return find
