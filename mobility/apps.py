from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MobilityConfig(AppConfig):
    name = "mobility"
    verbose_name = _("Mobility, applications and visits")

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers that delete an application's files)
