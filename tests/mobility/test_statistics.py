"""Mobility and partnership figures: aggregation in the database and the public statistics page.

Every expected number is counted again here in Python from the rows the test created,
with ``academic_year_of`` as the reference for the academic year.
"""

import datetime
from collections import Counter

import pytest
from django.urls import reverse

from intl_office.dates import academic_year_expression, academic_year_of
from mobility import statistics
from mobility.models import Direction, Mobility
from tests.factories import AgreementFactory, GrantProgramFactory, InstitutionFactory, MobilityFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

URL = reverse("mobility:statistics")
OUT, IN = Direction.OUTGOING, Direction.INCOMING
STUDENT, STAFF = Mobility.ParticipantKind.STUDENT, Mobility.ParticipantKind.STAFF
CANCELLED = Mobility.Status.CANCELLED


def make(partner, start, *, direction=OUT, kind=STUDENT, status=Mobility.Status.COMPLETED, program=None, activity=None):
    return MobilityFactory(
        partner=partner,
        start_date=start,
        end_date=start + datetime.timedelta(days=30),
        direction=direction,
        participant_kind=kind,
        status=status,
        program=program,
        activity=activity or Mobility.Activity.SEMESTER,
    )


@pytest.fixture
def mobilities():
    """Mobilities on both sides of the academic-year boundaries, with cancelled ones mixed in."""
    turkey = InstitutionFactory(country="TR")
    china = InstitutionFactory(country="CN")
    germany = InstitutionFactory(country="DE")
    erasmus = GrantProgramFactory(name="Erasmus+")
    itec = GrantProgramFactory(name="ITEC")
    rows = [
        make(turkey, datetime.date(2024, 8, 31), program=erasmus),  # last day of 2023/24
        make(turkey, datetime.date(2024, 9, 1), program=erasmus),  # first day of 2024/25
        make(china, datetime.date(2024, 9, 1), direction=IN, kind=STAFF, activity=Mobility.Activity.TEACHING),
        make(china, datetime.date(2025, 8, 31), kind=STAFF, program=itec, activity=Mobility.Activity.TRAINING),
        make(germany, datetime.date(2025, 9, 1), direction=IN, program=erasmus),  # 2025/26
        make(germany, datetime.date(2025, 1, 15), direction=IN, activity=Mobility.Activity.INTERNSHIP),
        make(turkey, datetime.date(2025, 2, 1), status=CANCELLED, program=erasmus),
        make(china, datetime.date(2024, 10, 1), direction=IN, status=CANCELLED, program=itec),
        make(turkey, datetime.date(2023, 11, 20), status=Mobility.Status.PLANNED, program=itec),
    ]
    return [m for m in rows if m.status != CANCELLED]


def expected_by_year(counted):
    years = sorted({academic_year_of(m.start_date) for m in counted})
    result = []
    for year in years:
        in_year = [m for m in counted if academic_year_of(m.start_date) == year]
        result.append(
            {
                "year": year,
                "outgoing": sum(m.direction == OUT for m in in_year),
                "incoming": sum(m.direction == IN for m in in_year),
                "total": len(in_year),
                "outgoing_students": sum(m.direction == OUT and m.participant_kind == STUDENT for m in in_year),
                "outgoing_staff": sum(m.direction == OUT and m.participant_kind == STAFF for m in in_year),
                "incoming_students": sum(m.direction == IN and m.participant_kind == STUDENT for m in in_year),
                "incoming_staff": sum(m.direction == IN and m.participant_kind == STAFF for m in in_year),
            }
        )
    return result


def without_labels(rows, *keys):
    return [{key: value for key, value in row.items() if key not in ("label", *keys)} for row in rows]


# --- the aggregation functions ---------------------------------------------------------------------


def test_academic_year_in_sql_agrees_with_academic_year_of_at_the_boundaries(mobilities):
    in_sql = dict(Mobility.objects.annotate(ay=academic_year_expression()).values_list("start_date", "ay").distinct())

    for day, year in in_sql.items():
        assert year == academic_year_of(day), day
    assert in_sql[datetime.date(2024, 8, 31)] == 2023
    assert in_sql[datetime.date(2024, 9, 1)] == 2024
    assert in_sql[datetime.date(2025, 8, 31)] == 2024


def test_by_academic_year_counts_each_side_and_kind_and_leaves_out_cancelled(mobilities):
    rows = statistics.mobility_by_academic_year()

    assert without_labels(rows) == expected_by_year(mobilities)
    assert [row["label"] for row in rows] == ["2023/24", "2024/25", "2025/26"]


