"""One sign-in page for everyone: students type their e-mail, staff their username or e-mail.

allauth's login (``ACCOUNT_LOGIN_METHODS = {"username", "email"}``) with the field named for both,
a wrong login answered the same way whichever was typed, and staff let in without the verified
address students need before they apply: staff accounts are made by an administrator, who vouches
for the address (Office staff and superusers pass a second factor instead, which allauth asks for
after the password). The admin's own login page sends here (``admin_site.PortalAdminSite.login``),
so the limits on failed logins (``ACCOUNT_RATE_LIMITS``, counted per account by
``accounts.AccountAdapter``) and the second factor hold for every way in.
"""

from allauth.account.app_settings import EmailVerificationMethod
from allauth.account.forms import LoginForm
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

WRONG_LOGIN = _("The e-mail address, username or password is not correct. Check them and try again.")


class SignInForm(LoginForm):
    """allauth's login form (ACCOUNT_FORMS["login"]) with one field that takes an e-mail or a username."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        field.label = _("E-mail or username")
        field.help_text = _("Students: your e-mail address. Staff: your username or your e-mail address.")
        field.widget.attrs.update({"autocomplete": "username", "autofocus": True, "placeholder": ""})
        # The longest e-mail address; a username is shorter. Anything longer names no account.
        field.max_length = 254
        field.validators.append(MaxLengthValidator(254))
        field.widget.attrs["maxlength"] = "254"

    def _clean_with_password(self, credentials):
        try:
            cleaned_data = super()._clean_with_password(credentials)
        except forms.ValidationError as error:
            # allauth names the method it guessed from the text ("username and/or password"); a
            # person who typed the other one would look for the mistake in the wrong place.
            if (error.code or "").endswith("_password_mismatch"):
                raise forms.ValidationError(WRONG_LOGIN, code="login_password_mismatch") from None
            raise
        if self.user.is_staff:
            self._login.email_verification = EmailVerificationMethod.NONE
        return cleaned_data
