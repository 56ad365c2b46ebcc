from django.urls import path

from intl_office.page_cache import public_page

from . import views

app_name = "programs"

urlpatterns = [
    path("programs/", public_page(views.ProgramListView.as_view()), name="program-list"),
    path("programs/<slug:slug>/", public_page(views.ProgramDetailView.as_view()), name="program-detail"),
    path("projects/<slug:slug>/", public_page(views.ProjectDetailView.as_view()), name="project-detail"),
    path("joint-programmes/", public_page(views.JointProgrammeListView.as_view()), name="joint-programme-list"),
    path("calls/", public_page(views.CallListView.as_view()), name="call-list"),
    path("calls/<slug:slug>/", public_page(views.CallDetailView.as_view()), name="call-detail"),
    path("calls/<slug:slug>/results/", public_page(views.CallResultsView.as_view()), name="call-results"),
]
