from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from inovda.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("unduh/", include("inovda.results.urls")),
    path("akun/", include("inovda.accounts.urls")),
    path("periode-admin/", include("inovda.results.urls_periods")),
    # The period's objection window and publication used to have their own page here.
    path(
        "verifikasi/periode/<int:year>/",
        RedirectView.as_view(pattern_name="periods:detail", permanent=True),
    ),
    path("pemda/", include("inovda.innovations.urls")),
    path("bukti/", include("inovda.innovations.urls_evidence")),
    path("impor/", include("inovda.innovations.urls_import")),
    path("verifikasi/", include("inovda.verification.urls")),
    path("riwayat/", include("inovda.accounts.urls_history")),
    path("penghargaan/", include("inovda.awards.urls")),
    path("", include("inovda.portal.urls")),
]
