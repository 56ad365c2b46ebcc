from django.urls import path

from . import views

app_name = "programs"

urlpatterns = [
    path("programs/", views.ProgramListView.as_view(), name="program-list"),
    path("programs/<slug:slug>/", views.ProgramDetailView.as_view(), name="program-detail"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("joint-programmes/", views.JointProgrammeListView.as_view(), name="joint-programme-list"),
    path("calls/", views.CallListView.as_view(), name="call-list"),
    path("calls/<slug:slug>/", views.CallDetailView.as_view(), name="call-detail"),
]
