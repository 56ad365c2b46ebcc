"""What staff do day to day in the other admins: calls, applications, visits, projects, users, the department."""

import datetime

import pytest

from intl_office.dates import today
from intl_office.models import HomeInstitution, User
from mobility.models import Application, ApplicationEvent, ApplicationReview, Mobility, Visit, VisitMember, VisitPhoto
from partners.models import Institution
from programs.models import Call, Project, ProjectMember
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import (
    AgreementFactory,
    ApplicationDocumentFactory,
    ApplicationFactory,
    CallFactory,
    ContactFactory,
    HostPreferenceFactory,
    InstitutionFactory,
    MobilityFactory,
    ProjectFactory,
    VisitFactory,
    VisitMemberFactory,
    VisitPhotoFactory,
)

DAY = datetime.timedelta(days=1)


# The department


def test_home_institution_has_no_add_or_delete(staff_client):
    home = HomeInstitution.load()

    change_page = staff_client.get(admin_url(HomeInstitution, "change", home.pk))
    index = staff_client.get("/admin/")

    assert staff_client.get(admin_url(HomeInstitution, "delete", home.pk)).status_code == 403
    assert admin_url(HomeInstitution, "delete", home.pk) not in change_page.content.decode()
    assert admin_url(HomeInstitution, "add") not in index.content.decode()
    assert HomeInstitution.objects.count() == 1


def test_home_institution_saves_the_department_in_three_languages(staff_client):
    home = HomeInstitution.load()
    url = admin_url(HomeInstitution, "change", home.pk)
    data = form_data(staff_client.get(url), HomeInstitution)
    data.update(name_en="Namangan State University", name_uz="Namangan davlat universiteti", phone="+998 69 227 01 44")

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    home.refresh_from_db()
    assert (home.name_en, home.name_uz, home.phone) == (
        "Namangan State University",
        "Namangan davlat universiteti",
        "+998 69 227 01 44",
    )


def test_admin_header_names_the_office(staff_client):
    response = staff_client.get("/admin/")

    assert "International Office" in response.content.decode()


def test_user_admin_sets_a_coordinators_faculty(staff_client, coordinator, faculty):
    url = admin_url(User, "change", coordinator.pk)
    data = form_data(staff_client.get(url), User)
    assert data["faculty"] == str(faculty.pk)
    data["faculty"] = ""

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    coordinator.refresh_from_db()
    assert coordinator.faculty is None


def test_user_admin_creates_a_coordinator_with_faculty(staff_client, faculty):
    data = form_data(staff_client.get(admin_url(User, "add")), User)
    data.update(
        username="dilnoza",
        usable_password="true",
        password1="a long passphrase 2024",
        password2="a long passphrase 2024",
        faculty=str(faculty.pk),
    )

    response = staff_client.post(admin_url(User, "add"), data)

    assert response.status_code == 302, form_errors(response)
    assert User.objects.get(username="dilnoza").faculty == faculty


# Partners


def test_institution_page_lists_contacts_and_agreements_with_status(staff_client):
    partner = InstitutionFactory()
    ContactFactory(institution=partner, full_name="Aiko Tanaka")
    agreement = AgreementFactory(partner=partner, title="Student exchange 2024")

    response = staff_client.get(admin_url(Institution, "change", partner.pk))

    html = response.content.decode()
    assert 'value="Aiko Tanaka"' in html
    assert "Student exchange 2024" in html
    assert '<span class="io-badge io-badge--success">Active</span>' in html
    assert f"/admin/partners/agreement/{agreement.pk}/change/" in html


def test_institution_changelist_marks_partners_with_an_agreement_in_force(staff_client):
    with_agreement = AgreementFactory().partner
    without = InstitutionFactory()

    response = staff_client.get(admin_url(Institution, "changelist"))

    in_force = {
        institution.pk: institution.has_agreement_in_force for institution in response.context["cl"].result_list
    }
    assert in_force[with_agreement.pk] is True
    assert in_force[without.pk] is False


