"""The staff calendar feed: opened by a signed token, parsed back with icalendar, holding visits and deadlines."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from intl_office import dates
from intl_office.dates import today
from intl_office.roles import VIEWER
from intl_office.staff import calendar
from mobility.models import Direction, Visit
from programs.models import Call
from tests.factories import CallFactory, InstitutionFactory, UserFactory, VisitFactory

pytestmark = pytest.mark.django_db

URL = reverse("staff:calendar")
DAY = datetime.date(2025, 6, 10)
HOST = "portal.example.org"


def days(n):
    return datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def _site_url(settings):
    # The feed's links and UIDs come from SITE_URL, never from the host a request used.
    settings.SITE_URL = f"https://{HOST}"


def feed_url(user):
    return f"{URL}?token={calendar.calendar_token(user)}"


def events_of(content):
    """The feed's events by UID, each as its parsed component."""
    return {str(event["UID"]): event for event in Calendar.from_ical(content).walk("VEVENT")}


def build(on=DAY):
    feed = calendar.staff_calendar(on=on)
    return events_of(feed.to_ical())


# --- the token --------------------------------------------------------------------------------------


def test_staff_member_reads_the_feed_with_the_token_and_no_session(client, staff):
    response = client.get(feed_url(staff))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "_auth_user_id" not in client.session
    assert Calendar.from_ical(response.content)["VERSION"] == "2.0"


def test_calendar_apps_may_ask_with_head_first(client, staff):
    response = client.head(feed_url(staff))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


@pytest.mark.parametrize("token", [None, "", "garbage", "1:not-a-signature"])
def test_feed_without_a_valid_token_is_not_found(client, staff, token):
    response = client.get(URL if token is None else f"{URL}?token={token}")

    assert response.status_code == 404


def test_a_token_signed_for_another_purpose_does_not_open_the_feed(client, staff):
    token = signing.Signer(salt="something-else").sign(str(staff.pk))

    assert client.get(f"{URL}?token={token}").status_code == 404


def test_a_token_cannot_be_moved_to_another_user(client, staff):
    other = UserFactory(is_staff=True)
    forged = f"{other.pk}:{calendar.calendar_token(staff).split(':', 1)[1]}"

    assert client.get(f"{URL}?token={forged}").status_code == 404


def test_a_signed_in_staff_member_still_needs_the_token(client, staff):
    client.force_login(staff)

    assert client.get(URL).status_code == 404


def test_the_feed_closes_when_its_owner_loses_staff_status(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=VIEWER))  # a role: staff status alone no longer reads the feed
    url = feed_url(user)
    assert client.get(url).status_code == 200

    user.is_staff = False
    user.save()

    assert client.get(url).status_code == 404


def test_the_feed_closes_when_its_owners_account_is_deactivated(client):
    user = UserFactory(is_staff=True)
    url = feed_url(user)
    user.is_active = False
    user.save()

    assert client.get(url).status_code == 404


def test_a_students_token_opens_nothing(client, student):
    assert client.get(feed_url(student)).status_code == 404


def test_a_deleted_users_token_opens_nothing(client):
    user = UserFactory(is_staff=True)
    url = feed_url(user)
    user.delete()

    assert client.get(url).status_code == 404


# --- the events -----------------------------------------------------------------------------------------


def test_a_visit_is_an_all_day_event_from_its_first_to_its_last_day():
    partner = InstitutionFactory(name="Inha University", country="KR")
    visit = VisitFactory(
        partner=partner,
        title="Inha University delegation visits the institute",
        start_date=datetime.date(2025, 5, 16),
        end_date=datetime.date(2025, 5, 17),
        city="Jizzakh",
        purpose="Dual degrees",
    )

    event = build()[f"visit-{visit.pk}@{HOST}"]

    assert event.start == datetime.date(2025, 5, 16)
    assert event.end == datetime.date(2025, 5, 18)  # DTEND is the day after the last day
    assert str(event["SUMMARY"]) == "Inha University delegation visits the institute"
    assert "Inha University (South Korea)" in str(event["DESCRIPTION"])
    assert "Purpose: Dual degrees" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "Jizzakh"
    assert str(event["URL"]) == f"https://{HOST}{visit.get_absolute_url()}"
    assert event["DTSTAMP"]


def test_a_one_day_visit_ends_the_next_day_and_a_visit_sent_abroad_names_the_country():
    partner = InstitutionFactory(country="HU")
    visit = VisitFactory(
        partner=partner, start_date=DAY + days(3), end_date=None, city="Budapest", direction=Direction.OUTGOING
    )

    event = build()[f"visit-{visit.pk}@{HOST}"]

    assert (event.start, event.end) == (DAY + days(3), DAY + days(4))
    assert str(event["LOCATION"]) == "Budapest, Hungary"
    assert str(event["DESCRIPTION"]).startswith("Delegation sent")


def test_a_visit_not_shown_to_the_public_links_to_the_admin():
    visit = VisitFactory(start_date=DAY, is_public=False)

    event = build()[f"visit-{visit.pk}@{HOST}"]

    assert str(event["URL"]) == f"https://{HOST}{reverse('admin:mobility_visit_change', args=[visit.pk])}"


