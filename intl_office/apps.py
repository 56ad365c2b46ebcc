from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntlOfficeConfig(AppConfig):
    name = "intl_office"
    verbose_name = _("The department")
