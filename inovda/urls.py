from django.contrib import admin
from django.urls import include, path

from inovda.api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("unduh/", include("inovda.results.urls")),
    path("akun/", include("inovda.accounts.urls")),
    path("periode-admin/", include("inovda.regions.urls")),
    path("pemda/", include("inovda.innovations.urls")),
    path("bukti/", include("inovda.innovations.urls_evidence")),
    path("impor/", include("inovda.innovations.urls_import")),
    path("verifikasi/", include("inovda.verification.urls")),
    path("riwayat/", include("inovda.core.urls")),
    path("penghargaan/", include("inovda.awards.urls")),
    path("", include("inovda.portal.urls")),
]
