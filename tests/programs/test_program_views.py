"""Public pages of grant programmes: the list and a programme's page."""

import datetime
import re
from collections import Counter

import pytest
from django.urls import reverse

from intl_office.dates import academic_year_label, academic_year_of
from mobility.models import Direction, Mobility
from mobility.templatetags.mobility_figures import program_mobility_by_year
from partners.models import Institution
from programs.models import GrantProgram
from tests.factories import GrantProgramFactory, InstitutionFactory, MobilityFactory, ProjectFactory
from tests.programs.calls import DAY, closed_call, open_call, upcoming_call

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


# --- /programs/ -------------------------------------------------------------------------


def test_program_list_shows_each_active_programme_with_funder_and_counts(client):
    funder = InstitutionFactory(name="Korea International Cooperation Agency", country="KR", kind="donor")
    program = GrantProgramFactory(
        name="KOICA Fellowship", funder=funder, kind=GrantProgram.Kind.SCHOLARSHIP, summary="Master's in Korea."
    )
    open_call(program=program)
    open_call(program=program)
    closed_call(program=program)
    upcoming_call(program=program)
    open_call(program=program, is_published=False)
    for _ in range(3):
        ProjectFactory(program=program)

    response = client.get(reverse("programs:program-list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "KOICA Fellowship" in html
    assert "Korea International Cooperation Agency" in html
    assert "South Korea" in html or "Korea" in html
    assert "Master&#x27;s in Korea." in html
    assert "2 open calls" in html
    assert "3 projects" in html
    assert program.get_absolute_url() in html
    [card] = response.context["programs"]
    assert (card.open_call_count, card.project_count) == (2, 3)


def test_program_list_orders_programmes_by_kind_and_labels_each_card_with_it(client):
    GrantProgramFactory(name="ITEC", kind=GrantProgram.Kind.TRAINING)
    GrantProgramFactory(name="Erasmus+ CBHE", kind=GrantProgram.Kind.CAPACITY)
    GrantProgramFactory(name="Erasmus+ KA171", kind=GrantProgram.Kind.MOBILITY)

    response = client.get(reverse("programs:program-list"))

    assert [p.name for p in response.context["programs"]] == ["Erasmus+ KA171", "Erasmus+ CBHE", "ITEC"]
    page = response.content.decode()
    cards = page[page.index("<article") :]  # after the tabs, which name every kind too
    assert cards.index("Mobility and exchange") < cards.index("Erasmus+ KA171")
    assert cards.index("Erasmus+ KA171") < cards.index("Capacity building") < cards.index("Erasmus+ CBHE")
    assert cards.index("Erasmus+ CBHE") < cards.index("Staff training") < cards.index("ITEC")


def test_program_list_sorts_by_name_in_the_visitors_language_with_english_fallback(client):
    GrantProgramFactory(name="Bravo programme")
    GrantProgramFactory(name="alpha programme")
    GrantProgramFactory(name="Charlie programme", name_uz="Aaa dasturi")

    response = client.get("/uz/programs/")

    assert [p.name for p in response.context["programs"]] == ["Aaa dasturi", "alpha programme", "Bravo programme"]


def test_program_list_filters_by_kind_and_ignores_an_unknown_kind(client):
    GrantProgramFactory(name="Erasmus+ KA171", kind=GrantProgram.Kind.MOBILITY)
    GrantProgramFactory(name="ITEC", kind=GrantProgram.Kind.TRAINING)

    training = client.get(reverse("programs:program-list"), {"kind": "training"})
    unknown = client.get(reverse("programs:program-list"), {"kind": "astrology"})

    assert [p.name for p in training.context["programs"]] == ["ITEC"]
    assert unknown.status_code == 200
    assert {p.name for p in unknown.context["programs"]} == {"Erasmus+ KA171", "ITEC"}


def test_inactive_programme_is_absent_from_the_list_and_answers_404(client):
    GrantProgramFactory(name="Visible programme")
    hidden = GrantProgramFactory(name="Retired programme", is_active=False)

    html = client.get(reverse("programs:program-list")).content.decode()

    assert "Visible programme" in html
    assert "Retired programme" not in html
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_unknown_programme_answers_404(client):
    assert client.get(reverse("programs:program-detail", kwargs={"slug": "no-such-programme"})).status_code == 404


# --- /programs/<slug>/ -----------------------------------------------------------------


def test_program_detail_shows_what_it_offers_who_can_apply_calls_and_projects(client):
    funder = InstitutionFactory(name="Ministry of External Affairs", country="IN", kind="government")
    program = GrantProgramFactory(
        name="Indian Technical and Economic Cooperation",
        short_name="ITEC",
        funder=funder,
        description="Fully funded short courses in India.",
        eligibility="Staff under 45 with two years of service.",
        website="https://www.itecgoi.in/",
    )
    current = open_call(program=program, title="ITEC courses 2025/26")
    past = closed_call(program=program, title="ITEC courses 2023/24")
    hidden = open_call(program=program, title="Draft ITEC call", is_published=False)
    project = ProjectFactory(program=program, acronym="GREENTECH")

    response = client.get(program.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "Indian Technical and Economic Cooperation",
        "Ministry of External Affairs",
        "India",
        "Fully funded short courses in India.",
        "Staff under 45 with two years of service.",
        "https://www.itecgoi.in/",
        "GREENTECH",
    ):
        assert text in html
    assert current.get_absolute_url() in html
    assert past.get_absolute_url() in html
    assert project.get_absolute_url() in html
    assert hidden.title not in html
    assert [c.pk for c in response.context["current_calls"]] == [current.pk]
    assert [c.pk for c in response.context["past_calls"]] == [past.pk]


def test_participants_per_academic_year_match_the_counts_computed_here(client):
    program = GrantProgramFactory()
    other_program = GrantProgramFactory()
    dates_and_directions = [
        # 31 August belongs to the academic year that ends; 1 September starts the next one.
        (datetime.date(2024, 8, 31), Direction.OUTGOING, Mobility.Status.COMPLETED),
        (datetime.date(2024, 9, 1), Direction.OUTGOING, Mobility.Status.COMPLETED),
        (datetime.date(2024, 9, 1), Direction.INCOMING, Mobility.Status.CONFIRMED),
        (datetime.date(2025, 2, 10), Direction.OUTGOING, Mobility.Status.PLANNED),
        (datetime.date(2025, 8, 31), Direction.INCOMING, Mobility.Status.COMPLETED),
        (datetime.date(2022, 10, 5), Direction.INCOMING, Mobility.Status.COMPLETED),
        (datetime.date(2025, 1, 15), Direction.OUTGOING, Mobility.Status.CANCELLED),
    ]
    mobilities = [
        MobilityFactory(program=program, start_date=start, end_date=start + 30 * DAY, direction=way, status=status)
        for start, way, status in dates_and_directions
    ]
    MobilityFactory(program=other_program, start_date=datetime.date(2024, 10, 1), end_date=datetime.date(2024, 11, 1))
    expected = Counter(
        (academic_year_of(m.start_date), m.direction) for m in mobilities if m.status != Mobility.Status.CANCELLED
    )

    response = client.get(program.get_absolute_url())

    # The page reads its rows through the mobility app's template tag.
    rows = program_mobility_by_year(program)
    assert [row["academic_year"] for row in rows] == [2024, 2023, 2022]
    for row in rows:
        assert row["outgoing"] == expected[(row["academic_year"], Direction.OUTGOING)]
        assert row["incoming"] == expected[(row["academic_year"], Direction.INCOMING)]
    assert {row["academic_year"]: (row["outgoing"], row["incoming"]) for row in rows} == {
        2024: (2, 2),
        2023: (1, 0),
        2022: (0, 1),
    }
    html = response.content.decode()
    cells = r"</th>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>"
    assert re.search(r"2024/25" + cells, html).groups() == ("2", "2", "4")
    assert academic_year_label(2024) in html and "2024/25" in html
    assert "2023/24" in html
    assert "2022/23" in html


def test_programme_without_mobilities_says_so(client):
    program = GrantProgramFactory()

    response = client.get(program.get_absolute_url())

    assert program_mobility_by_year(program) == []
    assert "No mobility has been recorded under this programme yet." in response.content.decode()


# --- query counts ---------------------------------------------------------------------


def make_programs(n):
    funders = InstitutionFactory.create_batch(3, kind=Institution.Kind.DONOR)
    programs = [
        GrantProgramFactory(funder=funders[i % 3], kind=GrantProgram.Kind.values[i % len(GrantProgram.Kind.values)])
        for i in range(n)
    ]
    for program in programs:
        open_call(program=program, hosts=[])
        ProjectFactory(program=program)
    return programs


@pytest.mark.parametrize("rows", [5, 200])
def test_program_list_query_count_does_not_grow_with_programmes(
    client, django_assert_num_queries, layout_queries, rows
):
    make_programs(rows)
    # 1 programmes with funder, open-call and project counts; 1 programmes per kind for the tabs.
    with django_assert_num_queries(2 + layout_queries):
        response = client.get(reverse("programs:program-list"))
    assert len(response.context["programs"]) == rows


@pytest.mark.parametrize("rows", [5, 200])
def test_program_detail_query_count_does_not_grow_with_calls_projects_or_mobilities(
    client, django_assert_num_queries, layout_queries, rows
):
    program = GrantProgramFactory()
    hosts = InstitutionFactory.create_batch(3)
    for i in range(rows):
        open_call(program=program, hosts=hosts)
        closed_call(program=program, hosts=hosts)
        ProjectFactory(program=program)
        start = datetime.date(2015 + i % 10, 1 + i % 12, 1)
        MobilityFactory(program=program, start_date=start, end_date=start + 10 * DAY)
    # 1 programme with funder; 1 open and upcoming calls; 1 their hosts; 1 past calls;
    # 1 projects with member counts; 1 participants per academic year.
    with django_assert_num_queries(6 + layout_queries):
        response = client.get(program.get_absolute_url())
    assert len(response.context["current_calls"]) == rows
