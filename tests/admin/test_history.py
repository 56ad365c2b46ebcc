"""A record's history from the audit log (intl_office.admin_helpers.RecordHistory), on its page and on its own page.

Every admin that shows the history answers a missing record's audit log page as it answers a missing
record's change page: back to the index with a message, never a server error. Changes read in the
office's words, choices by their labels.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from intl_office.admin_helpers import RecordHistory
from intl_office.models import Department, LetterTemplate
from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import Application, Expert, Mobility
from partners.models import Agreement, Institution
from programs.models import Call
from tests.admin_helpers import admin_url, form_data, form_errors, model_id
from tests.factories import ApplicationFactory, FacultyFactory, InstitutionFactory, MobilityFactory, UserFactory

pytestmark = pytest.mark.django_db

HISTORY_MODELS = sorted(
    (model for model, model_admin in admin.site._registry.items() if isinstance(model_admin, RecordHistory)),
    key=lambda model: model._meta.label,
)
MISSING = "999999"


def test_the_records_with_a_history_are_those_the_office_expects():
    assert set(HISTORY_MODELS) == {
        Agreement,
        Application,
        Call,
        Department,
        Expert,
        Institution,
        LetterTemplate,
        Mobility,
    }


@pytest.mark.parametrize("model", HISTORY_MODELS, ids=model_id)
@pytest.mark.parametrize("object_id", [MISSING, "not-a-number"])
def test_the_audit_log_of_a_missing_record_redirects_with_a_message(staff_client, model, object_id):
    response = staff_client.get(admin_url(model, "auditlog", object_id), follow=True)

    assert response.redirect_chain == [(reverse("admin:index"), 302)]
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [f"{model._meta.verbose_name} with ID “{object_id}” doesn’t exist. Perhaps it was deleted?"]


def test_another_facultys_application_has_no_audit_log_for_a_coordinator():
    chemistry = FacultyFactory(name="Faculty of Chemical Technology", slug="chemical-technology")
    physics = FacultyFactory(name="Faculty of Physics", slug="physics")
    coordinator = UserFactory(username="chem-coordinator", is_staff=True, faculty=chemistry)
    coordinator.groups.add(Group.objects.get(name=FACULTY_COORDINATOR))
    own = ApplicationFactory(status=Application.Status.SUBMITTED, faculty=chemistry)
    other = ApplicationFactory(status=Application.Status.SUBMITTED, faculty=physics, last_name="Otherfaculty")
    client = Client()
    client.force_login(coordinator)

    hidden = client.get(admin_url(Application, "auditlog", other.pk), follow=True)
    missing = client.get(admin_url(Application, "auditlog", MISSING), follow=True)
    shown = client.get(admin_url(Application, "auditlog", own.pk))

    # The same answer as for a record that does not exist: nothing tells the two apart.
    assert hidden.redirect_chain == missing.redirect_chain == [(reverse("admin:index"), 302)]
    assert "doesn’t exist" in hidden.content.decode()
    assert "Otherfaculty" not in hidden.content.decode()
    assert shown.status_code == 200


# --- choices read by their labels ----------------------------------------------------------------


def test_a_status_change_reads_by_its_labels_on_the_record_and_its_audit_log(staff_client):
    mobility = MobilityFactory(status=Mobility.Status.PLANNED)
    url = admin_url(Mobility, "change", mobility.pk)
    data = form_data(staff_client.get(url), Mobility)
    data["status"] = Mobility.Status.CONFIRMED

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    page = staff_client.get(url).content.decode()
    audit_page = staff_client.get(admin_url(Mobility, "auditlog", mobility.pk)).content.decode()
    for html in (page, audit_page):
        assert "Status: Planned → Confirmed" in html
        assert "planned → confirmed" not in html


def test_the_audit_log_page_lists_each_change_once_without_bookkeeping_columns(staff_client):
    partner = InstitutionFactory(name="Ajou University", country="KR", city="", kind=Institution.Kind.UNIVERSITY)
    partner.kind = Institution.Kind.RESEARCH_CENTRE
    partner.city = "Suwon"
    partner.save()

    html = staff_client.get(admin_url(Institution, "auditlog", partner.pk)).content.decode()

    assert "Kind: University → Research centre" in html
    assert "City [en]: — → Suwon" in html
    assert "<li>City:" not in html  # the untranslated copy of the English column is not listed twice
    assert "Updated at" not in html
    assert "partners.Agreement.None" not in html  # the other side of a relation is no change of this record
