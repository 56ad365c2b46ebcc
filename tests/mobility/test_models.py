"""Mobility, applications and visits: constraints, academic-year counting and readable names."""

import datetime
from decimal import Decimal

import pytest

from mobility.models import Application, ApplicationDocument, Direction, HostPreference, Mobility, Visit
from tests.constraints import assert_accepted, assert_refused, days
from tests.factories import (
    ApplicationDocumentFactory,
    ApplicationFactory,
    CallFactory,
    DocumentTypeFactory,
    HostPreferenceFactory,
    InstitutionFactory,
    MobilityFactory,
    UserFactory,
    VisitFactory,
    VisitMemberFactory,
    VisitPhotoFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 10)


# Mobility.


def test_mobility_cannot_end_before_it_starts():
    mobility = MobilityFactory(start_date=DAY, end_date=DAY + days(120))
    mobility.end_date = DAY - days(1)
    assert_refused(mobility, message="A mobility cannot end before it starts.")


def test_one_day_mobility_is_allowed_and_lasts_one_day():
    mobility = MobilityFactory()
    mobility.start_date = mobility.end_date = DAY
    assert_accepted(mobility)
    assert mobility.duration_days == 1


def test_mobility_duration_counts_both_the_first_and_the_last_day():
    assert (
        MobilityFactory.build(start_date=datetime.date(2024, 9, 1), end_date=datetime.date(2024, 9, 30)).duration_days
        == 30
    )


@pytest.mark.parametrize(
    ("start_date", "year"),
    [
        pytest.param(datetime.date(2024, 8, 31), 2023, id="31-august-belongs-to-the-year-before"),
        pytest.param(datetime.date(2024, 9, 1), 2024, id="1-september-opens-the-year"),
        pytest.param(datetime.date(2025, 2, 1), 2024, id="spring-semester"),
        pytest.param(datetime.date(2025, 8, 31), 2024, id="31-august-closes-the-year"),
        pytest.param(datetime.date(2025, 9, 1), 2025, id="next-1-september-opens-the-next-year"),
    ],
)
def test_mobility_counts_in_the_academic_year_it_starts(start_date, year):
    mobility = MobilityFactory(start_date=start_date, end_date=start_date + days(30))
    for candidate in (year - 1, year, year + 1):
        selected = Mobility.objects.in_academic_year(candidate).filter(pk=mobility.pk).exists()
        assert selected is (candidate == year), candidate


def test_academic_year_2024_holds_exactly_the_mobilities_from_1_september_to_31_august():
    starts = [
        datetime.date(2024, 8, 31),
        datetime.date(2024, 9, 1),
        datetime.date(2025, 8, 31),
        datetime.date(2025, 9, 1),
    ]
    by_start = {start: MobilityFactory(start_date=start, end_date=start + days(10)) for start in starts}
    selected = set(Mobility.objects.in_academic_year(2024))
    assert selected == {by_start[datetime.date(2024, 9, 1)], by_start[datetime.date(2025, 8, 31)]}


def test_counted_mobilities_leave_out_only_the_cancelled():
    kept = [MobilityFactory(status=status) for status in Mobility.Status if status != Mobility.Status.CANCELLED]
    MobilityFactory(status=Mobility.Status.CANCELLED)
    assert set(Mobility.objects.counted()) == set(kept)
    assert len(kept) == 3


def test_mobility_direction_querysets_split_outgoing_and_incoming():
    outgoing = MobilityFactory(direction=Direction.OUTGOING)
    incoming = MobilityFactory(direction=Direction.INCOMING)
    assert list(Mobility.objects.outgoing()) == [outgoing]
    assert list(Mobility.objects.incoming()) == [incoming]


# Applications.


def test_a_student_applies_to_a_call_only_once():
    first = ApplicationFactory()
    second = Application(call=first.call, student=first.student)
    assert_refused(second, message="You already have an application to this call.")


def test_a_student_may_apply_to_another_call():
    first = ApplicationFactory()
    assert_accepted(Application(call=CallFactory(), student=first.student))
    assert first.student.applications.count() == 2


def test_another_student_may_apply_to_the_same_call():
    first = ApplicationFactory()
    assert_accepted(Application(call=first.call, student=UserFactory()))


@pytest.mark.parametrize("gpa", [Decimal("-0.01"), Decimal("5.01")])
def test_gpa_outside_zero_to_five_is_refused(gpa):
    application = ApplicationFactory()
    application.gpa = gpa
    assert_refused(application, message="GPA is between 0 and 5.")


@pytest.mark.parametrize("gpa", [Decimal("0"), Decimal("5.00"), Decimal("3.75"), None])
def test_gpa_from_zero_to_five_or_unknown_is_accepted(gpa):
    application = ApplicationFactory()
    application.gpa = gpa
    assert_accepted(application)


