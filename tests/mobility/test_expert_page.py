"""The public page "Foreign experts": only those the office publishes, current and past by year, nothing private."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from mobility.models import Expert
from tests.clock import DAY
from tests.factories import InstitutionFactory
from tests.mobility.experts import make_expert

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]
URL = reverse("mobility:expert-list")


def days(n):
    return datetime.timedelta(days=n)


@pytest.fixture
def on(time_machine):
    time_machine.move_to(datetime.datetime(DAY.year, DAY.month, DAY.day, 12), tick=False)
    return DAY


def page(path=URL):
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_only_published_experts_show_with_name_partner_subject_and_period(on):
    make_expert(
        full_name="Jan Kowalski",
        subject="Structural mechanics",
        is_public=True,
        start_date=on - days(10),
        end_date=on + days(50),
    )
    make_expert(full_name="Hidden Guest", subject="Secret subject", start_date=on, end_date=on + days(5))
    make_expert(full_name="Cancelled Guest", is_public=True, status=Expert.Status.CANCELLED)

    html = page()
    assert "Jan Kowalski" in html and "Structural mechanics" in html
    assert "Warsaw University of Technology" in html
    assert (on - days(10)).strftime("%B") in html  # the period
    assert "With us now" in html
    for absent in ("Hidden Guest", "Secret subject", "Cancelled Guest"):
        assert absent not in html


def test_nothing_private_is_on_the_page(on):
    make_expert(
        is_public=True,
        email="jan.kowalski@example.org",
        passport_number="EK1234567",
        visa_required=True,
        visa_number="UZ-VISA-99812",
        visa_valid_until=datetime.date(2026, 5, 17),
        registered_until=datetime.date(2026, 4, 23),
        notes="Allergic to nuts; arrives by the night train.",
    )
    html = page()
    assert "Jan Kowalski" in html
    for private in ("jan.kowalski@example.org", "EK1234567", "UZ-VISA-99812", "Allergic", "May 17", "April 23"):
        assert private not in html
    assert "Visa" not in html and "registration" not in html.lower()


def test_past_stays_are_grouped_by_year_newest_first(on):
    make_expert(full_name="Now Here", is_public=True, start_date=on - days(5), end_date=on + days(5))
    make_expert(
        full_name="Autumn Guest",
        is_public=True,
        start_date=datetime.date(2025, 10, 1),
        end_date=datetime.date(2025, 11, 1),
    )
    make_expert(
        full_name="Old Guest", is_public=True, start_date=datetime.date(2023, 3, 1), end_date=datetime.date(2023, 4, 1)
    )
    html = page()
    current, past = html.split("Earlier stays")
    assert "Now Here" in current and "Autumn Guest" not in current
    assert past.index('id="experts-2025"') < past.index("Autumn Guest") < past.index('id="experts-2023"')
    assert past.index('id="experts-2023"') < past.index("Old Guest")


def test_every_language_shows_the_translated_subject(on):
    make_expert(
        is_public=True,
        subject_en="Structural mechanics",
        subject_uz="Qurilish mexanikasi",
        subject_ru="Строительная механика",
        full_name_ru="Ян Ковальский",
    )
    assert "Qurilish mexanikasi" in page("/uz" + URL) and 'lang="uz"' in page("/uz" + URL)
    russian = page("/ru" + URL)
    assert "Строительная механика" in russian and "Ян Ковальский" in russian


def test_the_page_reads_the_same_number_of_queries_for_5_or_60_experts(on, django_assert_num_queries):
    """Session-free visitor: the home institution (footer), the experts with partner and host in one query."""
    partner = InstitutionFactory(name="Tomsk Polytechnic University", country="RU")

    def add(n):
        for number in range(n):
            start = on - days(40 * number)
            make_expert(full_name=f"Guest {number}", partner=partner, is_public=True, start_date=start, end_date=start)

    add(5)
    with django_assert_num_queries(2):
        assert page().count("expert-card") == 5
    Expert.objects.all().delete()
    add(60)
    cache.clear()  # the test's transaction never commits: nothing else makes the cached page stale
    with django_assert_num_queries(2):
        html = page()
    assert html.count("expert-card") == 60


def test_the_page_is_linked_from_the_footer_and_listed_in_the_sitemap(on):
    assert f'href="{URL}"' in page(reverse("home"))
    assert f"{URL}</loc>" in Client().get(reverse("sitemap")).content.decode()


def test_anonymous_visitors_are_served_the_page_from_the_cache(on, django_assert_num_queries):
    make_expert(full_name="Jan Kowalski", is_public=True)
    first = page()
    with django_assert_num_queries(0):
        assert page() == first


def test_what_staff_typed_comes_out_as_text(on):
    make_expert(full_name="<script>alert(1)</script>", subject="<b>Bold</b> & more", is_public=True)
    html = page()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; more" in html
