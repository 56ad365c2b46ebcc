"""URLs of the student application flow; mobility/urls.py appends them to its own."""

from django.urls import path

from . import application_views as views

urlpatterns = [
    path("calls/<slug:slug>/apply/", views.application_create, name="application-create"),
    path("my/applications/", views.ApplicationListView.as_view(), name="my-applications"),
    path("my/applications/<int:pk>/", views.application_detail, name="application-detail"),
    path("my/applications/<int:pk>/withdraw/", views.application_withdraw_view, name="application-withdraw"),
    path(
        "my/applications/<int:pk>/documents/<int:doc_pk>/",
        views.application_document,
        name="application-document",
    ),
    path("my/applications/<int:pk>/photo/", views.application_photo, name="application-photo"),
    # Linked from the admin; the office reads the files through these, never through a media URL.
    path(
        "staff/applications/<int:pk>/documents/<int:doc_pk>/",
        views.staff_application_document,
        name="staff-application-document",
    ),
    path("staff/applications/<int:pk>/photo/", views.staff_application_photo, name="staff-application-photo"),
]
