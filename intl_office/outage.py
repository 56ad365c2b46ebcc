"""While the database is away (a PostgreSQL restart, a failover), a 503 "back in a minute" page.

Django answers any uncaught exception with ``handler500``; when that exception says the
database could not be reached, the visitor gets this page instead, with ``Retry-After`` so that
browsers, crawlers and monitors come back later rather than record an error. A form sent
meanwhile gets the same answer: 503 tells the sender that nothing was saved.

The page is rendered without the request's context processors, which would ask the database for
the department's name, and its few sentences carry their own translations: it must render when
nothing else can.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views import defaults

RETRY_AFTER_SECONDS = 30

TEXTS = {
    "en": {
        "title": "Back in a minute",
        "lead": "The portal is restarting one of its parts and cannot show this page right now.",
        "detail": "Please try again in a minute. If you were sending a form, it was not saved: send it again then.",
        "retry": "Try again",
        "brand": "International Office",
    },
    "uz": {
        "title": "Bir daqiqada qaytamiz",
        "lead": "Portal o‘z qismlaridan birini qayta ishga tushirmoqda va bu sahifani hozir ko‘rsata olmaydi.",
        "detail": "Bir daqiqadan so‘ng qayta urinib ko‘ring. Agar shakl yuborgan bo‘lsangiz, u saqlanmadi: "
        "keyin uni qayta yuboring.",
        "retry": "Qayta urinish",
        "brand": "Xalqaro hamkorlik bo‘limi",
    },
    "ru": {
        "title": "Вернёмся через минуту",
        "lead": "Портал перезапускает одну из своих частей и сейчас не может показать эту страницу.",
        "detail": "Попробуйте ещё раз через минуту. Если вы отправляли форму, она не сохранена: отправьте её снова.",
        "retry": "Попробовать снова",
        "brand": "Отдел международного сотрудничества",
    },
}


def is_database_outage(error) -> bool:
    """The database could not be reached or dropped the connection; not a query that was wrong."""
    return isinstance(error, OperationalError | InterfaceError)


def database_unavailable(request):
    language = translation.get_language() or "en"
    texts = TEXTS.get(language.split("-")[0], TEXTS["en"])
    body = loader.render_to_string("503.html", {"texts": texts, "language": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """``handler500``: the outage page when the database is away, Django's 500 page otherwise.

    Django calls it inside the ``except`` block that caught the error, so the error is at hand.
    """
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)
