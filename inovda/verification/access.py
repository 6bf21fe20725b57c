"""Gates for verification's own objects, on the pattern of ``inovda.accounts.access``: 404 for
what the user may not see, 403 for what they may see but not act on."""

from django.core.exceptions import PermissionDenied

from inovda.accounts.access import can_see_region, first_visible
from inovda.regions.models import Period
from inovda.verification.models import Objection, QCReview


def require_verifier(user) -> None:
    if not user.is_verifier:
        raise PermissionDenied("Halaman ini hanya untuk verifikator.")


def require_verifier_or_admin(user) -> None:
    if not (user.is_verifier or user.is_national_admin):
        raise PermissionDenied("Halaman ini hanya untuk verifikator dan admin nasional.")


def require_national_admin(user) -> None:
    if not user.is_national_admin:
        raise PermissionDenied("Halaman ini hanya untuk admin nasional.")


def get_period(year: int) -> Period:
    return first_visible(Period.objects.filter(year=year), f"Periode {year} tidak ditemukan.")


def get_objection_for_user(user, pk: int) -> Objection:
    rows = Objection.objects.select_related("region__period", "raised_by", "resolved_by")
    return first_visible(
        rows.filter(pk=pk), "Sanggahan tidak ditemukan.", lambda o: can_see_region(user, o.region)
    )


def get_qc_review_for_reviewer(user, pk: int) -> QCReview:
    """A QC review exists only for its reviewer: nobody else sees it, and it is blind."""
    rows = QCReview.objects.select_related("answer__region__period", "answer__innovation")
    return first_visible(rows.filter(pk=pk, reviewer_id=user.pk), "Tinjauan QC tidak ditemukan.")
