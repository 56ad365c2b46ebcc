"""The department's own pages; included under i18n_patterns (see intl_office/urls.py)."""

from django.urls import path

from ..page_cache import public_page
from . import profile, views

urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("about/", public_page(views.AboutView.as_view()), name="about"),
    path("search/", public_page(views.SearchView.as_view()), name="search"),
    path("my/profile/", profile.profile_view, name="my-profile"),
]