@pytest.mark.parametrize("year", [0, 8])
def test_year_of_study_outside_one_to_seven_is_refused(year):
    application = ApplicationFactory()
    application.year_of_study = year
    assert_refused(application, message="Year of study is between 1 and 7.")


@pytest.mark.parametrize("year", [1, 7, None])
def test_year_of_study_from_one_to_seven_or_unknown_is_accepted(year):
    application = ApplicationFactory()
    application.year_of_study = year
    assert_accepted(application)


def test_submitted_applications_are_all_but_drafts():
    ApplicationFactory(status=Application.Status.DRAFT)
    others = [ApplicationFactory(status=status) for status in Application.Status if status != Application.Status.DRAFT]
    assert set(Application.objects.submitted()) == set(others)


def test_applications_awaiting_review_are_submitted_or_under_review():
    waiting = [
        ApplicationFactory(status=Application.Status.SUBMITTED),
        ApplicationFactory(status=Application.Status.UNDER_REVIEW),
    ]
    for status in (Application.Status.DRAFT, Application.Status.SHORTLISTED, Application.Status.ACCEPTED):
        ApplicationFactory(status=status)
    assert set(Application.objects.awaiting_review()) == set(waiting)


# Host preferences and documents.


def test_two_host_preferences_of_an_application_cannot_share_a_rank():
    first = HostPreferenceFactory(rank=1)
    second = HostPreference(application=first.application, institution=InstitutionFactory(), rank=1)
    assert_refused(second, message="Host preference with this Application and Rank already exists.")


def test_an_application_names_a_host_only_once():
    first = HostPreferenceFactory(rank=1)
    second = HostPreference(application=first.application, institution=first.institution, rank=2)
    assert_refused(second, message="Host preference with this Application and Host already exists.")


def test_host_preference_rank_starts_at_one():
    preference = HostPreferenceFactory(rank=1)
    preference.rank = 0
    assert_refused(preference, message="hostpreference_rank_positive")


def test_ranked_host_preferences_of_one_application_are_allowed():
    first = HostPreferenceFactory(rank=1)
    assert_accepted(HostPreference(application=first.application, institution=InstitutionFactory(), rank=2))
    assert [p.rank for p in first.application.preferences.all()] == [1, 2]


def test_the_same_host_and_rank_in_another_application_is_allowed():
    first = HostPreferenceFactory(rank=1)
    assert_accepted(HostPreference(application=ApplicationFactory(), institution=first.institution, rank=1))


def test_an_application_holds_one_document_per_type():
    first = ApplicationDocumentFactory()
    second = ApplicationDocumentFactory.build(application=first.application, document_type=first.document_type)
    assert_refused(second, message="Application document with this Application and Document already exists.")


def test_an_application_may_hold_documents_of_different_types():
    first = ApplicationDocumentFactory()
    second = ApplicationDocumentFactory.build(application=first.application, document_type=DocumentTypeFactory())
    assert_accepted(second)
    assert ApplicationDocument.objects.filter(application=first.application).count() == 2


# Visits.


def test_visit_cannot_end_before_it_starts():
    visit = VisitFactory(start_date=DAY, end_date=DAY + days(2))
    visit.end_date = DAY - days(1)
    assert_refused(visit, message="A visit cannot end before it starts.")


@pytest.mark.parametrize("end", [0, None], ids=["same-day", "no-end-date"])
def test_one_day_visit_is_allowed(end):
    visit = VisitFactory(start_date=DAY)
    visit.end_date = None if end is None else DAY + days(end)
    assert_accepted(visit)


def test_two_visits_cannot_share_an_explicit_slug():
    VisitFactory(slug="koica-delegation")
    duplicate = VisitFactory(slug="koica-delegation-2")
    duplicate.slug = "koica-delegation"
    assert_refused(duplicate, message="Visit with this Slug already exists.")


def test_visit_slug_is_made_from_the_date_and_the_partner_short_name():
    partner = InstitutionFactory(name="Korea International Cooperation Agency", short_name="KOICA")
    assert VisitFactory(partner=partner, start_date=datetime.date(2024, 12, 3)).slug == "2024-12-03-koica"


def test_visits_on_the_same_day_to_the_same_partner_get_distinct_slugs():
    partner = InstitutionFactory(name="Inha University")
    slugs = [VisitFactory(partner=partner, start_date=DAY).slug for _ in range(3)]
    assert slugs == ["2025-03-10-inha-university", "2025-03-10-inha-university-2", "2025-03-10-inha-university-3"]


