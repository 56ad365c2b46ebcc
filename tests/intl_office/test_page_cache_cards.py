"""The fragments that make uncached public pages cheap (intl_office/page_cache.py): each card of the
partner directory, the call list and the visit list; the directory's pks per filter; the selects'
options; a partner's page, a call's page, the programme list, the About page and the home
institution's row. With the page cache off (every request renders, as a URL not in the cache does),
an edit committed by a model save (what the admin does) or a service shows on the next anonymous
request in every language, and a request whose fragments are cached reads few rows or none.

As in test_page_cache_fragments.py, writes run their on-commit hooks inside ``committed()``: the
test's own transaction never commits, and an uncommitted change bypasses every fragment.
"""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from intl_office.dates import today
from intl_office.models import HomeInstitution
from mobility.services import call_close_early
from partners.services import agreement_renew
from tests.factories import (
    AgreementFactory,
    CallFactory,
    CooperationAreaFactory,
    InstitutionFactory,
    PageFactory,
    StaffMemberFactory,
    UserFactory,
    VisitFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_uncached")]
LANGUAGES = ("", "/uz", "/ru")
IN_FORCE_BADGE = 'class="badge text-bg-success"'


def page(path):
    response = Client().get(path)
    # A /uz/ or /ru/ request leaves its language active: the edits below are made in English.
    translation.activate("en")
    assert response.status_code == 200, path
    return response.content.decode()


def in_every_language(path):
    return [page(prefix + path) for prefix in LANGUAGES]


def queries_of(path):
    with CaptureQueriesContext(connection) as queries:
        page(path)
    return len(queries)


def test_directory_card_and_pks_are_shared_and_an_edit_shows_in_every_language(committed):
    with committed():
        partner = InstitutionFactory(name="University of Andorra", country="AD")
        InstitutionFactory.create_batch(3)
    assert all("University of Andorra" in html for html in in_every_language("/partners/"))

    # The pks, the cards, the counts, the options and the department's row are all cached.
    assert queries_of("/partners/") == 0
    assert queries_of("/uz/partners/?page=1") == 0

    with committed():
        partner.name = "University of Andorra la Vella"
        partner.save()
    assert all("University of Andorra la Vella" in html for html in in_every_language("/partners/"))

    with committed():
        partner.is_active = False
        partner.save()
    assert not any("University of Andorra" in html for html in in_every_language("/partners/"))


def test_directory_card_shows_an_agreement_signed_or_renewed_since(committed):
    with committed():
        partner = InstitutionFactory(name="University of Andorra")
    assert not any(IN_FORCE_BADGE in html for html in in_every_language("/partners/?q=Andorra"))

    on = today()
    with committed():
        old = AgreementFactory(partner=partner, signed_on=on - datetime.timedelta(days=800), valid_until=on)
    in_force = page("/partners/?q=Andorra")
    assert IN_FORCE_BADGE in in_force

    # The day after its last day the card changes without any edit: the office's date is in the key.
    with time_machine.travel(on + datetime.timedelta(days=1, hours=12), tick=False):
        assert IN_FORCE_BADGE not in page("/partners/?q=Andorra")
        with committed():
            agreement_renew(agreement=old, signed_on=on + datetime.timedelta(days=1))
        assert IN_FORCE_BADGE in page("/partners/?q=Andorra")


def test_directory_pks_follow_a_new_partner_and_the_area_select_a_new_area(committed):
    with committed():
        InstitutionFactory(name="University of Andorra")
    page("/partners/?sort=newest")
    page("/partners/")

    with committed():
        newcomer = InstitutionFactory(name="Newcomer University")
        newcomer.cooperation_areas.add(CooperationAreaFactory(name="Marine biology", slug="marine-biology"))
    for html in in_every_language("/partners/?sort=newest"):
        assert "Newcomer University" in html and 'value="marine-biology"' in html
    assert "Newcomer University" in page("/partners/?area=marine-biology")


def test_call_card_and_page_show_an_edit_and_a_closing_in_every_language(committed):
    with committed():
        call = CallFactory(title="Spring exchange to Ankara")
        host = InstitutionFactory(name="Ankara University")
        call.hosts.add(host)
    path = call.get_absolute_url().removeprefix("/en")
    for html in in_every_language("/calls/") + in_every_language(path):
        assert "Spring exchange to Ankara" in html and "Ankara University" in html
    # The list's pks and its cards are cached: warm, it reads nothing; a call's page only its row.
    assert queries_of("/calls/") == 0
    assert queries_of(path) == 1

    with committed():
        call.title = "Autumn exchange to Ankara"
        call.save()
        call.hosts.remove(host)
    for html in in_every_language("/calls/") + in_every_language(path):
        assert "Autumn exchange to Ankara" in html and "Ankara University" not in html

    with committed():
        call_close_early(call=call, actor=UserFactory(is_staff=True), reason="The places are taken.")
    for html in in_every_language(path):
        assert "The places are taken." in html


def test_call_list_pks_follow_a_new_call_a_closing_and_an_unpublished_call(committed):
    with committed():
        call = CallFactory(title="Spring exchange to Ankara")
    assert "Spring exchange to Ankara" in page("/calls/?status=open")
    with committed():
        CallFactory(title="Summer school in Seoul")
    assert all("Summer school in Seoul" in html for html in in_every_language("/calls/"))

    with committed():
        call_close_early(call=call, actor=UserFactory(is_staff=True), reason="The places are taken.")
    assert "Spring exchange to Ankara" not in page("/calls/?status=open")
    assert "Spring exchange to Ankara" in page("/calls/?status=closed")

    with committed():
        call.is_published = False
        call.save()
    assert all("Spring exchange to Ankara" not in html for html in in_every_language("/calls/"))
    assert "1 call" in page("/calls/")


def test_call_page_keeps_the_apply_button_for_each_visitor(committed):
    with committed():
        call = CallFactory(title="Spring exchange to Ankara")
    path = call.get_absolute_url()
    page(path)
    staff_call_refusal = "You cannot apply to this call"
    employee = UserFactory(affiliation="employee")
    client = Client()
    client.force_login(employee)
    # The cached content around it is the same, the button is the visitor's own.
    signed_in = client.get(path).content.decode()
    assert "Spring exchange to Ankara" in signed_in and staff_call_refusal in signed_in
    assert staff_call_refusal not in page(path)


def test_call_card_counts_the_days_left_by_the_office_date(committed):
    on = today()
    with committed():
        CallFactory(title="Spring exchange to Ankara", deadline=on + datetime.timedelta(days=3))
    assert "3 days left" in page("/calls/")
    with time_machine.travel(on + datetime.timedelta(days=1, hours=12), tick=False):
        assert "2 days left" in page("/calls/")


def test_programme_select_on_the_call_list_follows_a_renamed_programme(committed):
    with committed():
        call = CallFactory()
    page("/calls/")
    with committed():
        call.program.short_name = "Erasmus+ KA171"
        call.program.save()
    assert all("Erasmus+ KA171" in html for html in in_every_language("/calls/"))


def test_visit_card_and_selects_show_an_edit_in_every_language(committed):
    with committed():
        visit = VisitFactory(title="Rectors of Ankara visit us", start_date=datetime.date(2024, 5, 3))
    assert all("Rectors of Ankara visit us" in html for html in in_every_language("/visits/"))
    # The list's pks, the cards and the selects' options are cached: warm, it reads nothing.
    assert queries_of("/visits/") == 0

    with committed():
        visit.title = "Rectors of Ankara and Izmir visit us"
        visit.start_date = datetime.date(2023, 5, 3)
        visit.save()
    for html in in_every_language("/visits/"):
        assert "Rectors of Ankara and Izmir visit us" in html and 'value="2023"' in html
    assert "Rectors of Ankara and Izmir" in page("/visits/?year=2023")

    with committed():
        VisitFactory(title="Seoul delegation visits us")
    assert all("Seoul delegation visits us" in html for html in in_every_language("/visits/"))
    with committed():
        visit.delete()
    assert all("Rectors of Ankara and Izmir" not in html for html in in_every_language("/visits/"))


def test_partner_page_shows_an_edit_of_a_related_record_in_every_language(committed):
    with committed():
        partner = InstitutionFactory(name="University of Andorra", slug="andorra")
        visit = VisitFactory(partner=partner, title="Rectors of Andorra visit us")
    assert all("Rectors of Andorra visit us" in html for html in in_every_language("/partners/andorra/"))
    assert queries_of("/partners/andorra/") == 1

    with committed():
        visit.title = "Rectors of Andorra sign a memorandum"
        visit.save()
    assert all("Rectors of Andorra sign a memorandum" in html for html in in_every_language("/partners/andorra/"))


def test_programme_list_about_page_and_department_follow_an_edit_in_every_language(committed):
    with committed():
        call = CallFactory()
        StaffMemberFactory(full_name="Dilnoza Karimova", is_public=True)
        PageFactory()
    page("/programs/")
    page("/about/")
    assert queries_of("/programs/") == 0
    assert queries_of("/about/") == 0

    with committed():
        call.program.name = "Erasmus Mundus Joint Masters"
        call.program.save()
        StaffMemberFactory(full_name="Aziz Rahimov", is_public=True)
        home = HomeInstitution.load()
        home.department_name = "Department of International Cooperation"
        home.save()
    assert all("Erasmus Mundus Joint Masters" in html for html in in_every_language("/programs/"))
    for html in in_every_language("/about/"):
        assert "Aziz Rahimov" in html and "Department of International Cooperation" in html


def test_directory_filter_form_shows_the_values_sent_and_follows_a_new_country(committed):
    with committed():
        InstitutionFactory(name="University of Andorra", country="AD")
    assert 'value="Andorra"' in page("/partners/?q=Andorra")
    # Another search shares nothing of the form but its options.
    assert 'value="Seoul"' in page("/partners/?q=Seoul")
    assert 'value="Andorra"' not in page("/partners/?q=Seoul")
    assert all("(2)" not in html for html in in_every_language("/partners/"))

    with committed():
        InstitutionFactory(name="Andorra Research Centre", country="AD")
        InstitutionFactory(name="Monaco Institute", country="MC")
    for html in in_every_language("/partners/"):
        assert 'value="AD"' in html and "(2)" in html and 'value="MC"' in html
    assert '<option value="AD" selected>' in page("/partners/?country=AD")
