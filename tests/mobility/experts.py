"""What the foreign expert tests share: an expert recorded through the service, as the office records one."""

import datetime

from mobility.models import Expert
from mobility.services import expert_save
from partners.models import Institution
from tests.factories import FacultyFactory, InstitutionFactory


def make_expert(*, actor=None, **fields) -> Expert:
    """An expert from a partner, hosted by a faculty, staying 1 March – 30 June 2026, saved by ``expert_save``."""
    values = {
        "full_name": "Jan Kowalski",
        "nationality": "PL",
        "subject": "Structural mechanics",
        "start_date": datetime.date(2026, 3, 1),
        "end_date": datetime.date(2026, 6, 30),
        **fields,
    }
    if "partner" not in values:
        name = "Warsaw University of Technology"
        values["partner"] = Institution.objects.filter(name_en=name).first() or InstitutionFactory(
            name=name, country="PL"
        )
    if "host_faculty" not in values and "host_department" not in values:
        values["host_faculty"] = FacultyFactory(name="Faculty of Civil Engineering", slug="civil-engineering")
    return expert_save(expert=Expert(**values), actor=actor)