def test_visit_from_a_partner_with_a_russian_name_gets_a_dated_slug():
    partner = InstitutionFactory(name="Московский государственный университет", country="RU")
    first = VisitFactory(partner=partner, start_date=DAY)
    second = VisitFactory(partner=partner, start_date=DAY)
    assert [first.slug, second.slug] == ["2025-03-10", "2025-03-10-2"]


def test_visit_topic_list_strips_bullets_and_blank_lines():
    visit = VisitFactory.build(
        topics="- Student exchange\n• Joint research\n\n  \t-  Dual degree 3+1  \nSummer school\n-\n•\n"
    )
    assert visit.topic_list == ["Student exchange", "Joint research", "Dual degree 3+1", "Summer school"]


def test_visit_topic_list_keeps_hyphens_inside_a_topic():
    visit = VisitFactory.build(topics="- Co-operation in e-learning\n")
    assert visit.topic_list == ["Co-operation in e-learning"]


def test_visit_without_topics_has_an_empty_topic_list():
    assert VisitFactory.build(topics="").topic_list == []


def test_visit_outcome_list_strips_bullets_and_blank_lines():
    visit = VisitFactory.build(outcomes="• Memorandum signed\n\n- Two places for 2025/26\n")
    assert visit.outcome_list == ["Memorandum signed", "Two places for 2025/26"]


def test_visits_split_into_received_and_sent():
    received = VisitFactory(direction=Direction.INCOMING)
    sent = VisitFactory(direction=Direction.OUTGOING)
    assert list(Visit.objects.received()) == [received]
    assert list(Visit.objects.sent()) == [sent]


def test_visit_starting_on_the_day_is_upcoming_and_the_day_before_is_past():
    yesterday = VisitFactory(start_date=DAY - days(1))
    on_the_day = VisitFactory(start_date=DAY)
    assert list(Visit.objects.upcoming(on=DAY)) == [on_the_day]
    assert list(Visit.objects.past(on=DAY)) == [yesterday]


def test_public_visits_exclude_internal_ones():
    shown = VisitFactory(is_public=True)
    VisitFactory(is_public=False)
    assert list(Visit.objects.public()) == [shown]


# Readable names and public addresses.


def test_mobility_str_gives_participant_partner_and_month():
    mobility = MobilityFactory(
        participant_name="Aziza Rahimova",
        partner=InstitutionFactory(name="University of Porto"),
        start_date=datetime.date(2024, 9, 1),
        end_date=datetime.date(2025, 1, 31),
    )
    assert str(mobility) == "Aziza Rahimova: University of Porto (2024-09)"


def test_application_str_gives_the_applicant_and_the_call():
    application = ApplicationFactory(first_name="Aziza", last_name="Rahimova", call=CallFactory(title="KOICA 2025"))
    assert str(application) == "Aziza Rahimova: KOICA 2025"


def test_application_without_a_name_falls_back_to_the_e_mail_then_the_username():
    # The username of a student's account was made up at sign-up: the e-mail is what they gave.
    student = UserFactory(username="x8k2p", email="arahimova@example.org")
    application = ApplicationFactory(first_name="", last_name="", student=student, call=CallFactory(title="KOICA 2025"))
    assert str(application) == "arahimova@example.org: KOICA 2025"
    student.email = ""
    assert str(application) == "x8k2p: KOICA 2025"


def test_host_preference_str_gives_rank_and_host():
    preference = HostPreferenceFactory(rank=2, institution=InstitutionFactory(name="Inha University"))
    assert str(preference) == "2. Inha University"


def test_application_document_str_gives_type_and_file_name():
    document = ApplicationDocumentFactory(
        document_type=DocumentTypeFactory(name="Academic transcript"), original_name="transcript.pdf"
    )
    assert str(document) == "Academic transcript: transcript.pdf"


def test_visit_str_is_its_title():
    assert str(VisitFactory(title="KOICA delegation")) == "KOICA delegation"


def test_visit_member_str_gives_name_and_position_when_known():
    assert str(VisitMemberFactory(full_name="Kim Min-jun", position="Vice-president")) == "Kim Min-jun, Vice-president"
    assert str(VisitMemberFactory(full_name="Kim Min-jun", position="")) == "Kim Min-jun"


def test_visit_photo_str_is_its_caption_or_file_name():
    assert str(VisitPhotoFactory(caption="Signing ceremony")) == "Signing ceremony"
    untitled = VisitPhotoFactory(caption="")
    assert str(untitled) == untitled.image.name
    assert str(untitled)


def test_visit_absolute_url_is_a_site_path():
    url = VisitFactory().get_absolute_url()
    assert isinstance(url, str)
    assert url.startswith("/")
