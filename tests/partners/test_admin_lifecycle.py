"""An agreement's life in the admin: renewing it, spotting dormant ones, and the history of every edit."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Permission

from intl_office.dates import academic_year_bounds, academic_year_of, today
from mobility.models import Mobility, agreements_dormant
from partners.models import Agreement, AgreementReminder, Institution
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import AgreementFactory, InstitutionFactory, MobilityFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def mou(db):
    return AgreementFactory(
        partner=InstitutionFactory(name="Kyungpook National University", country="KR"),
        title="Memorandum of understanding",
        signed_on=datetime.date(2020, 5, 10),
        valid_until=datetime.date(2025, 5, 9),
        student_places_out=3,
        reference_number="KNU-2020-07",
    )


def renew_url(agreement):
    return admin_url(Agreement, "renew", agreement.pk)


# Renewing through the admin.


def test_change_page_offers_renew_for_a_signed_agreement(staff_client, mou):
    response = staff_client.get(admin_url(Agreement, "change", mou.pk))

    assert f'<a href="{renew_url(mou)}">Renew</a>' in response.content.decode()


def test_renew_page_shows_the_agreement_and_asks_for_the_new_dates(staff_client, mou):
    response = staff_client.get(renew_url(mou))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Kyungpook National University" in html
    for name in ("signed_on", "valid_until", "reference_number"):
        assert f'name="{name}"' in html
    assert 'type="date"' in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"signed_on": "2025-05-01", "valid_until": "2025-04-30"}, "valid_until", "cannot end before it is signed"),
        ({"signed_on": ""}, "signed_on", "This field is required."),
        ({"signed_on": "1 May"}, "signed_on", "Enter a valid date."),
        ({"signed_on": "2019-01-01"}, "signed_on", "cannot be signed before the agreement it renews"),
        ({"signed_on": "2025-05-01", "reference_number": "KNU-2020-07"}, "reference_number", "Another agreement"),
    ],
    ids=["ends_before_signed", "no_signature_date", "not_a_date", "signed_before_predecessor", "reference_taken"],
)
def test_renew_with_invalid_input_shows_the_error_by_its_field_and_creates_nothing(
    staff_client, mou, data, field, message
):
    response = staff_client.post(renew_url(mou), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    assert "Nothing was created." in response.content.decode()
    assert Agreement.objects.count() == 1


def test_renew_with_valid_input_creates_the_successor_and_opens_it(staff_client, staff, mou):
    response = staff_client.post(
        renew_url(mou), {"signed_on": "2025-05-01", "valid_until": "2030-04-30", "reference_number": "KNU-2025-03"}
    )

    successor = Agreement.objects.exclude(pk=mou.pk).get()
    assert response.status_code == 302
    assert response["Location"] == admin_url(Agreement, "change", successor.pk)
    assert (successor.renews, successor.partner, successor.student_places_out) == (mou, mou.partner, 3)
    assert (successor.signed_on, successor.valid_until, successor.reference_number) == (
        datetime.date(2025, 5, 1),
        datetime.date(2030, 4, 30),
        "KNU-2025-03",
    )
    assert successor.title == "Memorandum of understanding (updated form)"
    assert LogEntry.objects.get_for_object(successor).get().actor == staff
    page = staff_client.get(response["Location"]).content.decode()
    assert "renews “Memorandum of understanding”" in page
    assert f'<a href="{admin_url(Agreement, "change", mou.pk)}">Memorandum of understanding</a>' in page


def test_an_agreement_already_renewed_offers_no_renewal(staff_client, mou):
    successor = AgreementFactory(partner=mou.partner, renews=mou, title="MoU 2025", signed_on=datetime.date(2025, 5, 1))

    change_page = staff_client.get(admin_url(Agreement, "change", mou.pk)).content.decode()
    renew_page = staff_client.get(renew_url(mou))
    post = staff_client.post(renew_url(mou), {"signed_on": "2025-05-02"})

    assert renew_url(mou) not in change_page
    assert "already been renewed by “MoU 2025”" in renew_page.content.decode()
    assert admin_url(Agreement, "change", successor.pk) in renew_page.content.decode()
    assert 'name="signed_on"' not in renew_page.content.decode()
    assert post.status_code == 200
    assert Agreement.objects.count() == 2


def test_a_draft_offers_no_renewal(staff_client):
    draft = AgreementFactory(signed_on=None, valid_until=None)

    response = staff_client.post(renew_url(draft), {"signed_on": "2025-05-02"})

    assert "A draft cannot be renewed" in response.content.decode()
    assert Agreement.objects.count() == 1


def test_staff_who_may_not_add_agreements_cannot_renew(client, mou):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_agreement"))
    client.force_login(viewer)

    change_page = client.get(admin_url(Agreement, "change", mou.pk))

    assert client.get(renew_url(mou)).status_code == 403
    assert client.post(renew_url(mou), {"signed_on": "2025-05-01"}).status_code == 403
    assert renew_url(mou) not in change_page.content.decode()
    assert Agreement.objects.count() == 1


def test_renew_page_of_an_unknown_agreement_goes_back_to_the_list(staff_client):
    response = staff_client.get(admin_url(Agreement, "renew", 999999))

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_renew_action_with_one_agreement_opens_its_renew_page(staff_client, mou):
    response = staff_client.post(
        admin_url(Agreement, "changelist"), {"action": "renew_selected", "_selected_action": [mou.pk]}
    )

    assert response.status_code == 302
    assert response["Location"] == renew_url(mou)


def test_renew_action_with_two_agreements_asks_for_one(staff_client, mou):
    other = AgreementFactory()

    response = staff_client.post(
        admin_url(Agreement, "changelist"),
        {"action": "renew_selected", "_selected_action": [mou.pk, other.pk]},
        follow=True,
    )

    assert "Select one agreement to renew" in response.content.decode()
    assert Agreement.objects.count() == 2


# Dormant agreements: mobility with the partner last academic year against the places per year.


@pytest.fixture
def last_year():
    return academic_year_bounds(academic_year_of(today()) - 1)


def agreement_with_mobility(title, places, starts=(), status=Mobility.Status.COMPLETED, **dates):
    dates.setdefault("signed_on", today() - 800 * DAY)
    dates.setdefault("valid_until", today() + 800 * DAY)
    agreement = AgreementFactory(title=title, student_places_out=places, **dates)
    for start in starts:
        MobilityFactory(partner=agreement.partner, start_date=start, end_date=start + 30 * DAY, status=status)
    return agreement


@pytest.fixture
def boundary_agreements(last_year):
    start, end = last_year
    agreement_with_mobility("on the last day of last year", 1, [end])
    agreement_with_mobility("on the first day of this year", 1, [end + DAY])
    agreement_with_mobility("on the first day of last year", 1, [start])
    agreement_with_mobility("on the day before last year", 1, [start - DAY])
    agreement_with_mobility("one of two places used", 2, [start + 10 * DAY])
    agreement_with_mobility("more than the places", 1, [start, end])
    agreement_with_mobility("no places, no mobility", 0)
    agreement_with_mobility("cancelled", 1, [start], status=Mobility.Status.CANCELLED)
    agreement_with_mobility("expired, unused", 1, signed_on=today() - 800 * DAY, valid_until=today() - DAY)
    agreement_with_mobility("draft, unused", 1, signed_on=None, valid_until=None)


DORMANT = {
    "on the first day of this year",
    "on the day before last year",
    "one of two places used",
    "no places, no mobility",
    "cancelled",
}
USED = {"on the last day of last year", "on the first day of last year", "more than the places"}


def titles(response):
    return {agreement.title for agreement in response.context["cl"].result_list}


@pytest.mark.parametrize(("value", "expected"), [("yes", DORMANT), ("no", USED)])
def test_dormant_filter_counts_last_academic_year_to_the_day(staff_client, boundary_agreements, value, expected):
    response = staff_client.get(admin_url(Agreement, "changelist"), {"dormant": value})

    assert response.status_code == 200
    assert titles(response) == expected
    # The filter and the model's QuerySet agree.
    if value == "yes":
        assert set(agreements_dormant().values_list("title_en", flat=True)) == expected


def test_changelist_shows_last_years_people_against_the_places_and_flags_dormant(staff_client, boundary_agreements):
    response = staff_client.get(admin_url(Agreement, "changelist"))

    cl = response.context["cl"]
    column = {agreement.title: cl.model_admin.places_used(agreement) for agreement in cl.result_list}
    assert column["on the last day of last year"] == '<span class="io-nowrap">1 / 1</span>'
    assert column["more than the places"] == '<span class="io-nowrap">2 / 1</span>'
    assert column["one of two places used"] == (
        '<span class="io-nowrap">1 / 2</span> <span class="io-badge io-badge--warning">Dormant</span>'
    )
    assert column["expired, unused"] == column["draft, unused"] == "—"
    assert response.content.decode().count('io-badge--warning">Dormant<') == len(DORMANT)


# History: who changed what, seen from the record.


def test_an_edit_through_the_admin_is_in_the_history_with_its_author_and_change(staff_client, staff):
    staff.first_name, staff.last_name = "Dilnoza", "Karimova"
    staff.save()
    partner = InstitutionFactory(name="Ajou University", country="KR", website="https://old.ajou.ac.kr/")
    url = admin_url(Institution, "change", partner.pk)
    data = form_data(staff_client.get(url), Institution)
    data["website"] = "https://www.ajou.ac.kr/"

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    entry = LogEntry.objects.get_for_object(partner).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == staff
    assert entry.changes_dict["website"] == ["https://old.ajou.ac.kr/", "https://www.ajou.ac.kr/"]
    page = staff_client.get(url).content.decode()
    history = page[page.index('<table class="io-history">') :]
    assert "Dilnoza Karimova" in history
    assert "Website: https://old.ajou.ac.kr/ → https://www.ajou.ac.kr/" in history
    assert "<td>Update</td>" in history and "<td>Create</td>" in history
    audit_page = staff_client.get(admin_url(Institution, "auditlog", partner.pk))
    assert audit_page.status_code == 200
    assert "https://www.ajou.ac.kr/" in audit_page.content.decode()
    assert f'<a href="{admin_url(Institution, "auditlog", partner.pk)}">Audit log</a>' in page


def test_an_agreement_edit_is_in_its_history(staff_client, staff, mou):
    url = admin_url(Agreement, "change", mou.pk)
    data = form_data(staff_client.get(url), Agreement)
    data["student_places_out"] = "5"

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    entry = LogEntry.objects.get_for_object(mou).filter(action=LogEntry.Action.UPDATE).get()
    assert (entry.actor, entry.changes_dict["student_places_out"]) == (staff, ["3", "5"])
    page = staff_client.get(url).content.decode()
    assert "Student places per year (outgoing): 3 → 5" in page


def test_history_shows_the_latest_changes_and_links_to_the_rest(staff_client):
    partner = InstitutionFactory(name="Ajou University", country="KR")
    for n in range(7):
        partner.city = f"Suwon {n}"
        partner.save()

    page = staff_client.get(admin_url(Institution, "change", partner.pk)).content.decode()

    history = page[page.index('<table class="io-history">') :]
    assert history.count("<tr><td>") == 5
    assert "City [en]: Suwon 5 → Suwon 6" in history
    assert "→ Suwon 2" in history and "→ Suwon 1<" not in history
    assert "<li>City:" not in history  # the untranslated copy of the English column is not listed twice
    assert "Every change in the audit log" in history


def test_agreement_page_lists_the_expiry_reminders_sent(staff_client, mou):
    AgreementReminder.objects.create(agreement=mou, valid_until=mou.valid_until, days_before=30, sent_to="a@uni.uz")

    response = staff_client.get(admin_url(Agreement, "change", mou.pk))

    html = response.content.decode()
    assert "Expiry reminders sent" in html
    assert "a@uni.uz" in html
    assert 'name="reminders-0-sent_to"' not in html  # a record, not a form


# The new admin URLs are closed to visitors and students like every admin page.

NEW_URLS = [
    lambda agreement: admin_url(Agreement, "renew", agreement.pk),
    lambda agreement: admin_url(Agreement, "auditlog", agreement.pk),
    lambda agreement: admin_url(Institution, "auditlog", agreement.partner.pk),
    lambda agreement: admin_url(Agreement, "import"),
    lambda agreement: admin_url(Institution, "import"),
    lambda agreement: admin_url(Agreement, "export"),
    lambda agreement: admin_url(Institution, "export"),
]
URL_IDS = [
    "renew",
    "agreement_auditlog",
    "institution_auditlog",
    "agreement_import",
    "institution_import",
    "export_a",
    "export_i",
]


@pytest.mark.parametrize("url", NEW_URLS, ids=URL_IDS)
@pytest.mark.parametrize("who", ["anonymous", "student"])
def test_visitors_and_students_are_sent_to_the_admin_login(client, student, mou, url, who):
    if who == "student":
        client.force_login(student)

    response = client.get(url(mou))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.parametrize("url", NEW_URLS, ids=URL_IDS)
def test_staff_open_the_new_admin_pages(staff_client, mou, url):
    assert staff_client.get(url(mou)).status_code == 200


@pytest.mark.parametrize("rows", [5, 200])
@pytest.mark.usefixtures("home_institution")
def test_dormant_filter_queries_stay_the_same_from_5_to_200_rows(staff_client, django_assert_num_queries, rows):
    start, end = academic_year_bounds(academic_year_of(today()) - 1)
    for agreement in AgreementFactory.create_batch(rows, student_places_out=2):
        MobilityFactory(partner=agreement.partner, start_date=start, end_date=end)

    # session, user, filtered count, full count, the page of agreements with partner, status and the
    # mobility subqueries joined in, home institution, first and last signing date, the dates for the
    # date hierarchy, the partner countries for the country filter.
    with django_assert_num_queries(9):
        response = staff_client.get(admin_url(Agreement, "changelist"), {"dormant": "yes"})

    assert len(response.context["cl"].result_list) == min(rows, 100)
