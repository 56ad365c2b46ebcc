"""The checklist's rules: copied once from the programme, handed in by the student, answered by the office."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF
from mobility.models import ChecklistEvent, ChecklistItem, ChecklistTemplateItem
from mobility.services import (
    ChecklistError,
    checklist_item_accept,
    checklist_item_add,
    checklist_item_remove,
    checklist_item_return,
    checklist_item_submit,
    mobility_checklist_start,
)
from tests.factories import MobilityFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.checklists import checked_pdf, program_with_list, taken_mobility
from tests.users import member_of

pytestmark = pytest.mark.django_db
State = ChecklistItem.State
Action = ChecklistEvent.Action


@pytest.fixture
def office(db):
    return member_of(OFFICE_STAFF, username="office")


@pytest.fixture
def mobility(student, faculty):
    return taken_mobility(student=student, faculty=faculty, language="uz")[1]


@pytest.fixture
def items(mobility):
    return list(mobility_checklist_start(mobility=mobility).items.order_by("position"))


def test_the_programme_list_is_copied_once_in_order_with_every_language(mobility, items):
    assert [(item.title, item.requires_file, item.due_days_before) for item in items] == [
        ("Signed grant agreement", True, 30),
        ("Online language assessment", False, 20),
        ("Health insurance", True, 10),
    ]
    assert items[0].title_uz == "Imzolangan grant shartnomasi"
    assert {item.state for item in items} == {State.TODO}
    assert mobility_checklist_start(mobility=mobility).items.count() == 3


def test_changing_the_programme_list_later_leaves_a_running_checklist_alone(mobility, items):
    ChecklistTemplateItem.objects.filter(program=mobility.program).update(title="Renamed")
    ChecklistTemplateItem.objects.create(program=mobility.program, title="Tickets", position=9)
    checklist = mobility_checklist_start(mobility=mobility)
    assert [item.title for item in checklist.items.order_by("position")] == [item.title for item in items]


def test_a_mobility_without_a_programme_gets_the_default_list(db):
    ChecklistTemplateItem.objects.create(program=None, title="Visa", position=1)
    program_with_list()  # another programme's items stay out
    mobility = MobilityFactory(program=None)
    assert [item.title for item in mobility_checklist_start(mobility=mobility).items.all()] == ["Visa"]


def test_the_student_uploads_a_file_and_the_step_is_in_the_history(student, items):
    item = checklist_item_submit(item=items[0], actor=student, upload=checked_pdf("agreement.pdf"))
    assert item.state == State.SUBMITTED and item.original_name == "agreement.pdf" and item.submitted_at
    assert item.file.read().startswith(b"%PDF")
    event = ChecklistEvent.objects.get()
    assert (event.item_id, event.action, event.actor) == (item.pk, Action.SUBMITTED, student)


def test_an_item_that_asks_for_a_file_is_refused_without_one(student, items):
    with pytest.raises(ChecklistError) as error:
        checklist_item_submit(item=items[0], actor=student)
    assert error.value.code == "no_file"
    items[0].refresh_from_db()
    assert items[0].state == State.TODO and not ChecklistEvent.objects.exists()


def test_an_item_without_a_file_is_marked_done_and_refuses_one(student, items):
    with pytest.raises(ChecklistError):
        checklist_item_submit(item=items[1], actor=student, upload=checked_pdf())
    assert checklist_item_submit(item=items[1], actor=student).state == State.SUBMITTED


def test_only_the_student_of_the_exchange_hands_items_in(outsider, office, items):
    for actor in (outsider, office):
        with pytest.raises(ChecklistError) as error:
            checklist_item_submit(item=items[1], actor=actor)
        assert error.value.code == "not_owner"
    items[1].refresh_from_db()
    assert items[1].state == State.TODO


def test_the_office_accepts_and_an_accepted_item_is_closed(student, office, items):
    checklist_item_submit(item=items[1], actor=student)
    item = checklist_item_accept(item=items[1], actor=office)
    assert item.state == State.ACCEPTED and item.decided_by == office
    with pytest.raises(ChecklistError):
        checklist_item_submit(item=item, actor=student)
    with pytest.raises(ChecklistError):
        checklist_item_accept(item=item, actor=office)
    assert list(ChecklistEvent.objects.values_list("action", flat=True)) == [Action.SUBMITTED, Action.ACCEPTED]


def test_sending_back_needs_a_comment_and_tells_the_student_in_their_language(student, office, items):
    checklist_item_submit(item=items[0], actor=student, upload=checked_pdf())
    with pytest.raises(ChecklistError):
        checklist_item_return(item=items[0], actor=office, comment="  ")
    clear_mail()
    item = checklist_item_return(item=items[0], actor=office, comment="The signature is missing on page 2.")
    assert item.state == State.RETURNED and item.staff_comment == "The signature is missing on page 2."
    run_jobs()
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert "The signature is missing on page 2." in message.body
    assert "/uz/my/applications/" in message.body  # the student's language, Uzbek
    # Sent back, the student hands it in again.
    assert checklist_item_submit(item=item, actor=student, upload=checked_pdf()).state == State.SUBMITTED


def test_only_a_handed_in_item_is_sent_back(office, items):
    with pytest.raises(ChecklistError) as error:
        checklist_item_return(item=items[0], actor=office, comment="Why?")
    assert error.value.code == "not_submitted"


def test_a_coordinator_or_the_student_cannot_answer(student, faculty, items):
    coordinator = member_of(FACULTY_COORDINATOR, username="coord", faculty=faculty)
    checklist_item_submit(item=items[1], actor=student)
    for actor in (coordinator, student):
        with pytest.raises(ChecklistError) as error:
            checklist_item_accept(item=items[1], actor=actor)
        assert error.value.code == "not_allowed"
    items[1].refresh_from_db()
    assert items[1].state == State.SUBMITTED


def test_the_office_adds_and_removes_items_on_one_mobility_only(mobility, office, items, student, faculty):
    checklist = mobility.checklist
    added = checklist_item_add(
        checklist=checklist, actor=office, title="Tickets", requires_file=True, due_days_before=5
    )
    assert added.position == 4 and checklist.items.count() == 4
    other = taken_mobility(student=student, faculty=faculty, program=mobility.program)[1]
    assert mobility_checklist_start(mobility=other).items.count() == 3  # the programme's list is unchanged
    checklist_item_remove(item=items[0], actor=office)
    assert checklist.items.count() == 3
    steps = list(checklist.events.values_list("item_title", "action", "item"))
    assert steps == [("Tickets", Action.ADDED, added.pk), ("Signed grant agreement", Action.REMOVED, None)]


def test_an_added_item_is_checked_like_any_record(mobility, office, items):
    with pytest.raises(ValidationError):
        checklist_item_add(checklist=mobility.checklist, actor=office, title="", due_days_before=5)
    with pytest.raises(ValidationError):
        checklist_item_add(checklist=mobility.checklist, actor=office, title="Visa", due_days_before=4000)
    assert mobility.checklist.items.count() == 3 and not mobility.checklist.events.exists()


def test_a_failed_submission_keeps_no_file(student, items):
    from intl_office.storage import get_private_storage

    storage = get_private_storage()
    before = set(storage.listdir("checklists")[1]) if storage.exists("checklists") else set()
    items[0].state = State.ACCEPTED
    items[0].save()
    with pytest.raises(ChecklistError):
        checklist_item_submit(item=items[0], actor=student, upload=checked_pdf())
    after = set(storage.listdir("checklists")[1]) if storage.exists("checklists") else set()
    assert after == before