def test_available_years_are_those_with_counted_mobility(mobilities):
    assert statistics.available_academic_years() == [2023, 2024, 2025]


def test_totals_for_one_academic_year(mobilities):
    in_2024 = [m for m in mobilities if academic_year_of(m.start_date) == 2024]

    totals = statistics.mobility_totals(2024)

    assert totals["total"] == len(in_2024) == 4
    assert totals["outgoing"] == sum(m.direction == OUT for m in in_2024)
    assert totals["incoming_staff"] == sum(m.direction == IN and m.participant_kind == STAFF for m in in_2024)


def test_by_country_counts_partner_countries(mobilities):
    rows = statistics.mobility_by_country()
    expected = Counter(str(m.partner.country.code) for m in mobilities)

    assert {row["code"]: row["total"] for row in rows} == dict(expected)
    turkey = next(row for row in rows if row["code"] == "TR")
    assert turkey["outgoing"] == sum(m.direction == OUT for m in mobilities if m.partner.country == "TR")
    assert turkey["label"] == "Türkiye" or turkey["label"] == "Turkey"
    assert [row["total"] for row in rows] == sorted((row["total"] for row in rows), reverse=True)


def test_by_country_sums_countries_beyond_the_top_in_one_row(db):
    for index, code in enumerate(["TR", "CN", "DE", "KR", "JP"]):
        partner = InstitutionFactory(country=code)
        for _ in range(5 - index):
            make(partner, datetime.date(2024, 10, 1))

    rows = statistics.mobility_by_country(top=2)

    assert [row["code"] for row in rows] == ["TR", "CN", ""]
    other = rows[-1]
    assert other["is_other"] and other["countries"] == 3
    assert other["total"] == 3 + 2 + 1
    assert sum(row["total"] for row in rows) == 15


def test_by_program_puts_mobility_without_programme_last(mobilities):
    rows = statistics.mobility_by_program()
    expected = Counter(m.program.name if m.program else None for m in mobilities)

    assert {row["program"].name if row["program"] else None: row["total"] for row in rows} == dict(expected)
    assert rows[-1]["program"] is None
    assert rows[-1]["label"] == "Without a grant programme"


def test_by_activity_uses_the_activity_names(mobilities):
    rows = statistics.mobility_by_activity(2024)
    in_2024 = [m for m in mobilities if academic_year_of(m.start_date) == 2024]
    expected = Counter(Mobility.Activity(m.activity).label for m in in_2024)

    assert {row["label"]: row["total"] for row in rows} == dict(expected)


def test_partners_by_country_counts_partners_with_an_agreement_in_force_only(db):
    for partner in InstitutionFactory.create_batch(3, country="TR"):
        AgreementFactory(partner=partner)
    AgreementFactory(partner=InstitutionFactory(country="TR", is_active=False))
    AgreementFactory(partner=InstitutionFactory(country="BY"))
    InstitutionFactory(country="BY")  # listed, no agreement: not a partner
    InstitutionFactory(country="CN")

    rows = statistics.partners_by_country()

    assert [(row["code"], row["count"]) for row in rows] == [("TR", 3), ("BY", 1)]


def test_agreements_in_force_by_country_counts_public_agreements_valid_on_the_day(db):
    day = datetime.date(2025, 3, 1)
    korean = InstitutionFactory(country="KR")
    other_korean = InstitutionFactory(country="KR")
    AgreementFactory(partner=korean, signed_on=datetime.date(2020, 1, 1), valid_until=datetime.date(2026, 1, 1))
    AgreementFactory(partner=korean, signed_on=datetime.date(2024, 1, 1), valid_until=None)
    AgreementFactory(partner=other_korean, signed_on=datetime.date(2024, 1, 1), valid_until=day)  # last day
    AgreementFactory(partner=korean, signed_on=datetime.date(2020, 1, 1), valid_until=datetime.date(2025, 2, 28))
    AgreementFactory(partner=korean, signed_on=datetime.date(2025, 3, 2), valid_until=None)  # not yet signed
    AgreementFactory(partner=korean, signed_on=datetime.date(2024, 1, 1), is_public=False)
    AgreementFactory(partner=InstitutionFactory(country="JP", is_active=False), signed_on=datetime.date(2024, 1, 1))

    rows = statistics.agreements_in_force_by_country(on=day)

    assert [(row["code"], row["count"], row["partners"]) for row in rows] == [("KR", 3, 2)]


# --- the page ----------------------------------------------------------------------------------


