"""The staff workspace outside the admin: dashboard, annual reports, calendar feed."""

from django.urls import path

from . import views

app_name = "staff"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("reports/", views.report_view, name="report"),
    path("reports/export.xlsx", views.report_export_view, name="report-export"),
    path("reports/files/<int:pk>.xlsx", views.report_file_view, name="report-file"),
    path("calendar.ics", views.calendar_view, name="calendar"),
    path("calendar/new-address/", views.calendar_rotate_view, name="calendar-rotate"),
]
