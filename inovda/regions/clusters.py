"""The ranking clusters of the IID, declared once: the three tiers (``Region.Tingkat``) and the
three groups a region may belong to besides its tier (``Region.tertinggal``, ``.perbatasan``,
``.papua``). Rankings, filters, downloads, the API and the portal read the words and labels
from here.
"""

from __future__ import annotations

from typing import Literal, Protocol, get_args

from django.db import models


class Cluster(models.TextChoices):
    PROVINSI = "provinsi", "Provinsi"
    KABUPATEN = "kabupaten", "Kabupaten"
    KOTA = "kota", "Kota"
    TERTINGGAL = "tertinggal", "Daerah tertinggal"
    PERBATASAN = "perbatasan", "Daerah perbatasan"
    PAPUA = "papua", "Wilayah Papua"


# The tier clusters carry the values of ``Region.Tingkat`` (a test keeps them equal); a
# region is in exactly one of them.
TIERS: tuple[Cluster, ...] = (Cluster.PROVINSI, Cluster.KABUPATEN, Cluster.KOTA)
# The group clusters are boolean fields of ``Region`` of the same name; a region may be in any.
GROUPS: tuple[Cluster, ...] = (Cluster.TERTINGGAL, Cluster.PERBATASAN, Cluster.PAPUA)

# The same words as a type, for signatures the API publishes (its schema lists the values);
# checked against ``Cluster`` below so the two cannot drift.
ClusterCode = Literal["provinsi", "kabupaten", "kota", "tertinggal", "perbatasan", "papua"]
if get_args(ClusterCode) != tuple(Cluster.values):  # pragma: no cover - a declaration error
    raise ImportError("ClusterCode and Cluster list different clusters")


class InClusters(Protocol):
    @property
    def tingkat(self) -> str: ...
    @property
    def tertinggal(self) -> bool: ...
    @property
    def perbatasan(self) -> bool: ...
    @property
    def papua(self) -> bool: ...


def clusters_of(region: InClusters) -> tuple[Cluster, ...]:
    """The clusters a region (or any row with its tier and group flags) is ranked in."""
    return (Cluster(region.tingkat), *(c for c in GROUPS if getattr(region, c.value)))


def rank_field(cluster: str) -> str:
    """The ``Result``/``PublishedResult`` field holding the rank in this cluster."""
    return "rank_tingkat" if cluster in TIERS else f"rank_{Cluster(cluster).value}"
