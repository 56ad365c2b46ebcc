"""A delegation visit's programme: agenda items edited in the visit's admin, printed for staff, never public."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from mobility.models import Visit, VisitAgendaItem, VisitMember
from tests.admin_helpers import form_data, form_errors
from tests.factories import UserFactory, VisitFactory, VisitMemberFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]
START = datetime.date(2026, 4, 14)


@pytest.fixture
def visit():
    visit = VisitFactory(title="Delegation of Shandong Jianzhu University", start_date=START, end_date=START)
    VisitMemberFactory(visit=visit, full_name="Li Wei", position="Vice-president", is_head=True)
    VisitMemberFactory(visit=visit, full_name="Zhang Min", position="Dean")
    VisitMemberFactory(visit=visit, side=VisitMember.Side.HOST, full_name="Aziz Karimov", position="Rector")
    return visit


def change_url(visit):
    return reverse("admin:mobility_visit_change", args=[visit.pk])


def programme_url(visit):
    return reverse("admin:mobility_visit_programme", args=[visit.pk])


def with_item(data, visit, **item):
    """The visit's change form with one more agenda item, as the inline's "add another" posts it."""
    number = int(data["agenda-TOTAL_FORMS"])
    data = {**data, "agenda-TOTAL_FORMS": str(number + 1)}
    for name, value in item.items():
        data[f"agenda-{number}-{name}"] = value
    data[f"agenda-{number}-visit"] = str(visit.pk)
    return data


def test_the_office_adds_a_programme_item_with_both_sides(staff_client, visit):
    li_wei = visit.members.get(full_name="Li Wei")
    dean = UserFactory(first_name="Gulnora", last_name="Tosheva", is_staff=True, position="Dean of Civil Engineering")
    data = with_item(
        form_data(staff_client.get(change_url(visit)), Visit),
        visit,
        date="2026-04-14",
        start_time="10:00",
        end_time="11:30",
        title_en="Meeting with the rector",
        title_uz="Rektor bilan uchrashuv",
        room_en="Main building, room 214",
        guests=[str(li_wei.pk)],
        hosts=[str(dean.pk)],
        other_hosts="Aziz Karimov, Rector",
    )
    response = staff_client.post(change_url(visit), data)
    assert response.status_code == 302, form_errors(response)

    item = VisitAgendaItem.objects.get()
    assert (item.title, item.room, item.end_time) == (
        "Meeting with the rector",
        "Main building, room 214",
        datetime.time(11, 30),
    )
    assert list(item.guests.all()) == [li_wei] and list(item.hosts.all()) == [dean]


def test_only_the_visits_own_delegation_can_be_ticked(staff_client, visit):
    stranger = VisitMemberFactory(full_name="Someone Else")  # a member of another visit
    data = with_item(
        form_data(staff_client.get(change_url(visit)), Visit),
        visit,
        date="2026-04-14",
        start_time="10:00",
        title_en="Campus tour",
        guests=[str(stranger.pk)],
    )
    response = staff_client.post(change_url(visit), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not VisitAgendaItem.objects.exists()
    assert "Someone Else" not in staff_client.get(change_url(visit)).content.decode()


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"date": "2026-04-14", "start_time": "11:00", "end_time": "10:00"}, "An item must end after it starts."),
        ({"date": "2026-04-20", "start_time": "11:00"}, "The day must fall within the visit&#x27;s dates."),
    ],
)
def test_an_item_out_of_order_or_off_the_visit_is_refused(staff_client, visit, item, message):
    data = with_item(form_data(staff_client.get(change_url(visit)), Visit), visit, title_en="Lunch", **item)
    response = staff_client.post(change_url(visit), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VisitAgendaItem.objects.exists()


def add_items(visit):
    first = VisitAgendaItem.objects.create(
        visit=visit,
        date=START,
        start_time=datetime.time(10),
        end_time=datetime.time(11, 30),
        title_en="Meeting with the rector",
        title_uz="Rektor bilan uchrashuv",
        title_ru="Встреча с ректором",
        room="Room 214",
        other_hosts="Aziz Karimov, Rector",
    )
    first.guests.set(visit.members.filter(side=VisitMember.Side.GUEST))
    VisitAgendaItem.objects.create(
        visit=visit, date=START, start_time=datetime.time(14), title_en="Laboratory tour", room="Laboratory block B"
    )


def test_staff_print_the_programme_in_their_language(staff_client, visit):
    add_items(visit)
    url = programme_url(visit)  # reversed once, in English: a request leaves its language active
    html = staff_client.get(url).content.decode()
    assert html.index("10:00") < html.index("Meeting with the rector") < html.index("14:00")
    assert "Room 214" in html and "Laboratory block B" in html
    assert "Li Wei" in html and "Zhang Min" in html and "Aziz Karimov, Rector" in html

    uzbek = staff_client.get("/uz" + url).content.decode()
    assert "Rektor bilan uchrashuv" in uzbek and 'lang="uz"' in uzbek
    russian = staff_client.get("/ru" + url).content.decode()
    assert "Встреча с ректором" in russian


def test_the_programme_is_for_staff_only(client, viewer_client, visit):
    add_items(visit)
    assert viewer_client.get(programme_url(visit)).status_code == 200  # viewers read
    response = client.get(programme_url(visit))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("object_id", ["99999999999999999999", "١٢", "abc"])
def test_the_programme_of_no_such_visit_is_missing(staff_client, object_id):
    url = reverse("admin:mobility_visit_programme", args=["1"]).replace("/1/", f"/{object_id}/")
    assert staff_client.get(url).status_code == 404


def test_the_public_visit_page_shows_no_room_or_agenda(visit):
    add_items(visit)
    response = Client().get(visit.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Li Wei" in html  # the story's people stay as today
    for private in ("Room 214", "Laboratory block B", "Meeting with the rector", "Laboratory tour", "10:00"):
        assert private not in html


def test_an_item_outside_the_visit_fails_validation_in_the_model_as_well(visit):
    item = VisitAgendaItem(visit=visit, date=START + datetime.timedelta(days=1), start_time=datetime.time(9), title="X")
    with pytest.raises(ValidationError):
        item.full_clean()
