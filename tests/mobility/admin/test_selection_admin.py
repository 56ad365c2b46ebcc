"""Fair selection in the admin: read-only submitted data, corrections, reopen, archive, no delete, early close."""

import pytest
from django.urls import reverse

from intl_office.dates import today
from mobility import services
from mobility.models import Application, ApplicationEvent, ApplicationReview
from programs.models import Call
from tests.admin_helpers import admin_url, form_data, form_fields
from tests.applications import open_call
from tests.factories import InstitutionFactory
from tests.mobility.admin.helpers import Status, application_at, press, shown

pytestmark = pytest.mark.django_db


def submitted_at(call, status, **kwargs):
    kwargs = {"first_name": "Aziza", "last_name": "Karimova", **kwargs}
    application = application_at(call, status, **kwargs)
    Application.objects.filter(pk=application.pk).update(
        submitted_at=application.created_at, reference=f"T-{application.pk}"
    )
    application.refresh_from_db()
    return application


def test_a_submitted_applications_data_and_hosts_are_read_only(staff_client, call, hosts):
    application = submitted_at(call, Status.UNDER_REVIEW)
    page = staff_client.get(admin_url(Application, "change", application.pk))
    data = form_data(page, Application)
    assert "first_name" not in data and "gpa" not in data
    assert not any(name.startswith("preferences-0-institution") for name in data)
    # A hand-made POST naming the fields changes nothing.
    data.update(
        {"first_name": "Changed", "gpa": "1.00", "preferences-0-institution": str(InstitutionFactory().pk), "_save": ""}
    )
    staff_client.post(admin_url(Application, "change", application.pk), data)
    application.refresh_from_db()
    assert (application.first_name, application.gpa) == ("Aziza", None)
    assert [p.institution for p in application.preferences.order_by("rank")] == list(call.hosts.order_by("name"))


def test_a_correction_keeps_old_and_new_values_and_the_reason(staff_client, staff, call, hosts):
    application = submitted_at(call, Status.SUBMITTED)
    url = admin_url(Application, "correct", application.pk)
    page = staff_client.get(url)
    assert page.status_code == 200
    data = form_fields(page.content.decode(), action_ends_with="")
    data.update({"last_name": "Karimova-Saidova", "host_1": str(hosts[1].pk), "host_2": ""})
    data["reason"] = "The student wrote to correct her name and first choice."
    response = staff_client.post(url, data, follow=True)

    assert "The correction is saved in the history." in shown(response)
    application.refresh_from_db()
    assert application.last_name == "Karimova-Saidova"
    assert [p.institution for p in application.preferences.order_by("rank")] == [hosts[1]]
    event = application.events.get(kind=ApplicationEvent.Kind.CORRECTION)
    assert event.changes["last_name"] == ["Karimova", "Karimova-Saidova"]
    assert event.changes["hosts"] == [f"{hosts[0]}, {hosts[1]}", str(hosts[1])]
    assert (event.actor, event.note) == (staff, "The student wrote to correct her name and first choice.")
    page = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()
    assert "Karimova → Karimova-Saidova" in page


def test_a_correction_without_reason_or_with_a_bad_value_changes_nothing(staff_client, call, hosts):
    application = submitted_at(call, Status.SUBMITTED)
    url = admin_url(Application, "correct", application.pk)
    data = {"first_name": "X", "last_name": "Y", "gpa": "9", "host_1": hosts[0].pk}
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = staff_client.post(url, {**data, "reason": "Typo"})
    assert response.status_code == 200
    assert response.context["form"].errors["gpa"] == ["Ensure this value is less than or equal to 5."]
    application.refresh_from_db()
    assert application.first_name == "Aziza"
    assert not application.events.filter(kind=ApplicationEvent.Kind.CORRECTION).exists()


