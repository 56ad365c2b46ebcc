"""The student's status e-mail: its link starts with SITE_URL whoever moved the application and from
which address, it is written in the student's language, and a mail server that is down neither undoes
the decision it announces nor loses the e-mail: it leaves once, when the server is back."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus

from intl_office.models import HomeInstitution, Job
from mobility import services
from mobility.models import Application
from tests.factories import ApplicationFactory, CallFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

Status = Application.Status
SITE = "https://intl.example.org"


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


def test_a_button_pressed_in_the_admin_by_an_internal_host_name_links_to_the_public_address(client, staff, application):
    client.force_login(staff)
    client.post(
        reverse("admin:mobility_application_transition", args=[application.pk]),
        {"to_status": Status.UNDER_REVIEW},
        HTTP_HOST="localhost",
    )
    run_jobs()

    (message,) = mail.outbox
    assert link_in(message) == f"{SITE}/my/applications/"


def test_a_bulk_action_links_to_the_public_address(client, staff, application):
    client.force_login(staff)
    client.post(
        reverse("admin:mobility_application_changelist"),
        {"action": "start_review", "_selected_action": [application.pk]},
        HTTP_HOST="localhost",
    )
    run_jobs()

    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    (message,) = mail.outbox
    assert link_in(message) == f"{SITE}/my/applications/"


def test_a_student_withdrawing_through_another_host_name_gets_the_public_link(client, student, application):
    client.force_login(student)
    client.post(reverse("mobility:application-withdraw", args=[application.pk]), HTTP_HOST="127.0.0.1")
    run_jobs()

    (message,) = mail.outbox
    assert link_in(message) == f"{SITE}/my/applications/"


def test_a_change_made_outside_any_request_links_to_the_public_address(staff, application):
    # What a management command or a cron job does: there is no request to take a host from.
    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    run_jobs()

    (message,) = mail.outbox
    assert link_in(message) == f"{SITE}/my/applications/"
    assert "localhost" not in message.body and "127.0.0.1" not in message.body


def test_the_email_is_written_in_the_language_the_student_applied_in(settings, staff, application):
    Application.objects.filter(pk=application.pk).update(language="ru")
    home = HomeInstitution.load()
    home.department_name_ru = "Отдел международного сотрудничества"
    home.save()

    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    run_jobs()

    (message,) = mail.outbox
    assert message.to == [application.student.email]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == "Ваша заявка на конкурс «Обмен Erasmus+»: На рассмотрении"
    assert message.body.startswith("Здравствуйте, Aziza Karimova!")
    assert "Ваши заявки, их история и ваши документы:" in message.body
    assert link_in(message) == f"{SITE}/ru/my/applications/"
    assert message.body.endswith("Отдел международного сотрудничества\n")


def test_the_subject_is_one_line_and_the_body_ends_with_one_line_break(staff, application):
    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    run_jobs()

    (message,) = mail.outbox
    assert message.subject == "Your application to Erasmus+ exchange: Under review"
    assert message.body.endswith("\n") and not message.body.endswith("\n\n")


def test_a_student_without_an_address_is_not_written_to_and_the_change_stands(staff, application):
    application.student.email = ""
    application.student.save()

    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    run_jobs()

    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    assert mail.outbox == []


def test_a_decision_made_while_the_mail_server_is_down_is_mailed_once_it_is_back(
    client, staff, application, smtp_server
):
    smtp_server.stop()
    client.force_login(staff)

    response = client.post(
        reverse("admin:mobility_application_transition", args=[application.pk]),
        {"to_status": Status.UNDER_REVIEW},
    )
    run_jobs()  # the worker's first try meets a closed port

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.UNDER_REVIEW
    job = Job.objects.get()
    assert (job.status, len(job.worker_ids)) == (TaskResultStatus.READY, 1)
    assert "ConnectionRefusedError" in job.traceback
    assert job.run_after > timezone.now()  # waits a minute before the next try

    smtp_server.start()
    assert run_jobs() == 0  # not due yet
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        assert run_jobs() == 1
        assert run_jobs() == 0

    (message,) = smtp_server.messages
    assert message["To"] == application.student.email
    assert message["Subject"] == "Your application to Erasmus+ exchange: Under review"
    job.refresh_from_db()
    assert (job.status, len(job.worker_ids)) == (TaskResultStatus.SUCCESSFUL, 2)
