"""Credits recognised at home: per course of the approved learning agreement, by the student's faculty."""

from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import Recognition, StayEvent
from mobility.services import StayError, recognition_record, stay_confirm
from mobility.statistics import credits_recognised_by_academic_year
from tests.factories import FacultyFactory, UserFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.learning_agreements import ROW, approve_by_both, submitted
from tests.mobility.stays import AFTER, DURING, START, taken_stay
from tests.users import member_of

pytestmark = pytest.mark.django_db
COURSE = {
    "host_code": "01NVV",
    "host_title": "Machine learning",
    "credits_earned": Decimal("6"),
    "grade": "28/30",
    "home_code": "",
    "home_title": "",
    "credits_recognised": Decimal("5"),
}


@pytest.fixture(autouse=True)
def _after_the_stay():
    with time_machine.travel(AFTER, tick=False):
        yield


@pytest.fixture
def stay(student, faculty):
    return taken_stay(student=student, faculty=faculty, language="uz")


@pytest.fixture
def agreed(stay, student, coordinator):
    """The stay with an approved learning agreement of one course (ROW)."""
    _application, mobility = stay
    approve_by_both(submitted(mobility, student), coordinator)
    return mobility


def recognition_url(mobility):
    return reverse("admin:mobility_mobility_recognition", args=[mobility.pk])


def form_data(rows):
    data = {"rows-TOTAL_FORMS": str(len(rows)), "rows-INITIAL_FORMS": str(len(rows))}
    data.update({"rows-MIN_NUM_FORMS": "0", "rows-MAX_NUM_FORMS": "40"})
    for index, row in enumerate(rows):
        data.update({f"rows-{index}-{key}": "" if value is None else str(value) for key, value in row.items()})
    return data


def test_the_faculty_coordinator_records_the_agreements_courses(client, coordinator, agreed, student):
    client.force_login(coordinator)
    page = client.get(recognition_url(agreed))
    assert page.status_code == 200
    (initial,) = page.context["formset"].initial
    assert (initial["host_title"], initial["credits_earned"], initial["home_title"]) == (
        ROW["host_title"],
        ROW["host_credits"],
        ROW["home_title"],
    )
    clear_mail()

    response = client.post(recognition_url(agreed), form_data([{**initial, "grade": "A", "credits_recognised": "5"}]))

    assert response.status_code == 302
    row = Recognition.objects.get()
    assert (row.agreement_row.host_title, row.grade, row.credits_recognised, row.recorded_by) == (
        ROW["host_title"],
        "A",
        Decimal("5"),
        coordinator,
    )
    assert agreed.stay_events.get(step=StayEvent.Step.RECOGNISED).actor == coordinator
    run_jobs()
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert f"/uz/my/applications/{agreed.application_id}/" in message.body  # the student's language


def test_rows_may_be_added_without_a_learning_agreement(stay, staff):
    _application, mobility = stay
    totals = recognition_record(mobility=mobility, actor=staff, rows=[COURSE, {**COURSE, "host_title": "Robotics"}])
    assert totals == {"earned": Decimal("12"), "recognised": Decimal("10")}
    assert Recognition.objects.filter(agreement_row=None).count() == 2


def test_a_coordinator_of_another_faculty_cannot_record(client, stay):
    _application, mobility = stay
    stranger = member_of(FACULTY_COORDINATOR, username="physics", faculty=FacultyFactory(name="Physics"))
    client.force_login(stranger)
    assert client.get(recognition_url(mobility)).status_code == 403
    assert client.post(recognition_url(mobility), form_data([COURSE])).status_code == 403
    with pytest.raises(StayError, match="Only a coordinator"):
        recognition_record(mobility=mobility, actor=stranger, rows=[COURSE])
    assert not Recognition.objects.exists()


def test_credits_are_recognised_only_after_the_return(student, faculty, staff):
    still_abroad = AFTER.date().replace(month=6)
    _application, mobility = taken_stay(student=student, faculty=faculty, start=START, end=still_abroad)
    with pytest.raises(StayError, match="once the student is back"):
        recognition_record(mobility=mobility, actor=staff, rows=[COURSE])


