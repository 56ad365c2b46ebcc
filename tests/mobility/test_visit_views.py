"""Delegation visits as public stories: the list with its filters and one visit's page."""

import datetime

import pytest
from django.urls import reverse

from mobility.models import Direction, VisitMember
from partners.models import Agreement
from tests.factories import AgreementFactory, InstitutionFactory, VisitFactory, VisitMemberFactory, VisitPhotoFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

LIST_URL = reverse("mobility:visit-list")


@pytest.fixture
def shandong():
    return InstitutionFactory(name="Shandong Jianshu University", short_name="SDJZU", country="CN", city="Jinan")


@pytest.fixture
def seed_visit(shandong):
    """The visit of seed 004 (3 December 2024), with invented names for the people."""
    earlier = AgreementFactory(
        partner=shandong,
        kind=Agreement.Kind.MOU,
        title="Memorandum of understanding with Shandong Jianshu University (2019)",
        signed_on=datetime.date(2019, 5, 14),
        valid_until=datetime.date(2024, 5, 14),
    )
    renewed = AgreementFactory(
        partner=shandong,
        kind=Agreement.Kind.MOU,
        title="Memorandum of understanding with Shandong Jianshu University (2024)",
        signed_on=datetime.date(2024, 12, 3),
        valid_until=datetime.date(2099, 12, 3),
        renews=earlier,
    )
    visit = VisitFactory(
        partner=shandong,
        title="Stepping into a new phase of international cooperation",
        start_date=datetime.date(2024, 12, 3),
        direction=Direction.INCOMING,
        city="Tashkent",
        purpose="International cooperation and new scientific and innovative projects",
        summary="The rector received a delegation from Shandong Jianshu University.",
        story="On December 3, 2024, the rector received a delegation.\n\nAn important meeting was held.",
        topics=(
            "- student and faculty exchange programs;\n"
            "- organization of joint educational programs at the master's and doctoral levels;\n"
            "- joint implementation of scientific research and innovative projects;\n"
            "- joint research to solve modern problems in the social and technical spheres."
        ),
        outcomes="Memorandum of Understanding signed in an updated form\nJoint projects planned",
    )
    visit.agreements_signed.add(renewed)
    VisitMemberFactory(visit=visit, full_name="Liang Bo", position="Director of International Exchange", order=2)
    VisitMemberFactory(visit=visit, full_name="Zhou Wen", position="General Director", is_head=True, order=9)
    VisitMemberFactory(visit=visit, full_name="Chen Yu", position="Director of the General Administration", order=1)
    VisitMemberFactory(visit=visit, side=VisitMember.Side.HOST, full_name="Akmal Rahimov", position="Rector", order=1)
    VisitMemberFactory(
        visit=visit,
        side=VisitMember.Side.HOST,
        full_name="Dilnoza Karimova",
        position="Head of the Department of Internationalization",
        order=2,
    )
    VisitPhotoFactory(visit=visit, caption="Signing of the memorandum", order=1)
    VisitPhotoFactory(visit=visit, caption="", order=2)
    return visit


def content(response):
    return response.content.decode()


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


# --- one visit ----------------------------------------------------------------------------------


def test_detail_tells_the_story_of_the_seed_visit(client, seed_visit):
    response = client.get(seed_visit.get_absolute_url())
    html = content(response)

    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert '<article class="visit"' in html
    assert '<time datetime="2024-12-03">' in html
    assert "Stepping into a new phase of international cooperation" in html
    assert f'<a href="{seed_visit.partner.get_absolute_url()}">Shandong Jianshu University</a>' in html
    assert "Tashkent" in html
    assert "International cooperation and new scientific and innovative projects" in html
    assert "<p>On December 3, 2024, the rector received a delegation.</p>" in html
    assert "<p>An important meeting was held.</p>" in html


def test_detail_lists_the_delegation_head_first_and_our_representatives_with_positions(client, seed_visit):
    response = client.get(seed_visit.get_absolute_url())
    html = content(response)

    guests = [(m.full_name, m.position) for m in response.context["guests"]]
    hosts = [(m.full_name, m.position) for m in response.context["hosts"]]
    assert guests == [
        ("Zhou Wen", "General Director"),
        ("Chen Yu", "Director of the General Administration"),
        ("Liang Bo", "Director of International Exchange"),
    ]
    assert hosts == [
        ("Akmal Rahimov", "Rector"),
        ("Dilnoza Karimova", "Head of the Department of Internationalization"),
    ]
    assert "Members of the delegation" in html and "Our representatives" in html
    assert html.index("Zhou Wen") < html.index("Head of delegation") < html.index("Chen Yu")
    assert html.index("Liang Bo") < html.index("Our representatives") < html.index("Akmal Rahimov")
    assert "Head of the Department of Internationalization" in html