# Programmes and calls


@pytest.fixture
def calls(db):
    now = today()
    return {
        "deadline_today": CallFactory(title="deadline_today", opens_on=now - 30 * DAY, deadline=now),
        "opens_today": CallFactory(title="opens_today", opens_on=now, deadline=now + 30 * DAY),
        "opens_tomorrow": CallFactory(title="opens_tomorrow", opens_on=now + DAY, deadline=now + 30 * DAY),
        "closed_yesterday": CallFactory(title="closed_yesterday", opens_on=now - 30 * DAY, deadline=now - DAY),
        "unpublished": CallFactory(title="unpublished", is_published=False),
    }


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("open", {"deadline_today", "opens_today"}),
        ("upcoming", {"opens_tomorrow"}),
        ("closed", {"closed_yesterday"}),
        ("unpublished", {"unpublished"}),
    ],
)
def test_call_state_filter_matches_what_visitors_see(staff_client, calls, state, expected):
    response = staff_client.get(admin_url(Call, "changelist"), {"state": state})

    assert {call.title for call in response.context["cl"].result_list} == expected
    if state == "open":
        assert all(call.is_open for call in response.context["cl"].result_list)


def test_call_changelist_shows_state_badges_and_links_to_applications(staff_client, calls):
    ApplicationFactory.create_batch(2, call=calls["opens_today"])

    response = staff_client.get(admin_url(Call, "changelist"))

    html = response.content.decode()
    for label in ("Open", "Upcoming", "Closed", "Not published"):
        assert f">{label}</span>" in html
    assert f'<a href="/admin/mobility/application/?call__id__exact={calls["opens_today"].pk}">2</a>' in html


def test_project_consortium_member_is_added_inline(staff_client):
    project = ProjectFactory()
    partner = InstitutionFactory()
    url = admin_url(Project, "change", project.pk)
    data = form_data(staff_client.get(url), Project)
    data.update({"memberships-0-institution": str(partner.pk), "memberships-0-role": Project.Role.COORDINATOR})

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert ProjectMember.objects.get(project=project).institution == partner


def test_project_consortium_uses_institution_autocomplete(staff_client):
    project = ProjectFactory()

    response = staff_client.get(admin_url(Project, "change", project.pk))

    html = response.content.decode()
    assert 'data-model-name="projectmember" data-field-name="institution"' in html


# Applications


def test_application_documents_are_listed_without_a_link_to_the_file(staff_client):
    document = ApplicationDocumentFactory(original_name="transcript-2024.pdf")
    HostPreferenceFactory(application=document.application, institution__name="Seoul National University")

    response = staff_client.get(admin_url(Application, "change", document.application.pk))

    html = response.content.decode()
    assert "transcript-2024.pdf" in html
    assert str(document.document_type) in html
    assert document.file.name not in html
    assert "Seoul National University" in html
    assert 'name="documents-0-original_name"' not in html


def test_application_shows_its_reviews_and_status_history_read_only(staff_client, staff):
    application = ApplicationFactory(status=Application.Status.UNDER_REVIEW)
    # Another reviewer's: the staff member's own review is theirs to edit (tests/mobility/test_admin_review.py).
    colleague = User.objects.create(username="colleague", is_staff=True)
    ApplicationReview.objects.create(application=application, reviewer=colleague, score=8, comment="Strong motivation")
    ApplicationEvent.objects.create(
        application=application,
        from_status=Application.Status.SUBMITTED,
        to_status=Application.Status.UNDER_REVIEW,
        actor=staff,
        note="Documents complete",
    )

    html = staff_client.get(admin_url(Application, "change", application.pk)).content.decode()

    assert "Strong motivation" in html
    assert "Documents complete" in html
    assert 'name="reviews-0-score"' not in html
    assert 'name="events-0-note"' not in html


