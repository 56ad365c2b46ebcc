from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import Http404
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from django.views.static import serve

from .health import healthz
from .site.views import robots_txt, sitemap_xml

# Files for crawlers exist once, outside the language prefixes; the sitemap lists every language.
urlpatterns = [
    # The language switcher is on every public page, and a page with a CSRF token can be cached
    # for nobody (intl_office/page_cache.py). Forging this form only sets a visitor's language
    # cookie, which the pages ignore (their language is in the path), and set_language redirects
    # only to the portal's own host.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("robots.txt", robots_txt, name="robots-txt"),
    # For the load balancer: JSON, 200 or 503, over plain HTTP too (intl_office/health.py).
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
]

# English at /partners/, Uzbek at /uz/partners/, Russian at /ru/partners/.
urlpatterns += i18n_patterns(
    path("", include("intl_office.site.urls")),
    path("", include("partners.urls")),
    path("", include("programs.urls")),
    path("", include("mobility.urls")),
    path("accounts/", include("allauth.urls")),
    path("staff/", include("intl_office.staff.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)


def serve_media(request, path, document_root):
    """Django's development ``serve`` of public media; a name the file system refuses (too long, say) is a 404."""
    try:
        return serve(request, path, document_root=document_root)
    except OSError as error:
        raise Http404 from error


if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT)

# A database outage answers 503 "back in a minute" rather than 500 (intl_office.outage).
handler500 = "intl_office.outage.server_error"
