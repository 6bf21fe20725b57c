"""Display filters of the portal: Indonesian numbers (decimal comma, dot for thousands) and
the labels of codes. Every number on the portal goes through ``angka`` so they all read alike."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

from inovda.regions.clusters import Cluster
from inovda.regions.models import Region
from inovda.rulebooks.model import CONFIDENCE_LABELS, PREDICATE_LABELS
from inovda.rulebooks.urusan import urusan_label

register = template.Library()


@register.filter
def angka(value, decimals=0):
    """1234.5 → "1.234,50" with ``decimals=2``; empty values → "—"."""
    if value is None or value == "":
        return "—"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return value
    # number_format cuts extra digits off; the rounding rule of the scores is half up.
    number = number.quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    return number_format(number, int(decimals), use_l10n=True, force_grouping=True)


@register.filter
def skor(value):
    return angka(value, 2)


@register.filter
def persen(value):
    return "—" if value is None else f"{angka(value, 1)}%"


@register.filter
def pertumbuhan(value):
    """A growth percentage with its sign: "+85,9%", "-3,0%", "—" when unknown."""
    return persen(value) if value is None or value <= 0 else f"+{persen(value)}"


@register.filter
def predikat(code):
    return PREDICATE_LABELS.get(code, code)


@register.filter
def tingkat(code):
    return Region.Tingkat(code).label if code in Region.Tingkat.values else code


@register.filter
def klaster(code):
    return Cluster(code).label if code in Cluster.values else code


@register.filter
def urusan(code):
    return urusan_label(code)


@register.filter
def keyakinan(confidence):
    return CONFIDENCE_LABELS.get(confidence, confidence)