def test_submitted_and_decided_applications_cannot_be_deleted(staff_client, call):
    kept = [submitted_at(call, Status.SUBMITTED), submitted_at(call, Status.REJECTED)]
    draft = application_at(call, Status.DRAFT)
    for application in kept:
        assert staff_client.get(admin_url(Application, "delete", application.pk)).status_code == 403
        assert staff_client.post(admin_url(Application, "delete", application.pk), {"post": "yes"}).status_code == 403
    response = staff_client.post(
        admin_url(Application, "changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in [*kept, draft]], "post": "yes"},
        follow=True,
    )
    assert response.status_code == 200
    assert set(Application.objects.values_list("pk", flat=True)) == {a.pk for a in kept}


def test_archived_applications_leave_the_list_until_the_filter_asks(staff_client, staff, call):
    archived = submitted_at(call, Status.REJECTED, student__username="archived-one")
    shown_one = submitted_at(call, Status.REJECTED, student__username="kept-one")
    response = staff_client.post(
        admin_url(Application, "archive", archived.pk), {"reason": "Entered twice by mistake."}, follow=True
    )
    assert "The application is archived." in shown(response)
    listed = staff_client.get(admin_url(Application, "changelist")).context["cl"].result_list
    assert list(listed) == [shown_one]
    listed = staff_client.get(admin_url(Application, "changelist") + "?archived=yes").context["cl"].result_list
    assert list(listed) == [archived]


def test_only_office_staff_reopen_a_decision(office_client, coordinator_client, coordinator, call):
    application = submitted_at(call, Status.ACCEPTED, faculty=coordinator.faculty)
    url = admin_url(Application, "reopen", application.pk)
    assert coordinator_client.get(url).status_code == 403
    assert coordinator_client.post(url, {"reason": "Mistake"}).status_code == 403
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED

    response = office_client.post(url, {"reason": "The scores of two students were swapped."}, follow=True)
    assert "The decision is reopened; the student is told by e-mail." in shown(response)
    application.refresh_from_db()
    assert application.status == Status.SHORTLISTED


def test_a_decision_before_the_deadline_is_refused_with_a_message(staff_client, call):
    open_call(call)
    application = submitted_at(call, Status.SHORTLISTED)
    response = press(staff_client, application, Status.ACCEPTED)
    assert response.status_code == 200
    assert any("No decision before the call's deadline" in message for message in shown(response))
    application.refresh_from_db()
    assert application.status == Status.SHORTLISTED


def test_one_calls_list_comes_in_ranked_order(staff_client, staff, call):
    scores = {"middle": 6, "best": 9, "unreviewed": None, "low": 3}
    applications = {}
    for name, score in scores.items():
        applications[name] = submitted_at(call, Status.SHORTLISTED, last_name=name)
        if score is not None:
            ApplicationReview.objects.create(application=applications[name], reviewer=staff, score=score)
    response = staff_client.get(admin_url(Application, "changelist") + f"?call__id__exact={call.pk}")
    assert [a.last_name for a in response.context["cl"].result_list] == ["best", "middle", "low", "unreviewed"]


def test_office_staff_close_a_call_early_and_publish_its_results(office_client, office_user, call):
    open_call(call)
    application = submitted_at(call, Status.SHORTLISTED)
    page = office_client.get(admin_url(Call, "change", call.pk)).content.decode()
    assert admin_url(Call, "close_early", call.pk) in page
    response = office_client.post(admin_url(Call, "close_early", call.pk), {"reason": ""})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    office_client.post(admin_url(Call, "close_early", call.pk), {"reason": "All places promised."})
    call.refresh_from_db()
    assert (call.closed_early_reason, call.closed_early_by) == ("All places promised.", office_user)

    response = office_client.post(admin_url(Call, "publish_results", call.pk), {}, follow=True)
    assert "every submitted application of the call is decided" in response.content.decode()
    services.application_transition(application=application, to_status=Status.REJECTED, actor=office_user)
    office_client.post(admin_url(Call, "publish_results", call.pk), {})
    call.refresh_from_db()
    assert call.results_published_at is not None
    assert office_client.get(reverse("programs:call-results", kwargs={"slug": call.slug})).status_code == 200


def test_a_coordinator_cannot_close_a_call(coordinator_client, call):
    open_call(call)
    assert coordinator_client.post(admin_url(Call, "close_early", call.pk), {"reason": "x"}).status_code == 403
    call.refresh_from_db()
    assert call.closed_early_at is None and call.deadline > today()
