from django.urls import path, re_path

from intl_office.page_cache import public_page

from . import views

app_name = "partners"

urlpatterns = [
    path("partners/", public_page(views.InstitutionListView.as_view()), name="institution-list"),
    # Open data: the directory's filters apply to the query string of these files too.
    re_path(
        r"^partners/data\.(?P<fmt>csv|json)$",
        public_page(views.institution_data, params=views.OPEN_DATA_PARAMS),
        name="institution-data",
    ),
    re_path(
        r"^partners/agreements\.(?P<fmt>csv|json)$",
        public_page(views.agreement_data, params=views.OPEN_DATA_PARAMS),
        name="agreement-data",
    ),
    path("partners/<slug:slug>/", public_page(views.InstitutionDetailView.as_view()), name="institution-detail"),
    # Linked from the admin: signed documents live in private storage and leave it only through here.
    path("staff/agreements/<int:pk>/document/", views.agreement_document, name="agreement-document"),
]
