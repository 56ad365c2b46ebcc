"""The office's side of checklists: the mobility's checklist box, the changelist filter, the dashboard's count."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import ChecklistItem, Mobility
from mobility.services import checklist_item_submit, mobility_checklist_start
from tests.factories import FacultyFactory, UserFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.checklists import checked_pdf, program_with_list, taken_mobility
from tests.users import member_of, signed_in

pytestmark = pytest.mark.django_db
State = ChecklistItem.State


@pytest.fixture
def leaving_soon(student, faculty, today):
    """A mobility leaving in 20 days, its checklist started: three items to do."""
    mobility = taken_mobility(student=student, faculty=faculty, start=today + datetime.timedelta(days=20))[1]
    mobility_checklist_start(mobility=mobility)
    return Mobility.objects.get(pk=mobility.pk)


def change_url(mobility):
    return reverse("admin:mobility_mobility_change", args=[mobility.pk])


def item_action_url(mobility, item, action):
    return reverse("admin:mobility_mobility_checklist_item", args=[mobility.pk, item.pk, action])


def items(mobility):
    return list(mobility.checklist.items.order_by("position"))


def test_the_office_sees_the_box_and_accepts_an_item(office_client, leaving_soon, student):
    first, second, _third = items(leaving_soon)
    checklist_item_submit(item=first, actor=student, upload=checked_pdf("grant.pdf"))
    page = office_client.get(change_url(leaving_soon)).content.decode()
    assert "Pre-departure checklist: 0 of 3 accepted" in page
    assert reverse("mobility:staff-checklist-item-file", kwargs={"item_pk": first.pk}) in page
    response = office_client.post(item_action_url(leaving_soon, first, "accept"), {"comment": ""})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.state == State.ACCEPTED


def test_sending_back_without_a_comment_is_refused_then_done_with_one(office_client, leaving_soon, student):
    first = items(leaving_soon)[0]
    checklist_item_submit(item=first, actor=student, upload=checked_pdf())
    response = office_client.post(item_action_url(leaving_soon, first, "return"), {"comment": ""}, follow=True)
    assert "Say what should change when you send it back." in response.content.decode()
    first.refresh_from_db()
    assert first.state == State.SUBMITTED
    clear_mail()
    office_client.post(item_action_url(leaving_soon, first, "return"), {"comment": "Unsigned."})
    first.refresh_from_db()
    assert first.state == State.RETURNED
    run_jobs()
    assert [message.to for message in mail.outbox] == [[student.email]]


def test_the_office_adds_and_removes_an_item(office_client, leaving_soon):
    add_url = reverse("admin:mobility_mobility_checklist_add", args=[leaving_soon.pk])
    response = office_client.post(add_url, {"title": "Tickets", "due_days_before": "٧"}, follow=True)  # Arabic 7
    assert "“Tickets” added to this checklist." in response.content.decode()
    assert leaving_soon.checklist.items.get(title="Tickets").due_days_before == 7
    bad = office_client.post(add_url, {"title": "Visa\x00", "due_days_before": "99999999999999999999"}, follow=True)
    assert bad.status_code == 200 and leaving_soon.checklist.items.count() == 4
    first = items(leaving_soon)[0]
    office_client.post(item_action_url(leaving_soon, first, "remove"))
    assert leaving_soon.checklist.items.count() == 3
    assert leaving_soon.checklist.events.filter(item_title="Signed grant agreement", action="removed").exists()


def test_a_coordinator_reads_their_faculty_s_box_but_cannot_answer(leaving_soon, faculty):
    coordinator = signed_in(member_of(FACULTY_COORDINATOR, username="coord", faculty=faculty))
    page = coordinator.get(change_url(leaving_soon)).content.decode()
    assert "Pre-departure checklist: 0 of 3 accepted" in page and "Send back" not in page
    first = items(leaving_soon)[0]
    assert coordinator.post(item_action_url(leaving_soon, first, "accept")).status_code == 403
    first.refresh_from_db()
    assert first.state == State.TODO
    other = signed_in(member_of(FACULTY_COORDINATOR, username="other", faculty=FacultyFactory(name="Faculty of Law")))
    assert "Pre-departure checklist" not in other.get(change_url(leaving_soon)).content.decode()


def test_unknown_items_and_actions_answer_404_and_get_is_refused(office_client, leaving_soon):
    first = items(leaving_soon)[0]
    assert office_client.post(item_action_url(leaving_soon, first, "delete-all")).status_code == 404
    url = f"/admin/mobility/mobility/{leaving_soon.pk}/checklist/99999999999999999999/accept/"
    assert office_client.post(url).status_code == 404
    assert office_client.get(item_action_url(leaving_soon, first, "accept")).status_code == 405


def test_the_changelist_filters_by_checklist(staff_client, student, faculty, today, leaving_soon):
    done = taken_mobility(student=UserFactory(username="done"), start=today + datetime.timedelta(days=10))[1]
    for item in mobility_checklist_start(mobility=done).items.all():
        item.state = State.ACCEPTED
        item.save()
    later = taken_mobility(student=UserFactory(username="later"), start=today + datetime.timedelta(days=90))[1]
    changelist = reverse("admin:mobility_mobility_changelist")

    def listed(value):
        return set(
            staff_client.get(changelist, {"checklist": value}).context["cl"].queryset.values_list("pk", flat=True)
        )

    assert listed("complete") == {done.pk}
    assert listed("incomplete") == {leaving_soon.pk, later.pk}  # "later" not started yet: its programme's items count
    assert listed("leaving-soon") == {leaving_soon.pk}


def test_the_dashboard_counts_checklists_incomplete_before_departure(staff_client, leaving_soon, today):
    taken_mobility(student=UserFactory(username="later"), start=today + datetime.timedelta(days=90))
    response = staff_client.get(reverse("staff:dashboard"))
    assert response.context["checklists_total"] == 1
    page = response.content.decode()
    assert "Checklists incomplete before departure" in page and "?checklist=leaving-soon" in page
    assert leaving_soon.participant_name in page


def test_a_coordinator_s_dashboard_counts_their_faculty_only(leaving_soon, today, faculty):
    other = FacultyFactory(name="Faculty of Law")
    taken_mobility(student=UserFactory(username="law"), faculty=other, start=today + datetime.timedelta(days=5))
    coordinator = signed_in(member_of(FACULTY_COORDINATOR, username="coord", faculty=faculty))
    assert coordinator.get(reverse("staff:dashboard")).context["checklists_total"] == 1


def test_programme_items_are_configured_on_the_programme_page(staff_client):
    program = program_with_list()
    page = staff_client.get(reverse("admin:programs_grantprogram_change", args=[program.pk])).content.decode()
    assert "Signed grant agreement" in page and "Pre-departure checklist" in page
    listing = staff_client.get(reverse("admin:mobility_checklisttemplateitem_changelist"), {"list": "default"})
    assert listing.status_code == 200


def test_the_filtered_changelist_queries_do_not_grow_with_rows(staff_client, today, django_assert_max_num_queries):
    # session, user, counts, the page of mobilities with their partner, the filters' choices: the same at 3 and 23 rows.
    program = program_with_list()
    changelist = reverse("admin:mobility_mobility_changelist")

    def add(numbers):
        for n in numbers:
            taken_mobility(
                student=UserFactory(username=f"s{n}"), program=program, start=today + datetime.timedelta(days=n + 1)
            )

    add(range(3))
    with django_assert_max_num_queries(40) as few:
        assert staff_client.get(changelist, {"checklist": "leaving-soon"}).status_code == 200
    bound = len(few.captured_queries)
    add(range(3, 23))
    with django_assert_max_num_queries(bound):
        response = staff_client.get(changelist, {"checklist": "leaving-soon"})
    assert response.context["cl"].result_count == 23
