"""How allauth works here: one failed-login count per account, and e-mails linking to the public address.

Failed logins: allauth counts them per login as typed, so a superuser could be tried five times by
e-mail at /accounts/login/ and five more by username at /admin/login/; the adapter counts per account.

E-mails (address verification, password reset): allauth builds their links from the request
(``request.build_absolute_uri``) and signs them with the host the request used; behind a proxy, or
when the portal was reached by an internal name, that is an address the student cannot open. The
adapter keeps allauth's paths (language prefix and key included) and puts them on ``SITE_URL`` through
``intl_office.mail``, as every other e-mail of the portal does, and queues them there rather than send
them while the student waits: a mail server that is down delays a verification or reset mail, it does
not lose it.

Where a student was going (``next``: the call they wanted to apply to) survives the sign-up: it rides
in the verification link itself, so it is there whichever browser opens the mail, and allauth carries
it from the confirmation page onward. Only a path on this portal is ever followed.

Names: students sign up with their e-mail alone, and allauth makes a username up for the account.
That username is never shown to them: pages, messages and e-mails name them by ``user_display``,
their name or, until they gave one, their e-mail address.
"""

from urllib.parse import urlencode, urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .mail import absolute_url, queue_email, site_host

# The links allauth puts in its e-mails: verification, password reset, "you already have an account"
# and "no account with this address" (the last two link to the reset and sign-up pages).
LINK_KEYS = ("activate_url", "password_reset_url", "signup_url")

NEXT = "next"


def user_display(user) -> str:
    """How the portal names an account: the name the person gave, else their e-mail, else the login."""
    return user.get_full_name() or user.email or user.get_username()


def local_path(url) -> str:
    """``url`` if it is a path on this portal ("/calls/x/apply/"), else "": never another site's address."""
    if not isinstance(url, str) or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return ""
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts=None, require_https=False) else ""


def on_public_address(url: str) -> str:
    """``url``'s path, query and fragment on the portal's public address."""
    parts = urlsplit(url)
    return absolute_url(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))


class PublicSite:
    """What allauth's e-mail templates read of ``current_site``, taken from SITE_URL instead of the request."""

    def __init__(self):
        self.domain = self.name = site_host()


class AccountAdapter(DefaultAccountAdapter):
    def is_safe_url(self, url):
        """Redirects after sign-in, sign-up and confirmation go to this portal's own paths only."""
        return bool(local_path(url))

    def get_login_redirect_url(self, request):
        """With no ``next``, staff land on their dashboard and everyone else on their applications."""
        if request.user.is_staff:
            return reverse("staff:dashboard")
        return super().get_login_redirect_url(request)

    def get_email_confirmation_url(self, request, emailconfirmation):
        """The verification link, carrying where the student was going when they signed up or in."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        target = _next_of(request)
        return f"{url}?{urlencode({NEXT: target})}" if target else url

    def send_mail(self, template_prefix, email, context):
        # The student never chose a username and signs in with their e-mail: no mail reminds them of one.
        context = {key: value for key, value in context.items() if key != "username"}
        context = {**context, "current_site": PublicSite()}
        for key in LINK_KEYS:
            if context.get(key):
                context[key] = on_public_address(context[key])
        # allauth's own send_mail but for its last line: allauth renders, the portal's queue sends.
        context = {"request": allauth_context.request, "email": email, **context}
        queue_email(self.render_mail(template_prefix, email, context))

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Count failed logins per account rather than per string typed.

        allauth counts per login as typed, so a superuser could be tried five times by e-mail at
        /accounts/login/ and five more by username at /admin/login/. A login that names no
        account keeps allauth's key, so a wrong address is limited all the same.
        """
        login = (credentials.get("email") or credentials.get("username") or "").strip()
        if login:
            accounts = list(
                get_user_model()
                .objects.filter(Q(username__iexact=login) | Q(email__iexact=login))
                .values_list("pk", flat=True)[:2]
            )
            if len(accounts) == 1:
                return f"account:{accounts[0]}"
        return super()._get_login_attempts_cache_key(request, **credentials)


def _next_of(request) -> str:
    if request is None:
        return ""
    return local_path(request.POST.get(NEXT) or request.GET.get(NEXT) or "")
