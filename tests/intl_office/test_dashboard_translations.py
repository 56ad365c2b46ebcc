"""The dashboard counts the public records whose Uzbek or Russian is missing, and links each kind to its list."""

import pytest

from intl_office.staff.translations import missing_translations
from tests.factories import CallFactory, GrantProgramFactory, InstitutionFactory, UserFactory, VisitFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

URL = "/staff/"


def complete(**names):
    return {f"{field}_{language}": f"{value} {language}" for field, value in names.items() for language in ("uz", "ru")}


def test_only_public_records_lacking_a_language_are_counted():
    whole = InstitutionFactory(name="Whole", city="", **complete(name="Whole"))
    InstitutionFactory(name="English only", city="")
    InstitutionFactory(name="Hidden", city="", is_active=False)
    program = GrantProgramFactory(funder=whole)
    CallFactory(title="Call in English", description="", hosts=[whole], program=program)
    CallFactory(title="Draft call", description="", is_published=False, hosts=[whole], program=program)
    VisitFactory(title="A visit", partner=whole, is_public=True, **complete(title="A visit"))

    rows = {row.label: row.count for row in missing_translations()}

    assert rows["institutions"] == 1
    assert rows["calls for applications"] == 1
    assert "visits" not in rows


def test_the_card_links_each_kind_to_its_admin_list_filtered(client, staff):
    InstitutionFactory(name="English only", city="")
    client.force_login(staff)

    html = client.get(URL).content.decode()

    assert "Public pages missing a language" in html
    assert '<a href="/admin/partners/institution/?missing_translation=any">Institutions</a>' in html


def test_the_card_says_so_when_everything_is_translated(client, staff):
    InstitutionFactory(name="Whole", city="", **complete(name="Whole"))
    client.force_login(staff)

    assert "Every public record is written in all three languages." in client.get(URL).content.decode()


def test_a_member_of_staff_who_cannot_edit_partners_does_not_see_the_card(client):
    InstitutionFactory(name="English only", city="")
    client.force_login(UserFactory(is_staff=True))

    assert "Public pages missing a language" not in client.get(URL).content.decode()
