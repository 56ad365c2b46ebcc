"""The office's recommendation list for the rector: made from the shortlist, printed as PDF, then the rector's order."""

import datetime
import io

import pytest
from django.core import mail
from pypdf import PdfReader

from intl_office.dates import today
from intl_office.letter_records import LetterTemplate
from mobility import services
from mobility.models import Application, ApplicationEvent, Mobility, RecommendationList
from tests.factories import ApplicationReviewFactory
from tests.jobs import clear_mail, run_jobs
from tests.mobility.staff_calls import (
    DAY,
    Status,
    department,
    employee,
    head_of_department,
    past_deadline,
    staff_call,
    submitted,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def shortlisted(call, dept, username, score, **fields):
    person = employee(username)
    application = submitted(call, person, dept)
    Application.objects.filter(pk=application.pk).update(**fields)
    services.endorsement_decide(application=application, actor=dept.head, endorse=True)
    return application, score


@pytest.fixture
def listed(staff):
    """Two endorsed, shortlisted applicants of a staff call past its deadline: a Cyrillic and an Uzbek Latin name."""
    call = staff_call(places=2)
    dept = department(head=head_of_department())
    first, _ = shortlisted(call, dept, "rahimov", 9)
    second, _ = shortlisted(call, dept, "ozbek", 7, first_name="G‘ulom", last_name="O‘rinboyev")
    past_deadline(call)
    for application, score in ((first, 9), (second, 7)):
        application.refresh_from_db()
        services.application_transition(application=application, to_status=Status.UNDER_REVIEW, actor=staff)
        ApplicationReviewFactory(application=application, reviewer=staff, score=score)
        services.application_transition(application=application, to_status=Status.SHORTLISTED, actor=staff)
    return call, first, second


def pdf_text(data):
    """The PDF's text with every run of white space as one space (table cells wrap)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_the_list_holds_the_shortlisted_in_ranked_order_with_history(staff, listed):
    call, first, second = listed
    made = services.recommendation_list_make(call=call, actor=staff)
    assert [(entry.position, entry.application) for entry in made.entries.all()] == [(1, first), (2, second)]
    assert made.made_by == staff
    assert ApplicationEvent.objects.filter(kind=ApplicationEvent.Kind.RECOMMENDED).count() == 2
    # Made again before the decision: afresh, and no second event.
    services.recommendation_list_make(call=call, actor=staff)
    assert RecommendationList.objects.count() == 1
    assert ApplicationEvent.objects.filter(kind=ApplicationEvent.Kind.RECOMMENDED).count() == 2


def test_an_empty_shortlist_or_a_students_call_makes_no_list(staff):
    with pytest.raises(services.ApplicationError) as refused:
        services.recommendation_list_make(call=staff_call(), actor=staff)
    assert refused.value.code == "empty"
    from tests.factories import CallFactory

    with pytest.raises(services.ApplicationError) as refused:
        services.recommendation_list_make(call=CallFactory(), actor=staff)
    assert refused.value.code == "not_staff_call"


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Recommendation list"), ("uz", "Tavsiyanoma"), ("ru", "Рекомендательный список")],
)
def test_the_pdf_names_the_candidates_in_cyrillic_and_uzbek_latin(staff, listed, language, words):
    call, _first, _second = listed
    made = services.recommendation_list_make(call=call, actor=staff)
    text = pdf_text(services.recommendation_list_pdf(made, language=language))
    assert words in text
    assert "Дилшод Раҳимов" in text
    assert "G‘ulom O‘rinboyev" in text
    assert "Department of Hydraulics" in text
    assert "ITEC India" in text


def test_the_offices_own_template_changes_the_pdf(staff, listed):
    call, _first, _second = listed
    made = services.recommendation_list_make(call=call, actor=staff)
    LetterTemplate.objects.create(
        kind=LetterTemplate.Kind.RECOMMENDATION_LIST,
        language="ru",
        title="Представление ректору",
        body="<p>Кандидаты:</p>{% for c in candidates %}<p>{{ c.position }}) {{ c.name }} — {{ c.job }}</p>"
        "{% endfor %}",
    )
    text = pdf_text(services.recommendation_list_pdf(made, language="ru"))
    assert "Представление ректору" in text
    assert "1) Дилшод Раҳимов — Associate professor" in text
    assert "Рекомендательный список" not in text
    assert "Recommendation list" in pdf_text(services.recommendation_list_pdf(made, language="en"))


def test_what_a_user_typed_prints_as_text(staff, listed):
    call, first, _second = listed
    Application.objects.filter(pk=first.pk).update(first_name="<b>Bold</b> {{ secret }}")
    made = services.recommendation_list_make(call=call, actor=staff)
    text = pdf_text(services.recommendation_list_pdf(made, language="en"))
    assert "<b>Bold</b> {{ secret }}" in text


def test_the_rectors_order_accepts_the_approved_and_tells_the_others(staff, listed):
    call, first, second = listed
    made = services.recommendation_list_make(call=call, actor=staff)
    Application.objects.filter(pk=second.pk).update(language="uz")
    clear_mail()
    decided = services.recommendation_list_decide(
        recommendation_list=made, actor=staff, order_number="45-X", order_date=today(), approved=[first.pk]
    )
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == (Status.ACCEPTED, Status.REJECTED)
    assert [entry.approved for entry in decided.entries.all()] == [True, False]
    assert (decided.order_number, decided.order_date, decided.decided_by) == ("45-X", today(), staff)
    mobility = Mobility.objects.get()
    assert mobility.participant_kind == Mobility.ParticipantKind.STAFF
    assert mobility.application == first
    for application in (first, second):
        assert "45-X" in application.events.order_by("-pk").first().note
    run_jobs()
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {first.student.email, second.student.email}
    assert "45-X" in by_recipient[second.student.email].body
    assert "Hurmatli G‘ulom O‘rinboyev" in by_recipient[second.student.email].body  # in Uzbek, their language


def test_the_order_needs_number_and_date_and_is_recorded_once(staff, listed):
    call, first, _second = listed
    made = services.recommendation_list_make(call=call, actor=staff)
    with pytest.raises(services.ApplicationError) as refused:
        services.recommendation_list_decide(
            recommendation_list=made, actor=staff, order_number=" ", order_date=None, approved=[]
        )
    assert set(refused.value.message_dict) == {"order_number", "order_date"}
    with pytest.raises(services.ApplicationError) as refused:
        services.recommendation_list_decide(
            recommendation_list=made, actor=staff, order_number="1", order_date=today() + DAY, approved=[]
        )
    assert "order_date" in refused.value.message_dict
    assert not Application.objects.filter(status__in=[Status.ACCEPTED, Status.REJECTED]).exists()
    services.recommendation_list_decide(
        recommendation_list=made, actor=staff, order_number="1", order_date=datetime.date(2026, 1, 5), approved=[]
    )
    with pytest.raises(services.ApplicationError) as refused:
        services.recommendation_list_decide(
            recommendation_list=made, actor=staff, order_number="2", order_date=today(), approved=[first]
        )
    assert refused.value.code == "decided"
    with pytest.raises(services.ApplicationError):
        services.recommendation_list_make(call=call, actor=staff)


def test_more_approved_than_places_changes_nothing(staff, listed):
    call, first, second = listed
    type(call).objects.filter(pk=call.pk).update(places=1)
    made = services.recommendation_list_make(call=call, actor=staff)
    with pytest.raises(services.ApplicationError) as refused:
        services.recommendation_list_decide(
            recommendation_list=made, actor=staff, order_number="3", order_date=today(), approved=[first, second]
        )
    assert refused.value.code == "no_places"
    assert not Mobility.objects.exists()
    assert not RecommendationList.objects.get().is_decided


def test_only_the_office_makes_and_decides(listed, coordinator):
    call, first, _second = listed
    student = first.student
    for user in (student, coordinator):
        with pytest.raises(services.ApplicationError):
            services.recommendation_list_make(call=call, actor=user)
