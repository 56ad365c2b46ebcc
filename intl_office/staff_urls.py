"""The staff workspace outside the admin: dashboard, annual reports, calendar feed."""

from django.urls import path  # noqa: F401

app_name = "staff"

urlpatterns = []
