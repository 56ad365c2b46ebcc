from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from intl_office.validators import refuse_control_characters


class MobilityConfig(AppConfig):
    name = "mobility"
    verbose_name = _("Mobility, applications and visits")

    def ready(self):
        refuse_control_characters(self)
