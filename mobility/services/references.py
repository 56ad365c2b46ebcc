"""Reference numbers of applications: ``JIZPI-2026-0042``, the university's short name, the year, a counter.

The number is taken when the application is submitted, from a counter row per prefix that is
locked until the submission's transaction ends: two submissions at once wait for each other
instead of taking the same number. A submission that rolls back loses its number, so the
references may have gaps, never doubles (the column is also unique).
"""

import re

from django.db import transaction
from django.utils import timezone

from intl_office.models import HomeInstitution

from ..models import Application, ReferenceCounter

# Without a short name of the university (an empty portal), references still look like references.
FALLBACK_PREFIX = "APP"


def reference_prefix(*, year: int) -> str:
    """The part before the running number: the university's short name in capitals and the year."""
    short_name = re.sub(r"[^A-Z0-9]", "", HomeInstitution.load().short_name.upper())[:20] or FALLBACK_PREFIX
    return f"{short_name}-{year}"


def next_reference(*, year: int) -> str:
    """Take the next number under this year's prefix; call it inside the transaction that stores it."""
    prefix = reference_prefix(year=year)
    with transaction.atomic():
        counter, _created = ReferenceCounter.objects.get_or_create(prefix=prefix)
        counter = ReferenceCounter.objects.select_for_update().get(pk=counter.pk)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    return f"{prefix}-{counter.last_number:04d}"


def application_reference_assign(*, application: Application) -> Application:
    """Give ``application`` (a locked row) its reference number unless it has one; saves that field only."""
    if not application.reference:
        application.reference = next_reference(year=timezone.localdate().year)
        application.save(update_fields=["reference"])
    return application
