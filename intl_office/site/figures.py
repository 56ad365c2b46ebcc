"""The department's key figures, computed live from the records in a few aggregate queries.

The home page shows them; the numbers must agree with what the list pages show, so every
count goes through the same QuerySet methods (``public()``, ``in_force()``, ``counted()``).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from intl_office.dates import academic_year_label, academic_year_of, today
from mobility.models import Direction, Mobility
from partners.models import Agreement, Institution
from programs.models import Project


@dataclass(frozen=True)
class KeyFigures:
    active_partners: int
    partner_countries: int
    agreements_in_force: int
    projects: int
    projects_running: int
    outgoing_this_year: int
    incoming_this_year: int
    academic_year: int

    @property
    def academic_year_label(self) -> str:
        return academic_year_label(self.academic_year)


def agreements_in_force(on: datetime.date):
    """Agreements visitors may see that are valid on the day."""
    return Agreement.objects.public().in_force(on)


def key_figures(on: datetime.date | None = None) -> KeyFigures:
    """Figures for the day ``on`` (today by default) in four queries.

    1. partners (``Institution.objects.partners``: abroad, with a public agreement in force) and their countries
    2. public agreements in force
    3. projects: all of them and those running on the day
    4. mobilities of the academic year that are not cancelled, by direction
    """
    on = on or today()
    year = academic_year_of(on)

    institutions = Institution.objects.partner_figures(on)
    agreements = agreements_in_force(on).aggregate(n=Count("pk"))
    projects = Project.objects.aggregate(
        total=Count("pk"),
        running=Count("pk", filter=Q(start_date__lte=on, end_date__gte=on)),
    )
    mobility = (
        Mobility.objects.counted()
        .in_academic_year(year)
        .aggregate(
            outgoing=Count("pk", filter=Q(direction=Direction.OUTGOING)),
            incoming=Count("pk", filter=Q(direction=Direction.INCOMING)),
        )
    )
    return KeyFigures(
        active_partners=institutions["partners"],
        partner_countries=institutions["countries"],
        agreements_in_force=agreements["n"],
        projects=projects["total"],
        projects_running=projects["running"],
        outgoing_this_year=mobility["outgoing"],
        incoming_this_year=mobility["incoming"],
        academic_year=year,
    )
