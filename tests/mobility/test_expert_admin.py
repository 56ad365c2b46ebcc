"""The experts' admin: the office records them (through the service), coordinators read their faculty's, viewers
read; the invitation letter for a visa in English and Russian, following the office's own template."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from intl_office.models import LetterTemplate
from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import Expert, ExpertEvent, Mobility
from mobility.services import expert_save
from tests.admin_helpers import form_data, form_errors
from tests.factories import FacultyFactory, InstitutionFactory
from tests.mobility.experts import make_expert
from tests.users import member_of, signed_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]
ADD = reverse("admin:mobility_expert_add")


def change_url(expert):
    return reverse("admin:mobility_expert_change", args=[expert.pk])


def letter_url(expert, language):
    return reverse("admin:mobility_expert_letter", args=[expert.pk, language])


def text_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def filled_add_form(client, **values):
    data = form_data(client.get(ADD), Expert)
    partner = InstitutionFactory(name="Tomsk Polytechnic University", country="RU")
    host = FacultyFactory(name="Faculty of Energy Engineering", slug="energy-engineering")
    values = {
        **{
            "full_name_en": "Ivan Petrov",
            "full_name_ru": "Иван Петров",
            "nationality": "RU",
            "partner": str(partner.pk),
            "activity": Mobility.Activity.TEACHING,
            "subject_en": "Power systems",
            "host_faculty": str(host.pk),
            "start_date": "2026-03-01",
            "end_date": "2026-05-31",
            "funding": Expert.Funding.HOST,
            "status": Expert.Status.PLANNED,
        },
        **values,
    }
    data.update(values)
    return data


def test_the_office_records_an_expert_and_their_stay_becomes_one_mobility(office_client, office_user):
    response = office_client.post(ADD, filled_add_form(office_client))
    assert response.status_code == 302, form_errors(response)

    expert = Expert.objects.get()
    assert expert.full_name_ru == "Иван Петров"
    assert Mobility.objects.get() == expert.mobility
    assert expert.events.get().actor == office_user

    response = office_client.post(change_url(expert), {**form_data(office_client.get(change_url(expert)), Expert)})
    assert response.status_code == 302, form_errors(response)
    assert Mobility.objects.count() == 1


def test_a_departure_before_the_arrival_is_refused_next_to_the_field(office_client):
    response = office_client.post(ADD, filled_add_form(office_client, end_date="2026-02-01"))
    assert response.status_code == 200
    assert "The departure cannot come before the arrival." in response.content.decode()
    assert not Expert.objects.exists() and not Mobility.objects.exists()


def test_a_coordinator_reads_only_the_experts_their_faculty_hosts(faculty):
    coordinator = member_of(FACULTY_COORDINATOR, username="coordinator", faculty=faculty)
    client = signed_in(coordinator)
    own = make_expert(full_name="Own Guest", host_faculty=faculty)
    other = make_expert(full_name="Other Guest", host_faculty=FacultyFactory(slug="elsewhere"))

    listing = client.get(reverse("admin:mobility_expert_changelist")).content.decode()
    assert "Own Guest" in listing and "Other Guest" not in listing
    assert client.get(change_url(own)).status_code == 200
    assert client.get(change_url(other)).status_code == 302  # the admin's "does not exist" redirect

    assert client.post(change_url(own), {"full_name_en": "Renamed"}).status_code == 403
    own.refresh_from_db()
    assert own.full_name == "Own Guest"
    assert client.get(letter_url(own, "en")).status_code == 403


def test_a_viewer_reads_but_changes_nothing(viewer_client):
    expert = make_expert()
    page = viewer_client.get(change_url(expert))
    assert page.status_code == 200 and "Jan Kowalski" in page.content.decode()
    assert "Invitation letter" not in page.content.decode()
    assert viewer_client.post(change_url(expert), {"full_name_en": "Renamed"}).status_code == 403
    assert viewer_client.get(ADD).status_code == 403
    assert viewer_client.get(letter_url(expert, "ru")).status_code == 403
    expert.refresh_from_db()
    assert expert.full_name == "Jan Kowalski"


def test_the_invitation_letter_prints_in_english_and_in_russian_with_cyrillic_names(office_client, home_institution):
    expert = make_expert(
        full_name_en="Ivan Petrov",
        full_name_ru="Иван Петров",
        nationality="RU",
        passport_number="75 1234567",
        subject_en="Power systems",
        subject_ru="Электроэнергетические системы",
    )
    page = office_client.get(change_url(expert)).content.decode()
    assert letter_url(expert, "en") in page and letter_url(expert, "ru") in page

    english = text_of(office_client.get(letter_url(expert, "en")))
    assert "Ivan Petrov" in english and "75 1234567" in english and "Power systems" in english
    assert "Jizzakh Polytechnic Institute" in english and "4 Islam Karimov street" in english
    russian = text_of(office_client.get(letter_url(expert, "ru")))
    assert "Иван Петров" in russian and "Электроэнергетические системы" in russian
    assert "Приглашение" in russian and "марта 2026" in russian


def test_the_letter_follows_the_template_the_office_edited(office_client):
    expert = make_expert(full_name_ru="Ян Ковальский")
    LetterTemplate.objects.create(
        kind=LetterTemplate.Kind.VISA_INVITATION,
        language="ru",
        title="Официальное приглашение",
        body="<p>Уважаемые коллеги! Просим выдать визу: {{ expert_name }}, {{ nationality }}.</p>",
    )
    russian = text_of(office_client.get(letter_url(expert, "ru")))
    assert "Официальное приглашение" in russian
    assert "Уважаемые коллеги! Просим выдать визу: Ян Ковальский" in russian
    assert "Приглашение\n" not in russian  # the default's title is gone


@pytest.mark.parametrize("language", ["uz", "de", "%00"])
def test_a_letter_in_another_language_is_missing(office_client, language):
    expert = make_expert()
    url = change_url(expert).replace("/change/", f"/letter/{language}/")
    assert office_client.get(url).status_code in (400, 404)  # a NUL byte is refused before any view


@pytest.mark.parametrize("object_id", ["99999999999999999999", "١٢", "abc"])
def test_a_letter_for_no_such_expert_is_missing(office_client, object_id):
    url = reverse("admin:mobility_expert_letter", args=["1", "en"]).replace("/1/", f"/{object_id}/")
    assert office_client.get(url).status_code == 404


def test_anonymous_is_sent_to_the_login_for_a_letter(client):
    expert = make_expert()
    response = client.get(letter_url(expert, "en"))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_the_history_shows_on_the_experts_page(office_client, office_user):
    expert = make_expert(actor=office_user)
    expert.is_public = True
    expert_save(expert=expert, actor=office_user)
    page = office_client.get(change_url(expert)).content.decode()
    assert str(ExpertEvent.Action.PUBLISHED.label) in page


def test_the_experts_mobility_is_edited_through_the_expert_only(office_client):
    expert = make_expert()
    url = reverse("admin:mobility_mobility_change", args=[expert.mobility_id])
    data = form_data(office_client.get(url), Mobility)
    assert "participant_name" not in data and "start_date" not in data  # shown, not editable
    response = office_client.post(url, {**data, "participant_name": "Someone Else", "notes": "Met at the airport."})
    assert response.status_code == 302, form_errors(response)
    mobility = Mobility.objects.get()
    assert (mobility.participant_name, mobility.notes) == ("Jan Kowalski", "Met at the airport.")


def test_markup_in_a_name_prints_as_text_in_the_letter(office_client):
    expert = make_expert(full_name="<b>Ivan</b> & Co", passport_number="<i>AB</i>")
    english = text_of(office_client.get(letter_url(expert, "en")))
    assert "<b>Ivan</b> & Co" in english and "<i>AB</i>" in english
