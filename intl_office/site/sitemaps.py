"""``/sitemap.xml``: every public page in English, Uzbek and Russian, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from mobility.models import Visit
from partners.models import Institution
from programs.models import Call, GrantProgram, Project


class LocalizedSitemap(Sitemap):
    """Lists each item once per language and names the other languages as alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(LocalizedSitemap):
    """Pages without a record behind them: home, about and the list pages."""

    url_names = [
        "home",
        "partners:institution-list",
        "programs:program-list",
        "programs:call-list",
        "programs:joint-programme-list",
        "mobility:visit-list",
        "mobility:statistics",
        "about",
    ]
    changefreq = "weekly"

    def items(self):
        names = []
        for name in self.url_names:
            try:
                reverse(name)
            except NoReverseMatch:
                continue  # the app does not route this page
            names.append(name)
        return names

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.8


class RecordSitemap(LocalizedSitemap):
    """Detail pages of public records; empty when the app does not route the detail page."""

    detail_url_name = ""

    def queryset(self):
        raise NotImplementedError

    def items(self):
        try:
            reverse(self.detail_url_name, kwargs={"slug": "x"})
        except NoReverseMatch:
            return []
        return self.queryset()


class InstitutionSitemap(RecordSitemap):
    detail_url_name = "partners:institution-detail"
    changefreq = "monthly"

    def queryset(self):
        return Institution.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class GrantProgramSitemap(RecordSitemap):
    detail_url_name = "programs:program-detail"
    changefreq = "monthly"

    def queryset(self):
        return GrantProgram.objects.filter(is_active=True).only("slug").order_by("pk")


class ProjectSitemap(RecordSitemap):
    detail_url_name = "programs:project-detail"
    changefreq = "monthly"

    def queryset(self):
        return Project.objects.only("slug").order_by("pk")


class CallSitemap(RecordSitemap):
    detail_url_name = "programs:call-detail"
    changefreq = "weekly"

    def queryset(self):
        return Call.objects.published().only("slug", "created_at").order_by("pk")

    def lastmod(self, item):
        return item.created_at


class VisitSitemap(RecordSitemap):
    detail_url_name = "mobility:visit-detail"
    changefreq = "yearly"

    def queryset(self):
        return Visit.objects.public().only("slug", "created_at").order_by("pk")

    def lastmod(self, item):
        return item.created_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "partners": InstitutionSitemap,
    "programmes": GrantProgramSitemap,
    "projects": ProjectSitemap,
    "calls": CallSitemap,
    "visits": VisitSitemap,
}