def test_application_with_a_private_photo_links_to_the_checked_view_not_the_file(staff_client):
    application = ApplicationFactory(photo="photos/portrait.jpg")

    response = staff_client.get(admin_url(Application, "change", application.pk))

    assert response.status_code == 200
    assert "portrait.jpg" in response.content.decode()
    assert "photos/portrait.jpg" not in response.content.decode()
    assert f"/staff/applications/{application.pk}/photo/" in response.content.decode()


def test_the_application_form_cannot_change_the_status(staff_client):
    """The status moves only through the workflow buttons (tests/mobility/test_admin_review.py)."""
    application = ApplicationFactory(status=Application.Status.SUBMITTED)
    url = admin_url(Application, "change", application.pk)
    data = form_data(staff_client.get(url), Application)
    assert "status" not in data
    data["status"] = Application.Status.ACCEPTED

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status__exact": "accepted"}, {"accepted"}),
        ({"status__exact": "submitted"}, {"submitted"}),
    ],
)
def test_application_filters_by_status(staff_client, params, expected):
    ApplicationFactory(status=Application.Status.ACCEPTED)
    ApplicationFactory(status=Application.Status.SUBMITTED)

    response = staff_client.get(admin_url(Application, "changelist"), params)

    assert {application.status for application in response.context["cl"].result_list} == expected


def test_application_filters_by_call_and_faculty(staff_client, faculty):
    wanted = ApplicationFactory(faculty=faculty)
    ApplicationFactory()

    by_call = staff_client.get(admin_url(Application, "changelist"), {"call__id__exact": wanted.call_id})
    by_faculty = staff_client.get(admin_url(Application, "changelist"), {"faculty__id__exact": faculty.pk})

    assert list(by_call.context["cl"].result_list) == [wanted]
    assert list(by_faculty.context["cl"].result_list) == [wanted]


def test_mobility_changelist_shows_status_badges(staff_client):
    MobilityFactory(status=Mobility.Status.CONFIRMED)
    MobilityFactory(status=Mobility.Status.CANCELLED)

    html = staff_client.get(admin_url(Mobility, "changelist")).content.decode()

    assert '<span class="io-badge io-badge--success">Confirmed</span>' in html
    assert '<span class="io-badge io-badge--danger">Cancelled</span>' in html


# Visits


def test_visit_page_shows_members_photos_and_signed_agreements(staff_client):
    visit = VisitFactory()
    VisitMemberFactory(visit=visit, full_name="Prof. Kim Min-jun", side=VisitMember.Side.GUEST, is_head=True)
    VisitPhotoFactory(visit=visit, caption="Signing ceremony")
    agreement = AgreementFactory(partner=visit.partner, title="MoU signed during the visit")
    visit.agreements_signed.add(agreement)

    html = staff_client.get(admin_url(Visit, "change", visit.pk)).content.decode()

    assert 'value="Prof. Kim Min-jun"' in html
    assert 'value="Signing ceremony"' in html
    assert 'class="io-thumb"' in html
    assert "MoU signed during the visit" in html
    assert 'data-model-name="visit" data-field-name="agreements_signed"' in html


def test_visit_members_are_added_inline_in_each_language(staff_client):
    visit = VisitFactory()
    url = admin_url(Visit, "change", visit.pk)
    data = form_data(staff_client.get(url), Visit)
    data.update(
        {
            "members-0-side": VisitMember.Side.HOST,
            "members-0-full_name_en": "Rector",
            "members-0-full_name_ru": "Ректор",
            "members-0-position_en": "Rector of the university",
            "members-0-is_head": "on",
        }
    )

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    member = VisitMember.objects.get(visit=visit)
    assert (member.side, member.full_name_en, member.full_name_ru, member.is_head) == ("host", "Rector", "Ректор", True)


def test_visit_photo_caption_is_edited_inline(staff_client):
    photo = VisitPhotoFactory(caption="Before")
    url = admin_url(Visit, "change", photo.visit.pk)
    data = form_data(staff_client.get(url), Visit)
    data["photos-0-caption_en"] = "Meeting with the rector"

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    assert VisitPhoto.objects.get(pk=photo.pk).caption_en == "Meeting with the rector"
