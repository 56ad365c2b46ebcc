"""Public pages of programmes, projects, joint degrees and calls."""

import datetime
from collections import Counter
from decimal import Decimal
from types import ModuleType

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import URLResolver, path, reverse

import intl_office.urls
import mobility.urls
from intl_office.dates import academic_year_label, academic_year_of, today
from mobility.models import Direction, Mobility
from partners.models import Institution
from programs.models import Call, GrantProgram, Project
from tests.factories import (
    AgreementFactory,
    CallFactory,
    DocumentTypeFactory,
    GrantProgramFactory,
    InstitutionFactory,
    JointProgrammeFactory,
    MobilityFactory,
    ProjectFactory,
    ProjectMemberFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

DAY = datetime.timedelta(days=1)


@pytest.fixture
def layout_queries(db, home_institution):
    """Queries the shared layout (base.html and its context processors) makes on any page.

    Measured rather than hard-coded: the layout belongs to another part of the
    portal, and a page's own bound is what these tests hold.
    """
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as captured:
        render_to_string("base.html", request=request)
    return len(captured)


def open_call(**kwargs):
    on = today()
    return CallFactory(opens_on=on - 10 * DAY, deadline=on + 12 * DAY, **kwargs)


def upcoming_call(**kwargs):
    on = today()
    return CallFactory(opens_on=on + 5 * DAY, deadline=on + 40 * DAY, **kwargs)


def closed_call(**kwargs):
    on = today()
    return CallFactory(opens_on=on - 60 * DAY, deadline=on - 30 * DAY, **kwargs)


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

    rows = response.context["participation"]
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
    assert academic_year_label(2024) in html and "2024/25" in html
    assert "2023/24" in html
    assert "2022/23" in html


def test_programme_without_mobilities_says_so(client):
    program = GrantProgramFactory()

    response = client.get(program.get_absolute_url())

    assert response.context["participation"] == []
    assert "No mobility has been recorded under this programme yet." in response.content.decode()


# --- /projects/<slug>/ -----------------------------------------------------------------


def test_project_detail_shows_reference_period_role_and_budget(client):
    on = today()
    program = GrantProgramFactory(name="Erasmus+ Capacity Building")
    project = ProjectFactory(
        program=program,
        acronym="MODEST",
        title="Modernising engineering studies",
        reference_number="101083112-ERASMUS-EDU-2022-CBHE",
        our_role=Project.Role.PARTNER,
        start_date=on - 365 * DAY,
        end_date=on + 365 * DAY,
        budget_eur=Decimal("998640.00"),
        our_budget_eur=Decimal("99864.00"),
        summary="Curricula for green engineering.",
        website="https://modest.example.org/",
    )

    response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "MODEST",
        "Modernising engineering studies",
        "101083112-ERASMUS-EDU-2022-CBHE",
        "Running",
        "€998,640",
        "€99,864",
        "10% of the total",
        "Curricula for green engineering.",
        "https://modest.example.org/",
    ):
        assert text in html
    assert program.get_absolute_url() in html


def test_finished_project_shows_finished_badge(client):
    project = ProjectFactory(start_date=datetime.date(2019, 1, 15), end_date=datetime.date(2022, 1, 14))

    html = client.get(project.get_absolute_url()).content.decode()

    assert "Finished" in html
    assert "Running" not in html


def test_unknown_project_answers_404(client):
    assert client.get(reverse("programs:project-detail", kwargs={"slug": "nothing-here"})).status_code == 404


def test_consortium_is_grouped_by_country_with_the_coordinator_first(client):
    project = ProjectFactory()
    ProjectMemberFactory(
        project=project, institution=InstitutionFactory(name="Politecnico di Torino", country="IT"), role="partner"
    )
    ProjectMemberFactory(
        project=project, institution=InstitutionFactory(name="Aalto University", country="FI"), role="associated"
    )
    ProjectMemberFactory(
        project=project,
        institution=InstitutionFactory(name="University of Genoa", country="IT"),
        role="coordinator",
    )
    ProjectMemberFactory(
        project=project, institution=InstitutionFactory(name="Kaunas University", country="LT"), role="partner"
    )

    response = client.get(project.get_absolute_url())

    groups = response.context["consortium"]
    assert [g["country"].code for g in groups] == ["IT", "FI", "LT"]
    assert [m.institution.name for m in groups[0]["members"]] == ["University of Genoa", "Politecnico di Torino"]
    html = response.content.decode()
    assert html.index("Italy") < html.index("University of Genoa") < html.index("Politecnico di Torino")
    assert html.index("Politecnico di Torino") < html.index("Finland") < html.index("Lithuania")
    assert "Coordinator" in html and "Associated partner" in html
    assert "4 members" in html


