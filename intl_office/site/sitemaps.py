"""``/sitemap.xml``: every public page in English, Uzbek and Russian, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
        "mobility:expert-list",
        "mobility:statistics",
        "about",
    ]
    changefreq = "weekly"

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "home" else 0.8


class InstitutionSitemap(LocalizedSitemap):
    changefreq = "monthly"

    def items(self):
        return Institution.objects.public().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class GrantProgramSitemap(LocalizedSitemap):
    changefreq = "monthly"

    def items(self):
        return GrantProgram.objects.filter(is_active=True).only("slug").order_by("pk")


class ProjectSitemap(LocalizedSitemap):
    changefreq = "monthly"

    def items(self):
        return Project.objects.only("slug").order_by("pk")


class CallSitemap(LocalizedSitemap):
    changefreq = "weekly"

    def items(self):
        return Call.objects.published().only("slug", "created_at").order_by("pk")

    def lastmod(self, item):
        return item.created_at


class VisitSitemap(LocalizedSitemap):
    changefreq = "yearly"

    def items(self):
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
