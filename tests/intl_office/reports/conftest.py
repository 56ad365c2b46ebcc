"""The records on both sides of every period boundary that the report tests count."""

import datetime

import pytest
from django.utils import timezone

from mobility.models import Mobility
from partners.models import Agreement, Institution
from tests.factories import AgreementFactory, GrantProgramFactory, InstitutionFactory, MobilityFactory, VisitFactory
from tests.intl_office.reports.helpers import BOUNDARY_DAYS, IN, OUT, STAFF, STUDENT, days


@pytest.fixture
def records():
    """Mobility, agreements, partners and visits on both sides of every boundary, with rows that never count."""
    turkey, china, germany = (InstitutionFactory(country=code) for code in ("TR", "CN", "DE"))
    erasmus, itec = GrantProgramFactory(name="Erasmus+"), GrantProgramFactory(name="ITEC")
    partners = [turkey, china, germany]
    kinds = list(Agreement.Kind)
    for index, day in enumerate(BOUNDARY_DAYS):
        partner = partners[index % 3]
        MobilityFactory(
            partner=partner,
            start_date=day,
            end_date=day + days(30),
            direction=OUT if index % 2 else IN,
            participant_kind=STUDENT if index % 3 else STAFF,
            program=[erasmus, itec, None][index % 3],
            status=Mobility.Status.COMPLETED,
        )
        AgreementFactory(
            partner=partner, signed_on=day, valid_until=day + days(3 * 365), kind=kinds[index % len(kinds)]
        )
        VisitFactory(partner=partner, start_date=day, direction=IN if index % 2 else OUT, is_public=bool(index % 3))
    # Cancelled mobilities never count; drafts were never signed.
    for day in BOUNDARY_DAYS:
        MobilityFactory(partner=turkey, start_date=day, end_date=day + days(5), status=Mobility.Status.CANCELLED)
    AgreementFactory(partner=germany, signed_on=None, valid_until=None)
    # Partners added around midnight, in the office's time zone (Asia/Tashkent, five hours ahead of UTC).
    zone = timezone.get_current_timezone()
    added = {
        "Added 31 Dec 23:30": datetime.datetime(2024, 12, 31, 23, 30, tzinfo=zone),
        "Added 1 Jan 00:10": datetime.datetime(2025, 1, 1, 0, 10, tzinfo=zone),
        "Added 31 Aug 23:59": datetime.datetime(2024, 8, 31, 23, 59, tzinfo=zone),
        "Added 1 Sep 00:00": datetime.datetime(2024, 9, 1, 0, 0, tzinfo=zone),
        "Added 31 Dec 2023": datetime.datetime(2023, 12, 31, 12, 0, tzinfo=zone),
    }
    for name, moment in added.items():
        institution = InstitutionFactory(name=name, country="KR")
        Institution.objects.filter(pk=institution.pk).update(created_at=moment)
    # The fixture's partners themselves were added "today": move them out of every period.
    Institution.objects.exclude(name__startswith="Added").update(created_at=datetime.datetime(2020, 1, 1, tzinfo=zone))
