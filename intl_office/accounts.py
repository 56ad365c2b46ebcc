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
"""

from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth import get_user_model
from django.db.models import Q

from .mail import absolute_url, queue_email, site_host

# The links allauth puts in its e-mails: verification, password reset, "you already have an account"
# and "no account with this address" (the last two link to the reset and sign-up pages).
LINK_KEYS = ("activate_url", "password_reset_url", "signup_url")


def on_public_address(url: str) -> str:
    """``url``'s path, query and fragment on the portal's public address."""
    parts = urlsplit(url)
    return absolute_url(urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))


class PublicSite:
    """What allauth's e-mail templates read of ``current_site``, taken from SITE_URL instead of the request."""

    def __init__(self):
        self.domain = self.name = site_host()


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
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
