"""``send_checklist_reminders``: items due within a week or overdue, once a day, an item not again within 3 days."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from intl_office.roles import OFFICE_STAFF
from mobility.models import ChecklistItem, Mobility
from mobility.services import checklist_item_accept, checklist_item_submit, checklist_send_reminders
from tests.factories import UserFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.checklists import taken_mobility
from tests.users import member_of

pytestmark = pytest.mark.django_db
State = ChecklistItem.State


def leaving(student, today, days, **kwargs):
    """A mobility leaving ``days`` after ``today``; its items are due 30, 20 and 10 days before."""
    mobility = taken_mobility(student=student, start=today + datetime.timedelta(days=days), **kwargs)[1]
    return Mobility.objects.get(pk=mobility.pk)  # afresh: the factory's instance cached "no checklist yet"


def reminders(on=None):
    clear_mail()
    run = checklist_send_reminders(on=on)
    run_jobs()
    return run


def test_items_due_within_a_week_or_overdue_are_named(student, today):
    leaving(student, today, 25)  # due: 5 days overdue, in 5 days, in 15 days
    run = reminders()
    (message,) = mail.outbox
    assert message.to == [student.email]
    assert "Signed grant agreement: overdue since" in message.body
    assert "Online language assessment: due by" in message.body
    assert "Health insurance" not in message.body
    assert run.queued == [(student.email, ["Signed grant agreement", "Online language assessment"])]


def test_nothing_due_far_ahead_and_nothing_after_departure(student, today):
    leaving(student, today, 60)
    other = UserFactory(username="gone")
    leaving(other, today, -1)
    assert reminders().queued == [] and mail.outbox == []


def test_handed_in_or_accepted_items_are_not_reminded(student, today):
    mobility = leaving(student, today, 25)
    reminders(on=today - datetime.timedelta(days=30))  # starts the checklist; nothing due yet
    office = member_of(OFFICE_STAFF, username="office")
    first, second, _third = mobility.checklist.items.order_by("position")
    checklist_item_submit(item=second, actor=student)
    checklist_item_accept(item=first, actor=office, comment="Received on paper.")
    assert reminders().queued == [] and mail.outbox == []


def test_at_most_one_e_mail_a_day_and_running_twice_sends_nothing_twice(student, today):
    leaving(student, today, 25)
    leaving(student, today, 26)  # a second mobility of the same student: still one e-mail
    assert len(reminders().queued) == 1 and len(mail.outbox) == 1
    second = reminders()
    assert second.queued == [] and second.skipped == 1 and mail.outbox == []


def test_the_same_item_waits_three_days_before_it_is_named_again(student, today):
    leaving(student, today, 25)
    reminders()
    for days, expected in ((1, []), (2, []), (3, ["Signed grant agreement", "Online language assessment"])):
        with time_machine.travel(datetime.timedelta(days=days)):
            run = reminders(on=today + datetime.timedelta(days=days))
        assert [titles for _email, titles in run.queued] == ([expected] if expected else [])


def test_an_item_coming_within_the_week_joins_the_next_reminder(student, today):
    mobility = leaving(student, today, 25)
    reminders()
    # Eight days later the insurance (due 10 days before) is within the week, and the others' three days are over.
    run = reminders(on=today + datetime.timedelta(days=8))
    assert [titles for _email, titles in run.queued] == [
        ["Signed grant agreement", "Online language assessment", "Health insurance"]
    ]
    assert mobility.checklist.items.filter(reminded_on=today + datetime.timedelta(days=8)).count() == 3


def test_the_reminder_is_in_the_student_s_language(student, today):
    leaving(student, today, 25, language="ru")
    reminders()
    (message,) = mail.outbox
    assert "/ru/my/applications/" in message.body


def test_the_command_reports_what_it_queued(student, today):
    leaving(student, today, 25)
    out = io.StringIO()
    call_command("send_checklist_reminders", stdout=out)
    assert f"Queued a reminder to {student.email}" in out.getvalue()
    out = io.StringIO()
    call_command("send_checklist_reminders", stdout=out)
    assert "0 reminder(s) queued, 1 student(s) already reminded today" in out.getvalue()
