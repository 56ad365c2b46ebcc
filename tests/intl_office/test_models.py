"""The department's own records: constraints, the single home institution, readable names."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from intl_office.models import Faculty, HomeInstitution, Page, Ranking
from tests.constraints import assert_accepted, assert_refused
from tests.factories import FacultyFactory, PageFactory, RankingFactory, StaffMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


# HomeInstitution: exactly one row.


def test_home_institution_save_pins_the_primary_key_to_one():
    home = HomeInstitution(pk=7, name="Tashkent State University")
    home.save()
    assert home.pk == 1
    assert list(HomeInstitution.objects.values_list("pk", flat=True)) == [1]


def test_saving_a_second_home_institution_overwrites_the_single_row():
    HomeInstitution(name="Old name").save()
    HomeInstitution(name="New name").save()
    assert HomeInstitution.objects.count() == 1
    assert HomeInstitution.objects.get().name == "New name"


def test_home_institution_load_creates_the_row_the_first_time():
    assert not HomeInstitution.objects.exists()
    home = HomeInstitution.load()
    assert home.pk == 1
    assert HomeInstitution.objects.count() == 1


def test_home_institution_load_returns_the_existing_row():
    HomeInstitution(name="Tashkent State University").save()
    assert HomeInstitution.load().name == "Tashkent State University"
    assert HomeInstitution.objects.count() == 1


def test_home_institution_with_another_id_violates_the_single_row_check():
    # save() would pin the id back to 1, so the row goes in the way a raw import would.
    second = HomeInstitution(id=2, name="Second university")
    with pytest.raises(ValidationError) as excinfo:
        second.full_clean()
    assert any("homeinstitution_single_row" in text for text in excinfo.value.messages)
    with pytest.raises(IntegrityError), transaction.atomic():
        HomeInstitution.objects.bulk_create([second])


def test_home_institution_with_id_one_passes_full_clean_and_is_stored():
    assert_accepted(HomeInstitution(id=1, name="Tashkent State University"))
    assert HomeInstitution.objects.values_list("pk", "name").get() == (1, "Tashkent State University")


# Uniqueness of the department's reference records.


def test_two_faculties_cannot_share_a_slug():
    FacultyFactory(name="Faculty of Physics", slug="physics")
    assert_refused(
        Faculty(name="Faculty of Applied Physics", slug="physics"), message="Faculty with this Slug already exists."
    )


def test_two_faculties_cannot_share_a_name():
    FacultyFactory(name="Faculty of Physics", slug="physics")
    assert_refused(
        Faculty(name="Faculty of Physics", slug="physics-2"), message="Faculty with this Name already exists."
    )


def test_a_ranking_appears_once_per_year():
    RankingFactory(name="QS Asia", year=2024)
    assert_refused(
        Ranking(name="QS Asia", year=2024, result="Top 500"),
        message="Ranking with this Ranking and Year already exists.",
    )


def test_the_same_ranking_in_another_year_is_allowed():
    RankingFactory(name="QS Asia", year=2024)
    next_year = Ranking(name="QS Asia", year=2025, result="Top 450")
    next_year.full_clean()
    next_year.save()
    assert Ranking.objects.filter(name="QS Asia").count() == 2


def test_two_pages_cannot_share_a_slug():
    PageFactory(slug="tasks")
    assert_refused(Page(title="Tasks again", slug="tasks", body="Text."), message="Page with this Slug already exists.")


def test_published_pages_exclude_unpublished_ones():
    shown = PageFactory(is_published=True)
    PageFactory(is_published=False)
    assert list(Page.objects.published()) == [shown]


# Readable names.


def test_home_institution_str_is_its_name():
    assert str(HomeInstitution(name="Tashkent State University")) == "Tashkent State University"


def test_home_institution_without_a_name_still_reads_as_home_institution():
    assert str(HomeInstitution()) == "Home institution"


def test_faculty_str_is_its_name():
    assert str(FacultyFactory(name="Faculty of Chemistry")) == "Faculty of Chemistry"


def test_staff_member_str_names_the_person_and_position():
    member = StaffMemberFactory(full_name="Dilnoza Karimova", position="Head of department")
    assert str(member) == "Dilnoza Karimova (Head of department)"


def test_ranking_str_gives_name_year_and_result():
    assert str(RankingFactory(name="THE Impact", year=2024, result="Top 1000")) == "THE Impact 2024: Top 1000"


def test_page_str_is_its_title():
    assert str(PageFactory(title="Tasks and functions")) == "Tasks and functions"


def test_user_str_is_the_username():
    assert str(UserFactory(username="dkarimova")) == "dkarimova"


def test_page_absolute_url_is_a_site_path():
    url = PageFactory(slug="tasks").get_absolute_url()
    assert isinstance(url, str)
    assert url.startswith("/")