def test_a_course_of_another_stays_agreement_is_refused(agreed, staff, faculty):
    _other_application, other = taken_stay(student=UserFactory(username="x"), faculty=faculty, partner_name="KTH")
    foreign_row = agreed.learning_agreement.versions.get().rows.get()
    with pytest.raises(StayError, match="not in this stay"):
        recognition_record(mobility=other, actor=staff, rows=[{**COURSE, "agreement_row": foreign_row.pk}])
    assert not Recognition.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("credits_recognised", "-1"), ("credits_earned", "1e9"), ("credits_earned", "abc"), ("host_title", "")],
)
def test_bad_input_is_refused_next_to_the_field_and_nothing_is_stored(client, staff, stay, field, value):
    _application, mobility = stay
    recognition_record(mobility=mobility, actor=staff, rows=[COURSE])
    client.force_login(staff)
    response = client.post(recognition_url(mobility), form_data([{**COURSE, field: value}]))
    assert response.status_code == 200
    assert field in response.context["formset"].forms[0].errors
    assert list(Recognition.objects.values_list("host_title", "credits_recognised")) == [
        ("Machine learning", Decimal("5.0"))
    ]


def test_recognised_credits_show_on_the_students_page_and_the_admin_record(client, student, staff, stay):
    application, mobility = stay
    recognition_record(mobility=mobility, actor=staff, rows=[COURSE])
    client.force_login(student)
    body = client.get(reverse("mobility:application-detail", kwargs={"pk": application.pk})).content.decode()
    assert "Machine learning" in body and "28/30" in body
    client.force_login(staff)
    body = client.get(reverse("admin:mobility_mobility_change", args=[mobility.pk])).content.decode()
    assert "Machine learning" in body and "recognised for" in body


def test_statistics_sum_credits_per_academic_year_of_the_real_start(student, faculty, staff, outsider):
    _application, first = taken_stay(student=student, faculty=faculty)
    with time_machine.travel(DURING, tick=False):
        stay_confirm(mobility=first, step="arrival", on=START, actor=staff)
    recognition_record(mobility=first, actor=staff, rows=[COURSE, {**COURSE, "credits_recognised": Decimal("0")}])
    _application, second = taken_stay(student=outsider, faculty=faculty, partner_name="KTH")
    recognition_record(mobility=second, actor=staff, rows=[{**COURSE, "credits_recognised": Decimal("6")}])

    (row,) = credits_recognised_by_academic_year()
    assert (row["year"], row["students"], row["earned"], row["recognised"], row["share"]) == (
        2025,
        2,
        Decimal("18"),
        Decimal("11"),
        61,
    )
    assert credits_recognised_by_academic_year(2024) == []


@pytest.mark.parametrize("courses", [5, 200])
def test_the_statistics_page_shows_credits_and_its_queries_do_not_grow(
    client, stay, staff, courses, django_assert_num_queries
):
    _application, mobility = stay
    recognition_record(mobility=mobility, actor=staff, rows=[COURSE] * min(courses, 40))
    Recognition.objects.bulk_create(
        Recognition(mobility=mobility, host_title="Extra", credits_earned=1, credits_recognised=1)
        for _ in range(courses - min(courses, 40))
    )
    # home institution, years for the selector, totals, by year, by country, by programme (no programme:
    # no names to read), by activity, partners by country, agreements in force by country, credits recognised.
    with django_assert_num_queries(10):
        response = client.get(reverse("mobility:statistics"))
    assert "Credits recognised" in response.content.decode()
    assert response.context["credits"][0]["recognised"] == Decimal(5 * min(courses, 40) + courses - min(courses, 40))


def test_the_annual_report_shows_the_credits_recognised(client, stay, staff, home_institution):
    _application, mobility = stay
    recognition_record(mobility=mobility, actor=staff, rows=[COURSE])
    client.force_login(staff)
    response = client.get(reverse("staff:report"), {"year": 2025, "period": "academic"})
    table = response.context["report"].credits_recognised
    assert [(row["label"], row["earned"], row["recognised"], row["share"]) for row in table.rows] == [
        ("2025/26", Decimal("6"), Decimal("5"), 83)
    ]
    assert response.context["report"].credits_recognised in response.context["report"].tables


def test_emptying_a_row_removes_it(client, staff, stay):
    _application, mobility = stay
    recognition_record(mobility=mobility, actor=staff, rows=[COURSE, {**COURSE, "host_title": "Robotics"}])
    client.force_login(staff)
    empty = dict.fromkeys(COURSE, "")
    response = client.post(recognition_url(mobility), form_data([COURSE, empty]))
    assert response.status_code == 302
    assert list(Recognition.objects.values_list("host_title", flat=True)) == ["Machine learning"]
