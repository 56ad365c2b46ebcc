"""The home page's key figures agree with counts made row by row in Python."""

import datetime

import pytest

from intl_office.models import HomeInstitution
from intl_office.site.figures import key_figures
from mobility.models import Direction, Mobility
from partners.models import Agreement, Institution
from programs.models import Project
from tests.factories import (
    AgreementFactory,
    GrantProgramFactory,
    InstitutionFactory,
    MobilityFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 1)  # academic year 2024/25


def days(n):
    return datetime.timedelta(days=n)


SIGNED = DAY - datetime.timedelta(days=400)
ENDS = DAY + datetime.timedelta(days=800)


def agreement(partner, *, signed_on=SIGNED, valid_until=ENDS, **kwargs):
    """An agreement in force on DAY unless told otherwise."""
    return AgreementFactory(partner=partner, signed_on=signed_on, valid_until=valid_until, **kwargs)


def test_active_partners_are_public_institutions_with_a_public_agreement_in_force():
    for _ in range(3):
        agreement(InstitutionFactory())
    InstitutionFactory()  # no agreement at all
    agreement(InstitutionFactory(is_active=False))  # hidden from visitors
    agreement(InstitutionFactory(), valid_until=DAY - days(1))  # expired the day before
    agreement(InstitutionFactory(), signed_on=None, valid_until=None)  # a draft
    agreement(InstitutionFactory(), is_public=False)  # the agreement is not shown
    expiring = InstitutionFactory()
    agreement(expiring, valid_until=DAY + days(10))  # expiring soon is still in force
    two = InstitutionFactory()
    agreement(two)
    agreement(two, kind=Agreement.Kind.EXCHANGE)  # two agreements, one partner

    assert key_figures(DAY).active_partners == 5


def test_agreements_in_force_count_public_signed_unexpired_agreements_of_public_partners():
    partner = InstitutionFactory()
    agreement(partner)
    agreement(partner, valid_until=None)  # open-ended
    agreement(partner, valid_until=DAY)  # the last valid day counts
    agreement(partner, signed_on=DAY)  # signed today counts
    agreement(partner, signed_on=DAY + days(1), valid_until=None)  # signed tomorrow: a draft
    agreement(partner, valid_until=DAY - days(1))
    agreement(partner, is_public=False)
    agreement(InstitutionFactory(is_active=False))

    assert key_figures(DAY).agreements_in_force == 4


def test_partner_countries_are_distinct_countries_of_partners_with_an_agreement_in_force():
    agreement(InstitutionFactory(country="TR"))
    agreement(InstitutionFactory(country="TR"))
    agreement(InstitutionFactory(country="DE"))
    agreement(InstitutionFactory(country="KR", kind=Institution.Kind.DONOR))
    agreement(InstitutionFactory(country="FR", is_active=False))  # hidden from visitors
    InstitutionFactory(country="CN")  # listed in the directory, but no agreement: not a partner
    agreement(InstitutionFactory(country="IN"), valid_until=DAY - days(1))  # a former partner

    assert key_figures(DAY).partner_countries == 3


def test_partners_and_their_countries_leave_out_the_home_country():
    home = HomeInstitution.load()
    home.country = "UZ"
    home.save()
    agreement(InstitutionFactory(country="UZ", name="Tashkent State Technical University"))
    agreement(InstitutionFactory(country="TR"))

    figures = key_figures(DAY)

    assert (figures.active_partners, figures.partner_countries) == (1, 1)


def test_projects_counts_all_projects_and_those_running_on_the_day():
    program = GrantProgramFactory()
    ProjectFactory(program=program, start_date=DAY - days(100), end_date=DAY + days(100))
    ProjectFactory(program=program, start_date=DAY, end_date=DAY)  # a one-day project, today
    ProjectFactory(program=program, start_date=DAY - days(900), end_date=DAY - days(1))  # finished
    ProjectFactory(program=program, start_date=DAY + days(1), end_date=DAY + days(400))  # not started

    figures = key_figures(DAY)

    assert (figures.projects, figures.projects_running) == (4, 2)


