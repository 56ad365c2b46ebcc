"""The traveller's /my/trips/ and the holder's /my/approvals/: who sees what, forms that refuse bad input."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intl_office.dates import today
from mobility.models import Application, StaffApplication, TripRequest, TripStep
from mobility.services import trip_decide
from tests.factories import ApplicationFactory, CallFactory, DepartmentFactory, UserFactory
from tests.files import pdf_bytes, pdf_with_javascript
from tests.mobility.trips import approve_all, chain, draft, people, seoul, steps_of, submitted

pytestmark = pytest.mark.django_db
Status = TripRequest.Status


@pytest.fixture
def p():
    crew = people()
    chain(crew)
    return crew


def form_data(**values):
    start = today() + datetime.timedelta(days=40)
    return {
        "institution": seoul().pk,
        "city": "Seoul",
        "start_date": start.isoformat(),
        "end_date": (start + datetime.timedelta(days=4)).isoformat(),
        "purpose": "teaching",
        "funding": "university",
        "description": "Two weeks of lectures.",
        "action": "save",
        **values,
    }


# --- who may see what ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["mobility:my-trips", "mobility:trip-create", "mobility:my-approvals"])
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_student_may_not_request_a_trip(client, p):
    client.force_login(UserFactory(username="a-student"))
    assert client.get(reverse("mobility:trip-create")).status_code == 403
    assert client.post(reverse("mobility:trip-create"), form_data()).status_code == 403
    assert not TripRequest.objects.exists()
    assert "New trip request" not in client.get(reverse("mobility:my-trips")).content.decode()


def test_the_traveller_sees_only_their_own_trips(client, p):
    trip = submitted(p)
    for user in (p.head, UserFactory(username="someone")):
        client.force_login(user)
        for name in ("mobility:trip-detail", "mobility:trip-invitation"):
            assert client.get(reverse(name, kwargs={"pk": trip.pk})).status_code == 404
        assert "Seoul" not in client.get(reverse("mobility:my-trips")).content.decode()
    client.force_login(p.traveller)
    page = client.get(reverse("mobility:trip-detail", kwargs={"pk": trip.pk})).content.decode()
    assert "Seoul National University" in page and "Head of department" in page
    assert client.get(reverse("mobility:trip-invitation", kwargs={"pk": trip.pk})).status_code == 200


def test_a_person_who_holds_no_step_gets_404_on_a_decision_page(client, p):
    trip = submitted(p)
    head = steps_of(trip)[0]
    for user in (p.dean, p.traveller, p.vice_rector, UserFactory(username="someone")):
        client.force_login(user)
        url = reverse("mobility:trip-decision", kwargs={"pk": head.pk})
        assert client.get(url).status_code == 404
        assert client.post(url, {"decision": "approve"}).status_code == 404
        assert client.get(reverse("mobility:trip-decision-invitation", kwargs={"pk": head.pk})).status_code == 404
    assert TripStep.objects.get(pk=head.pk).decision == ""


@pytest.mark.parametrize("pk", ["99999999999999999999", "0"])
def test_odd_ids_answer_404(client, p, pk):
    client.force_login(p.traveller)
    assert client.get(f"/my/trips/{pk}/").status_code == 404
    assert client.get(f"/my/approvals/{pk}/").status_code == 404


# --- the traveller's form ------------------------------------------------------------------


def test_the_traveller_saves_a_draft_then_submits_it(client, p):
    client.force_login(p.traveller)
    invitation = SimpleUploadedFile("letter.pdf", pdf_bytes("Invitation"), content_type="application/pdf")
    response = client.post(reverse("mobility:trip-create"), {**form_data(), "invitation_upload": invitation})
    trip = TripRequest.objects.get()
    assert response["Location"] == reverse("mobility:trip-detail", kwargs={"pk": trip.pk})
    assert (trip.status, trip.institution, trip.country.code) == (Status.DRAFT, seoul(), "KR")
    client.post(reverse("mobility:trip-detail", kwargs={"pk": trip.pk}), form_data(action="submit"))
    trip.refresh_from_db()
    assert trip.status == Status.SUBMITTED
    assert trip.steps.count() == 4


def test_a_host_not_in_the_directory_needs_its_name_and_country(client, p):
    client.force_login(p.traveller)
    response = client.post(reverse("mobility:trip-create"), form_data(institution=""))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "institution_name" in errors and "country" in errors
    client.post(reverse("mobility:trip-create"), form_data(institution="", institution_name="KPI", country="UA"))
    trip = TripRequest.objects.get()
    assert (trip.institution, trip.institution_name, trip.country.code) == (None, "KPI", "UA")


@pytest.mark.parametrize(
    "values, field",
    [
        ({"end_date": "2020-01-01"}, "end_date"),
        ({"start_date": "٢٠٢٦-٠١-٠١"}, "start_date"),
        ({"city": "Seo\x00ul"}, "city"),
        ({"funding": "grant"}, "program"),
        ({"purpose": "holiday"}, "purpose"),
        ({"institution": "99999999999999999999"}, "institution"),
    ],
)
def test_invalid_input_is_flagged_at_its_field_and_changes_nothing(client, p, values, field):
    client.force_login(p.traveller)
    response = client.post(reverse("mobility:trip-create"), form_data(**values))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not TripRequest.objects.exists()


def test_an_invitation_that_is_no_clean_pdf_is_refused(client, p):
    client.force_login(p.traveller)
    for name, content in (("letter.pdf", b"not a pdf"), ("letter.pdf", pdf_with_javascript())):
        upload = SimpleUploadedFile(name, content, content_type="application/pdf")
        response = client.post(reverse("mobility:trip-create"), {**form_data(), "invitation_upload": upload})
        assert "invitation_upload" in response.context["form"].errors
    assert not TripRequest.objects.exists()


def test_a_submitted_request_can_no_longer_be_edited(client, p):
    trip = submitted(p)
    client.force_login(p.traveller)
    client.post(reverse("mobility:trip-detail", kwargs={"pk": trip.pk}), form_data(city="Busan"))
    client.post(reverse("mobility:trip-delete", kwargs={"pk": trip.pk}))
    trip.refresh_from_db()
    assert (trip.city, trip.status) == ("Seoul", Status.SUBMITTED)


# --- the holders ---------------------------------------------------------------------------


def test_the_holder_sees_what_waits_for_them_and_decides(client, p):
    trip = submitted(p)
    client.force_login(p.dean)
    assert "Дилшод Рахимов" not in client.get(reverse("mobility:my-approvals")).content.decode()
    client.force_login(p.head)
    assert "Дилшод Рахимов" in client.get(reverse("mobility:my-approvals")).content.decode()
    url = reverse("mobility:trip-decision", kwargs={"pk": steps_of(trip)[0].pk})
    response = client.post(url, {"decision": "refuse", "comment": ""})
    assert "comment" in response.context["form"].errors
    assert steps_of(trip)[0].decision == ""
    client.post(url, {"decision": "approve", "comment": "Agreed"})
    assert steps_of(trip)[0].decision == "approved"
    client.force_login(p.dean)
    assert "Дилшод Рахимов" in client.get(reverse("mobility:my-approvals")).content.decode()


def test_the_approved_trip_offers_its_order_summary_and_the_report_after_return(client, p):
    trip = approve_all(p, submitted(p, start=today() - datetime.timedelta(days=10)))
    client.force_login(p.traveller)
    url = reverse("mobility:trip-detail", kwargs={"pk": trip.pk})
    page = client.get(url).content.decode()
    assert reverse("mobility:trip-order", kwargs={"pk": trip.pk, "language": "uz"}) in page
    pdf = client.get(reverse("mobility:trip-order", kwargs={"pk": trip.pk, "language": "ru"}))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert client.get(reverse("mobility:trip-order", kwargs={"pk": trip.pk, "language": "de"})).status_code == 404
    response = client.post(url, {"done": "", "agreements": "x"})
    assert "done" in response.context["report_form"].errors
    upload = SimpleUploadedFile("certificate.pdf", pdf_bytes("Certificate"), content_type="application/pdf")
    client.post(url, {"done": "Gave <script>x</script> lectures", "contacts": "Prof. Kim", "files": [upload]})
    trip.refresh_from_db()
    assert trip.report_filed and trip.report_files.count() == 1
    page = client.get(url).content.decode()
    assert "Gave &lt;script&gt;x&lt;/script&gt; lectures" in page
    other = UserFactory(username="someone")
    client.force_login(other)
    assert client.get(reverse("mobility:trip-order", kwargs={"pk": trip.pk, "language": "en"})).status_code == 404


def test_the_order_summary_waits_for_the_approval(client, p):
    trip = submitted(p)
    client.force_login(p.traveller)
    assert client.get(reverse("mobility:trip-order", kwargs={"pk": trip.pk, "language": "en"})).status_code == 404


# --- queries -------------------------------------------------------------------------------


def test_my_trips_keeps_its_queries(client, p, django_assert_max_num_queries):
    def trips(count):
        for _ in range(count):
            trip_decide(step=steps_of(submitted(p))[0], actor=p.head, approve=True)
        draft(p)

    trips(2)
    client.force_login(p.traveller)
    client.get(reverse("mobility:my-trips"))
    # session, user, trips with traveller, host, programme and mobility, their steps with holders,
    # their report files (the session comes from Redis when REDIS_URL is set)
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("mobility:my-trips"))
    trips(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("mobility:my-trips"))
    assert response.content.decode().count("/my/trips/") >= 9


def test_my_approvals_keeps_its_queries(client, p, django_assert_max_num_queries):
    def waiting(count):
        for _ in range(count):
            trip = submitted(p)
            trip_decide(step=steps_of(trip)[0], actor=p.head, approve=True)

    waiting(2)
    client.force_login(p.dean)
    client.get(reverse("mobility:my-approvals"))
    # session, user, the waiting steps with their trips, travellers and hosts, the decided ones, the staff
    # applications waiting for the user's endorsement and whether they head a department
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("mobility:my-approvals"))
    waiting(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("mobility:my-approvals"))
    assert response.content.decode().count("/my/approvals/") >= 7


def test_a_head_finds_staff_applications_to_endorse_on_the_same_page_as_the_trips(client):
    """One page for what waits for a person: the head's endorsements beside the trip steps they hold."""
    head = UserFactory(affiliation="employee")
    department = DepartmentFactory(head=head)
    application = ApplicationFactory(
        call=CallFactory(audience="staff"), status=Application.Status.SUBMITTED, first_name="Dildora"
    )
    StaffApplication.objects.create(application=application, department=department, position="Dotsent")
    client.force_login(head)

    html = client.get("/my/approvals/").content.decode()

    assert "Staff applications to endorse" in html
    assert f'href="/my/endorsements/{application.pk}/"' in html
    client.force_login(UserFactory(affiliation="employee"))
    assert "Staff applications to endorse" not in client.get("/my/approvals/").content.decode()
