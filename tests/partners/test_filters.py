"""InstitutionFilterSet: what each filter, the search and the sort keys do to the directory."""

import datetime

import pytest
from django.utils import translation

from partners.filters import MAX_SEARCH_LENGTH, InstitutionFilterSet
from partners.models import Institution
from partners.views import directory_queryset
from tests.factories import AgreementFactory, CooperationAreaFactory, InstitutionFactory

pytestmark = pytest.mark.django_db


def filtered(**params):
    filterset = InstitutionFilterSet(params, queryset=directory_queryset())
    assert filterset.is_valid(), filterset.errors
    return [institution.name for institution in filterset.qs]


def errors(**params):
    filterset = InstitutionFilterSet(params, queryset=directory_queryset())
    assert not filterset.is_valid()
    return filterset.errors


# Country


def test_country_keeps_only_the_partners_in_that_country():
    InstitutionFactory(name="Shandong Jianzhu University", country="CN")
    InstitutionFactory(name="Tsinghua University", country="CN")
    InstitutionFactory(name="Gazi University", country="TR")
    assert filtered(country="CN") == ["Shandong Jianzhu University", "Tsinghua University"]


def test_country_choices_are_the_countries_of_public_partners_with_their_counts():
    InstitutionFactory(country="CN")
    InstitutionFactory(country="CN")
    InstitutionFactory(country="TR")
    InstitutionFactory(country="FR", is_active=False)
    choices = dict(InstitutionFilterSet({}, queryset=directory_queryset()).form.fields["country"].choices)
    assert choices == {"": "All countries", "CN": "China (2)", "TR": "Türkiye (1)"}


def test_country_without_public_partners_is_an_error_not_an_empty_list():
    InstitutionFactory(country="CN")
    InstitutionFactory(country="FR", is_active=False)
    assert "country" in errors(country="FR")
    assert "country" in errors(country="XX")


# Kind and cooperation area


def test_kind_keeps_only_partners_of_that_kind():
    InstitutionFactory(name="KOICA", kind=Institution.Kind.DONOR)
    InstitutionFactory(name="Gazi University", kind=Institution.Kind.UNIVERSITY)
    assert filtered(kind=Institution.Kind.DONOR) == ["KOICA"]
    assert "kind" in errors(kind="spaceship")


def test_area_keeps_only_partners_cooperating_in_it():
    exchange = CooperationAreaFactory(name="Student exchange", slug="student-exchange")
    research = CooperationAreaFactory(name="Joint research", slug="joint-research")
    both = InstitutionFactory(name="Both areas")
    both.cooperation_areas.set([exchange, research])
    InstitutionFactory(name="Research only").cooperation_areas.set([research])
    InstitutionFactory(name="No area")
    assert filtered(area="student-exchange") == ["Both areas"]
    assert filtered(area="joint-research") == ["Both areas", "Research only"]


def test_area_choices_are_the_areas_of_public_partners_by_name_in_the_visitors_language():
    summer = CooperationAreaFactory(name_en="Summer schools", name_ru="Летние школы", slug="summer-schools")
    exchange = CooperationAreaFactory(name_en="Student exchange", name_ru="Обмен студентами", slug="student-exchange")
    hidden = CooperationAreaFactory(name_en="Area of a closed partner", slug="closed")
    CooperationAreaFactory(name_en="Area of nobody", slug="nobody")
    InstitutionFactory().cooperation_areas.set([summer, exchange])
    InstitutionFactory().cooperation_areas.set([summer])  # two partners, still one choice
    InstitutionFactory(is_active=False).cooperation_areas.set([hidden])
    with translation.override("ru"):
        choices = list(InstitutionFilterSet({}, queryset=directory_queryset()).form.fields["area"].choices)
        assert [(str(value), label) for value, label in choices] == [
            ("", "Все направления"),
            ("summer-schools", "Летние школы"),
            ("student-exchange", "Обмен студентами"),
        ]


def test_unknown_area_is_an_error():
    InstitutionFactory().cooperation_areas.set([CooperationAreaFactory(slug="student-exchange")])
    assert "area" in errors(area="no-such-area")


# Agreement in force


def test_agreement_in_force_yes_and_no_split_the_partners(today):
    AgreementFactory(partner=InstitutionFactory(name="In force"))
    AgreementFactory(
        partner=InstitutionFactory(name="Expires today"),
        signed_on=today - datetime.timedelta(days=800),
        valid_until=today,
    )
    AgreementFactory(
        partner=InstitutionFactory(name="Expired yesterday"),
        signed_on=today - datetime.timedelta(days=800),
        valid_until=today - datetime.timedelta(days=1),
    )
    AgreementFactory(partner=InstitutionFactory(name="Draft only"), signed_on=None, valid_until=None)
    InstitutionFactory(name="Without agreement")
    assert filtered(in_force="yes") == ["Expires today", "In force"]
    assert filtered(in_force="no") == ["Draft only", "Expired yesterday", "Without agreement"]
    everyone = ["Draft only", "Expired yesterday", "Expires today", "In force", "Without agreement"]
    assert filtered(in_force="") == everyone
    assert "in_force" in errors(in_force="maybe")


