"""Renewing an agreement: the renewal chain, what it carries over and what it refuses."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.utils import translation

from partners.models import Agreement
from partners.services import agreement_renew, renewal_title
from tests.factories import AgreementFactory, InstitutionFactory, UserFactory

pytestmark = pytest.mark.django_db


# Renewal.


@pytest.fixture
def mou(db):
    partner = InstitutionFactory(name="Kyungpook National University", country="KR")
    return AgreementFactory(
        partner=partner,
        kind=Agreement.Kind.EXCHANGE,
        title_en="Student exchange agreement",
        title_ru="Соглашение об обмене студентами",
        scope_en="Semester exchange of bachelor students.",
        scope_uz="Bakalavr talabalari almashinuvi.",
        signed_on=datetime.date(2020, 5, 10),
        valid_until=datetime.date(2025, 5, 9),
        student_places_out=4,
        student_places_in=3,
        staff_places_out=2,
        staff_places_in=1,
        is_public=False,
        responsible=UserFactory(username="officer", is_staff=True),
        reference_number="KNU-2020-07",
        notes="Original kept in folder 12.",
    )


def test_renewal_carries_partner_kind_scope_quotas_and_links_back(mou):
    successor = agreement_renew(
        agreement=mou, signed_on=datetime.date(2025, 4, 1), valid_until=datetime.date(2030, 3, 31)
    )

    successor.refresh_from_db()
    assert successor.pk != mou.pk
    assert successor.renews == mou
    assert (successor.partner, successor.kind, successor.is_public, successor.responsible) == (
        mou.partner,
        Agreement.Kind.EXCHANGE,
        False,
        mou.responsible,
    )
    assert (successor.scope_en, successor.scope_uz) == (mou.scope_en, mou.scope_uz)
    assert (
        successor.student_places_out,
        successor.student_places_in,
        successor.staff_places_out,
        successor.staff_places_in,
    ) == (4, 3, 2, 1)
    assert (successor.signed_on, successor.valid_until) == (datetime.date(2025, 4, 1), datetime.date(2030, 3, 31))
    # The old agreement's paper and internal notes are not the new one's.
    assert (successor.document.name, successor.notes, successor.reference_number) == ("", "", "")


def test_predecessor_lists_its_renewal(mou):
    successor = agreement_renew(agreement=mou, signed_on=datetime.date(2025, 4, 1))

    assert list(mou.renewals.all()) == [successor]


def test_renewal_title_is_marked_as_updated_form_in_every_language_it_has(mou):
    successor = agreement_renew(agreement=mou, signed_on=datetime.date(2025, 4, 1))

    assert successor.title_en == "Student exchange agreement (updated form)"
    with translation.override("ru"):
        assert successor.title_ru == translation.gettext("%(title)s (updated form)") % {
            "title": "Соглашение об обмене студентами"
        }
    assert not successor.title_uz  # the old agreement had no Uzbek title either


def test_renewing_a_renewal_keeps_one_updated_form_mark(mou):
    second = agreement_renew(agreement=mou, signed_on=datetime.date(2025, 4, 1), valid_until=datetime.date(2030, 3, 31))
    third = agreement_renew(agreement=second, signed_on=datetime.date(2030, 3, 1))

    assert third.title_en == "Student exchange agreement (updated form)"
    assert third.renews == second
    assert renewal_title("Student exchange agreement (updated form)", "en") == third.title_en


def test_renewal_takes_a_given_title_and_reference_number(mou):
    successor = agreement_renew(
        agreement=mou, signed_on=datetime.date(2025, 4, 1), title="Exchange agreement 2025", reference_number=" KNU-25 "
    )

    assert (successor.title_en, successor.reference_number) == ("Exchange agreement 2025", "KNU-25")


def test_an_agreement_cannot_be_renewed_twice(mou):
    first = agreement_renew(agreement=mou, signed_on=datetime.date(2025, 4, 1))

    with pytest.raises(ValidationError) as excinfo:
        agreement_renew(agreement=mou, signed_on=datetime.date(2025, 4, 2))

    assert excinfo.value.messages == [f"This agreement has already been renewed by “{first.title}”."]
    assert Agreement.objects.count() == 2


def test_an_agreement_with_a_draft_renewal_cannot_be_renewed_again(mou):
    AgreementFactory(partner=mou.partner, renews=mou, signed_on=None, valid_until=None, title="Draft renewal")

    with pytest.raises(ValidationError, match="already been renewed by “Draft renewal”"):
        agreement_renew(agreement=mou, signed_on=datetime.date(2025, 4, 1))

    assert Agreement.objects.count() == 2


def test_a_draft_cannot_be_renewed(db):
    draft = AgreementFactory(signed_on=None, valid_until=None)

    with pytest.raises(ValidationError, match="A draft cannot be renewed"):
        agreement_renew(agreement=draft, signed_on=datetime.date(2025, 4, 1))

    assert Agreement.objects.count() == 1


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"signed_on": datetime.date(2025, 4, 1), "valid_until": datetime.date(2025, 3, 31)},
            "valid_until",
            "An agreement cannot end before it is signed.",
        ),
        (
            {"signed_on": datetime.date(2020, 5, 9)},
            "signed_on",
            "The renewed agreement cannot be signed before the agreement it renews (2020-05-10).",
        ),
        ({"signed_on": None}, "signed_on", "Enter the date the renewed agreement was signed."),
        (
            {"signed_on": datetime.date(2025, 4, 1), "reference_number": "KNU-2020-07"},
            "reference_number",
            "Another agreement has this reference number.",
        ),
    ],
)
def test_renewal_with_bad_values_is_refused_by_field_and_writes_nothing(mou, values, field, message):
    with pytest.raises(ValidationError) as excinfo:
        agreement_renew(agreement=mou, **values)

    assert excinfo.value.message_dict == {field: [message]}
    assert Agreement.objects.count() == 1


def test_renewal_may_be_signed_on_the_day_the_predecessor_was(mou):
    successor = agreement_renew(agreement=mou, signed_on=mou.signed_on, valid_until=mou.signed_on)

    assert successor.signed_on == mou.signed_on


def test_renewal_records_the_actor_in_the_audit_log(mou, staff):
    successor = agreement_renew(agreement=mou, signed_on=datetime.date(2025, 4, 1), actor=staff)

    entry = LogEntry.objects.get_for_object(successor).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == staff
