"""The mobility admin, one module per subdomain; importing each registers its ModelAdmins.

``records``: mobility records. ``applications`` (with ``application_inlines`` and
``application_workflow``): student applications. ``visits``: delegation visits.
``learning_agreements``: learning agreements and the faculty's answers on them.
``nominations``: nominations to the host and the host's answers.
``agreements``: the agreement admin of partners, with the use of its places.
``checklists``: programmes' checklist items and each mobility's pre-departure checklist.
``experts``: foreign experts, their reminders, history and invitation letters for a visa.
``staff_applications`` (a mixin of the application page) and ``recommendation_lists``: staff calls.
``trips``: the business trips' approval chain, the requests, the rector's order, the report on a mobility.
"""

from . import (
    agreements,
    applications,
    calls,
    checklists,
    experts,
    learning_agreements,
    nominations,
    recommendation_lists,
    records,
    trips,
    visits,
)

__all__ = [
    "agreements",
    "applications",
    "calls",
    "checklists",
    "experts",
    "learning_agreements",
    "nominations",
    "recommendation_lists",
    "records",
    "trips",
    "visits",
]
