"""The head of the applicant's department endorses or declines, once, through the portal; nobody else can."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mobility import services
from mobility.models import Application, ApplicationEvent, StaffApplication
from tests.jobs import clear_mail, run_jobs
from tests.mobility.staff_calls import Status, department, employee, head_of_department, staff_call, submitted

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

LIST_URL = reverse("mobility:my-endorsements")


def decide_url(application):
    return reverse("mobility:endorsement-detail", kwargs={"pk": application.pk})


@pytest.fixture
def head():
    return head_of_department()


@pytest.fixture
def application(head):
    return submitted(staff_call(), employee(), department(head=head))


def test_submission_asks_the_head_by_email_with_a_link(head):
    dept = department(head=head)
    clear_mail()
    application = submitted(staff_call(), employee(), dept)
    run_jobs()
    to_head = [message for message in mail.outbox if message.to == [head.email]]
    assert len(to_head) == 1
    assert "Дилшод Раҳимов asks for your endorsement" in to_head[0].subject
    assert decide_url(application) in to_head[0].body


def test_the_head_sees_what_waits_and_endorses(client, head, application):
    client.force_login(head)
    page = client.get(LIST_URL).content.decode()
    assert "Дилшод Раҳимов" in page and decide_url(application) in page
    assert list(Application.objects.awaiting_endorsement_by(head)) == [application]
    clear_mail()
    response = client.post(decide_url(application), {"decision": "endorse", "comment": "A strong teacher."})
    assert response.status_code == 302
    part = StaffApplication.objects.get()
    assert part.endorsement == StaffApplication.Endorsement.ENDORSED
    assert (part.endorsed_by, part.endorsement_comment) == (head, "A strong teacher.")
    event = ApplicationEvent.objects.get(kind=ApplicationEvent.Kind.ENDORSED)
    assert event.actor == head
    assert not Application.objects.awaiting_endorsement_by(head).exists()
    run_jobs()
    assert [message.to for message in mail.outbox] == [[application.student.email]]
    # Once endorsed, the office may start the review.
    application.refresh_from_db()
    services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=head)


def test_the_office_cannot_review_before_the_head_endorses(staff, application):
    with pytest.raises(services.ApplicationError) as refused:
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
    assert refused.value.code == "not_endorsed"


def test_a_decline_needs_a_reason_and_ends_the_application_with_the_reason_mailed(client, head, application):
    client.force_login(head)
    response = client.post(decide_url(application), {"decision": "decline", "comment": "  "})
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    assert Application.objects.get().status == Status.SUBMITTED

    application.student.applications.update(language="ru")
    clear_mail()
    client.post(decide_url(application), {"decision": "decline", "comment": "Нужен на кафедре в этом семестре."})
    application.refresh_from_db()
    assert application.status == Status.REJECTED
    assert application.decided_at is not None
    event = application.events.get(to_status=Status.REJECTED)
    assert (event.actor, event.note) == (head, "Нужен на кафедре в этом семестре.")
    run_jobs()
    (message,) = mail.outbox
    assert message.to == [application.student.email]
    assert "Нужен на кафедре в этом семестре." in message.body
    assert "ITEC" in message.subject


def test_a_comment_with_control_characters_is_refused_next_to_the_field(client, head, application):
    client.force_login(head)
    response = client.post(decide_url(application), {"decision": "endorse", "comment": "Fine\x1b[2J"})
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    assert StaffApplication.objects.get().endorsement == StaffApplication.Endorsement.PENDING


def test_the_head_decides_only_once(client, head, application):
    services.endorsement_decide(application=application, actor=head, endorse=True)
    with pytest.raises(services.ApplicationError):
        services.endorsement_decide(application=application, actor=head, endorse=False, comment="Changed my mind")
    client.force_login(head)
    assert client.get(decide_url(application)).status_code == 200  # what they decided, read-only
    client.post(decide_url(application), {"decision": "decline", "comment": "Changed my mind"})
    assert StaffApplication.objects.get().endorsement == StaffApplication.Endorsement.ENDORSED


def test_anyone_but_the_head_gets_404(client, head, application, staff, outsider):
    other_head = head_of_department("other-head")
    department(head=other_head, name="Department of Physics")
    for user in (application.student, other_head, outsider, staff):
        client.force_login(user)
        assert client.get(decide_url(application)).status_code == 404
        assert client.post(decide_url(application), {"decision": "endorse"}).status_code == 404
        assert "Дилшод" not in client.get(LIST_URL).content.decode()
        with pytest.raises(services.ApplicationError):
            services.endorsement_decide(application=application, actor=user, endorse=True)
    assert StaffApplication.objects.get().endorsement == StaffApplication.Endorsement.PENDING


def test_visitors_are_sent_to_sign_in(client, application):
    for url in (LIST_URL, decide_url(application)):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url


def test_unknown_or_huge_ids_are_404(client, head):
    client.force_login(head)
    for pk in ("999999", "99999999999999999999999"):
        assert client.get(f"/my/endorsements/{pk}/").status_code == 404


def test_the_head_reads_the_documents_nobody_else_does(client, head, application, outsider):
    document = application.documents.get()
    url = reverse("mobility:endorsement-document", kwargs={"pk": application.pk, "doc_pk": document.pk})
    client.force_login(head)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_without_a_head_the_office_records_the_endorsement_with_a_note(staff):
    application = submitted(staff_call(), employee(), department(head=None))
    with pytest.raises(services.ApplicationError):
        services.endorsement_record_by_office(application=application, actor=staff, note="")
    services.endorsement_record_by_office(application=application, actor=staff, note="Memo No. 12 of the dean.")
    part = StaffApplication.objects.get()
    assert part.is_endorsed and part.endorsed_by_office
    assert application.events.get(kind=ApplicationEvent.Kind.ENDORSED).note == "Memo No. 12 of the dean."


def test_the_office_cannot_stand_in_for_a_head_who_exists(staff, application):
    with pytest.raises(services.ApplicationError) as refused:
        services.endorsement_record_by_office(application=application, actor=staff, note="Quicker this way.")
    assert refused.value.code == "has_head"


@pytest.mark.parametrize("count", [2, 12])
def test_the_list_takes_a_fixed_number_of_queries(client, head, count):
    dept, call = department(head=head), staff_call()
    for number in range(count):
        submitted(call, employee(f"professor{number}"), dept)
    client.force_login(head)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST_URL)
    assert response.content.decode().count("Дилшод Раҳимов") == count
    # Session and user, the waiting applications with their call, person and department, the decided ones.
    assert len(queries) <= 6, [query["sql"] for query in queries]