def test_detail_lists_topics_and_outcomes(client, seed_visit):
    html = content(client.get(seed_visit.get_absolute_url()))

    assert "<li>student and faculty exchange programs;</li>" in html
    assert "<li>joint research to solve modern problems in the social and technical spheres.</li>" in html
    assert "<li>Memorandum of Understanding signed in an updated form</li>" in html
    assert "<li>Joint projects planned</li>" in html


def test_detail_links_the_signed_agreement_and_says_it_renews_the_earlier_one(client, seed_visit):
    html = content(client.get(seed_visit.get_absolute_url()))
    renewed = seed_visit.agreements_signed.get()

    assert f'<a href="{renewed.get_absolute_url()}" class="fw-semibold">{renewed.title}</a>' in html
    assert "Memorandum of understanding · signed on" in html
    assert "Signed in an updated form. It renews:" in html
    assert f'<a href="{renewed.renews.get_absolute_url()}">{renewed.renews.title}</a>' in html


def test_detail_does_not_name_a_renewed_agreement_that_is_not_public(client, seed_visit):
    renewed = seed_visit.agreements_signed.get()
    Agreement.objects.filter(pk=renewed.renews_id).update(is_public=False)

    html = content(client.get(seed_visit.get_absolute_url()))

    assert "Signed in an updated form of an earlier agreement." in html
    assert "(2019)" not in html


def test_detail_leaves_out_agreements_that_are_not_public(client, seed_visit):
    secret = AgreementFactory(partner=seed_visit.partner, title="Confidential side letter", is_public=False)
    seed_visit.agreements_signed.add(secret)

    html = content(client.get(seed_visit.get_absolute_url()))

    assert "Confidential side letter" not in html


def test_detail_shows_photos_with_captions_and_alt_text(client, seed_visit):
    html = content(client.get(seed_visit.get_absolute_url()))

    assert 'alt="Signing of the memorandum"' in html
    assert '<figcaption class="figure-caption mt-1">Signing of the memorandum</figcaption>' in html
    assert 'alt="Stepping into a new phase of international cooperation, photo 2"' in html
    assert html.count('class="img-fluid rounded visit-photo"') == 2


def test_detail_links_the_earlier_and_the_later_public_visit(client, seed_visit):
    earlier = VisitFactory(title="Autumn visit", start_date=datetime.date(2024, 10, 1))
    VisitFactory(title="Hidden visit", start_date=datetime.date(2024, 11, 1), is_public=False)
    later = VisitFactory(title="Spring visit", start_date=datetime.date(2025, 3, 1))

    html = content(client.get(seed_visit.get_absolute_url()))

    assert f'href="{earlier.get_absolute_url()}" rel="prev"' in html
    assert f'href="{later.get_absolute_url()}" rel="next"' in html
    assert "Hidden visit" not in html


def test_detail_of_a_visit_with_an_inactive_partner_names_it_without_a_link(client):
    partner = InstitutionFactory(name="Former Partner University", is_active=False)
    visit = VisitFactory(partner=partner)

    html = content(client.get(visit.get_absolute_url()))

    assert "Former Partner University" in html
    assert partner.get_absolute_url() not in html


def test_detail_of_a_non_public_visit_is_404(client):
    visit = VisitFactory(is_public=False)

    assert client.get(visit.get_absolute_url()).status_code == 404


def test_detail_of_an_unknown_visit_is_404(client):
    assert client.get(reverse("mobility:visit-detail", kwargs={"slug": "no-such-visit"})).status_code == 404


def test_detail_is_served_in_uzbek_and_russian(client, seed_visit):
    for language in ("uz", "ru"):
        response = client.get(f"/{language}/visits/{seed_visit.slug}/")
        assert response.status_code == 200
        assert f'<html lang="{language}"' in content(response)


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_queries_do_not_grow_with_members_and_photos(client, django_assert_num_queries, rows):
    visit = VisitFactory()
    for n in range(rows):
        VisitMemberFactory(visit=visit, is_head=n == 0)
        VisitMemberFactory(visit=visit, side=VisitMember.Side.HOST)
        VisitPhotoFactory(visit=visit, caption=f"Photo {n}")
        visit.agreements_signed.add(AgreementFactory(partner=visit.partner, renews=AgreementFactory()))

    # 1 home institution, 1 visit with partner, 1 members, 1 photos, 1 public agreements
    # with partner and renewed agreement, 1 earlier visit, 1 later visit.
    with django_assert_num_queries(7):
        response = client.get(visit.get_absolute_url())

    assert response.status_code == 200
    assert len(response.context["photos"]) == rows


def test_list_has_a_title_and_a_description(client):
    html = content(client.get(LIST_URL))

    assert "<title>Delegation visits ·" in html
    assert '<meta name="description" content="Delegations we received and sent' in html


@pytest.mark.parametrize("language", ["uz", "ru"])
def test_list_is_served_in_uzbek_and_russian(client, language, seed_visit):
    html = content(client.get(f"/{language}/visits/"))

    assert f'<html lang="{language}"' in html
    assert html.count("<h1") == 1
    assert f"/{language}/visits/{seed_visit.slug}/" in html
