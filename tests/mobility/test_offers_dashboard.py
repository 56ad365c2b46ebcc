"""The staff dashboard's count of offers waiting for an answer, and how many expire within two days."""

import pytest
from django.urls import reverse

from mobility import services
from mobility.models import Application
from tests.factories import FacultyFactory
from tests.mobility.offers import DAY, offer_call, offered

pytestmark = pytest.mark.django_db

URL = reverse("staff:dashboard")


def test_the_dashboard_counts_waiting_offers_and_those_expiring_soon_and_links_the_filter(client, staff, today):
    call = offer_call(places=4)
    soon, tomorrow, later, taken = (offered(call, actor=staff) for _ in range(4))
    Application.objects.filter(pk=soon.pk).update(offer_deadline=today)
    Application.objects.filter(pk=tomorrow.pk).update(offer_deadline=today + DAY)
    Application.objects.filter(pk=later.pk).update(offer_deadline=today + 2 * DAY)
    services.offer_take(application=taken, actor=taken.student)
    client.force_login(staff)
    response = client.get(URL)
    offers = response.context["offers"]
    assert (offers.total, offers.expiring) == (3, 2)
    page = response.content.decode()
    assert "Offers waiting for an answer" in page
    assert f"{reverse('admin:mobility_application_changelist')}?offer=waiting" in page


def test_a_coordinator_counts_only_their_facultys_offers(client, coordinator, staff, today):
    call = offer_call(places=2)
    offered(call, actor=staff, faculty=coordinator.faculty)
    offered(call, actor=staff, faculty=FacultyFactory())
    client.force_login(coordinator)
    assert client.get(URL).context["offers"].total == 1
