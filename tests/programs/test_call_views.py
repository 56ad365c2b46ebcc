"""Public pages of calls: the list and a call's page with its way to apply."""

import datetime
from types import ModuleType

import pytest
from django.http import HttpResponse
from django.urls import URLResolver, path, reverse

import intl_office.urls
import mobility.urls
from intl_office.dates import today
from tests.factories import CallFactory, DocumentTypeFactory, GrantProgramFactory, InstitutionFactory
from tests.programs.calls import DAY, closed_call, open_call, upcoming_call

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


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

    # The list shows cached cards (``ListedCard``): its status is read from the card's text below.
    [row] = listed.context["calls"]
    assert row.pk == call.pk
    assert detail.context["call"].call_status == status
    assert text in listed.content.decode()
    assert text in detail.content.decode()


def test_upcoming_call_says_when_applications_open(client):
    call = upcoming_call()

    html = client.get(call.get_absolute_url()).content.decode()

    assert "Upcoming" in html
    assert "Applications open on" in html
    assert "Apply now" not in html


def test_call_list_card_names_programme_hosts_places_and_who_may_apply(client):
    program = GrantProgramFactory(name="Erasmus+ International Credit Mobility")
    host = InstitutionFactory(name="University of Pécs", country="HU")
    open_call(program=program, hosts=[host], places=4, for_bachelor=False, for_doctorate=False)

    html = client.get(reverse("programs:call-list")).content.decode()

    for text in ("Erasmus+ International Credit Mobility", "University of Pécs", "Hungary", "Students: Master"):
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
        for_master=False,
        for_doctorate=False,
        min_year_of_study=2,
        max_year_of_study=3,
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
        "Students: Bachelor · years of study 2–3",
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


def test_call_list_shows_the_nearest_page_for_a_page_out_of_range(client):
    for _ in range(12):
        open_call()

    response = client.get(reverse("programs:call-list"), {"page": "99999"})

    assert response.context["page_obj"].number == 2


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
