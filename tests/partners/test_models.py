"""Partners and agreements: constraints, slugs, and the agreement status derived from dates."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from intl_office.dates import today
from partners.models import Agreement, Institution
from tests.constraints import assert_accepted, assert_refused, days
from tests.factories import AgreementFactory, ContactFactory, CooperationAreaFactory, InstitutionFactory

pytestmark = pytest.mark.django_db

DRAFT = Agreement.Status.DRAFT
ACTIVE = Agreement.Status.ACTIVE
EXPIRING = Agreement.Status.EXPIRING_SOON
EXPIRED = Agreement.Status.EXPIRED

# A fixed day for the boundary tables; 15 June + 90 days crosses two month ends.
DAY = datetime.date(2025, 6, 15)


# Agreement constraints.


def test_agreement_cannot_end_before_it_is_signed():
    agreement = AgreementFactory(signed_on=DAY, valid_until=DAY + days(10))
    agreement.valid_until = DAY - days(1)
    assert_refused(agreement, message="An agreement cannot end before it is signed.")


def test_agreement_may_end_on_the_day_it_is_signed():
    agreement = AgreementFactory.build(partner=InstitutionFactory(), signed_on=DAY, valid_until=DAY)
    assert_accepted(agreement)
    assert Agreement.objects.values_list("signed_on", "valid_until").get() == (DAY, DAY)


def test_draft_agreement_may_have_an_end_date_without_a_signing_date():
    agreement = AgreementFactory.build(partner=InstitutionFactory(), signed_on=None, valid_until=DAY)
    assert_accepted(agreement)
    assert Agreement.objects.values_list("signed_on", "valid_until").get() == (None, DAY)


def test_two_agreements_cannot_share_a_reference_number():
    AgreementFactory(reference_number="MOU-2024/17")
    duplicate = AgreementFactory.build(partner=InstitutionFactory(), reference_number="MOU-2024/17")
    assert_refused(duplicate, message="Another agreement has this reference number.")


def test_several_agreements_may_leave_the_reference_number_blank():
    AgreementFactory(reference_number="")
    second = AgreementFactory.build(partner=InstitutionFactory(), reference_number="")
    assert_accepted(second)
    assert Agreement.objects.filter(reference_number="").count() == 2


def test_agreement_cannot_renew_an_agreement_with_another_partner():
    earlier = AgreementFactory()
    renewal = AgreementFactory.build(partner=InstitutionFactory(), renews=earlier)
    with pytest.raises(ValidationError) as excinfo:
        renewal.full_clean()
    assert excinfo.value.message_dict["renews"] == ["The renewed agreement must be with the same partner."]


def test_agreement_may_renew_an_earlier_agreement_with_the_same_partner():
    earlier = AgreementFactory()
    renewal = AgreementFactory.build(partner=earlier.partner, renews=earlier)
    assert_accepted(renewal)
    assert Agreement.objects.get(pk=renewal.pk).renews == earlier
    assert list(earlier.renewals.all()) == [renewal]


def test_agreement_cannot_renew_itself():
    agreement = AgreementFactory()
    agreement.renews = agreement
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert excinfo.value.message_dict["renews"] == ["An agreement cannot renew itself."]


# Institution constraints and slugs.


def test_institution_name_is_unique_within_a_country():
    InstitutionFactory(name="Seoul National University", country="KR")
    assert_refused(
        Institution(name="Seoul National University", country="KR"),
        message="Institution with this Name and Country already exists.",
    )


def test_the_same_institution_name_is_allowed_in_another_country():
    InstitutionFactory(name="University of Technology", country="KR")
    other = Institution(name="University of Technology", country="MY")
    other.full_clean()
    other.save()
    assert Institution.objects.filter(name="University of Technology").count() == 2


def test_two_institutions_cannot_share_an_explicit_slug():
    InstitutionFactory(name="Inha University", slug="inha")
    assert_refused(
        Institution(name="Inha University in Tashkent", country="UZ", slug="inha"),
        message="Institution with this Slug already exists.",
    )


def test_institution_slug_is_made_from_the_short_name_when_left_empty():
    institution = InstitutionFactory(name="Korea International Cooperation Agency", short_name="KOICA")
    assert institution.slug == "koica"


def test_institution_slug_falls_back_to_the_full_name_when_the_short_name_is_taken():
    InstitutionFactory(name="Kaunas University of Technology", short_name="KTU", country="LT")
    karadeniz = InstitutionFactory(name="Karadeniz Technical University", short_name="KTU", country="TR")
    assert karadeniz.slug == "karadeniz-technical-university"


def test_institution_slug_is_made_from_the_name_without_a_short_name():
    assert InstitutionFactory(name="Seoul National University").slug == "seoul-national-university"


def test_institutions_with_the_same_name_get_distinct_slugs():
    slugs = [
        InstitutionFactory(name="University of Technology", country=country).slug for country in ("KR", "MY", "SG")
    ]
    assert slugs == ["university-of-technology", "university-of-technology-2", "university-of-technology-3"]


def test_institutions_whose_names_slugify_to_nothing_get_distinct_slugs():
    russian = InstitutionFactory(name="Московский государственный университет", country="RU")
    chinese = InstitutionFactory(name="北京大学", country="CN")
    assert russian.slug == "institution"
    assert chinese.slug == "institution-2"


def test_institution_keeps_its_slug_when_renamed():
    institution = InstitutionFactory(name="Inha University")
    institution.name = "Inha University in Tashkent"
    institution.save()
    institution.refresh_from_db()
    assert institution.slug == "inha-university"


def test_public_institutions_are_the_active_ones():
    active = InstitutionFactory(is_active=True)
    InstitutionFactory(is_active=False)
    assert list(Institution.objects.public()) == [active]


# Agreement status: model and QuerySet, on a fixed day.

STATUS_TABLE = [
    # (signed_on, valid_until) as offsets in days from DAY (None = empty), expected status on DAY
    pytest.param(None, None, DRAFT, id="unsigned"),
    pytest.param(None, 400, DRAFT, id="unsigned-with-end-date"),
    pytest.param(1, 400, DRAFT, id="signed-tomorrow"),
    pytest.param(1, None, DRAFT, id="signed-tomorrow-without-end-date"),
    pytest.param(0, 400, ACTIVE, id="signed-today"),
    pytest.param(-365, None, ACTIVE, id="without-end-date"),
    pytest.param(-365, 91, ACTIVE, id="ends-in-91-days"),
    pytest.param(-365, 90, EXPIRING, id="ends-in-90-days"),
    pytest.param(-365, 1, EXPIRING, id="ends-tomorrow"),
    pytest.param(-365, 0, EXPIRING, id="ends-today"),
    pytest.param(0, 0, EXPIRING, id="signed-and-ends-today"),
    pytest.param(-365, -1, EXPIRED, id="ended-yesterday"),
    pytest.param(-800, -400, EXPIRED, id="ended-long-ago"),
]


def agreement_on(signed, until, base=DAY):
    return AgreementFactory(
        signed_on=None if signed is None else base + days(signed),
        valid_until=None if until is None else base + days(until),
    )


def statuses_by_queryset(agreement, on):
    """Which of the QuerySet methods select ``agreement`` on the day."""
    selecting = Agreement.objects.filter(pk=agreement.pk)
    kwargs = {} if on is None else {"on": on}
    return {
        "drafts": selecting.drafts(**kwargs).exists(),
        "in_force": selecting.in_force(**kwargs).exists(),
        "active": selecting.active(**kwargs).exists(),
        "expiring_soon": selecting.expiring_soon(**kwargs).exists(),
        "expired": selecting.expired(**kwargs).exists(),
    }


def expected_selection(status):
    return {
        "drafts": status == DRAFT,
        "in_force": status in (ACTIVE, EXPIRING),
        "active": status == ACTIVE,
        "expiring_soon": status == EXPIRING,
        "expired": status == EXPIRED,
    }


@pytest.mark.parametrize(("signed", "until", "expected"), STATUS_TABLE)
def test_agreement_status_on_a_day_follows_its_dates(signed, until, expected):
    assert agreement_on(signed, until).status_on(DAY) == expected


@pytest.mark.parametrize(("signed", "until", "expected"), STATUS_TABLE)
def test_agreement_queryset_methods_select_by_the_same_status(signed, until, expected):
    agreement = agreement_on(signed, until)
    assert statuses_by_queryset(agreement, DAY) == expected_selection(expected)


@pytest.mark.parametrize(("signed", "until", "expected"), STATUS_TABLE)
def test_agreement_with_status_annotates_the_same_status(signed, until, expected):
    agreement = agreement_on(signed, until)
    assert Agreement.objects.with_status(on=DAY).get(pk=agreement.pk).computed_status == expected
    assert Agreement.objects.with_status_in([expected], on=DAY).filter(pk=agreement.pk).exists()
    others = [status for status in Agreement.Status if status != expected]
    assert not Agreement.objects.with_status_in(others, on=DAY).filter(pk=agreement.pk).exists()


def test_agreement_ending_in_90_days_is_expiring_soon():
    agreement = agreement_on(-365, 90)
    assert agreement.status_on(DAY) == EXPIRING
    assert list(Agreement.objects.expiring_soon(on=DAY)) == [agreement]


def test_agreement_ending_in_91_days_is_active():
    agreement = agreement_on(-365, 91)
    assert agreement.status_on(DAY) == ACTIVE
    assert list(Agreement.objects.active(on=DAY)) == [agreement]


def test_agreement_ending_today_is_still_in_force():
    agreement = agreement_on(-365, 0)
    assert list(Agreement.objects.in_force(on=DAY)) == [agreement]
    assert not Agreement.objects.expired(on=DAY).exists()


def test_agreement_ended_yesterday_is_expired():
    agreement = agreement_on(-365, -1)
    assert agreement.status_on(DAY) == EXPIRED
    assert list(Agreement.objects.expired(on=DAY)) == [agreement]
    assert not Agreement.objects.in_force(on=DAY).exists()


def test_model_and_queryset_status_agree_on_every_boundary_day():
    agreements = [agreement_on(signed, until) for signed, until, _ in (p.values for p in STATUS_TABLE)]
    boundaries = {a.signed_on for a in agreements if a.signed_on} | {a.valid_until for a in agreements if a.valid_until}
    # Each date where a status can change, the days around it and the start of the 90-day window.
    check_days = sorted(
        {b + days(shift) for b in boundaries for shift in (-92, -91, -90, -89, -1, 0, 1)} | {DAY, DAY + days(1)}
    )
    for day in check_days:
        by_model = {a.pk: a.status_on(day) for a in agreements}
        annotated = dict(Agreement.objects.with_status(on=day).values_list("pk", "computed_status"))
        assert annotated == by_model, day
        for method in ("drafts", "in_force", "active", "expiring_soon", "expired"):
            selected = set(getattr(Agreement.objects, method)(on=day).values_list("pk", flat=True))
            expected = {pk for pk, status in by_model.items() if expected_selection(status)[method]}
            assert selected == expected, (day, method)


def test_every_agreement_has_exactly_one_status_on_a_day():
    agreements = [agreement_on(signed, until) for signed, until, _ in (p.values for p in STATUS_TABLE)]
    selected = (
        list(Agreement.objects.drafts(on=DAY))
        + list(Agreement.objects.active(on=DAY))
        + list(Agreement.objects.expiring_soon(on=DAY))
        + list(Agreement.objects.expired(on=DAY))
    )
    assert sorted(a.pk for a in selected) == sorted(a.pk for a in agreements)


def test_expiring_soon_accepts_a_shorter_warning_window():
    within_30 = agreement_on(-365, 30)
    agreement_on(-365, 31)
    assert list(Agreement.objects.expiring_soon(on=DAY, within=30)) == [within_30]


def test_expiring_soon_within_zero_days_selects_only_agreements_ending_on_the_day():
    ending_today = agreement_on(-365, 0)
    agreement_on(-365, 30)
    assert list(Agreement.objects.expiring_soon(on=DAY, within=0)) == [ending_today]


# Agreement status with the real date: the properties and the QuerySets without `on`.

REAL_TODAY_TABLE = [
    pytest.param(None, None, DRAFT, id="unsigned"),
    pytest.param(1, 400, DRAFT, id="signed-tomorrow"),
    pytest.param(0, None, ACTIVE, id="signed-today-without-end-date"),
    pytest.param(-365, 91, ACTIVE, id="ends-in-91-days"),
    pytest.param(-365, 90, EXPIRING, id="ends-in-90-days"),
    pytest.param(-365, 0, EXPIRING, id="ends-today"),
    pytest.param(-365, -1, EXPIRED, id="ended-yesterday"),
]


@pytest.mark.parametrize(("signed", "until", "expected"), REAL_TODAY_TABLE)
def test_agreement_status_property_uses_the_office_today(signed, until, expected):
    agreement = agreement_on(signed, until, base=today())
    assert agreement.status == expected
    assert agreement.get_status_display() == Agreement.Status(expected).label
    assert agreement.is_in_force == (expected in (ACTIVE, EXPIRING))


@pytest.mark.parametrize(("signed", "until", "expected"), REAL_TODAY_TABLE)
def test_agreement_querysets_default_to_the_office_today(signed, until, expected):
    agreement = agreement_on(signed, until, base=today())
    assert statuses_by_queryset(agreement, None) == expected_selection(expected)
    assert Agreement.objects.with_status().get(pk=agreement.pk).computed_status == agreement.status


def test_public_agreements_are_public_and_with_an_active_partner():
    shown = AgreementFactory(is_public=True)
    AgreementFactory(is_public=False)
    AgreementFactory(is_public=True, partner=InstitutionFactory(is_active=False))
    assert list(Agreement.objects.public()) == [shown]


def test_institution_with_an_agreement_in_force_is_annotated():
    with_agreement = agreement_on(-365, 400).partner
    expired_only = agreement_on(-800, -1).partner
    draft_only = agreement_on(None, None).partner
    without = InstitutionFactory()
    flags = dict(Institution.objects.with_agreement_in_force(on=DAY).values_list("pk", "has_agreement_in_force"))
    assert flags == {with_agreement.pk: True, expired_only.pk: False, draft_only.pk: False, without.pk: False}


def test_institution_with_only_an_internal_agreement_has_no_agreement_in_force():
    partner = AgreementFactory(signed_on=DAY - days(365), valid_until=DAY + days(400), is_public=False).partner
    assert not Institution.objects.with_agreement_in_force(on=DAY).get(pk=partner.pk).has_agreement_in_force


# Readable names and public addresses.


def test_cooperation_area_str_is_its_name():
    assert str(CooperationAreaFactory(name="Student exchange")) == "Student exchange"


def test_institution_str_is_its_name():
    assert str(InstitutionFactory(name="Seoul National University")) == "Seoul National University"


def test_contact_str_names_the_person_and_institution():
    contact = ContactFactory(full_name="Kim Min-jun", institution=InstitutionFactory(name="Inha University"))
    assert str(contact) == "Kim Min-jun, Inha University"


def test_agreement_str_is_its_title():
    assert str(AgreementFactory(title="Student exchange agreement")) == "Student exchange agreement"


def test_institution_absolute_url_is_a_site_path():
    url = InstitutionFactory().get_absolute_url()
    assert isinstance(url, str)
    assert url.startswith("/")


def test_agreement_absolute_url_points_into_its_partner_page():
    agreement = AgreementFactory()
    url = agreement.get_absolute_url()
    assert url.startswith("/")
    assert url.endswith(f"#agreement-{agreement.pk}")


def test_renewal_chain_runs_from_the_first_agreement_to_the_latest_renewal():
    first = AgreementFactory(signed_on=DAY - days(2000), valid_until=DAY - days(900))
    second = AgreementFactory(partner=first.partner, renews=first, signed_on=DAY - days(900), valid_until=DAY - days(1))
    third = AgreementFactory(partner=first.partner, renews=second, signed_on=DAY, valid_until=None)
    AgreementFactory(partner=first.partner)  # another agreement with the partner, outside the chain

    assert second.renewal_chain() == [first, second, third]
    assert first.renewal_chain() == [first, second, third]


def test_renewal_chain_stops_at_a_loop_typed_into_the_data():
    one = AgreementFactory()
    two = AgreementFactory(partner=one.partner, renews=one)
    Agreement.objects.filter(pk=one.pk).update(renews=two)
    one.refresh_from_db()

    assert one.renewal_chain() == [two, one]
