"""Every registered model: its admin pages open for staff, stay closed to others, and save as rendered."""

import re

import pytest
from django.urls import reverse

from intl_office.models import HomeInstitution
from tests.admin_helpers import (
    READ_ONLY_MODELS,
    admin_url,
    form_data,
    form_errors,
    make_row,
    make_rows,
    model_id,
    registered_models,
)

MODELS = registered_models()
ROW_MODELS = [model for model in MODELS if model is not HomeInstitution]


# The campus network has no internet: a script or stylesheet from another host never loads.
EXTERNAL_ASSET = re.compile(r'<(script|link)\b[^>]*\b(src|href)="(https?:)?//', re.IGNORECASE)


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_staff_opens_changelist(staff_client, model):
    make_row(model)

    response = staff_client.get(admin_url(model, "changelist"), follow=True)

    assert response.status_code == 200
    if model is HomeInstitution:
        # The one row opens straight away instead of a list of one.
        assert response.redirect_chain == [(admin_url(model, "change", HomeInstitution.SINGLETON_ID), 302)]
    else:
        assert response.redirect_chain == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_staff_opens_add_page(staff_client, model):
    response = staff_client.get(admin_url(model, "add"), follow=True)

    if model._meta.label in READ_ONLY_MODELS:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    assert not EXTERNAL_ASSET.search(response.content.decode())
    if model is HomeInstitution:
        assert response.redirect_chain == [(admin_url(model, "change", HomeInstitution.SINGLETON_ID), 302)]
    else:
        assert response.redirect_chain == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_staff_opens_change_page(staff_client, model):
    row = make_row(model)

    response = staff_client.get(admin_url(model, "change", row.pk))

    assert response.status_code == 200
    assert not EXTERNAL_ASSET.search(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_change_page_saves_as_rendered(staff_client, model):
    """Submitting a change form untouched must save: no field the admin renders trips its own validation."""
    row = make_row(model)
    url = admin_url(model, "change", row.pk)

    if model._meta.label in READ_ONLY_MODELS:
        assert staff_client.post(url, {}).status_code == 403
        return
    response = staff_client.post(url, form_data(staff_client.get(url), model))

    assert response.status_code == 302, form_errors(response)


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["changelist", "add", "change"])
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_anonymous_is_sent_to_admin_login(client, model, view):
    row = make_row(model)
    url = admin_url(model, view, row.pk) if view == "change" else admin_url(model, view)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=")


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_user_without_staff_status_is_sent_to_admin_login(client, student, model):
    client.force_login(student)

    response = client.get(admin_url(model, "changelist"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=")


# Every changelist makes 6 queries: session, user, the filtered count, the full count, the page of
# rows, and the home institution for the header. On top come one per filter whose choices are rows,
# one per country filter (the countries in use) and two for a date hierarchy (its range, its steps).
CHANGELIST_QUERIES = {
    "account.EmailAddress": 6,
    "auditlog.LogEntry": 6 + 1 + 2,  # content types in the log; date hierarchy
    "mfa.Authenticator": 6,
    "auth.Group": 6,
    "intl_office.Department": 6 + 1,  # faculties in use
    "intl_office.Faculty": 6,
    "intl_office.FileImport": 6,  # their confirming users and jobs joined to the rows
    "intl_office.Job": 6 + 3,  # the e-mails, imports and report files of the page's jobs
    "intl_office.LetterTemplate": 6,
    "intl_office.Page": 6,
    "intl_office.Ranking": 6 + 2,  # years and ranking names in use
    "intl_office.StaffMember": 6,
    "intl_office.User": 6 + 3,  # departments, groups, faculties
    "mobility.Application": 6 + 3 + 1 + 2,  # calls, faculties, hosts; the page's host preferences; date hierarchy
    "mobility.ChecklistTemplateItem": 6 + 1,  # programmes
    "mobility.Expert": 6 + 1 + 1 + 2,  # host faculties; partner countries; date hierarchy
    "mobility.LearningAgreement": 6 + 1 + 1,  # faculties; versions (with versions, 2 more: their rows, approvals)
    "mobility.Mobility": 6 + 2 + 2 + 1,
    "mobility.Nomination": 6
    + 1
    + 1,  # faculties; the page's rounds  # programmes, faculties; date hierarchy; partner countries
    "mobility.RecommendationList": 6,  # the candidates counted with the rows; calls and their makers joined
    "mobility.TripChain": 6,
    "mobility.TripRequest": 6 + 1 + 2,  # countries; date hierarchy
    "mobility.Visit": 6 + 2 + 1,  # date hierarchy; partner countries
    "partners.Agreement": 6 + 2 + 1,  # date hierarchy; partner countries
    "partners.Contact": 6 + 1,  # countries of the contacts' institutions
    "partners.CooperationArea": 6,
    "partners.Institution": 6 + 1 + 1,  # cooperation areas; countries
    "programs.Call": 6 + 1 + 2,  # programmes; date hierarchy
    "programs.DocumentType": 6,
    "programs.GrantProgram": 6,
    "programs.JointProgramme": 6,
    "programs.Project": 6 + 1 + 2,  # programmes; date hierarchy
}


@pytest.mark.django_db
@pytest.mark.parametrize("model", ROW_MODELS, ids=model_id)
@pytest.mark.usefixtures("home_institution")
def test_changelist_queries_do_not_grow_with_rows(staff_client, model, django_assert_num_queries):
    assert model._meta.label in CHANGELIST_QUERIES, "name the queries of its changelist in CHANGELIST_QUERIES"
    url = admin_url(model, "changelist")
    make_rows(model, 2)
    with django_assert_num_queries(CHANGELIST_QUERIES[model._meta.label]):
        assert staff_client.get(url).status_code == 200

    make_rows(model, 10)
    with django_assert_num_queries(CHANGELIST_QUERIES[model._meta.label]):
        assert staff_client.get(url).status_code == 200
