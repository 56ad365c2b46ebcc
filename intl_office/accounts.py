"""How allauth signs people in here: one failed-login count per account, however the login was typed."""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.db.models import Q


class AccountAdapter(DefaultAccountAdapter):
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
