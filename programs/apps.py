from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from intl_office.validators import refuse_control_characters


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programmes and calls")

    def ready(self):
        refuse_control_characters(self)
