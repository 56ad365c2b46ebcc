"""The department's own pages: home, about, and the files crawlers ask for."""

import datetime

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.db.models import Prefetch
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from intl_office.dates import today
from intl_office.models import Page, Ranking, StaffMember
from intl_office.page_cache import public_page
from intl_office.site.figures import key_figures
from intl_office.site.search import clean_query, query_words, search
from intl_office.site.search_kinds import KINDS, KINDS_BY_KEY
from intl_office.site.sitemaps import SITEMAPS
from mobility.models import Visit, VisitPhoto
from programs.models import Call

HOME_OPEN_CALLS = 6
HOME_LATEST_VISITS = 3


class HomeView(TemplateView):
    """The department, live figures, open calls, latest visits and rankings.

    Queries: the home institution (context processor), four for the figures, open calls,
    their hosts, the latest visits, their photos, rankings: ten, whatever the row counts.
    The page's content is one ``{% public_fragment %}``: while it is cached, the figures and
    the querysets below are never evaluated, and only the home institution is read.
    """

    template_name = "intl_office/home.html"

    def get_context_data(self, **kwargs):
        on = today()
        open_calls = (
            Call.objects.open(on)
            .select_related("program")
            .prefetch_related("hosts")
            .order_by("deadline", "title")[:HOME_OPEN_CALLS]
        )
        latest_visits = (
            Visit.objects.public()
            .filter(start_date__lte=on)
            .select_related("partner")
            .prefetch_related(Prefetch("photos", queryset=VisitPhoto.objects.order_by("order", "pk")))
            .order_by("-start_date", "title")[:HOME_LATEST_VISITS]
        )
        return super().get_context_data(
            figures=SimpleLazyObject(lambda: key_figures(on)),
            open_calls=open_calls,
            latest_visits=latest_visits,
            rankings=Ranking.objects.all(),
            **kwargs,
        )


class AboutView(TemplateView):
    """Tasks and functions, the staff and the department's contacts.

    Queries: the home institution, the published pages, the public staff: three; none while its content
    (a fragment) and the home institution are cached.
    """

    template_name = "intl_office/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            pages=Page.objects.published(),
            staff=StaffMember.objects.filter(is_public=True),
            **kwargs,
        )


class SearchView(TemplateView):
    """``/search/?q=``: partners, programmes, projects, calls, visits and pages, grouped by kind.

    ``kind`` narrows the page to one kind and shows more of it. Queries: the home institution, the
    city names (shared until a record changes), one per kind searched: nine at most.
    """

    template_name = "intl_office/search.html"
    public_page_params = ("q", "kind")
    PER_KIND = 5
    ONE_KIND = 50

    def get_context_data(self, **kwargs):
        query = clean_query(self.request.GET.get("q", ""))
        kind = KINDS_BY_KEY.get(self.request.GET.get("kind", ""))
        words = query_words(query)
        groups = []
        if words:
            groups = search([kind] if kind else KINDS, query, limit=self.ONE_KIND if kind else self.PER_KIND)
        for group in groups:
            group.list_url = group.kind.list_url(query) if group.kind.list_url else None
        return super().get_context_data(
            query=query,
            searched=bool(words),
            kind=kind,
            groups=[group for group in groups if group.total],
            total=sum(group.total for group in groups),
            **kwargs,
        )


ROBOTS_DISALLOWED = ["/admin/", "/my/", "/accounts/", "/staff/"]
# Outside the language prefixes: the load balancer's health check.
ROBOTS_DISALLOWED_ONCE = ["/healthz"]


@require_GET
def robots_txt(request):
    """Keep crawlers out of the back office and the students' pages, in every language."""
    prefixes = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}{path}" for path in ROBOTS_DISALLOWED for prefix in prefixes]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOWED_ONCE]
    with translation.override(settings.LANGUAGE_CODE):
        sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines += ["", f"Sitemap: {sitemap_url}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={int(datetime.timedelta(days=1).total_seconds())}"
    return response


def sitemap_xml(request):
    """Every public page in every language: thousands of URLs, served from the page cache like the pages.

    ``p`` is the sitemap's page number when a section passes 50,000 URLs.
    """
    return sitemap(request, sitemaps=SITEMAPS)


public_page(sitemap_xml, params=("p",))
