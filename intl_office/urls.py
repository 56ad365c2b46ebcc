from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
]

# English at /partners/, Uzbek at /uz/partners/, Russian at /ru/partners/.
urlpatterns += i18n_patterns(
    path("", include("intl_office.site_urls")),
    path("", include("partners.urls")),
    path("", include("programs.urls")),
    path("", include("mobility.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
