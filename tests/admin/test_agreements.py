"""The agreement admin: derived status as badge, filter and sort; renewal chain; bad dates refused."""

import datetime

import pytest
from django.contrib import admin
from django.urls import reverse

from intl_office.dates import today
from partners.models import Agreement
from tests.admin_helpers import admin_url, form_data
from tests.factories import AgreementFactory, InstitutionFactory

DAY = datetime.timedelta(days=1)
WINDOW = datetime.timedelta(days=Agreement.EXPIRING_SOON_DAYS)


@pytest.fixture
def boundary_agreements(db):
    """One agreement on each side of every status boundary, as of today."""
    now = today()
    rows = {
        "unsigned": {"signed_on": None, "valid_until": None},
        "signed_tomorrow": {"signed_on": now + DAY, "valid_until": now + 400 * DAY},
        "signed_today": {"signed_on": now, "valid_until": None},
        "ends_after_window": {"signed_on": now - 400 * DAY, "valid_until": now + WINDOW + DAY},
        "ends_at_window": {"signed_on": now - 400 * DAY, "valid_until": now + WINDOW},
        "ends_today": {"signed_on": now - 400 * DAY, "valid_until": now},
        "ended_yesterday": {"signed_on": now - 400 * DAY, "valid_until": now - DAY},
    }
    return {name: AgreementFactory(title=name, **dates) for name, dates in rows.items()}


def titles_listed(response):
    return {agreement.title for agreement in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("draft", {"unsigned", "signed_tomorrow"}),
        ("active", {"signed_today", "ends_after_window"}),
        ("expiring", {"ends_at_window", "ends_today"}),
        ("expired", {"ended_yesterday"}),
        ("in_force", {"signed_today", "ends_after_window", "ends_at_window", "ends_today"}),
    ],
)
def test_status_filter_draws_the_line_where_the_status_does(staff_client, boundary_agreements, status, expected):
    response = staff_client.get(admin_url(Agreement, "changelist"), {"status": status})

    assert response.status_code == 200
    assert titles_listed(response) == expected
    # The filter (QuerySet methods) and the badge (Agreement.status) agree on every row.
    for agreement in response.context["cl"].result_list:
        assert agreement.is_in_force if status == "in_force" else agreement.status == status
        assert agreement.computed_status == agreement.status


def test_unknown_status_in_the_url_lists_everything(staff_client, boundary_agreements):
    response = staff_client.get(admin_url(Agreement, "changelist"), {"status": "nonsense"})

    assert response.status_code == 200
    assert titles_listed(response) == set(boundary_agreements)


def test_changelist_shows_each_status_as_a_badge(staff_client, boundary_agreements):
    response = staff_client.get(admin_url(Agreement, "changelist"))

    html = response.content.decode()
    assert '<span class="io-badge io-badge--muted">Draft</span>' in html
    assert '<span class="io-badge io-badge--success">Active</span>' in html
    assert '<span class="io-badge io-badge--warning">Expiring soon</span>' in html
    assert '<span class="io-badge io-badge--danger">Expired</span>' in html
    assert "admin-extra/admin-extra.css" in html


def test_sorting_by_status_follows_an_agreements_life(staff_client, boundary_agreements):
    status_column = list(admin.site._registry[Agreement].list_display).index("status_badge") + 1

    response = staff_client.get(admin_url(Agreement, "changelist"), {"o": str(status_column)})

    statuses = [agreement.status for agreement in response.context["cl"].result_list]
    order = ["draft", "active", "expiring", "expired"]
    assert statuses == sorted(statuses, key=order.index)


@pytest.mark.parametrize("rows", [5, 200])
@pytest.mark.usefixtures("home_institution")
def test_changelist_queries_stay_the_same_from_5_to_200_rows(staff_client, django_assert_num_queries, rows):
    AgreementFactory.create_batch(rows)

    # session, user, filtered count, full count, the page of agreements with partner and
    # status joined in, home institution (context processor), first and last signing date
    # and the dates for the date hierarchy, the partner countries for the country filter.
    with django_assert_num_queries(9):
        response = staff_client.get(admin_url(Agreement, "changelist"))

    assert response.status_code == 200


def test_change_page_links_the_renewal_chain(staff_client):
    partner = InstitutionFactory()
    first = AgreementFactory(partner=partner, title="MoU 2015")
    second = AgreementFactory(partner=partner, title="MoU 2020", renews=first)
    third = AgreementFactory(partner=partner, title="MoU 2025", renews=second)

    response = staff_client.get(admin_url(Agreement, "change", second.pk))

    html = response.content.decode()
    assert f'<a href="{admin_url(Agreement, "change", first.pk)}">MoU 2015</a>' in html
    assert f'<a href="{admin_url(Agreement, "change", third.pk)}">MoU 2025</a>' in html
    assert "<strong>MoU 2020 (this agreement)</strong>" in html
    assert html.index("MoU 2015</a>") < html.index("<strong>MoU 2020") < html.index("MoU 2025</a>")


def test_renewal_chain_survives_a_loop_in_the_data(staff_client):
    partner = InstitutionFactory()
    first = AgreementFactory(partner=partner, title="Old")
    second = AgreementFactory(partner=partner, title="New", renews=first)
    Agreement.objects.filter(pk=first.pk).update(renews=second)

    response = staff_client.get(admin_url(Agreement, "change", first.pk))

    assert response.status_code == 200
    assert response.content.decode().count(f'href="{admin_url(Agreement, "change", second.pk)}"') == 1


def test_agreement_without_renewals_says_so(staff_client):
    agreement = AgreementFactory()

    response = staff_client.get(admin_url(Agreement, "change", agreement.pk))

    assert "neither renews nor was renewed" in response.content.decode()


def add_form(staff_client, partner, **dates):
    data = form_data(staff_client.get(admin_url(Agreement, "add")), Agreement)
    data.update(partner=str(partner.pk), title_en="Exchange agreement", kind="exchange", **dates)
    return data


def test_add_form_refuses_an_end_before_the_signature(staff_client):
    partner = InstitutionFactory()
    data = add_form(staff_client, partner, signed_on="2024-05-10", valid_until="2024-05-09")

    response = staff_client.post(admin_url(Agreement, "add"), data)

    assert response.status_code == 200
    assert "An agreement cannot end before it is signed." in response.content.decode()
    assert not Agreement.objects.exists()


def test_add_form_saves_valid_dates(staff_client):
    partner = InstitutionFactory()
    data = add_form(staff_client, partner, signed_on="2024-05-10", valid_until="2029-05-09")

    response = staff_client.post(admin_url(Agreement, "add"), data)

    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert (agreement.partner, agreement.title, agreement.valid_until) == (
        partner,
        "Exchange agreement",
        datetime.date(2029, 5, 9),
    )


def test_add_form_refuses_renewing_another_partners_agreement(staff_client):
    other = AgreementFactory()
    data = add_form(staff_client, InstitutionFactory(), signed_on="2024-05-10", renews=str(other.pk))

    response = staff_client.post(admin_url(Agreement, "add"), data)

    assert response.status_code == 200
    assert "The renewed agreement must be with the same partner." in response.content.decode()
    assert Agreement.objects.count() == 1


def test_partner_autocomplete_finds_a_name_in_any_language(staff_client):
    partner = InstitutionFactory(name_en="University of Tsukuba", name_uz="Tsukuba universiteti")
    url = reverse("admin:autocomplete")
    params = {"app_label": "partners", "model_name": "agreement", "field_name": "partner"}

    response = staff_client.get(url, {**params, "term": "universiteti"})

    assert [result["id"] for result in response.json()["results"]] == [str(partner.pk)]
