"""The office's side of staff calls in the admin: the staff box, the endorsement without a head, the rector's list."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from intl_office.dates import today
from mobility import services
from mobility.models import Application, RecommendationList, StaffApplication
from tests.mobility.staff_calls import (
    Status,
    department,
    employee,
    head_of_department,
    past_deadline,
    staff_call,
    submitted,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def change_url(application):
    return reverse("admin:mobility_application_change", args=[application.pk])


def test_the_application_page_shows_the_staff_part_and_who_endorses(staff_client):
    head = head_of_department()
    application = submitted(staff_call(), employee(), department(head=head))
    page = staff_client.get(change_url(application)).content.decode()
    assert "Work and endorsement" in page
    assert "Associate professor" in page
    assert "Waiting for the head of department: Nodira Yusupova" in page or "head" in page
    assert "record-endorsement" not in page
    assert 'name="gpa"' not in page and 'name="date_of_birth"' not in page  # a student's fields only


def test_without_a_head_the_office_records_the_endorsement_with_a_note(staff_client):
    application = submitted(staff_call(), employee(), department(head=None))
    page = staff_client.get(change_url(application)).content.decode()
    assert "The department has no head" in page
    url = reverse("admin:mobility_application_record_endorsement", args=[application.pk])
    assert url in page
    response = staff_client.post(url, {"reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    assert StaffApplication.objects.get().is_pending
    response = staff_client.post(url, {"reason": "Memo of the dean, No. 7."})
    assert response.status_code == 302
    assert StaffApplication.objects.get().endorsed_by_office


def test_a_coordinator_cannot_record_an_endorsement_or_make_a_list(coordinator_client, coordinator):
    dept = department(head=None)
    coordinator.faculty = dept.faculty
    coordinator.save()
    application = submitted(staff_call(), employee(), dept)
    url = reverse("admin:mobility_application_record_endorsement", args=[application.pk])
    assert coordinator_client.post(url, {"reason": "Me"}).status_code == 403
    assert coordinator_client.get(reverse("admin:mobility_recommendationlist_make")).status_code == 403
    assert StaffApplication.objects.get().is_pending


@pytest.fixture
def shortlisted(staff):
    call = staff_call()
    head = head_of_department()
    application = submitted(call, employee(), department(head=head))
    services.endorsement_decide(application=application, actor=head, endorse=True)
    past_deadline(call)
    application.refresh_from_db()
    for status in (Status.UNDER_REVIEW, Status.SHORTLISTED):
        services.application_transition(application=application, to_status=status, actor=staff)
    return call, application


def test_the_office_makes_the_list_downloads_it_and_records_the_order(staff_client, shortlisted):
    call, application = shortlisted
    changelist = staff_client.get(reverse("admin:mobility_recommendationlist_changelist")).content.decode()
    make = reverse("admin:mobility_recommendationlist_make")
    assert make in changelist
    response = staff_client.post(make, {"call": call.pk})
    made = RecommendationList.objects.get()
    assert response.status_code == 302
    page = staff_client.get(reverse("admin:mobility_recommendationlist_change", args=[made.pk])).content.decode()
    for language in ("en", "uz", "ru"):
        url = reverse("admin:mobility_recommendationlist_pdf", args=[made.pk, language])
        assert url in page
        response = staff_client.get(url)
        assert response["Content-Type"] == "application/pdf"
        text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        assert "Дилшод" in text
    assert staff_client.get(reverse("admin:mobility_recommendationlist_pdf", args=[made.pk, "de"])).status_code == 403

    decide = reverse("admin:mobility_recommendationlist_decide", args=[made.pk])
    response = staff_client.post(decide, {"order_number": "", "order_date": "not a date"})
    assert response.status_code == 200
    assert {"order_number", "order_date"} <= set(response.context["form"].errors)
    response = staff_client.post(
        decide, {"order_number": "12-K", "order_date": today().isoformat(), "approved": [application.pk]}
    )
    assert response.status_code == 302
    assert Application.objects.get().status == Status.ACCEPTED
    assert RecommendationList.objects.get().order_number == "12-K"
    assert staff_client.get(decide).status_code == 403  # recorded once


def test_unknown_lists_and_huge_ids_are_404(staff_client):
    for pk in ("999999",):
        assert staff_client.get(f"/admin/mobility/recommendationlist/{pk}/pdf/en/").status_code == 404
        assert staff_client.get(f"/admin/mobility/recommendationlist/{pk}/decide/").status_code == 404
