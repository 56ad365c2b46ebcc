"""The office's roles (groups made by intl_office/migrations/0003_roles.py) and what each may do in the admin.

Office staff edit everything but the audit log; a faculty coordinator reads everything and reviews the
applications of their own faculty only; a viewer reads. Each is a staff user in one group, never a superuser.
"""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from intl_office.models import FileImport, HomeInstitution, Job
from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF, ROLES, VIEWER, is_faculty_coordinator
from mobility.models import Application, ApplicationReview, Mobility
from tests.admin_helpers import admin_url, form_data, form_errors, make_row, model_id, registered_models
from tests.applications import past_deadline
from tests.factories import (
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("intl_office", "partners", "programs", "mobility")
# Background jobs are no record of the office: Office staff read them and run one again, nobody else
# (tests/intl_office/test_jobs_admin.py).
JOB_RIGHTS = {"intl_office.view_job", "intl_office.rerun_job"}
PROJECT_MODELS = [
    model for model in registered_models() if model._meta.app_label in PROJECT_APPS and model not in (Job, FileImport)
]
# One row, made at first sight and never added or deleted: its admin refuses both to everybody.
ROW_MODELS = [model for model in PROJECT_MODELS if model is not HomeInstitution]
Status = Application.Status


def member_of(group_name, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def transition(client, application, to_status):
    return client.post(
        reverse("admin:mobility_application_transition", args=[application.pk]), {"to_status": to_status}
    )


# --- the groups the migration made ---------------------------------------------------------------


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def project_permissions(*actions):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.filter(content_type__app_label__in=PROJECT_APPS)
        # Jobs have rights of their own; imports written by a job are read by whoever confirmed them.
        .exclude(content_type__model__in=["job", "fileimport"])
        .select_related("content_type")
        if p.codename.split("_", 1)[0] in actions
    }


def test_the_migration_made_the_three_roles_of_roles_py():
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)


def test_office_staff_may_do_everything_to_the_records_and_only_read_the_audit_log():
    assert codenames(OFFICE_STAFF) == project_permissions("add", "change", "delete", "view") | {
        "auditlog.view_logentry",
        "mobility.reopen_application",
        "mobility.send_nomination",
        *JOB_RIGHTS,
    }


def test_a_coordinator_reads_everything_and_reviews_applications():
    assert codenames(FACULTY_COORDINATOR) == project_permissions("view") | {
        "mobility.change_application",
        "mobility.add_applicationreview",
        "mobility.change_applicationreview",
    }


def test_a_viewer_reads_everything_and_the_audit_log():
    assert codenames(VIEWER) == project_permissions("view") | {"auditlog.view_logentry"}


def test_only_the_coordinator_group_narrows_a_user_down(coordinator, faculty):
    superuser = UserFactory(is_staff=True, is_superuser=True, faculty=faculty)
    superuser.groups.add(Group.objects.get(name=FACULTY_COORDINATOR))

    assert is_faculty_coordinator(coordinator)
    assert not is_faculty_coordinator(superuser)
    assert not is_faculty_coordinator(member_of(OFFICE_STAFF, faculty=faculty))


# --- viewer --------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=model_id)
def test_a_viewer_opens_every_list_and_record_read_only(viewer_client, model):
    row = make_row(model)

    changelist = viewer_client.get(admin_url(model, "changelist"), follow=True)
    change = viewer_client.get(admin_url(model, "change", row.pk))

    assert changelist.status_code == 200
    assert change.status_code == 200
    assert 'name="_save"' not in change.content.decode()


@pytest.mark.parametrize("model", PROJECT_MODELS, ids=model_id)
def test_a_viewer_cannot_add_change_or_delete(viewer_client, model):
    row = make_row(model)

    # The department's one row: its add page leads to the row, which the viewer may read.
    add = viewer_client.get(admin_url(model, "add"))
    assert add.status_code == (302 if model is HomeInstitution else 403)
    assert viewer_client.post(admin_url(model, "change", row.pk), {}).status_code == 403
    assert viewer_client.get(admin_url(model, "delete", row.pk)).status_code == 403
    assert viewer_client.post(admin_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=row.pk).exists()