# Search


def test_search_finds_a_partner_by_its_uzbek_name():
    InstitutionFactory(
        name_en="Belarusian State Pedagogical University", name_uz="Belarus davlat pedagogika universiteti"
    )
    InstitutionFactory(name="Gazi University")
    assert filtered(q="pedagogika") == ["Belarusian State Pedagogical University"]


def test_search_finds_a_partner_by_its_russian_name():
    InstitutionFactory(name_en="Kazan Federal University", name_ru="Казанский федеральный университет")
    InstitutionFactory(name="Gazi University")
    # Same case as stored: SQLite folds the case of ASCII letters only (PostgreSQL folds Cyrillic too).
    assert filtered(q="Казанский") == ["Kazan Federal University"]


def test_search_finds_a_partner_by_short_name_and_city():
    InstitutionFactory(name="Middle East Technical University", short_name="METU", city="Ankara")
    InstitutionFactory(name="Budapest University of Technology", short_name="BME", city="Budapest")
    assert filtered(q="metu") == ["Middle East Technical University"]
    assert filtered(q="budapest") == ["Budapest University of Technology"]


def test_search_finds_a_partner_by_its_city_in_another_language():
    InstitutionFactory(name="Al-Farabi Kazakh National University", city_en="Almaty", city_ru="Алматы")
    InstitutionFactory(name="Gazi University", city="Ankara")
    assert filtered(q="Алматы") == ["Al-Farabi Kazakh National University"]


def test_search_finds_partners_by_country_name():
    InstitutionFactory(name="Shandong Jianzhu University", country="CN")
    InstitutionFactory(name="Gazi University", country="TR")
    assert filtered(q="china") == ["Shandong Jianzhu University"]


def test_search_wants_every_word_somewhere():
    InstitutionFactory(name="Tashkent Institute of Chemical Technology", city="Tashkent")
    InstitutionFactory(name="Tashkent State University of Economics", city="Tashkent")
    assert filtered(q="  tashkent   chemical ") == ["Tashkent Institute of Chemical Technology"]
    assert filtered(q="chemical economics") == []


def test_search_longer_than_the_limit_is_an_error():
    InstitutionFactory()
    assert "q" in errors(q="a" * (MAX_SEARCH_LENGTH + 1))


# Sorting


def test_default_order_is_by_name_ignoring_case():
    for name in ["b university", "Alpha Institute", "Charlie College"]:
        InstitutionFactory(name=name)
    assert filtered() == ["Alpha Institute", "b university", "Charlie College"]


def test_name_order_follows_the_visitors_language_with_english_fallback():
    InstitutionFactory(name_en="Kazan Federal University", name_ru="Казанский федеральный университет")
    InstitutionFactory(name_en="Belarusian State Pedagogical University", name_ru="Белорусский университет")
    InstitutionFactory(name_en="Anadolu University")  # no Russian name: sorted by its English one
    with translation.override("ru"):
        assert filtered(sort="name") == [
            "Anadolu University",
            "Белорусский университет",
            "Казанский федеральный университет",
        ]


def test_country_order_is_by_the_countrys_name_not_its_code():
    InstitutionFactory(name="In Germany", country="DE")
    InstitutionFactory(name="In China", country="CN")
    InstitutionFactory(name="In Austria", country="AT")
    assert filtered(sort="country") == ["In Austria", "In China", "In Germany"]
    with translation.override("ru"):  # Австрия, Германия, Китай
        assert filtered(sort="country") == ["In Austria", "In Germany", "In China"]


def test_newest_order_puts_the_latest_added_partner_first():
    for name in ["First added", "Second added", "Third added"]:
        InstitutionFactory(name=name)
    assert filtered(sort="newest") == ["Third added", "Second added", "First added"]


def test_unknown_sort_key_is_ignored_and_the_list_is_by_name():
    for name in ["Charlie College", "Alpha Institute"]:
        InstitutionFactory(name=name)
    assert filtered(sort="-password") == ["Alpha Institute", "Charlie College"]


# What never shows


def test_inactive_partners_match_no_filter():
    InstitutionFactory(name="Hidden partner", country="CN", is_active=False)
    InstitutionFactory(name="Shown partner", country="CN")
    assert filtered(country="CN", q="partner") == ["Shown partner"]


def test_sorting_alone_does_not_count_as_filtering():
    assert not InstitutionFilterSet({"sort": "newest"}, queryset=directory_queryset()).is_filtered
    assert InstitutionFilterSet({"kind": "donor"}, queryset=directory_queryset()).is_filtered
