"""The staff dashboard page itself: who may open it, what it shows, its queries."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from intl_office import roles
from intl_office.dates import today
from mobility.models import Application, Expert
from tests.factories import (
    AgreementFactory,
    ApplicationFactory,
    CallFactory,
    FacultyFactory,
    InstitutionFactory,
    MobilityFactory,
    UserFactory,
    VisitFactory,
)
from tests.intl_office.dashboard import IN, days

pytestmark = pytest.mark.django_db


URL = reverse("staff:dashboard")


# --- the page ----------------------------------------------------------------------------------------


def test_dashboard_links_every_item_to_its_admin_page(client, staff):
    on = today()
    expiring = AgreementFactory(signed_on=on - days(700), valid_until=on + days(20))
    expired = AgreementFactory(signed_on=on - days(700), valid_until=on - days(20))
    call = CallFactory(opens_on=on - days(5), deadline=on + days(3))
    ApplicationFactory(call=call, status=Application.Status.SUBMITTED)
    upcoming = VisitFactory(start_date=on + days(9))
    recent = VisitFactory(start_date=on - days(9))
    client.force_login(staff)

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex, nofollow">' in html
    for url in (
        reverse("admin:partners_agreement_change", args=[expiring.pk]),
        reverse("admin:partners_agreement_change", args=[expired.pk]),
        reverse("admin:programs_call_change", args=[call.pk]),
        reverse("admin:mobility_visit_change", args=[upcoming.pk]),
        reverse("admin:mobility_visit_change", args=[recent.pk]),
    ):
        assert f'href="{url}"' in html


def test_dashboard_review_link_opens_the_admin_list_of_that_calls_waiting_applications(client, staff):
    call, other = CallFactory(), CallFactory()
    waiting = [
        ApplicationFactory(call=call, status=Application.Status.SUBMITTED),
        ApplicationFactory(call=call, status=Application.Status.UNDER_REVIEW),
    ]
    ApplicationFactory(call=call, status=Application.Status.ACCEPTED)
    ApplicationFactory(call=other, status=Application.Status.SUBMITTED)
    client.force_login(staff)

    [(review, list_url)] = [row for row in client.get(URL).context["reviews"] if row[0].call == call]
    listed = client.get(list_url)

    assert review.total == 2
    assert listed.status_code == 200
    assert sorted(a.pk for a in listed.context["cl"].result_list) == sorted(a.pk for a in waiting)


def test_dashboard_says_the_comparison_uses_the_same_days_in_both_years(client, staff):
    client.force_login(staff)

    html = client.get(URL).content.decode()

    assert "A fair comparison: both years are counted over the same" in html


def test_dashboard_shows_the_users_own_calendar_address(client, staff, settings):
    settings.SITE_URL = "https://intl.example.org"
    client.force_login(staff)

    response = client.get(URL)

    feed_url = response.context["feed_url"]
    assert feed_url.startswith("https://intl.example.org/staff/calendar.ics?token=")
    assert f'value="{feed_url}"' in response.content.decode()
    assert client.get(feed_url.removeprefix("https://intl.example.org")).status_code == 200


def test_faculty_coordinator_counts_only_the_own_facultys_applicants(client, coordinator):
    coordinator.groups.add(Group.objects.get(name=roles.FACULTY_COORDINATOR))
    own_call = CallFactory()
    ApplicationFactory(call=own_call, faculty=coordinator.faculty, status=Application.Status.SUBMITTED)
    ApplicationFactory(call=own_call, faculty=FacultyFactory(), status=Application.Status.SUBMITTED)
    ApplicationFactory(call=CallFactory(), faculty=FacultyFactory(), status=Application.Status.SUBMITTED)
    client.force_login(coordinator)

    response = client.get(URL)

    assert response.status_code == 200
    assert [(review.call, review.total) for review, _url in response.context["reviews"]] == [(own_call, 1)]
    assert response.context["review_faculty"] == coordinator.faculty
    assert "Applicants of Faculty of Chemical Engineering only." in response.content.decode()


def test_staff_member_sees_only_the_sections_their_permissions_allow(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="mobility", codename="view_visit"))
    AgreementFactory(signed_on=today() - days(700), valid_until=today() + days(20))
    ApplicationFactory(status=Application.Status.SUBMITTED)
    client.force_login(user)

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Upcoming visits" in html
    for hidden in ("Agreements expiring within", "Applications waiting for review", "Calls closing within"):
        assert hidden not in html
    assert not {"expiring", "reviews", "closing", "comparison"} & set(response.context.keys())


def populate(n):
    """``n`` rows in every list of the dashboard, each with its own partner, call or visit."""
    on = today()
    partners = InstitutionFactory.create_batch(n)
    host = FacultyFactory(slug="hosting-faculty")
    for partner in partners:
        AgreementFactory(partner=partner, signed_on=on - days(700), valid_until=on + days(30), student_places_out=3)
        AgreementFactory(partner=partner, signed_on=on - days(900), valid_until=on - days(30))
        MobilityFactory(partner=partner, start_date=on - days(400), end_date=on - days(300))
        MobilityFactory(partner=partner, start_date=on, end_date=on + days(30), direction=IN)
        VisitFactory(partner=partner, start_date=on + days(10))
        VisitFactory(partner=partner, start_date=on - days(10))
        Expert.objects.create(
            full_name="Guest",
            nationality="RU",
            partner=partner,
            subject="Hydraulics",
            host_faculty=host,
            start_date=on - days(10),
            end_date=on + days(60),
            registered_until=on + days(5),
        )
    for _ in range(n):
        call = CallFactory(opens_on=on - days(10), deadline=on + days(5), hosts=[partners[0]])
        ApplicationFactory(call=call, status=Application.Status.SUBMITTED)


@pytest.mark.usefixtures("home_institution")
def test_dashboard_queries_do_not_grow_with_rows(client, staff, django_assert_num_queries):
    """24 queries for 5 rows or 200: session, user, home institution; expiring, expired, dormant;
    applications per call and their calls; offers waiting; calls closing soon; upcoming and recent visits; mobility
    this year, last year's same days and last year whole; transcripts missing after return; checklists incomplete
    before departure and their number; nominations waiting and places not yet nominated; business trips waiting and
    reports overdue; learning agreements waiting per faculty (their faculties are one more, when any wait); foreign
    experts with a deadline soon; public records missing a language (one query for every kind).
    (A superuser's permissions need no query.)
    """
    client.force_login(staff)
    populate(5)
    with django_assert_num_queries(24):
        response = client.get(URL)
    assert len(response.context["expiring"]) == 5
    assert len(response.context["guest_deadlines"]) == 5

    populate(195)
    with django_assert_num_queries(24):
        response = client.get(URL)
    assert len(response.context["expiring"]) == 200
    assert len(response.context["guest_deadlines"]) == 200
    assert len(response.context["reviews"]) == 200