def test_a_viewer_cannot_move_an_application(viewer_client, own):
    assert transition(viewer_client, own, Status.UNDER_REVIEW).status_code == 403

    response = viewer_client.post(
        admin_url(Application, "changelist"), {"action": "start_review", "_selected_action": [own.pk]}
    )

    own.refresh_from_db()
    assert own.status == Status.SUBMITTED
    assert response.status_code in (200, 302)
    assert "start_review" not in viewer_client.get(admin_url(Application, "changelist")).content.decode()


def test_a_viewer_sees_no_workflow_buttons_and_no_review_form(viewer_client, own):
    html = viewer_client.get(admin_url(Application, "change", own.pk)).content.decode()

    assert 'name="to_status"' not in html
    assert "reviews-2-0-score" not in html


def test_a_viewer_reads_the_audit_log_but_cannot_change_it(viewer_client):
    entry = make_row(LogEntry)

    assert viewer_client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
    assert viewer_client.post(reverse("admin:auditlog_logentry_change", args=[entry.pk]), {}).status_code == 403
    assert (
        viewer_client.post(reverse("admin:auditlog_logentry_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )


# --- faculty coordinator -------------------------------------------------------------------------


def test_a_coordinator_lists_only_their_faculty(coordinator_client, own, other):
    response = coordinator_client.get(admin_url(Application, "changelist"))

    assert list(response.context["cl"].result_list) == [own]
    assert "Other Faculty" not in response.content.decode()


def test_filters_offer_a_coordinator_nothing_from_other_faculties(coordinator_client, own, other):
    html = coordinator_client.get(admin_url(Application, "changelist")).content.decode()

    assert f"?faculty__id__exact={other.faculty_id}" not in html
    assert f"?host={other.preferences.get().institution_id}" not in html
    assert f"?host={own.preferences.get().institution_id}" in html


@pytest.mark.parametrize("view", ["change", "history", "auditlog"])
def test_another_facultys_application_is_missing_for_a_coordinator(coordinator_client, other, view):
    url = (
        reverse("admin:mobility_application_auditlog", args=[other.pk])
        if view == "auditlog"
        else admin_url(Application, view, other.pk)
    )

    response = coordinator_client.get(url, follow=True)

    # The admin's answer for a missing record: back to the index with a message, nothing of the record shown.
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "doesn’t exist" in response.content.decode()
    assert "Other Faculty" not in response.content.decode()


def test_a_coordinator_cannot_move_or_download_from_another_faculty(coordinator_client, other):
    document = other.documents.get()

    moved = transition(coordinator_client, other, Status.UNDER_REVIEW)
    action = coordinator_client.post(
        admin_url(Application, "changelist"), {"action": "start_review", "_selected_action": [other.pk]}
    )
    download = coordinator_client.get(
        reverse("mobility:staff-application-document", kwargs={"pk": other.pk, "doc_pk": document.pk})
    )
    photo = coordinator_client.get(reverse("mobility:staff-application-photo", kwargs={"pk": other.pk}))

    assert moved.status_code == 302 and moved["Location"] == reverse("admin:index")
    assert action.status_code in (200, 302)
    assert download.status_code == 404
    assert photo.status_code == 404
    other.refresh_from_db()
    assert other.status == Status.SUBMITTED
    assert not other.events.exists()


def test_a_coordinator_moves_their_facultys_applications_along_the_workflow(coordinator_client, coordinator, own):
    assert transition(coordinator_client, own, Status.UNDER_REVIEW).status_code == 302
    coordinator_client.post(admin_url(Application, "changelist"), {"action": "shortlist", "_selected_action": [own.pk]})

    own.refresh_from_db()
    assert own.status == Status.SHORTLISTED
    assert list(own.events.values_list("actor", flat=True)) == [coordinator.pk, coordinator.pk]


def test_a_bulk_action_over_two_faculties_moves_only_the_coordinators_own(coordinator_client, own, other):
    coordinator_client.post(
        admin_url(Application, "changelist"), {"action": "start_review", "_selected_action": [own.pk, other.pk]}
    )

    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.status, other.status) == (Status.UNDER_REVIEW, Status.SUBMITTED)


def test_a_coordinator_adds_a_review_to_their_facultys_application(coordinator_client, coordinator, own):
    url = admin_url(Application, "change", own.pk)
    data = form_data(coordinator_client.get(url), Application)
    data.update({"reviews-2-0-score": "7", "reviews-2-0-comment": "Good plan"})

    response = coordinator_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    review = ApplicationReview.objects.get(application=own)
    assert (review.reviewer, review.score, review.comment) == (coordinator, 7, "Good plan")


def test_a_coordinator_cannot_hand_an_application_to_another_faculty(coordinator_client, own, physics):
    url = admin_url(Application, "change", own.pk)
    data = form_data(coordinator_client.get(url), Application)
    data["faculty"] = str(physics.pk)
    # Submitted: the faculty is read-only on the page, and the posted value is ignored.
    coordinator_client.post(url, data)

    response = coordinator_client.post(
        admin_url(Application, "correct", own.pk), {"faculty": str(physics.pk), "reason": "Moved faculty"}
    )

    assert response.status_code == 200
    assert "faculty" in response.context["form"].errors
    own.refresh_from_db()
    assert own.faculty.slug == "chemical-engineering"


def test_a_coordinators_export_holds_only_their_faculty(coordinator_client, own, other):
    url = admin_url(Application, "export")
    form = coordinator_client.get(url).context["form"]
    fields = {name: "on" for name in form.fields if name.startswith("applicationresource_")}

    response = coordinator_client.post(url, {**fields, "format": "0", "resource": "0"})

    content = response.content.decode("utf-8-sig")
    assert "Own Faculty" in content
    assert "Other Faculty" not in content


def test_a_coordinator_finds_only_their_facultys_applications_in_autocomplete(coordinator_client, own, other):
    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "mobility", "model_name": "mobility", "field_name": "application", "term": "Faculty"},
    )

    assert [result["id"] for result in response.json()["results"]] == [str(own.pk)]


