"""The student's status e-mail: its link starts with SITE_URL whoever moved the application and from
which address, it is written in the student's language, and a mail server that is down does not
undo the decision it announces."""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from intl_office.models import HomeInstitution
from mobility import services
from mobility.models import Application
from tests.factories import ApplicationFactory, CallFactory

pytestmark = pytest.mark.django_db

Status = Application.Status
SITE = "https://intl.example.org"


class MailServerDown(BaseEmailBackend):
    """An SMTP server that refuses every message, as one that is down or rejects the login would."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def application(student):
    call = CallFactory(title_en="Erasmus+ exchange", title_ru="Обмен Erasmus+")
    return ApplicationFactory(
        call=call, student=student, first_name="Aziza", last_name="Karimova", status=Status.SUBMITTED
    )


def link_in(message):
    (line,) = [line for line in message.body.splitlines() if "/my/applications/" in line]
    return line


def test_a_button_pressed_in_the_admin_by_an_internal_host_name_links_to_the_public_address(
    client, staff, application, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:mobility_application_transition", args=[application.pk]),
            {"to_status": Status.UNDER_REVIEW},
            HTTP_HOST="localhost",
        )

    (message,) = mail.outbox
    assert link_in(message) == f"{SITE}/my/applications/"


def test_a_bulk_action_links_to_the_public_address(client, staff, application, django_capture_on_commit_callbacks):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:mobility_application_changelist"),
            {"action": "start_review", "_selected_action": [application.pk]},
            HTTP_HOST="localhost",
        )

    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    (message,) = mail.outbox
    assert link_in(message) == f"{SITE}/my/applications/"


def test_a_student_withdrawing_through_another_host_name_gets_the_public_link(
    client, student, application, django_capture_on_commit_callbacks
):
    client.force_login(student)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("mobility:application-withdraw", args=[application.pk]), HTTP_HOST="127.0.0.1")

    (message,) = mail.outbox
    assert link_in(message) == f"{SITE}/my/applications/"


def test_a_change_made_outside_any_request_links_to_the_public_address(
    staff, application, django_capture_on_commit_callbacks
):
    # What a management command or a cron job does: there is no request to take a host from.
    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)

    (message,) = mail.outbox
    assert link_in(message) == f"{SITE}/my/applications/"
    assert "localhost" not in message.body and "127.0.0.1" not in message.body


def test_the_email_is_written_in_the_language_the_student_applied_in(
    settings, staff, application, django_capture_on_commit_callbacks
):
    Application.objects.filter(pk=application.pk).update(language="ru")
    home = HomeInstitution.load()
    home.department_name_ru = "Отдел международного сотрудничества"
    home.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)

    (message,) = mail.outbox
    assert message.to == [application.student.email]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == "Ваша заявка на конкурс «Обмен Erasmus+»: На рассмотрении"
    assert message.body.startswith("Здравствуйте, Aziza Karimova!")
    assert "Ваши заявки, их история и ваши документы:" in message.body
    assert link_in(message) == f"{SITE}/ru/my/applications/"
    assert message.body.endswith("Отдел международного сотрудничества\n")


def test_the_subject_is_one_line_and_the_body_ends_with_one_line_break(
    staff, application, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)

    (message,) = mail.outbox
    assert message.subject == "Your application to Erasmus+ exchange: Under review"
    assert message.body.endswith("\n") and not message.body.endswith("\n\n")


def test_a_student_without_an_address_is_not_written_to_and_the_change_stands(
    staff, application, django_capture_on_commit_callbacks
):
    application.student.email = ""
    application.student.save()

    with django_capture_on_commit_callbacks(execute=True):
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)

    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    assert mail.outbox == []


def test_a_mail_server_that_is_down_is_logged_and_the_decision_stands(
    client, staff, application, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDown"
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:mobility_application_transition", args=[application.pk]),
            {"to_status": Status.UNDER_REVIEW},
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    assert application.events.last().to_status == Status.UNDER_REVIEW
    assert "Connection unexpectedly closed" in caplog.text
