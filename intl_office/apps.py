from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .validators import refuse_control_characters


class IntlOfficeConfig(AppConfig):
    name = "intl_office"
    verbose_name = _("The department")

    def ready(self):
        refuse_control_characters(self)
