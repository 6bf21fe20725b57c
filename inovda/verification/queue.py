"""The verifier's queue: what waits for a decision, oldest first, in a constant number of
queries whatever its length."""

from django.db.models import Count, Exists, F, OuterRef, Subquery
from django.db.models.functions import Coalesce

from inovda.accounts.models import Assignment
from inovda.innovations.models import Answer, Innovation, Status, Submission, Verification
from inovda.regions.models import Period, Region, extension_close

QUEUE_STATUSES = (Status.SUBMITTED, Status.IN_REVIEW)
FILTER_STATUSES = (Status.SUBMITTED, Status.IN_REVIEW, Status.RETURNED, Status.VERIFIED)


def default_period(user) -> Period | None:
    periods = Period.objects.order_by("-year")
    if user.is_verifier:
        return periods.filter(assignments__verifier=user).first() or periods.first()
    return periods.first()


def _assigned(user, period: Period, code_ref: str) -> Exists:
    return Exists(
        Assignment.objects.filter(verifier=user, period=period, region_code=OuterRef(code_ref))
    )


def queue_regions(user, period: Period):
    """The pemda whose items the user may decide: assigned ones for a verifier, all for the
    national admin (who watches but does not decide)."""
    regions = Region.objects.filter(period=period)
    if user.is_verifier:
        regions = regions.filter(_assigned(user, period, "current_code"))
        if user.region_code:
            regions = regions.exclude(current_code=user.region_code)
    return regions


# The queue's orders: oldest waiting first (default), nearest reporting deadline, pemda.
ORDERS = {
    "menunggu": ("waiting_since", "pk"),
    "batas": ("deadline", "waiting_since", "pk"),
    "pemda": ("region__name", "waiting_since", "pk"),
}


def queue(
    user, period: Period, region_code="", indicator="", statuses=QUEUE_STATUSES, order="menunggu"
):
    items = Innovation.objects.filter(region__period=period, status__in=statuses).select_related(
        "region"
    )
    if user.is_verifier:
        items = items.filter(_assigned(user, period, "region__current_code")).exclude(
            created_by=user
        )
        if user.region_code:
            items = items.exclude(region__current_code=user.region_code)
    if region_code:
        items = items.filter(region__code=region_code)
    if indicator:
        items = items.filter(
            Exists(
                Answer.objects.filter(
                    innovation=OuterRef("pk"),
                    indicator_id=indicator,
                    verification=Verification.PENDING,
                )
            )
        )
    sent = (
        Submission.objects.filter(innovation=OuterRef("pk"))
        .order_by("-submitted_at")
        .values("submitted_at")[:1]
    )
    pending = (
        Answer.objects.filter(innovation=OuterRef("pk"), verification=Verification.PENDING)
        .order_by()
        .values("innovation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # An extension only moves a close later, so it wins over the national close when present.
    deadline = Coalesce(
        extension_close("region__period", "region__current_code"), F("region__period__closes_at")
    )
    return items.annotate(
        waiting_since=Coalesce(Subquery(sent), F("created_at")),
        pending=Coalesce(Subquery(pending), 0),
        deadline=deadline,
    ).order_by(*ORDERS.get(order, ORDERS["menunggu"]))


def spd_queue(user, period: Period, region_code=""):
    """Region profiles (SPD) sent and still holding undecided rows."""
    regions = queue_regions(user, period)
    if region_code:
        regions = regions.filter(code=region_code)
    sent = Submission.objects.filter(region=OuterRef("pk"), innovation__isnull=True)
    pending = (
        Answer.objects.filter(
            region=OuterRef("pk"), innovation__isnull=True, verification=Verification.PENDING
        )
        .order_by()
        .values("region")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        regions.filter(Exists(sent))
        .annotate(pending=Coalesce(Subquery(pending), 0))
        .filter(pending__gt=0)
        .order_by("code")
    )


def next_item(user, period: Period, exclude_pk: int) -> Innovation | None:
    return queue(user, period).exclude(pk=exclude_pk).first()
