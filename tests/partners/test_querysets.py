"""The QuerySet methods the partner pages and filters read through."""

import datetime

import pytest

from partners.models import Agreement, CooperationArea, Institution
from tests.constraints import days
from tests.factories import AgreementFactory, CooperationAreaFactory, InstitutionFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 10)


def test_areas_with_public_partners_leave_out_those_of_inactive_partners_only():
    shared = CooperationAreaFactory(name="Student exchange")
    hidden_only = CooperationAreaFactory(name="Joint research")
    CooperationAreaFactory(name="Nobody's area")
    InstitutionFactory().cooperation_areas.add(shared)
    InstitutionFactory().cooperation_areas.add(shared)
    InstitutionFactory(is_active=False).cooperation_areas.add(shared, hidden_only)
    # Two public partners in one area still give the area once.
    assert list(CooperationArea.objects.with_public_partners()) == [shared]


def test_institutions_by_country_come_by_country_code_then_name():
    for name, country in [("Zeta", "DE"), ("Alpha", "TR"), ("Beta", "DE"), ("Gamma", "KR")]:
        InstitutionFactory(name=name, country=country)
    assert [i.name for i in Institution.objects.by_country()] == ["Beta", "Zeta", "Gamma", "Alpha"]


def test_newest_first_lists_drafts_then_the_latest_signed_then_by_title():
    partner = InstitutionFactory()
    for title, signed_on in [
        ("Old", DAY - days(900)),
        ("B recent", DAY - days(10)),
        ("Draft", None),
        ("A recent", DAY - days(10)),
    ]:
        AgreementFactory(partner=partner, title=title, signed_on=signed_on, valid_until=None)
    titles = [a.title for a in partner.agreements.newest_first()]
    assert titles == ["Draft", "A recent", "B recent", "Old"]


def test_public_agreements_of_a_partner_through_its_relation_are_its_public_ones():
    partner = InstitutionFactory()
    shown = AgreementFactory(partner=partner)
    AgreementFactory(partner=partner, is_public=False)
    AgreementFactory()
    assert list(partner.agreements.public()) == [shown]
    assert list(Agreement.objects.public().filter(partner=partner)) == [shown]
