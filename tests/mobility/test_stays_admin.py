"""The stay in the admin and on the dashboard: the follow-up filter, the count, the office's steps."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from mobility.models import Mobility, StayEvent
from mobility.services import recognition_record, stay_confirm, stay_upload_transcript
from tests.factories import UserFactory
from tests.files import pdf_bytes, upload
from tests.jobs import clear_mail, run_jobs
from tests.mobility.stays import AFTER, DURING, HOST_EMAIL, START, reload, taken_stay

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:mobility_mobility_changelist")
COURSE = {"host_title": "Thermodynamics", "credits_earned": 6, "credits_recognised": 6}


def stays(faculty, count, **kwargs):
    return [
        taken_stay(student=UserFactory(), faculty=faculty, partner_name=f"Host {n}", **kwargs)[1] for n in range(count)
    ]


def listed(client, value):
    return set(client.get(CHANGELIST, {"stay": value}).context["cl"].result_list)


@pytest.fixture(autouse=True)
def _after_the_stay():
    with time_machine.travel(AFTER, tick=False):
        yield


def test_the_follow_up_filters(client, staff, faculty):
    arrived, returned_bare, returned_done, still_abroad = stays(faculty, 4)
    with time_machine.travel(DURING, tick=False):
        for stay in (arrived, returned_bare, returned_done):
            stay_confirm(mobility=stay, step="arrival", on=START, actor=staff)
    Mobility.objects.filter(pk=still_abroad.pk).update(end_date=datetime.date(2026, 6, 30))
    Mobility.objects.filter(pk=arrived.pk).update(end_date=datetime.date(2026, 6, 30))
    stay_upload_transcript(mobility=returned_done, upload=upload("t.pdf", pdf_bytes()), actor=staff)
    recognition_record(mobility=returned_done, actor=staff, rows=[COURSE])
    client.force_login(staff)

    assert listed(client, "arrival_missing") == {still_abroad}
    assert listed(client, "transcript_missing") == {returned_bare}
    assert listed(client, "not_recognised") == {returned_bare}


def test_stays_over_a_year_ago_are_not_followed_up(client, staff, faculty):
    # Settled on paper before the portal kept transcripts: the office does not chase them.
    stays(faculty, 1, start=datetime.date(2024, 9, 1), end=datetime.date(2025, 1, 31))
    client.force_login(staff)
    for value in ("arrival_missing", "transcript_missing", "not_recognised"):
        assert listed(client, value) == set()


def test_the_dashboard_counts_transcripts_missing_and_links_to_the_filter(client, staff, faculty, home_institution):
    stays(faculty, 3)
    client.force_login(staff)
    response = client.get(reverse("staff:dashboard"))
    assert response.context["transcripts_missing"] == 3
    assert f"{CHANGELIST}?stay=transcript_missing" in response.content.decode()


@pytest.mark.parametrize("rows", [5, 200])
def test_the_filtered_changelist_queries_do_not_grow_with_rows(
    client, staff, faculty, rows, django_assert_max_num_queries
):
    stays(faculty, rows)
    client.force_login(staff)
    # session, user, the filter's count and rows (with partners), the unfiltered count, the facets of the
    # other filters (faculties, programmes, countries), the date hierarchy: the same at 5 rows and at 200.
    with django_assert_max_num_queries(14):
        response = client.get(CHANGELIST, {"stay": "transcript_missing"})
    assert response.context["cl"].result_count == rows


def test_office_staff_confirm_a_day_from_the_admin(office_client, office_user, faculty, student):
    _application, stay = taken_stay(student=student, faculty=faculty)
    url = reverse("admin:mobility_mobility_stay_confirm", args=[stay.pk, "arrival"])
    assert office_client.get(url).status_code == 200

    refused = office_client.post(url, {"on": "2027-01-01"})
    assert refused.status_code == 200 and "cannot be in the future" in refused.content.decode()
    assert not reload(stay).arrival_confirmed

    assert office_client.post(url, {"on": "2025-09-02"}).status_code == 302
    assert reload(stay).start_date == datetime.date(2025, 9, 2)
    assert stay.stay_events.get().actor == office_user


def test_the_office_asks_the_host_from_the_admin_and_the_bulk_action(office_client, faculty):
    first, second = stays(faculty, 2)
    clear_mail()
    url = reverse("admin:mobility_mobility_stay_ask", args=[first.pk, "arrival"])
    assert office_client.get(url).status_code == 405
    assert office_client.post(url).status_code == 302
    office_client.post(CHANGELIST, {"action": "ask_hosts_arrival", "_selected_action": [second.pk]})
    run_jobs()
    assert [message.to for message in mail.outbox] == [[HOST_EMAIL], [HOST_EMAIL]]
    assert StayEvent.objects.filter(step=StayEvent.Step.ARRIVAL_REQUESTED).count() == 2


def test_a_faculty_coordinator_cannot_take_the_offices_steps(coordinator_client, faculty, student):
    _application, stay = taken_stay(student=student, faculty=faculty)
    for name, args in [("stay_confirm", ["arrival"]), ("stay_ask", ["arrival"]), ("stay_transcript", [])]:
        url = reverse(f"admin:mobility_mobility_{name}", args=[stay.pk, *args])
        assert coordinator_client.post(url, {"on": "2025-09-02"}).status_code == 403
    assert not StayEvent.objects.exists()
