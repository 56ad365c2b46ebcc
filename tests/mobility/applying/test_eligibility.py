"""Calls say who may apply (students or staff, levels and years of study), and the student form refuses the others."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mobility import services
from mobility.models import Application
from programs.models import Call
from tests.factories import ApplicationFactory, CallFactory
from tests.mobility.applying.helpers import Status, create_url, detail_url, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


@pytest.fixture
def masters_call(call):
    """The shared call, narrowed to master students in their first or second year."""
    Call.objects.filter(pk=call.pk).update(for_bachelor=False, for_doctorate=False, max_year_of_study=2)
    call.refresh_from_db()
    return call


# --- the call says it --------------------------------------------------------------------------------


def test_the_call_page_and_card_say_who_may_apply(client, masters_call):
    page = client.get(masters_call.get_absolute_url()).content.decode()
    assert "Students: Master · years of study up to 2" in page
    card = client.get(reverse("programs:call-list")).content.decode()
    assert "Students: Master · years of study up to 2" in card


def test_a_staff_call_says_so_and_offers_a_student_no_online_form(client, student):
    staff_call = CallFactory(title="KOICA staff nominations", audience=Call.Audience.STAFF)
    client.force_login(student)
    page = client.get(staff_call.get_absolute_url()).content.decode()
    assert "Academic and administrative staff" in page
    assert "This call is for the university&#x27;s staff, not for students." in page
    assert create_url(staff_call) not in page


def test_the_call_page_tells_a_signed_in_student_why_they_cannot_apply(client, student, masters_call):
    ApplicationFactory(student=student, level="bachelor", year_of_study=3)
    client.force_login(student)
    page = client.get(masters_call.get_absolute_url()).content.decode()
    assert "By your last application, you cannot apply to this call:" in page
    assert "This call is not open to your level of study; it is open to: Master." in page
    assert "it asks for years of study up to 2." in page
    # Levels change: the way to the form stays open, and the form decides.
    assert create_url(masters_call) in page


def test_an_eligible_or_unknown_student_sees_no_refusal(client, student, outsider, masters_call):
    ApplicationFactory(student=student, level="master", year_of_study=1)
    for user in (student, outsider):
        client.force_login(user)
        page = client.get(masters_call.get_absolute_url()).content.decode()
        assert "you cannot apply" not in page
        assert create_url(masters_call) in page


# --- the form refuses --------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["save", "submit"])
def test_the_form_refuses_a_level_the_call_is_not_open_to(
    client, student, masters_call, transcript, hosts, faculty_choice, action
):
    client.force_login(student)
    data = form_data(
        masters_call, transcript, hosts, faculty_choice, action=action, level="bachelor", year_of_study="1"
    )
    response = client.post(create_url(masters_call), data)
    assert response.status_code == 200
    assert response.context["form"].errors["level"] == [
        "This call is not open to your level of study; it is open to: Master."
    ]
    assert not Application.objects.exists()


def test_the_form_refuses_a_year_outside_the_calls_range(
    client, student, masters_call, transcript, hosts, faculty_choice
):
    client.force_login(student)
    data = form_data(
        masters_call, transcript, hosts, faculty_choice, action="submit", level="master", year_of_study="3"
    )
    response = client.post(create_url(masters_call), data)
    assert response.context["form"].errors["year_of_study"] == [
        "This call is not open to your year of study; it asks for years of study up to 2."
    ]
    assert "application-error-summary" in response.content.decode()
    assert not Application.objects.exists()


def test_an_eligible_student_submits(client, student, masters_call, transcript, hosts, faculty_choice):
    client.force_login(student)
    data = form_data(
        masters_call, transcript, hosts, faculty_choice, action="submit", level="master", year_of_study="2"
    )
    response = client.post(create_url(masters_call), data)
    assert response.status_code == 302
    assert Application.objects.get().status == Status.SUBMITTED


def test_a_student_cannot_open_the_form_of_a_staff_call(client, student):
    staff_call = CallFactory(audience=Call.Audience.STAFF)
    client.force_login(student)
    response = client.get(create_url(staff_call), follow=True)
    assert response.redirect_chain[-1][0] == staff_call.get_absolute_url()
    assert "This call is for the university&#x27;s staff, not for students." in response.content.decode()
    response = client.post(create_url(staff_call), {"action": "save", "first_name": "Aziza"})
    assert response.status_code == 302
    assert not Application.objects.exists()


# --- the services refuse too ---------------------------------------------------------------------------


def test_the_services_refuse_a_staff_call_and_an_ineligible_draft(student, draft, call):
    with pytest.raises(services.ApplicationError) as refused:
        services.application_start(call=CallFactory(audience=Call.Audience.STAFF), student=student)
    assert refused.value.code == "not_eligible"

    Call.objects.filter(pk=call.pk).update(min_year_of_study=4)
    draft.call.refresh_from_db()
    with pytest.raises(services.ApplicationError) as refused:
        services.application_save_draft(application=draft, actor=student, fields={"first_name": "Aziza"})
    assert refused.value.code == "not_eligible"
    # A draft that became ineligible (the office narrowed the call) cannot be submitted either.
    with pytest.raises(services.ApplicationError) as refused:
        services.application_submit(application=draft, actor=student)
    assert "it asks for years of study from 4." in " ".join(refused.value.messages)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_the_draft_page_shows_why_it_cannot_be_submitted(client, student, draft, call):
    Call.objects.filter(pk=call.pk).update(for_bachelor=False)
    client.force_login(student)
    page = client.get(detail_url(draft)).content.decode()
    assert "This call is not open to your level of study; it is open to: Master, Doctorate." in page


# --- the rules on the call ---------------------------------------------------------------------------


def test_a_call_for_students_is_open_to_some_level_and_years_in_order():
    call = CallFactory.build(for_bachelor=False, for_master=False, for_doctorate=False)
    with pytest.raises(ValidationError, match="at least one level of study"):
        call.full_clean(exclude=["program", "slug"])
    call = CallFactory.build(min_year_of_study=3, max_year_of_study=2)
    with pytest.raises(ValidationError, match="cannot be before the first"):
        call.full_clean(exclude=["program", "slug"])
    call = CallFactory.build(max_year_of_study=9)
    with pytest.raises(ValidationError, match="between 1 and 7"):
        call.full_clean(exclude=["program", "slug"])
    staff_call = CallFactory.build(audience=Call.Audience.STAFF, for_bachelor=False, for_master=False)
    staff_call.for_doctorate = False
    staff_call.full_clean(exclude=["program", "slug"])


def test_the_office_edits_who_may_apply_in_the_admin(staff_client, call):
    page = staff_client.get(reverse("admin:programs_call_change", args=[call.pk])).content.decode()
    for name in ("audience", "for_bachelor", "for_master", "for_doctorate", "min_year_of_study", "max_year_of_study"):
        assert f'name="{name}"' in page
