"""The mobility's admin form leaves to the services what they decide: status and application of a stay from an
application, the day of a confirmed arrival or departure. A stay the office typed in stays editable."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mobility.models import Application, Mobility
from tests.factories import ApplicationFactory, MobilityFactory

pytestmark = pytest.mark.django_db


def form_data(mobility, **changes):
    data = {
        "direction": mobility.direction,
        "participant_kind": mobility.participant_kind,
        "participant_name": mobility.participant_name,
        "participant_email": "",
        "activity": mobility.activity,
        "partner": mobility.partner_id,
        "start_date": mobility.start_date.isoformat(),
        "end_date": mobility.end_date.isoformat(),
        "status": mobility.status,
        "notes": "",
    }
    return {**data, **changes}


def change(client, mobility, **changes):
    """POST the change form as the browser would: the fields, and each inline's management form as the page gave it."""
    url = reverse("admin:mobility_mobility_change", args=[mobility.pk])
    inlines = {}
    for inline in client.get(url).context["inline_admin_formsets"]:
        management = inline.formset.management_form
        inlines.update({management.add_prefix(name): value for name, value in management.initial.items()})
    return client.post(url, {**inlines, **form_data(mobility, **changes)})


def test_a_stay_from_an_application_keeps_its_status_and_application(client, staff):
    application = ApplicationFactory(status=Application.Status.ACCEPTED, offer_answered_at=timezone.now())
    mobility = MobilityFactory(application=application, status=Mobility.Status.PLANNED)
    client.force_login(staff)

    page = client.get(reverse("admin:mobility_mobility_change", args=[mobility.pk])).content.decode()
    response = change(client, mobility, status=Mobility.Status.CANCELLED, notes="Changed by hand")

    assert 'name="status"' not in page
    assert response.status_code == 302
    mobility.refresh_from_db()
    assert (mobility.status, mobility.application_id) == (Mobility.Status.PLANNED, application.pk)
    assert mobility.notes == "Changed by hand"  # the rest of the record is the office's


def test_a_confirmed_arrival_and_departure_keep_their_days(client, staff):
    mobility = MobilityFactory(
        start_date=datetime.date(2025, 9, 2),
        end_date=datetime.date(2026, 1, 30),
        arrival_confirmed_at=timezone.now(),
        departure_confirmed_at=timezone.now(),
    )
    client.force_login(staff)

    change(client, mobility, start_date="2025-09-20", end_date="2026-02-20")

    mobility.refresh_from_db()
    assert (mobility.start_date, mobility.end_date) == (datetime.date(2025, 9, 2), datetime.date(2026, 1, 30))


def test_a_stay_the_office_typed_in_stays_editable(client, staff):
    mobility = MobilityFactory(status=Mobility.Status.PLANNED)
    client.force_login(staff)

    change(client, mobility, status=Mobility.Status.CANCELLED, start_date="2024-09-03")

    mobility.refresh_from_db()
    assert (mobility.status, mobility.start_date) == (Mobility.Status.CANCELLED, datetime.date(2024, 9, 3))
