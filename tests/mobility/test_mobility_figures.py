"""Mobility read across apps: academic-year grouping, agreements' use of places, the partner and programme tags."""

import datetime

import pytest
from django.contrib import admin
from django.db.models import Count
from django.template import Context, Template
from django.urls import reverse

from intl_office.dates import academic_year_bounds, academic_year_of, today
from mobility.admin.agreements import AgreementAdmin
from mobility.models import Direction, Mobility, agreements_dormant, agreements_with_last_year_mobility
from mobility.templatetags.mobility_figures import partner_mobility_by_year, program_mobility_by_year
from partners.models import Agreement
from tests.factories import AgreementFactory, GrantProgramFactory, InstitutionFactory, MobilityFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
CANCELLED = Mobility.Status.CANCELLED


def mobility(start, direction=Direction.OUTGOING, **kwargs):
    return MobilityFactory(start_date=start, end_date=start + 30 * DAY, direction=direction, **kwargs)


def test_by_academic_year_groups_from_1_september_to_31_august():
    mobility(datetime.date(2024, 8, 31))
    mobility(datetime.date(2024, 9, 1))
    mobility(datetime.date(2025, 8, 31))

    rows = Mobility.objects.by_academic_year().annotate(people=Count("pk"))

    assert list(rows) == [{"academic_year": 2023, "people": 1}, {"academic_year": 2024, "people": 2}]


def test_per_academic_year_counts_each_direction_newest_first_without_the_cancelled():
    mobility(datetime.date(2024, 9, 1))
    mobility(datetime.date(2025, 2, 1), Direction.INCOMING)
    mobility(datetime.date(2025, 3, 1), status=CANCELLED)
    mobility(datetime.date(2022, 10, 1), Direction.INCOMING)

    assert list(Mobility.objects.per_academic_year()) == [
        {"academic_year": 2024, "outgoing": 1, "incoming": 1, "total": 2},
        {"academic_year": 2022, "outgoing": 0, "incoming": 1, "total": 1},
    ]


# --- agreements and their places ----------------------------------------------------------------


@pytest.fixture
def last_year():
    return academic_year_bounds(academic_year_of(today()) - 1)


def test_last_years_mobility_is_the_partners_people_whatever_the_number_of_its_agreements(last_year):
    start, end = last_year
    partner = InstitutionFactory()
    first, second = AgreementFactory(partner=partner), AgreementFactory(partner=partner, student_places_out=3)
    mobility(start, partner=partner)
    mobility(end, Direction.INCOMING, partner=partner)
    mobility(start, partner=partner, status=CANCELLED)
    mobility(end + DAY, partner=partner)  # this year
    mobility(start, partner=InstitutionFactory())  # another partner's

    rows = agreements_with_last_year_mobility().in_bulk()

    assert (rows[first.pk].last_year_mobility, rows[first.pk].quota) == (2, 0)
    assert (rows[second.pk].last_year_mobility, rows[second.pk].quota) == (2, 3)


def test_a_day_names_the_year_before_its_own(last_year):
    start, _end = last_year
    agreement = AgreementFactory(student_places_out=1)
    mobility(start, partner=agreement.partner)
    a_year_later = datetime.date(start.year + 2, 9, 15)  # in the academic year after next

    assert agreements_with_last_year_mobility(on=a_year_later).get().last_year_mobility == 0
    assert agreements_dormant(on=a_year_later).get() == agreement
    assert not agreements_dormant().exists()


def test_dormant_agreements_are_in_force_and_short_of_their_places(last_year):
    start, _end = last_year
    short = AgreementFactory(student_places_out=2)
    mobility(start, partner=short.partner)
    used = AgreementFactory(student_places_out=1)
    mobility(start, partner=used.partner)
    expired = AgreementFactory(signed_on=today() - 800 * DAY, valid_until=today() - DAY)

    assert list(agreements_dormant()) == [short]
    assert list(agreements_dormant(Agreement.objects.filter(pk__in=[used.pk, expired.pk]))) == []


def test_the_agreement_admin_with_the_dormant_column_replaces_the_partners_one_at_the_same_urls():
    assert type(admin.site._registry[Agreement]) is AgreementAdmin
    assert "places_used" in AgreementAdmin.list_display
    assert reverse("admin:partners_agreement_changelist") == "/admin/partners/agreement/"


# --- the template tags of the partner's and the programme's page ----------------------------------


def test_a_partners_figures_by_year_and_direction_with_totals():
    partner = InstitutionFactory()
    mobility(datetime.date(2024, 9, 1), partner=partner)
    mobility(datetime.date(2025, 2, 10), partner=partner)
    mobility(datetime.date(2023, 10, 1), Direction.INCOMING, partner=partner)
    mobility(datetime.date(2023, 11, 1), partner=partner, status=CANCELLED)

    figures = partner_mobility_by_year(partner)

    assert [str(label) for label in figures["directions"]] == ["Outgoing", "Incoming"]
    assert [(str(label), count) for label, count in figures["summary"]] == [("Outgoing", 2), ("Incoming", 1)]
    assert figures["years"] == [
        {"label": "2024/25", "counts": [2, 0], "total": 2},
        {"label": "2023/24", "counts": [0, 1], "total": 1},
    ]
    assert (figures["totals"], figures["total"]) == ([2, 1], 3)


def test_a_programmes_rows_carry_the_bar_widths_of_the_busiest_year():
    program = GrantProgramFactory()
    for start in (datetime.date(2024, 9, 1), datetime.date(2024, 10, 1), datetime.date(2024, 11, 1)):
        mobility(start, program=program)
    mobility(datetime.date(2024, 12, 1), Direction.INCOMING, program=program)
    mobility(datetime.date(2023, 9, 1), Direction.INCOMING, program=program)

    rows = program_mobility_by_year(program)

    assert [(row["label"], row["outgoing_width"], row["incoming_width"]) for row in rows] == [
        ("2024/25", 75, 25),
        ("2023/24", 0, 25),
    ]


def test_the_tags_load_in_a_template_in_one_query_each(django_assert_num_queries):
    partner = InstitutionFactory()
    program = GrantProgramFactory()
    mobility(datetime.date(2024, 9, 1), partner=partner, program=program)
    template = Template(
        "{% load mobility_figures %}{% partner_mobility_by_year partner as mobility %}"
        "{% program_mobility_by_year program as participation %}{{ mobility.total }} {{ participation.0.label }}"
    )

    with django_assert_num_queries(2):
        assert template.render(Context({"partner": partner, "program": program})) == "1 2024/25"