def test_page_shows_tables_and_charts_for_every_breakdown(client, mobilities):
    AgreementFactory(partner=mobilities[0].partner)

    response = client.get(URL)
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert html.count('role="img"') == 6
    assert html.count("<table") == 6
    for chart_id in ("by-year", "by-country", "by-program", "by-activity", "partners", "agreements"):
        assert f'id="chart-{chart_id}"' in html
    assert '<label for="id_year"' in html
    assert without_labels(response.context["by_year"], "is_selected") == expected_by_year(mobilities)
    assert response.context["totals"]["total"] == len(mobilities)


def test_page_narrows_mobility_to_the_chosen_academic_year(client, mobilities):
    response = client.get(URL, {"year": "2024"})
    in_2024 = [m for m in mobilities if academic_year_of(m.start_date) == 2024]

    assert response.context["year"] == 2024
    assert response.context["totals"]["total"] == len(in_2024)
    assert sum(row["total"] for row in response.context["by_country"]) == len(in_2024)
    assert sum(row["total"] for row in response.context["by_program"]) == len(in_2024)
    # The trend by year still shows every year, with the chosen one marked.
    assert [row["is_selected"] for row in response.context["by_year"]] == [False, True, False]
    assert "Statistics 2024/25" in response.content.decode()


def test_page_counts_agreements_on_the_last_day_of_a_past_academic_year(client, mobilities):
    partner = InstitutionFactory(country="UZ")
    AgreementFactory(partner=partner, signed_on=datetime.date(2020, 1, 1), valid_until=datetime.date(2024, 8, 31))

    past = client.get(URL, {"year": "2023"})
    now = client.get(URL)

    assert past.context["counted_on"] == datetime.date(2024, 8, 31)
    assert past.context["agreement_total"] == 1
    assert now.context["agreement_total"] == 0


def test_page_without_any_data_says_so(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert "No mobility recorded yet." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "1990"},
        {"year": "-1"},
        {"year": "2024.5"},
        {"year": "99999999999999999999"},
        {"year": "9" * 5000},
        {"year": "2024\x00"},
        {"year": ["2023", "2024"]},
        {"year": ""},
        {"page": "abc", "sort": "nonsense", "q": "x" * 5000},
    ],
)
def test_page_never_fails_on_odd_query_strings(client, mobilities, query):
    response = client.get(URL, query)

    assert response.status_code == 200
    # Only a repeated parameter can still name a real year (the last one counts, as QueryDict.get says).
    assert response.context["year"] in (None, 2024)


def test_unknown_year_shows_all_years_with_a_notice(client, mobilities):
    response = client.get(URL, {"year": "1990"})

    assert response.context["year"] is None
    assert "There are no figures for the year you asked for" in response.content.decode()


def test_page_is_served_in_russian_with_well_formed_numbers(client, mobilities):
    response = client.get("/ru/statistics/")

    assert response.status_code == 200
    assert 'viewBox="0 0 ' in response.content.decode()
    assert "," not in response.content.decode().split('viewBox="0 0 ')[1].split('"')[0]


@pytest.mark.parametrize("rows", [5, 200])
def test_page_queries_do_not_grow_with_mobility(client, django_assert_num_queries, rows):
    partners = [InstitutionFactory(country=code) for code in ("TR", "CN", "DE", "KR", "JP", "FR")]
    programs = [GrantProgramFactory(), GrantProgramFactory()]
    for partner in partners:
        AgreementFactory(partner=partner)
    for n in range(rows):
        make(
            partners[n % len(partners)],
            datetime.date(2019, 9, 1) + datetime.timedelta(days=9 * n),
            direction=(OUT, IN)[n % 2],
            kind=(STUDENT, STAFF)[n % 3 == 0],
            program=programs[n % 2] if n % 5 else None,
            activity=Mobility.Activity.values[n % len(Mobility.Activity.values)],
        )

    # 1 home institution, 1 academic years for the selector, 1 totals, 1 by academic year,
    # 1 by country, 2 by programme (counts, then the programmes' names), 1 by activity,
    # 1 partners by country, 1 agreements in force by country, 1 credits recognised.
    with django_assert_num_queries(11):
        response = client.get(URL, {"year": "2019"})

    assert response.status_code == 200
    assert response.context["year"] == 2019


def test_page_has_a_title_and_a_description(client):
    html = client.get(URL).content.decode()

    assert "<title>Statistics ·" in html
    assert '<meta name="description" content="Academic mobility in figures' in html