def test_consortium_links_public_members_only(client):
    project = ProjectFactory()
    public = InstitutionFactory(name="Public University")
    hidden = InstitutionFactory(name="Former Partner University", is_active=False)
    ProjectMemberFactory(project=project, institution=public)
    ProjectMemberFactory(project=project, institution=hidden)

    html = client.get(project.get_absolute_url()).content.decode()

    assert f'href="{public.get_absolute_url()}"' in html
    assert "Former Partner University" in html
    assert f'href="{hidden.get_absolute_url()}"' not in html


# --- /joint-programmes/ ----------------------------------------------------------------


def test_joint_programme_list_shows_scheme_partner_kind_level_and_agreement(client):
    partner = InstitutionFactory(name="Belarusian State Pedagogical University", country="BY")
    agreement = AgreementFactory(partner=partner, title="Dual-degree agreement with BSPU")
    programme = JointProgrammeFactory(
        name="Primary education",
        partner=partner,
        years_home=3,
        years_partner=1,
        kind="dual",
        level="bachelor",
        field_of_study="Pedagogy",
        description="Final year in Minsk.",
        started_in=2021,
        agreement=agreement,
    )
    JointProgrammeFactory(name="Preschool education", partner=partner, years_home=2, years_partner=2)

    response = client.get(reverse("programs:joint-programme-list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "3+1",
        "2+2",
        "Primary education",
        "Belarusian State Pedagogical University",
        "Belarus",
        "Dual degree",
        "Bachelor",
        "Pedagogy",
        "Final year in Minsk.",
        "2021",
        "Dual-degree agreement with BSPU",
    ):
        assert text in html
    assert f'id="{programme.slug}"' in html
    assert programme.get_absolute_url() == reverse("programs:joint-programme-list") + f"#{programme.slug}"
    assert f'href="{partner.get_absolute_url()}"' in html
    assert f"{partner.get_absolute_url()}#agreement-{agreement.pk}" in html


def test_joint_programme_hides_private_agreement_and_programmes_of_hidden_partners(client):
    partner = InstitutionFactory()
    JointProgrammeFactory(
        name="Computer science",
        partner=partner,
        agreement=AgreementFactory(partner=partner, title="Secret MoU", is_public=False),
    )
    JointProgrammeFactory(name="Hidden degree", partner=InstitutionFactory(is_active=False))

    html = client.get(reverse("programs:joint-programme-list")).content.decode()

    assert "Computer science" in html
    assert "Secret MoU" not in html
    assert "Hidden degree" not in html


# --- /calls/ ---------------------------------------------------------------------------


def test_call_list_shows_open_calls_first_then_upcoming_then_closed(client):
    on = today()
    closed_long_ago = CallFactory(title="Closed long ago", opens_on=on - 400 * DAY, deadline=on - 300 * DAY)
    closed_recently = CallFactory(title="Closed recently", opens_on=on - 40 * DAY, deadline=on - DAY)
    upcoming_later = CallFactory(title="Opens later", opens_on=on + 30 * DAY, deadline=on + 60 * DAY)
    upcoming_soon = CallFactory(title="Opens soon", opens_on=on + DAY, deadline=on + 20 * DAY)
    open_later = CallFactory(title="Closes later", opens_on=on - 5 * DAY, deadline=on + 25 * DAY)
    open_today = CallFactory(title="Closes today", opens_on=on - 5 * DAY, deadline=on)
    CallFactory(title="Unpublished call", is_published=False)

    response = client.get(reverse("programs:call-list"))

    assert response.status_code == 200
    assert [c.pk for c in response.context["calls"]] == [
        open_today.pk,
        open_later.pk,
        upcoming_soon.pk,
        upcoming_later.pk,
        closed_recently.pk,
        closed_long_ago.pk,
    ]
    assert "Unpublished call" not in response.content.decode()


@pytest.mark.parametrize(
    ("deadline_in_days", "status", "text"),
    [
        (12, "open", "12 days left"),
        (1, "open", "1 day left"),
        (0, "open", "Closes today"),
        (-1, "closed", "Closed on"),
    ],
)
def test_call_countdown_at_the_deadline_boundaries(client, deadline_in_days, status, text):
    on = today()
    call = CallFactory(opens_on=on - 30 * DAY, deadline=on + deadline_in_days * DAY)

    listed = client.get(reverse("programs:call-list"))
    detail = client.get(call.get_absolute_url())

    [row] = listed.context["calls"]
    assert row.call_status == status
    assert detail.context["call"].call_status == status
    assert text in listed.content.decode()
    assert text in detail.content.decode()


def test_upcoming_call_says_when_applications_open(client):
    call = upcoming_call()

    html = client.get(call.get_absolute_url()).content.decode()

    assert "Upcoming" in html
    assert "Applications open on" in html
    assert "Apply now" not in html


def test_call_list_card_names_programme_hosts_places_and_target_group(client):
    program = GrantProgramFactory(name="Erasmus+ International Credit Mobility")
    host = InstitutionFactory(name="University of Pécs", country="HU")
    open_call(program=program, hosts=[host], places=4, target_group=Call.TargetGroup.MASTER)

    html = client.get(reverse("programs:call-list")).content.decode()

    for text in ("Erasmus+ International Credit Mobility", "University of Pécs", "Hungary", "Master students"):
        assert text in html
    assert '<dd class="col-7 col-sm-8">4</dd>' in html


def test_call_list_is_paginated_and_keeps_the_filters_in_page_links(client):
    program = GrantProgramFactory()
    for _ in range(12):
        open_call(program=program)

    first = client.get(reverse("programs:call-list"), {"program": program.slug})
    second = client.get(reverse("programs:call-list"), {"program": program.slug, "page": 2})

    assert len(first.context["calls"]) == 10
    assert len(second.context["calls"]) == 2
    assert f"?program={program.slug}&amp;page=2" in first.content.decode()


# --- /calls/<slug>/ --------------------------------------------------------------------


def test_call_detail_shows_everything_about_the_call(client):
    on = today()
    program = GrantProgramFactory(name="Erasmus+ KA171")
    hosts = [
        InstitutionFactory(name="University of Pécs", country="HU", city="Pécs"),
        InstitutionFactory(name="Gazi University", country="TR", city="Ankara"),
    ]
    transcript = DocumentTypeFactory(name="Transcript of records", description="Signed and stamped by the dean.")
    passport = DocumentTypeFactory(name="Passport copy")
    call = CallFactory(
        program=program,
        title="Semester exchange, spring 2026",
        hosts=hosts,
        places=6,
        target_group=Call.TargetGroup.BACHELOR,
        opens_on=on - 3 * DAY,
        deadline=on + 20 * DAY,
        mobility_start=datetime.date(2026, 2, 1),
        mobility_end=datetime.date(2026, 6, 30),
        description="One semester at a partner university.",
        eligibility="GPA of at least 3.5 and English at B2.",
    )
    call.required_documents.set([transcript, passport])

    response = client.get(call.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "Semester exchange, spring 2026",
        "Erasmus+ KA171",
        "Open",
        "20 days left",
        "Bachelor students",
        "One semester at a partner university.",
        "GPA of at least 3.5 and English at B2.",
        "Transcript of records",
        "Signed and stamped by the dean.",
        "Passport copy",
        "Hungary",
        str(hosts[1].country.name),  # Türkiye or Turkey, as django-countries names it
    ):
        assert text in html
    for host in hosts:
        assert f'href="{host.get_absolute_url()}"' in html
    assert program.get_absolute_url() in html


def _application_form_placeholder(request, slug):
    return HttpResponse(f"application form for {slug}")


def _portal_urls_with_mobility(patterns, mobility_patterns):
    """A fresh copy of the URL tree ``patterns`` with the mobility namespace's URLs replaced."""
    for pattern in patterns:
        if not isinstance(pattern, URLResolver):
            yield pattern
            continue
        children = (
            mobility_patterns
            if pattern.namespace == "mobility"
            else list(_portal_urls_with_mobility(pattern.url_patterns, mobility_patterns))
        )
        yield URLResolver(pattern.pattern, children, pattern.default_kwargs, pattern.app_name, pattern.namespace)


@pytest.fixture
def application_form(settings):
    """Switch the online application form (another issue's page) on or off for one test.

    The Apply button depends on whether ``mobility:application-create`` resolves;
    both states are tested whichever of them the code base is in today. Only the
    mobility namespace changes: the rest of the portal's URLs stay the real ones.
    """

    def switch(*, exists):
        mobility_patterns = [p for p in mobility.urls.urlpatterns if getattr(p, "name", None) != "application-create"]
        if exists:
            mobility_patterns.append(
                path("calls/<slug:slug>/apply/", _application_form_placeholder, name="application-create")
            )
        urlconf = ModuleType(f"portal_urls_{'with' if exists else 'without'}_application_form")
        urlconf.urlpatterns = list(_portal_urls_with_mobility(intl_office.urls.urlpatterns, mobility_patterns))
        settings.ROOT_URLCONF = urlconf

    return switch


def test_open_call_links_to_the_application_form_once_it_exists(client, application_form):
    application_form(exists=True)
    call = open_call()

    html = client.get(call.get_absolute_url()).content.decode()

    assert f'href="{reverse("mobility:application-create", kwargs={"slug": call.slug})}"' in html
    assert "Apply now" in html
    assert "Online applications for this call open here soon" not in html


def test_open_call_without_online_applications_tells_whom_to_contact(client, application_form):
    application_form(exists=False)
    call = open_call()

    html = client.get(call.get_absolute_url()).content.decode()

    assert "Online applications for this call open here soon" in html
    assert "International Cooperation Department" in html
    assert 'href="mailto:intl@example.org"' in html
    assert "+998 72 226 00 00" in html
    assert "Apply now" not in html


@pytest.mark.parametrize("exists", [True, False])
def test_closed_call_has_no_apply_button(client, application_form, exists):
    application_form(exists=exists)
    call = closed_call()

    html = client.get(call.get_absolute_url()).content.decode()

    assert "Apply now" not in html
    assert "Online applications for this call open here soon" not in html
    assert "Applications closed on" in html


def test_unpublished_call_answers_404_and_unknown_slug_too(client):
    call = open_call(is_published=False)

    assert client.get(call.get_absolute_url()).status_code == 404
    assert client.get(reverse("programs:call-detail", kwargs={"slug": "no-such-call"})).status_code == 404


# --- languages ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["uz", "ru"])
def test_pages_answer_in_other_languages_with_translated_fields(client, language):
    program = GrantProgramFactory(name="Erasmus+", **{f"name_{language}": f"Erasmus+ ({language})"})
    call = open_call(program=program)

    listed = client.get(f"/{language}/programs/")
    detail = client.get(f"/{language}/calls/{call.slug}/")

    assert listed.status_code == 200
    assert f"Erasmus+ ({language})" in listed.content.decode()
    assert detail.status_code == 200


# --- no 500 for odd query strings -----------------------------------------------------

ODD_QUERIES = [
    {"page": "abc"},
    {"page": "99999"},
    {"page": "-1"},
    {"page": "0"},
    {"page": "1.5"},
    {"status": "archived"},
    {"status": "open", "program": "no-such-programme"},
    {"program": "x" * 5000},
    {"target_group": "aliens"},
    {"kind": "astrology"},
    {"kind": "x" * 5000},
    {"q": "x" * 5000},
    {"sort": "-nonsense"},
    {"ordering": "password"},
    {"page": "2", "status": "closed"},
]


@pytest.mark.parametrize("url_name", ["program-list", "call-list", "joint-programme-list"])
@pytest.mark.parametrize("query", ODD_QUERIES, ids=lambda q: "&".join(f"{k}={v[:12]}" for k, v in q.items()))
def test_list_pages_never_answer_500_to_odd_query_strings(client, url_name, query):
    program = GrantProgramFactory()
    open_call(program=program)
    closed_call(program=program)
    JointProgrammeFactory()

    response = client.get(reverse(f"programs:{url_name}"), query)

    assert response.status_code == 200


def test_call_list_shows_the_nearest_page_for_a_page_out_of_range(client):
    for _ in range(12):
        open_call()

    response = client.get(reverse("programs:call-list"), {"page": "99999"})

    assert response.context["page_obj"].number == 2


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


@pytest.mark.parametrize("rows", [5, 200])
def test_call_list_query_count_does_not_grow_with_calls(client, django_assert_num_queries, layout_queries, rows):
    program = GrantProgramFactory()
    hosts = InstitutionFactory.create_batch(4)
    for _ in range(rows):
        open_call(program=program, hosts=hosts)
    # 1 programme chosen in the filter; 1 count for the paginator; 1 page of calls with programmes;
    # 1 hosts of the page's calls; 1 programmes for the filter's select.
    with django_assert_num_queries(5 + layout_queries):
        response = client.get(reverse("programs:call-list"), {"program": program.slug, "status": "open"})
    assert response.context["paginator"].count == rows


@pytest.mark.parametrize("rows", [5, 200])
def test_joint_programme_list_query_count_does_not_grow_with_programmes(
    client, django_assert_num_queries, layout_queries, rows
):
    partners = InstitutionFactory.create_batch(5)
    for i in range(rows):
        partner = partners[i % 5]
        JointProgrammeFactory(partner=partner, agreement=AgreementFactory(partner=partner))
    # 1 joint programmes with partner and agreement (and the agreement's partner).
    with django_assert_num_queries(1 + layout_queries):
        response = client.get(reverse("programs:joint-programme-list"))
    assert len(response.context["joint_programmes"]) == rows


@pytest.mark.parametrize("members", [5, 50])
def test_project_detail_query_count_does_not_grow_with_consortium(
    client, django_assert_num_queries, layout_queries, members
):
    project = ProjectFactory()
    countries = ["IT", "DE", "FR", "PL", "LT", "HU", "TR"]
    for i in range(members):
        ProjectMemberFactory(project=project, institution=InstitutionFactory(country=countries[i % len(countries)]))
    # 1 project with programme and funder; 1 consortium members with institutions.
    with django_assert_num_queries(2 + layout_queries):
        response = client.get(project.get_absolute_url())
    assert response.context["member_count"] == members
