"""The one cluster type: the tiers are Region.Tingkat, the groups are Region's flags, and a
region's clusters and rank fields follow from them."""

from types import SimpleNamespace

from inovda.regions.clusters import GROUPS, TIERS, Cluster, clusters_of, rank_field
from inovda.regions.models import Region
from inovda.results.models import Result


def test_the_tiers_are_the_tingkat_of_a_region():
    assert [c.value for c in TIERS] == list(Region.Tingkat.values)
    assert [c.label for c in TIERS] == list(Region.Tingkat.labels)
    assert set(TIERS) | set(GROUPS) == set(Cluster)


def test_each_group_is_a_flag_of_the_region_and_has_a_rank_field():
    fields = {f.name for f in Region._meta.get_fields()}
    assert all(c.value in fields for c in GROUPS)
    result_fields = {f.name for f in Result._meta.get_fields()}
    assert {rank_field(c) for c in Cluster} <= result_fields
    assert rank_field("kota") == "rank_tingkat"
    assert rank_field(Cluster.PAPUA) == "rank_papua"


def test_it_gives_a_region_its_clusters():
    region = SimpleNamespace(tingkat="kabupaten", tertinggal=True, perbatasan=False, papua=True)
    assert clusters_of(region) == (Cluster.KABUPATEN, Cluster.TERTINGGAL, Cluster.PAPUA)
    assert Cluster.PAPUA.label == "Wilayah Papua"
