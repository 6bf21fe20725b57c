"""The public record of the award: nothing before the plenary sign-off; after it, the frozen
revision, and the certificate verification page."""

from django.http import Http404
from django.shortcuts import redirect, render

from inovda.awards.book import ASSUMPTION_TEXT
from inovda.awards.exports import public_download
from inovda.awards.models import AwardRevision, Certificate
from inovda.awards.plenary import signed_revision


def index(request):
    years = sorted(
        set(AwardRevision.objects.values_list("award__period__year", flat=True)), reverse=True
    )
    if years:
        return redirect("awards:public", years[0])
    return render(request, "awards/public_none.html", {"nav": "penghargaan"})


def public(request, year: int):
    revision = signed_revision(year)
    if revision is None:
        raise Http404(f"Penghargaan {year} belum ditetapkan.")
    context = {
        "revision": revision,
        "year": year,
        "assumption": ASSUMPTION_TEXT,
        "nav": "penghargaan",
    }
    return render(request, "awards/public.html", context)


def download(request, year: int, fmt: str):
    revision = signed_revision(year)
    if revision is None or fmt not in ("csv", "xlsx"):
        raise Http404("Unduhan tidak ditemukan.")
    return public_download(revision, fmt)


def verify(request, number: str):
    cert = (
        Certificate.objects.select_related("region", "award__period").filter(number=number).first()
    )
    if cert is None:
        state = "unknown"
    elif cert.revoked_at:
        state = "revoked"
    else:
        state = "genuine"
    status = 404 if cert is None else 200
    return render(
        request,
        "awards/verify.html",
        {"cert": cert, "state": state, "number": number},
        status=status,
    )
