"""A call's published results for the call pages of ``programs``, which may not read applications themselves.

``{% load selection_results %}{% call_results call as results %}``: reference numbers and outcomes,
never names (``mobility.services.call_results``), in one query.
"""

from django import template

from ..models import Application
from ..services import call_results as results_of

register = template.Library()


@register.simple_tag
def call_results(call):
    """``rows`` (each with ``reference``, ``outcome``, ``waitlist_rank``), the counts and the ``Status`` to compare."""
    rows = results_of(call)
    Status = Application.Status
    return {
        "rows": rows,
        "Status": Status,
        "accepted": sum(1 for row in rows if row.outcome == Status.ACCEPTED),
        "waitlisted": sum(1 for row in rows if row.outcome == Status.WAITLISTED),
        "not_selected": sum(1 for row in rows if row.outcome == Status.REJECTED),
    }
