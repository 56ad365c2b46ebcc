"""Expiry reminders at 90, 30 and 7 days, sent once each, and the command cron runs."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from intl_office.dates import today
from intl_office.models import HomeInstitution
from partners import services
from partners.models import Agreement, AgreementReminder
from partners.services import (
    agreement_send_expiry_reminders,
    agreements_to_remind,
    reminder_recipient,
    reminder_threshold,
)
from tests.factories import AgreementFactory, InstitutionFactory, UserFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


# A fixed day for the reminder tables.
ON = datetime.date(2025, 3, 1)


def days(n):
    return datetime.timedelta(days=n)


# Expiry reminders.


@pytest.fixture
def officer(db):
    return UserFactory(username="officer", email="officer@uni.example.uz", first_name="Dilnoza", last_name="Karimova")


def ending_in(n, **extra):
    """An agreement in force on ON whose last day is ``n`` days later."""
    extra.setdefault("signed_on", ON - days(400))
    return AgreementFactory(valid_until=ON + days(n), **extra)


def sent(result):
    return sorted((reminder.agreement.title, reminder.days_before) for reminder in result.queued)


def remind(*, on):
    """A day's run of the reminders, then the worker's: each reminder recorded, its e-mail sent."""
    result = agreement_send_expiry_reminders(on=on)
    run_jobs()
    return result


@pytest.mark.parametrize(
    ("days_left", "threshold"),
    [(91, None), (90, 90), (31, 90), (30, 30), (8, 30), (7, 7), (6, 7), (0, 7)],
)
def test_reminder_is_due_at_each_threshold_and_not_before(officer, days_left, threshold):
    agreement = ending_in(days_left, responsible=officer, title="MoU")

    result = remind(on=ON)

    assert sent(result) == ([("MoU", threshold)] if threshold else [])
    assert [message.to for message in mail.outbox] == ([[officer.email]] if threshold else [])
    assert AgreementReminder.objects.filter(agreement=agreement).count() == (1 if threshold else 0)


def test_running_twice_on_the_same_day_sends_nothing_twice(officer):
    ending_in(30, responsible=officer, title="MoU")

    first = remind(on=ON)
    second = remind(on=ON)

    assert sent(first) == [("MoU", 30)]
    assert sent(second) == []
    assert len(mail.outbox) == 1


def test_each_threshold_is_sent_once_as_the_days_go_by(officer):
    agreement = ending_in(95, responsible=officer, title="MoU")

    sent_per_day = {
        days_left: sent(remind(on=agreement.valid_until - days(days_left)))
        for days_left in (95, 90, 89, 60, 31, 30, 29, 8, 7, 6, 1, 0)
    }

    assert {days_left: titles for days_left, titles in sent_per_day.items() if titles} == {
        90: [("MoU", 90)],
        30: [("MoU", 30)],
        7: [("MoU", 7)],
    }
    assert len(mail.outbox) == 3


def test_an_agreement_first_seen_late_gets_only_the_tightest_reminder(officer):
    agreement = ending_in(20, responsible=officer, title="MoU")

    first = remind(on=ON)
    later = remind(on=ON + days(5))

    assert sent(first) == [("MoU", 30)]
    assert sent(later) == []
    assert list(agreement.reminders.values_list("days_before", flat=True)) == [30]


def test_a_looser_reminder_is_not_sent_after_a_tighter_one(officer):
    ending_in(5, responsible=officer, title="MoU")
    remind(on=ON)

    # Run for an earlier day (a clock set back): the 30-day reminder would be news to nobody.
    earlier = remind(on=ON - days(10))

    assert sent(earlier) == []


def test_a_new_expiry_date_starts_the_reminders_again(officer):
    agreement = ending_in(30, responsible=officer, title="MoU")
    remind(on=ON)
    old_end = agreement.valid_until

    agreement.valid_until = old_end + days(365)
    agreement.save()
    same_day = remind(on=ON)
    ninety_before_new_end = remind(on=agreement.valid_until - days(90))

    assert sent(same_day) == []
    assert sent(ninety_before_new_end) == [("MoU", 90)]
    assert set(agreement.reminders.values_list("valid_until", "days_before")) == {
        (old_end, 30),
        (agreement.valid_until, 90),
    }


def test_no_reminder_for_expired_draft_open_ended_or_renewed_agreements(officer):
    ending_in(-1, responsible=officer, title="expired yesterday")
    AgreementFactory(signed_on=None, valid_until=ON + days(7), responsible=officer, title="draft")
    AgreementFactory(signed_on=ON + days(1), valid_until=ON + days(7), responsible=officer, title="signed tomorrow")
    AgreementFactory(signed_on=ON - days(400), valid_until=None, responsible=officer, title="no end date")
    renewed = ending_in(7, responsible=officer, title="renewed")
    AgreementFactory(partner=renewed.partner, renews=renewed, signed_on=None, valid_until=None, title="its renewal")

    result = remind(on=ON)

    assert sent(result) == []
    assert mail.outbox == []
    assert not AgreementReminder.objects.exists()


def test_reminder_mail_names_the_agreement_and_links_to_its_admin_page(officer, settings):
    settings.SITE_URL = "https://portal.example.uz/"
    partner = InstitutionFactory(name="Kyungpook National University", country="KR")
    agreement = ending_in(
        30, responsible=officer, partner=partner, title="Student exchange agreement", reference_number="KNU-2020-07"
    )

    remind(on=ON)

    message = mail.outbox[0]
    assert message.to == ["officer@uni.example.uz"]
    assert message.subject == (
        "The agreement with Kyungpook National University expires in 30 days: Student exchange agreement"
    )
    assert "Dear Dilnoza Karimova," in message.body
    assert "expires in 30 days, on 31 March 2025." in message.body
    assert "Reference number: KNU-2020-07" in message.body
    assert f"https://portal.example.uz/admin/partners/agreement/{agreement.pk}/change/" in message.body


def test_reminder_on_the_last_day_says_today(officer):
    ending_in(0, responsible=officer, partner=InstitutionFactory(name="Ajou University"), title="MoU")

    remind(on=ON)

    assert mail.outbox[0].subject == "The agreement with Ajou University expires today: MoU"
    assert "is valid until today, 1 March 2025." in mail.outbox[0].body


@pytest.mark.parametrize(
    "responsible",
    [None, "inactive", "without_email"],
    ids=["nobody_responsible", "responsible_left", "responsible_without_address"],
)
def test_reminder_goes_to_the_office_when_nobody_can_receive_it(db, responsible):
    home = HomeInstitution.load()
    home.email = "intl@uni.example.uz"
    home.save()
    user = {
        None: None,
        "inactive": UserFactory(username="left", is_active=False),
        "without_email": UserFactory(username="noaddress", email=""),
    }[responsible]
    ending_in(30, responsible=user, title="MoU")

    result = remind(on=ON)

    assert [reminder.sent_to for reminder in result.queued] == ["intl@uni.example.uz"]
    assert mail.outbox[0].to == ["intl@uni.example.uz"]
    assert "Dear colleagues," in mail.outbox[0].body


def test_without_any_address_nothing_is_recorded_and_the_next_run_sends_it(db):
    agreement = ending_in(30, title="MoU")

    first = remind(on=ON)
    home = HomeInstitution.load()
    home.email = "intl@uni.example.uz"
    home.save()
    second = remind(on=ON + days(1))

    assert first.queued == [] and [unsent for unsent, _reason in first.unsent] == [agreement]
    assert "nobody to send it to" in first.unsent[0][1]
    assert sent(second) == [("MoU", 30)]


def test_a_reminder_due_while_the_mail_server_is_down_is_recorded_and_sent_once_it_is_back(officer, smtp_server):
    ending_in(30, responsible=officer, title="MoU")
    smtp_server.stop()

    result = remind(on=ON)
    again = remind(on=ON + days(1))  # the next day's run, the mail server still down

    assert sent(result) == [("MoU", 30)] and sent(again) == []
    assert AgreementReminder.objects.count() == 1
    smtp_server.start()
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        run_jobs()
        run_jobs()
    (message,) = smtp_server.messages
    assert message["To"] == officer.email
    assert "expires in 30 days" in message["Subject"]


# The management command (it runs on the office's today).


def test_command_sends_due_reminders_once_with_links_to_the_site_url(officer, settings):
    settings.SITE_URL = "https://portal.example.uz"
    agreement = AgreementFactory(
        signed_on=today() - days(400), valid_until=today() + days(7), responsible=officer, title="MoU"
    )
    out = StringIO()

    call_command("notify_expiring_agreements", stdout=out)
    call_command("notify_expiring_agreements", stdout=StringIO())
    run_jobs()

    assert len(mail.outbox) == 1
    assert f"https://portal.example.uz/admin/partners/agreement/{agreement.pk}/change/" in mail.outbox[0].body
    assert "Queued the 7-day reminder for “MoU”" in out.getvalue()
    assert "1 reminder(s) queued; the worker sends them." in out.getvalue()


def test_command_links_to_the_development_server_by_default(officer):
    # The test settings run with DEBUG on at start-up and no SITE_URL, so SITE_URL is the development server.
    agreement = AgreementFactory(
        signed_on=today() - days(400), valid_until=today() + days(30), responsible=officer, title="MoU"
    )

    call_command("notify_expiring_agreements", stdout=StringIO())
    run_jobs()

    assert f"http://127.0.0.1:8000/admin/partners/agreement/{agreement.pk}/change/" in mail.outbox[0].body


def test_command_fails_when_a_due_reminder_has_nobody_to_go_to(db):
    AgreementFactory(signed_on=today() - days(400), valid_until=today() + days(30), title="MoU")
    err = StringIO()

    with pytest.raises(CommandError, match="1 reminder"):
        call_command("notify_expiring_agreements", stdout=StringIO(), stderr=err)

    assert "Not sent for “MoU”" in err.getvalue()


def test_command_ignores_the_deprecated_base_url_and_says_so(officer, settings):
    settings.SITE_URL = "https://portal.example.uz"
    agreement = AgreementFactory(
        signed_on=today() - days(400), valid_until=today() + days(7), responsible=officer, title="MoU"
    )
    err = StringIO()

    call_command("notify_expiring_agreements", "--base-url", "http://localhost:8000", stdout=StringIO(), stderr=err)
    run_jobs()

    assert "--base-url is deprecated and ignored" in err.getvalue()
    assert "SITE_URL" in err.getvalue()
    assert f"https://portal.example.uz/admin/partners/agreement/{agreement.pk}/change/" in mail.outbox[0].body
    assert "localhost" not in mail.outbox[0].body


def test_the_tightest_threshold_reached_and_none_before_ninety_days():
    assert [reminder_threshold(n) for n in (200, 91, 90, 31, 30, 8, 7, 0, -1)] == [None, None, 90, 90, 30, 30, 7, 7, 7]


def test_reminder_mail_is_in_the_office_s_language_whatever_language_the_run_is_in(officer, settings):
    settings.LANGUAGE_CODE = "ru"  # an office that works in Russian
    HomeInstitution.objects.update_or_create(pk=1, defaults={"department_name": "Department of Partnerships"})
    ending_in(30, responsible=officer, title="MoU", kind=Agreement.Kind.MOU)

    with translation.override("en"):  # as when a page in English runs the reminders
        remind(on=ON)

    body = mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Срок действия соглашения с партнёром ")
    assert "Тип: Меморандум о взаимопонимании" in body
    assert body.rstrip().endswith("Department of Partnerships")


def test_an_agreement_passed_over_does_not_stop_the_run_before_the_others(officer, db):
    reminded = ending_in(20, responsible=officer, title="Reminded already")
    AgreementReminder.objects.create(agreement=reminded, valid_until=reminded.valid_until, days_before=30)
    nobody = ending_in(21, title="Nobody to tell")
    taken = ending_in(22, responsible=officer, title="Taken by a parallel run")
    ending_in(25, responsible=officer, title="Due")
    record_reminder = reminder_recipient

    def a_parallel_run_records(agreement, office_email):
        if agreement == taken:
            AgreementReminder.objects.create(agreement=taken, valid_until=taken.valid_until, days_before=30)
        return record_reminder(agreement, office_email)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "reminder_recipient", a_parallel_run_records)
        result = remind(on=ON)

    assert sent(result) == [("Due", 30)]
    assert result.unsent == [
        (nobody, "nobody to send it to: no responsible staff member and no office e-mail"),
    ]


def test_agreements_to_remind_come_soonest_end_first_with_their_partner_and_responsible(
    officer, django_assert_num_queries
):
    for n, title in [(60, "Later"), (10, "Soonest"), (30, "Between")]:
        ending_in(n, responsible=officer, title=title)

    with django_assert_num_queries(1):
        due = [(a.title, a.partner.name != "", a.responsible.email) for a in agreements_to_remind(ON)]

    assert due == [(title, True, officer.email) for title in ("Soonest", "Between", "Later")]
