"""Checklist races between two real connections on PostgreSQL: two first views, two answers on one item."""

import threading

import pytest
from django.contrib.auth.models import Permission
from django.db import transaction

from intl_office.roles import OFFICE_STAFF
from mobility import services
from mobility.models import ChecklistItem, MobilityChecklist
from tests.mobility.checklists import taken_mobility
from tests.races import Side, wait_until_a_connection_waits_for_a_lock
from tests.users import member_of

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def held_open(work, inserted, release):
    def side():
        with transaction.atomic():
            result = work()
            inserted.set()
            assert release.wait(timeout=20)
        return result

    return side


def test_two_first_views_start_one_checklist_with_the_items_once(student, faculty):
    _application, mobility = taken_mobility(student=student, faculty=faculty)
    inserted, release = threading.Event(), threading.Event()
    first = Side(held_open(lambda: services.mobility_checklist_start(mobility=mobility), inserted, release))
    first.start()
    assert inserted.wait(timeout=20)
    second = Side(lambda: services.mobility_checklist_start(mobility=mobility))
    second.start()
    wait_until_a_connection_waits_for_a_lock("the second view")
    release.set()
    assert first.outcome().pk == second.outcome().pk
    assert MobilityChecklist.objects.count() == 1 and ChecklistItem.objects.count() == 3


def test_accept_and_send_back_at_once_one_wins_the_other_is_told(student, faculty):
    _application, mobility = taken_mobility(student=student, faculty=faculty)
    item = services.mobility_checklist_start(mobility=mobility).items.get(position=2)
    services.checklist_item_submit(item=item, actor=student)
    office = member_of(OFFICE_STAFF, username="office")
    # A test with real transactions empties every table after it, the roles' rights from the data migration
    # included: an earlier such test leaves the Office staff group without them, so give this one its right.
    office.user_permissions.add(
        Permission.objects.get(content_type__app_label="mobility", codename="change_checklistitem")
    )
    inserted, release = threading.Event(), threading.Event()
    first = Side(held_open(lambda: services.checklist_item_accept(item=item, actor=office), inserted, release))
    first.start()
    assert inserted.wait(timeout=20)
    second = Side(lambda: services.checklist_item_return(item=item, actor=office, comment="Redo it."))
    second.start()
    wait_until_a_connection_waits_for_a_lock("the send-back")
    release.set()
    assert first.outcome().state == ChecklistItem.State.ACCEPTED
    with pytest.raises(services.ChecklistError):
        second.outcome()
    item.refresh_from_db()
    assert item.state == ChecklistItem.State.ACCEPTED and item.events.count() == 2
