"""One delegation visit's public page: its story, members, photos and partner."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from mobility.models import VisitMember
from partners.models import Agreement
from tests.factories import AgreementFactory, InstitutionFactory, VisitFactory, VisitMemberFactory, VisitPhotoFactory
from tests.mobility.visits.helpers import LIST_URL, content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


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


def _page(client, visit, language):
    with translation.override(language):
        return content(client.get(visit.get_absolute_url()))


def test_the_visits_city_is_written_in_the_readers_language(client, seed_visit):
    seed_visit.city_en, seed_visit.city_uz, seed_visit.city_ru = "Tashkent", "Toshkent", "Ташкент"
    seed_visit.save()

    assert "Ташкент" in _page(client, seed_visit, "ru")
    assert "Toshkent" in _page(client, seed_visit, "uz")


def test_a_city_not_translated_is_shown_in_english(client, seed_visit):
    seed_visit.city_en, seed_visit.city_ru = "Tashkent", None  # what the admin stores for an empty translation
    seed_visit.save()

    assert "Tashkent" in _page(client, seed_visit, "ru")