def test_a_call_deadline_is_an_all_day_event_on_the_deadline_day():
    call = CallFactory(title="Erasmus+ exchange", opens_on=DAY - days(20), deadline=DAY + days(5), places=8)
    draft = CallFactory(opens_on=DAY, deadline=DAY + days(9), is_published=False)

    events = build()

    event = events[f"call-deadline-{call.pk}@{HOST}"]
    assert (event.start, event.end) == (DAY + days(5), DAY + days(6))
    assert str(event["SUMMARY"]) == "Deadline: Erasmus+ exchange"
    assert str(event["URL"]) == f"https://{HOST}{call.get_absolute_url()}"
    assert "8 places" in str(event["DESCRIPTION"])
    draft_url = f"https://{HOST}{reverse('admin:programs_call_change', args=[draft.pk])}"
    assert str(events[f"call-deadline-{draft.pk}@{HOST}"]["URL"]) == draft_url


def test_the_feed_covers_a_year_back_and_two_years_ahead():
    ended_a_year_ago = VisitFactory(start_date=DAY - days(370), end_date=DAY - days(365))
    VisitFactory(start_date=DAY - days(370), end_date=DAY - days(366))
    one_day_a_year_ago = VisitFactory(start_date=DAY - days(365))
    VisitFactory(start_date=DAY - days(366))
    two_years_ahead = VisitFactory(start_date=DAY + days(730))
    VisitFactory(start_date=DAY + days(731))
    first_deadline = CallFactory(opens_on=DAY - days(400), deadline=DAY - days(365))
    CallFactory(opens_on=DAY - days(400), deadline=DAY - days(366))
    last_deadline = CallFactory(opens_on=DAY, deadline=DAY + days(730))
    CallFactory(opens_on=DAY, deadline=DAY + days(731))

    uids = set(build())

    assert uids == {
        *(f"visit-{visit.pk}@{HOST}" for visit in (ended_a_year_ago, one_day_a_year_ago, two_years_ahead)),
        *(f"call-deadline-{call.pk}@{HOST}" for call in (first_deadline, last_deadline)),
    }


def test_event_uids_stay_the_same_from_one_fetch_to_the_next(client, staff):
    VisitFactory(start_date=today())
    CallFactory(opens_on=today(), deadline=today() + days(10))
    url = feed_url(staff)

    first, second = events_of(client.get(url).content), events_of(client.get(url).content)

    assert set(first) == set(second) and len(first) == 2
    assert all(uid.endswith(f"@{HOST}") for uid in first)


@pytest.mark.usefixtures("home_institution")
def test_the_feed_reads_three_rows_whatever_the_number_of_events(django_assert_num_queries):
    for n in range(20):
        VisitFactory(start_date=DAY + days(n))
        CallFactory(opens_on=DAY, deadline=DAY + days(n))

    # the home institution, the visits with their partners, the calls with their programmes
    with django_assert_num_queries(3):
        events = build()

    assert len(events) == 40


def test_the_feed_of_the_demo_holds_its_visits_and_the_open_calls_deadline(client, staff, monkeypatch):
    # The office's clock is pinned before the demo is loaded: the demo's open call moves with today,
    # and the feed's window follows the same clock, so the 2024 visit and the deadline always fit in it.
    pinned = datetime.date(2025, 3, 1)
    monkeypatch.setattr(dates, "today", lambda: pinned)
    call_command("seed_demo", "--force", "--profile", "tict", stdout=StringIO())
    [open_call] = Call.objects.open(pinned).filter(audience=Call.Audience.STUDENTS)

    response = client.get(feed_url(staff))

    events = events_of(response.content)
    shandong = Visit.objects.get(partner__name="Shandong Jianshu University", start_date=datetime.date(2024, 12, 3))
    visit = events[f"visit-{shandong.pk}@{HOST}"]
    assert visit.start == datetime.date(2024, 12, 3)
    assert visit.end == datetime.date(2024, 12, 4)
    assert "Shandong Jianshu University" in str(visit["SUMMARY"])
    assert str(visit["URL"]) == f"https://{HOST}{shandong.get_absolute_url()}"
    deadline = events[f"call-deadline-{open_call.pk}@{HOST}"]
    assert deadline.start == open_call.deadline
    assert str(deadline["SUMMARY"]) == f"Deadline: {open_call.title}"
    in_window = Visit.objects.filter(start_date__gte=pinned - days(365), start_date__lte=pinned + days(730))
    assert {f"visit-{v.pk}@{HOST}" for v in in_window} <= set(events)


def test_feed_fetched_by_another_host_still_links_to_the_site_url(client, staff):
    visit = VisitFactory(start_date=today())

    response = client.get(feed_url(staff), HTTP_HOST="localhost")

    [event] = events_of(response.content).values()
    assert str(event["UID"]) == f"visit-{visit.pk}@{HOST}"
    assert str(event["URL"]) == f"https://{HOST}{visit.get_absolute_url()}"
