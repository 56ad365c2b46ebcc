"""Office staff and superusers reach the admin and the staff pages only with a second factor.

The login (allauth's, which the admin's login goes through too) asks an account that has an
authenticator for its code. This middleware makes sure the accounts that can change everything
have one: until they do, the admin and the staff pages send them to set up an authenticator app.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.mfa.utils import decrypt, is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .roles import OFFICE_STAFF


def needs_second_factor(user) -> bool:
    if not (user.is_authenticated and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(name=OFFICE_STAFF).exists()


def totp_enroll(*, user, secret: str = "") -> str:
    """Give ``user`` an authenticator (TOTP) and recovery codes, as allauth's set-up page does.

    For accounts made by a command (the demo admin) or a test, which then compute codes from the
    returned secret. An account that already has one keeps it, and its secret is returned.
    """
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing:
        return decrypt(existing.data["secret"])
    secret = secret or generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


# What the session knows about its account's second factor, written when the account signs in
# so that the admin's requests ask the database nothing more (their query counts are tested).
SESSION_KEY = "intl_office_second_factor"
NOT_NEEDED, ENROLLED, MISSING = "not-needed", "enrolled", "missing"


def second_factor_state(user) -> str:
    if not needs_second_factor(user):
        return NOT_NEEDED
    return ENROLLED if is_mfa_enabled(user) else MISSING


def remember_state_at_login(sender, request, user, **kwargs):
    """``user_logged_in`` receiver (connected in apps.py). A role given or taken during a session
    counts from the next sign-in; an account still missing its authenticator is asked every time."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = second_factor_state(user)


def forget_state(sender, request=None, **kwargs):
    """``authenticator_removed`` receiver: the next protected request looks again."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SESSION_KEY, None)


class RequireSecondFactorMiddleware:
    """Sends accounts that need a second factor and lack one to set it up, from every staff view:
    the admin, the staff pages, and the staff downloads linked from the admin (``staff-...`` URLs)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        staff_view = match.namespace in ("admin", "staff") or (match.url_name or "").startswith("staff-")
        if (
            staff_view
            and match.url_name not in ("login", "logout")
            and request.user.is_authenticated
            and self._state(request) == MISSING
        ):
            messages.warning(
                request,
                _(
                    "Your account can change everything in the portal, so it needs a second factor: "
                    "set up an authenticator app, then keep your recovery codes somewhere safe."
                ),
            )
            return redirect("mfa_activate_totp")
        return None

    @staticmethod
    def _state(request):
        state = request.session.get(SESSION_KEY)
        if state in (None, MISSING):  # unknown, or maybe just set up: look it up
            state = request.session[SESSION_KEY] = second_factor_state(request.user)
        return state
