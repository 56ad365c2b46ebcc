from django.urls import path

from . import views

app_name = "mobility"

urlpatterns = [
    # Delegation visits
    path("visits/", views.VisitListView.as_view(), name="visit-list"),
    path("visits/<slug:slug>/", views.VisitDetailView.as_view(), name="visit-detail"),
    # Figures
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
]

# The student application flow lives in its own module; its names share this namespace.
from .application_urls import urlpatterns as application_urlpatterns  # noqa: E402

urlpatterns += application_urlpatterns
