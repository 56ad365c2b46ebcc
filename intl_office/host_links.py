"""Signed links for people at partner institutions, who answer the office without an account.

A host coordinator approves a learning agreement, a host answers a nomination, confirms an
arrival: each gets an e-mail with a link that carries, signed, the id of the record it is about
and the version of it they are asked about. The link works

- only for its purpose: each purpose signs with a salt of its own, so a link made to answer a
  nomination does not open a learning agreement, even with the same id;
- only for its own record and version: the view compares the id and version in the URL with the
  signed ones, so changing a number in the address gives a 404, as a changed signature does;
- only for ``HOST_LINK_MAX_AGE_DAYS`` days from when it was made (``HostLinkExpired``);
- once: the caller records the answer in the database (a unique constraint per record and party),
  and a link whose answer is recorded shows that answer read-only instead of the form.

    LEARNING_AGREEMENT = HostLinks("learning-agreement")
    token = LEARNING_AGREEMENT.make(object_id=agreement.pk, version=version.number)
    LEARNING_AGREEMENT.read(token, object_id=pk, version=number)  # raises HostLinkInvalid / HostLinkExpired
"""

import datetime

from django.conf import settings
from django.core import signing


class HostLinkInvalid(Exception):
    """Not a link the portal made for this purpose, record and version: answer 404."""


class HostLinkExpired(HostLinkInvalid):
    """A genuine link, older than ``HOST_LINK_MAX_AGE_DAYS``: the page says to ask the office for a new one."""


class HostLinks:
    """The signed links of one purpose."""

    def __init__(self, purpose: str):
        self.purpose = purpose
        self.salt = f"intl_office.host_links.{purpose}"

    def _signer(self):
        return signing.TimestampSigner(salt=self.salt)

    def make(self, *, object_id: int, version: int) -> str:
        """A token for ``object_id`` at ``version``, to put in a URL path; it carries both, signed and dated."""
        return self._signer().sign_object({"id": int(object_id), "v": int(version)}, compress=False)

    @staticmethod
    def max_age() -> datetime.timedelta:
        return datetime.timedelta(days=settings.HOST_LINK_MAX_AGE_DAYS)

    def read(self, token: str, *, object_id: int, version: int) -> None:
        """Check that ``token`` is this purpose's link to ``object_id`` at ``version`` and not expired; raise if not.

        Any malformed token, a wrong signature, another purpose's or another record's link is
        ``HostLinkInvalid``; a genuine one past its age is ``HostLinkExpired``.
        """
        try:
            payload = self._signer().unsign_object(token, max_age=self.max_age())
        except signing.SignatureExpired as error:
            raise HostLinkExpired(str(error)) from error
        except (signing.BadSignature, ValueError, TypeError, UnicodeError) as error:
            raise HostLinkInvalid(str(error)) from error
        if not isinstance(payload, dict) or payload.get("id") != object_id or payload.get("v") != version:
            raise HostLinkInvalid("The link is for another record or version.")
