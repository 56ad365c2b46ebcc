from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from intl_office.validators import refuse_control_characters


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and agreements")

    def ready(self):
        refuse_control_characters(self)
