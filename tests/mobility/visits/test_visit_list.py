"""The public list of delegation visits (/visits/) with its filters."""

import datetime

import pytest

from mobility.models import Direction, VisitMember
from tests.factories import InstitutionFactory, VisitFactory, VisitMemberFactory, VisitPhotoFactory
from tests.mobility.visits.helpers import LIST_URL, content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


# --- the list ---------------------------------------------------------------------------------


def test_list_shows_public_visits_newest_first(client):
    old = VisitFactory(title="Visit in spring", start_date=datetime.date(2023, 4, 1))
    new = VisitFactory(title="Visit in winter", start_date=datetime.date(2024, 12, 3))
    VisitFactory(title="Confidential visit", start_date=datetime.date(2024, 6, 1), is_public=False)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert [visit.pk for visit in response.context["visits"]] == [new.pk, old.pk]
    assert "Confidential visit" not in content(response)


def test_list_card_shows_date_direction_partner_summary_photo_and_delegation_size(client, seed_visit):
    VisitFactory(direction=Direction.OUTGOING, title="Our delegation abroad", start_date=datetime.date(2024, 1, 5))

    html = content(client.get(LIST_URL))

    assert '<time datetime="2024-12-03">' in html
    assert "Received</span>" in html and "Sent</span>" in html
    assert "Shandong Jianshu University" in html and "Jinan, China" in html
    assert "The rector received a delegation from Shandong Jianshu University." in html
    assert 'alt="Signing of the memorandum"' in html  # the first photo, its caption as alt text
    assert "3 members in the delegation" in html  # guests only, not our representatives
    assert seed_visit.get_absolute_url() in html


def test_list_card_photo_falls_back_to_the_title_as_alt_text(client):
    visit = VisitFactory(title="Visit of the KOICA office")
    VisitPhotoFactory(visit=visit, caption="")

    assert 'alt="Visit of the KOICA office"' in content(client.get(LIST_URL))


def test_list_shows_a_date_range_for_visits_of_several_days(client):
    VisitFactory(start_date=datetime.date(2024, 10, 7), end_date=datetime.date(2024, 10, 9))

    html = content(client.get(LIST_URL))

    assert '<time datetime="2024-10-07">' in html and '<time datetime="2024-10-09">' in html


def test_list_paginates_twelve_visits_per_page(client):
    for day in range(1, 15):
        VisitFactory(start_date=datetime.date(2024, 3, day))

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": 2})

    assert len(first.context["visits"]) == 12
    assert len(second.context["visits"]) == 2
    assert 'href="?page=2"' in content(first)


def test_pagination_links_keep_the_filters(client):
    for day in range(1, 15):
        VisitFactory(start_date=datetime.date(2024, 3, day), direction=Direction.OUTGOING)

    html = content(client.get(LIST_URL, {"direction": "outgoing"}))

    assert 'href="?direction=outgoing&amp;page=2"' in html


def test_list_filters_by_year(client):
    in_2023 = VisitFactory(start_date=datetime.date(2023, 12, 31))
    VisitFactory(start_date=datetime.date(2024, 1, 1))

    response = client.get(LIST_URL, {"year": "2023"})

    assert [visit.pk for visit in response.context["visits"]] == [in_2023.pk]


def test_list_filters_by_direction(client):
    received = VisitFactory(direction=Direction.INCOMING)
    sent = VisitFactory(direction=Direction.OUTGOING)

    assert [v.pk for v in client.get(LIST_URL, {"direction": "incoming"}).context["visits"]] == [received.pk]
    assert [v.pk for v in client.get(LIST_URL, {"direction": "outgoing"}).context["visits"]] == [sent.pk]


def test_list_filters_by_partner_country(client):
    korean = VisitFactory(partner=InstitutionFactory(country="KR"))
    VisitFactory(partner=InstitutionFactory(country="DE"))

    response = client.get(LIST_URL, {"country": "KR"})

    assert [visit.pk for visit in response.context["visits"]] == [korean.pk]


def test_filters_offer_only_years_and_countries_of_public_visits(client):
    VisitFactory(start_date=datetime.date(2022, 5, 1), partner=InstitutionFactory(country="JP"))
    VisitFactory(start_date=datetime.date(2019, 5, 1), partner=InstitutionFactory(country="FR"), is_public=False)

    form = client.get(LIST_URL).context["filter_form"]

    assert [value for value, _label in form.fields["year"].choices if value] == ["2022"]
    assert [value for value, _label in form.fields["country"].choices if value] == ["JP"]


def test_filter_controls_have_labels(client):
    VisitFactory()

    html = content(client.get(LIST_URL))

    for name in ("year", "direction", "country"):
        assert f'<label for="id_{name}"' in html
        assert f'id="id_{name}"' in html


def test_unknown_filter_value_shows_all_visits(client):
    VisitFactory()
    VisitFactory()

    response = client.get(LIST_URL, {"country": "ZZ", "year": "1066", "direction": "sideways"})

    assert response.status_code == 200
    assert len(response.context["visits"]) == 2


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "99999"},
        {"page": "1.5"},
        {"page": "9" * 40},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "-2024"},
        {"direction": "sideways"},
        {"country": "ZZ"},
        {"country": "<script>alert(1)</script>"},
        {"country": "c" * 5000},
        {"q": "x" * 5000},
        {"sort": "-unknown_field"},
        {"year": "2024\x00"},
        {"year": ["2023", "2024"], "page": ["1", "2"]},
    ],
)
def test_list_never_fails_on_odd_query_strings(client, query):
    for day in range(1, 15):
        VisitFactory(start_date=datetime.date(2024, 3, day))

    response = client.get(LIST_URL, query)

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in content(response)


def test_empty_list_says_so(client):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert "No visits to show yet." in content(response)


@pytest.mark.parametrize("rows", [5, 200])
def test_list_queries_do_not_grow_with_visits(client, django_assert_num_queries, rows):
    for n in range(rows):
        visit = VisitFactory(start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
        VisitMemberFactory(visit=visit)
        VisitMemberFactory(visit=visit, side=VisitMember.Side.HOST)
        if n >= rows - 30:  # photos for the newest visits, so that page 2 shows some
            VisitPhotoFactory(visit=visit)

    # 1 home institution (context processor), 1 years and 1 countries for the filter choices,
    # 1 count for the paginator, 1 page of visits with partner, delegation size and first photo id,
    # 1 the first photos of the page's visits.
    with django_assert_num_queries(6):
        response = client.get(LIST_URL, {"page": 2})

    assert response.status_code == 200
