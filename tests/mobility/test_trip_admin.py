"""Business trips in the admin: the chain, the requests and their filters, the rector's order, the report box."""

import datetime

import pytest
from django.urls import reverse

from intl_office.dates import today
from mobility.models import Holder, TripChain, TripChainStep, TripRequest
from mobility.services import trip_decide, trip_file_report
from tests.mobility.trips import approve_all, chain, people, steps_of, submitted

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:mobility_triprequest_changelist"


@pytest.fixture
def p(office_user):
    crew = people(office=office_user)
    chain(crew)
    return crew


def at_order(p):
    trip = submitted(p)
    head, dean, vice, _order = steps_of(trip)
    for step, actor in ((head, p.head), (dean, p.dean), (vice, p.vice_rector)):
        trip_decide(step=step, actor=actor, approve=True)
    return trip


def test_the_office_records_the_rectors_order_through_the_button(office_client, p):
    trip = at_order(p)
    change = office_client.get(reverse("admin:mobility_triprequest_change", args=[trip.pk])).content.decode()
    url = reverse("admin:mobility_triprequest_order", args=[trip.pk])
    assert url in change
    response = office_client.post(url, {"number": "", "date": "2026-13-40"})
    assert response.status_code == 200 and {"number", "date"} <= set(response.context["form"].errors)
    assert TripRequest.objects.get().status == TripRequest.Status.SUBMITTED
    office_client.post(url, {"number": "88-XS", "date": "2026-03-05"})
    trip.refresh_from_db()
    assert trip.status == TripRequest.Status.APPROVED
    assert steps_of(trip)[3].order_number == "88-XS"
    pdf = office_client.get(reverse("mobility:staff-trip-order", kwargs={"pk": trip.pk, "language": "uz"}))
    assert pdf.content.startswith(b"%PDF-")


def test_a_viewer_reads_but_records_no_order(viewer_client, p):
    trip = at_order(p)
    page = viewer_client.get(reverse("admin:mobility_triprequest_change", args=[trip.pk]))
    assert page.status_code == 200
    assert (
        viewer_client.post(
            reverse("admin:mobility_triprequest_order", args=[trip.pk]), {"number": "1", "date": "2026-03-05"}
        ).status_code
        == 403
    )
    assert TripRequest.objects.get().status == TripRequest.Status.SUBMITTED


def test_the_changelist_filters_by_status_country_purpose_funding_and_what_to_follow(office_client, p):
    at_order(p)
    submitted(p, purpose="teaching")
    for params, expected in (
        ({"follow": "order"}, 1),
        ({"status": "submitted"}, 2),
        ({"purpose": "teaching"}, 1),
        ({"funding": "university"}, 2),
        ({"country": "KR"}, 2),
        ({"country": "UA"}, 0),
    ):
        response = office_client.get(reverse(CHANGELIST), params)
        assert response.status_code == 200
        assert response.context["cl"].result_count == expected, params


def test_the_filter_of_overdue_reports(office_client, p):
    trip = approve_all(p, submitted(p, start=today() - datetime.timedelta(days=30), days=3))
    response = office_client.get(reverse(CHANGELIST), {"follow": "overdue"})
    assert response.context["cl"].result_count == 1
    trip_file_report(trip=trip, traveller=p.traveller, done="Lectures")
    response = office_client.get(reverse(CHANGELIST), {"follow": "overdue"})
    assert response.context["cl"].result_count == 0


def test_the_report_shows_on_the_staff_mobilitys_page(office_client, p):
    trip = approve_all(p, submitted(p, start=today() - datetime.timedelta(days=8), days=3))
    url = reverse("admin:mobility_mobility_change", args=[trip.mobility_id])
    assert "not filed yet" in office_client.get(url).content.decode()
    trip_file_report(trip=trip, traveller=p.traveller, done="Signed a <b>memorandum</b>", contacts="Prof. Kim")
    page = office_client.get(url).content.decode()
    assert "Signed a &lt;b&gt;memorandum&lt;/b&gt;" in page
    assert "Prof. Kim" in page


def test_the_office_configures_the_chain_on_one_page(office_client, p):
    chain_url = reverse("admin:mobility_tripchain_change", args=[TripChain.load().pk])
    assert chain_url in office_client.get(reverse("admin:mobility_tripchain_changelist")).content.decode()
    page = office_client.get(chain_url)
    assert page.status_code == 200
    assert TripChainStep.objects.filter(holder=Holder.RECTOR_ORDER).count() == 1
