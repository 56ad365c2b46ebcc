"""The admin site, whose login goes through allauth like every other login.

allauth counts failed logins (ACCOUNT_RATE_LIMITS, in the cache every worker shares) and asks
for the second factor of accounts that have one; Django's own admin login does neither. The
page keeps the admin's look and its username and password fields.
"""

from allauth.account.adapter import get_adapter
from allauth.account.app_settings import EmailVerificationMethod
from allauth.account.forms import LoginForm
from allauth.account.views import LoginView
from django import forms
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AdminLoginForm(LoginForm):
    """allauth's login form, by username, posted as the admin's ``username`` field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"] = forms.CharField(
            label=_("Username"),
            max_length=150,
            widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
        )
        # "remember" stays, unrendered: an admin session ends with the browser.

    def add_prefix(self, field_name):
        return super().add_prefix("username" if field_name == "login" else field_name)

    def __getitem__(self, name):
        # admin/login.html renders form.username.
        return super().__getitem__("login" if name == "username" else name)

    def user_credentials(self):
        return {"username": self.cleaned_data["login"], "password": self.cleaned_data["password"]}

    def _clean_with_password(self, credentials):
        try:
            cleaned_data = super()._clean_with_password(credentials)
        except forms.ValidationError as error:
            if error.code == "email_password_mismatch":  # allauth names the student's login method
                raise get_adapter(self.request).validation_error("username_password_mismatch") from None
            raise
        # Staff accounts are made by an administrator, not signed up for: the verified address
        # students need before applying is not asked of them (their second factor is).
        self._login.email_verification = EmailVerificationMethod.NONE
        return cleaned_data


class AdminLoginView(LoginView):
    form_class = AdminLoginForm
    template_name = "admin/login.html"

    def get_form_class(self):
        return self.form_class  # ACCOUNT_FORMS["login"], if ever set, is the student's


class PortalAdminSite(admin.AdminSite):
    def login(self, request, extra_context=None):
        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        context = {
            **self.each_context(request),
            "title": _("Log in"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
        }
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        request.current_app = self.name
        if request.user.is_authenticated:
            # Signed in without admin access (a student): allauth would send them straight back
            # to ?next=/admin/, round and round. Show the form; signing in anew starts afresh.
            if request.method != "POST":
                return render(request, AdminLoginView.template_name, {**context, "form": AdminLoginForm()})
            logout(request)
        return AdminLoginView.as_view(extra_context=context)(request)