def test_a_coordinator_cannot_add_or_delete_applications(coordinator_client, own):
    assert coordinator_client.get(admin_url(Application, "add")).status_code == 403
    assert coordinator_client.post(admin_url(Application, "delete", own.pk), {"post": "yes"}).status_code == 403
    assert Application.objects.filter(pk=own.pk).exists()


def test_a_coordinator_has_no_audit_log_list(coordinator_client):
    # The list of every change would show other faculties' applications.
    assert coordinator_client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 403


# --- office staff --------------------------------------------------------------------------------


def test_office_staff_move_any_facultys_application_and_accept_it(office_client, own, other):
    for application in (own, other):
        past_deadline(application.call)
    for application in (own, other):
        for status in (Status.UNDER_REVIEW, Status.SHORTLISTED, Status.ACCEPTED):
            assert transition(office_client, application, status).status_code == 302

    assert set(Application.objects.values_list("status", flat=True)) == {Status.ACCEPTED}
    assert Mobility.objects.count() == 2


def test_office_staff_cannot_tamper_with_the_audit_log(office_client):
    entry = make_row(LogEntry)

    assert office_client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
    assert office_client.get(reverse("admin:auditlog_logentry_add")).status_code == 403
    assert office_client.post(reverse("admin:auditlog_logentry_change", args=[entry.pk]), {}).status_code == 403
    assert (
        office_client.post(reverse("admin:auditlog_logentry_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert LogEntry.objects.filter(pk=entry.pk).exists()
