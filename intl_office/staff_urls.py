"""The staff workspace outside the admin: dashboard, annual reports, calendar feed."""

from django.urls import path

from . import staff_views

app_name = "staff"

urlpatterns = [
    path("", staff_views.dashboard_view, name="dashboard"),
    path("reports/", staff_views.report_view, name="report"),
    path("reports/export.xlsx", staff_views.report_export_view, name="report-export"),
    path("calendar.ics", staff_views.calendar_view, name="calendar"),
]
