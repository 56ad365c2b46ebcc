"""ASGI entry point: `gunicorn intl_office.asgi` in production."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intl_office.settings")

application = get_asgi_application()