def test_mobility_counts_this_academic_year_by_direction_without_cancelled():
    partner = InstitutionFactory()
    this_year = [datetime.date(2024, 9, 1), datetime.date(2025, 2, 10), datetime.date(2025, 8, 31)]
    for start in this_year:
        MobilityFactory(partner=partner, direction=Direction.OUTGOING, start_date=start, end_date=start + days(30))
    MobilityFactory(partner=partner, direction=Direction.INCOMING, start_date=datetime.date(2024, 10, 1))
    MobilityFactory(
        partner=partner,
        direction=Direction.OUTGOING,
        start_date=datetime.date(2024, 10, 1),
        status=Mobility.Status.CANCELLED,
    )
    # The academic years before and after.
    MobilityFactory(partner=partner, direction=Direction.OUTGOING, start_date=datetime.date(2024, 8, 31))
    MobilityFactory(
        partner=partner,
        direction=Direction.INCOMING,
        start_date=datetime.date(2025, 9, 1),
        end_date=datetime.date(2025, 9, 30),
    )

    figures = key_figures(DAY)

    assert (figures.outgoing_this_year, figures.incoming_this_year) == (3, 1)
    assert figures.academic_year == 2024
    assert figures.academic_year_label == "2024/25"


def test_figures_match_counts_made_row_by_row_on_a_mixed_data_set():
    countries = ["TR", "DE", "KR", "CN", "IN", HomeInstitution.load().country.code]
    for i in range(20):
        partner = InstitutionFactory(country=countries[i % 6], is_active=i % 7 != 0)
        if i % 3 == 0:
            agreement(partner, valid_until=DAY - days(i))  # some expired, one ends today
        elif i % 3 == 1:
            agreement(partner, is_public=i % 2 == 0)
        MobilityFactory(
            partner=partner,
            direction=Direction.OUTGOING if i % 2 else Direction.INCOMING,
            start_date=DAY - days(40 * i),
            end_date=DAY - days(40 * i) + days(20),
            status=Mobility.Status.CANCELLED if i % 5 == 0 else Mobility.Status.PLANNED,
        )
    program = GrantProgramFactory()
    for i in range(6):
        ProjectFactory(program=program, start_date=DAY - days(300 * i), end_date=DAY - days(300 * i) + days(500))

    public_in_force = [
        a
        for a in Agreement.objects.select_related("partner")
        if a.is_public and a.partner.is_active and a.status_on(DAY) in (a.Status.ACTIVE, a.Status.EXPIRING_SOON)
    ]
    year_start, year_end = datetime.date(2024, 9, 1), datetime.date(2025, 8, 31)
    counted = [
        m for m in Mobility.objects.all() if m.status != m.Status.CANCELLED and year_start <= m.start_date <= year_end
    ]

    figures = key_figures(DAY)

    home_country = HomeInstitution.load().country.code
    partners = {a.partner for a in public_in_force if a.partner.country.code != home_country}
    assert figures.active_partners == len(partners)
    assert figures.partner_countries == len({partner.country.code for partner in partners})
    assert figures.agreements_in_force == len(public_in_force)
    assert figures.projects == Project.objects.count()
    assert figures.projects_running == sum(p.start_date <= DAY <= p.end_date for p in Project.objects.all())
    assert figures.outgoing_this_year == sum(m.direction == Direction.OUTGOING for m in counted)
    assert figures.incoming_this_year == sum(m.direction == Direction.INCOMING for m in counted)


def test_key_figures_take_four_queries(django_assert_num_queries):
    # 1 institutions (active partners, countries), 2 agreements in force, 3 projects, 4 mobilities
    agreement(InstitutionFactory())
    with django_assert_num_queries(4):
        key_figures(DAY)
