"""WSGI entry point: `gunicorn intl_office.wsgi` in production."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intl_office.settings")

application = get_wsgi_application()
