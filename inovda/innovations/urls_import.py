from django.urls import path

from inovda.innovations import views_import

app_name = "impor"

urlpatterns = [
    path("<int:year>/<str:code>/", views_import.import_form, name="form"),
    path("<int:year>/<str:code>/template.xlsx", views_import.import_template, name="template"),
    path("<int:year>/<str:code>/pekerjaan/<uuid:pk>/", views_import.import_job, name="job"),
]
