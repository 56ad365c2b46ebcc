from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _

from .validators import refuse_control_characters


class IntlOfficeConfig(AppConfig):
    name = "intl_office"
    verbose_name = _("The department")

    def ready(self):
        refuse_control_characters(self)
        from allauth.mfa.signals import authenticator_removed
        from django.contrib.auth.signals import user_logged_in

        from .file_cleanup import watch_file_fields
        from .page_cache import watch_content_models
        from .second_factor import forget_state, remember_state_at_login

        watch_content_models()
        watch_file_fields()

        user_logged_in.connect(remember_state_at_login, dispatch_uid="intl_office.second_factor.login")
        authenticator_removed.connect(forget_state, dispatch_uid="intl_office.second_factor.removed")


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's site, whose login goes through allauth."""

    default = False  # "intl_office" in INSTALLED_APPS still means IntlOfficeConfig
    default_site = "intl_office.admin_site.PortalAdminSite"
