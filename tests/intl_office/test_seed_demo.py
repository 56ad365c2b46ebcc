"""seed_demo: the demo office drawn from the seeds, and a second run that changes nothing."""

import datetime
import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models, transaction
from django.urls import reverse

from intl_office.dates import academic_year_of, today
from intl_office.demo.calls import SELECTION_CALL
from intl_office.demo.loader import load_demo
from intl_office.models import HomeInstitution, Page, Ranking, StaffMember, User
from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF
from intl_office.storage import private_storage
from mobility.models import Application, ApplicationEvent, ApplicationReview, Mobility, Visit
from mobility.services import call_results_final
from partners.models import Agreement, CooperationArea, Institution
from programs.models import Call, DocumentType, GrantProgram, JointProgramme, Project

PROJECT_APPS = ("intl_office", "partners", "programs", "mobility")
SEED_COUNTRIES = {"RU", "TR", "CN", "HU", "KZ", "MY", "PL", "IT", "KR", "GB", "FR", "BY", "AZ", "IN"}
# Family names (and Chinese given names) of the real people on the seed pages.
SEED_PEOPLE = [
    "Yakhshilikov", "Rakhmatov", "Usmonov", "Pulatov", "Shernayev", "Babakhanova", "Normatov", "Khojamshukurov",
    "Jingbo", "Qingfeng", "Shuha", "Fan Qian", "Lia Xiao",
]  # fmt: skip
EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def seed():
    out = StringIO()
    # The test run has DEBUG off, as production does; --force is how a staging server loads the demo.
    call_command("seed_demo", "--force", stdout=out)
    return out.getvalue()


def snapshot():
    """Every stored row of every table of the project's apps, many-to-many tables included."""
    rows = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.app_label in PROJECT_APPS:
                table = model._meta.db_table
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY 1")
                rows[table] = cursor.fetchall()
    return rows


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker):
    """The demo loaded once into an empty database for the whole module, rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed()
        transaction.set_rollback(True)


@pytest.fixture
def demo(first_run, db):
    return first_run


def test_first_run_reports_the_rows_it_created(demo):
    assert "rows created" in demo
    assert re.search(r"Institution\s+\d+", demo)


def test_second_run_changes_no_row_and_says_so(demo):
    before = snapshot()

    output = seed()

    assert "nothing changed" in output
    after = snapshot()
    assert {table: len(rows) for table, rows in after.items()} == {table: len(rows) for table, rows in before.items()}
    assert after == before


def test_a_later_day_moves_the_dated_records_without_adding_rows(demo):
    load_demo(today=datetime.date(2026, 3, 10))
    counts = {model: model.objects.count() for model in apps.get_models() if model._meta.app_label in PROJECT_APPS}

    later = load_demo(today=datetime.date(2026, 4, 20))

    assert not later.created
    assert not later.deleted
    assert {model: model.objects.count() for model in counts} == counts
    assert Call.objects.open(on=datetime.date(2026, 4, 20)).exists()
    assert Agreement.objects.expiring_soon(on=datetime.date(2026, 4, 20)).exists()


def test_at_least_80_active_partner_institutions(demo):
    assert Institution.objects.public().count() >= 80
    assert Institution.objects.public().filter(kind=Institution.Kind.UNIVERSITY).count() >= 80


def test_every_partner_country_the_seeds_name_is_present(demo):
    countries = {institution.country.code for institution in Institution.objects.public()}
    assert countries >= SEED_COUNTRIES


def test_the_organisations_of_the_seeds_are_donors_or_international(demo):
    # The British Council and UNDP are JSPU's (the jspu profile); JizPI names these.
    for short_name in ("KOICA", "ITEC", "JICA", "Fulbright", "El-Yurt Umidi", "EACEA"):
        institution = Institution.objects.get(short_name=short_name)
        assert institution.kind in (Institution.Kind.DONOR, Institution.Kind.INTERNATIONAL)
        assert institution.funded_programs.exists()


def test_six_erasmus_cbhe_projects_each_with_a_consortium(demo):
    projects = Project.objects.filter(program__slug="erasmus-plus-cbhe")
    assert projects.count() == 6
    for project in projects:
        assert project.program.funder.short_name == "EACEA"
        assert 4 <= project.memberships.count() <= 8
        assert datetime.date(2017, 1, 1) <= project.start_date <= project.end_date <= datetime.date(2027, 12, 31)
        assert "CBHE" in project.reference_number


def test_agreements_show_every_status_and_unique_reference_numbers(demo):
    statuses = {agreement.status for agreement in Agreement.objects.all()}
    assert statuses == set(Agreement.Status.values)
    references = list(Agreement.objects.values_list("reference_number", flat=True))
    assert "" not in references
    assert len(references) == len(set(references))
    assert Agreement.objects.filter(kind=Agreement.Kind.EXCHANGE, student_places_out__gt=0).exists()


def test_some_visits_were_received_and_sent(demo):
    others = Visit.objects.all()
    assert 3 <= others.count() <= 5
    assert others.received().exists()
    assert others.sent().exists()


def test_about_30_outgoing_students_started_in_2024(demo):
    students = (
        Mobility.objects.counted()
        .outgoing()
        .filter(participant_kind=Mobility.ParticipantKind.STUDENT, start_date__year=2024)
    )
    assert 25 <= students.count() <= 35
    assert students.values("partner").distinct().count() >= 10


def test_about_ten_itec_trainings_every_year(demo):
    for year in range(2019, today().year + 1):
        trainings = Mobility.objects.filter(program__slug="itec", start_date__year=year)
        assert 8 <= trainings.count() <= 12, year
        assert {m.partner.country.code for m in trainings} == {"IN"}


def test_this_academic_year_has_mobility_both_ways(demo):
    this_year = Mobility.objects.counted().in_academic_year(academic_year_of(today()))
    assert this_year.outgoing().exists()
    assert this_year.incoming().exists()


def test_a_call_is_open_today_and_one_is_upcoming(demo):
    open_call = Call.objects.open().filter(audience=Call.Audience.STUDENTS).get()
    assert open_call.deadline - today() >= datetime.timedelta(days=14)
    assert open_call.hosts.count() >= 3
    assert set(open_call.required_documents.values_list("slug", flat=True)) >= {
        "transcript",
        "language-certificate",
        "passport-copy",
        "motivation-letter",
        "recommendation-letter",
    }
    assert Call.objects.upcoming().exists()
    assert Call.objects.closed().count() >= 3


def test_department_has_staff_pages_and_rankings(demo):
    home = HomeInstitution.load()
    assert home.name == "Jizzakh Polytechnic Institute"
    assert home.international_since == 2006
    head = StaffMember.objects.get(position__startswith="Head")
    assert head.reception_days == "Tuesday, Wednesday and Friday, 14:00–16:00"
    assert StaffMember.objects.count() == 3
    tasks = Page.objects.published().get(slug="tasks-and-functions")
    assert len(tasks.body.split("\n\n")) > 5
    assert "El-Yurt Umidi" in tasks.body
    assert Ranking.objects.get(name__startswith="UI GreenMetric").result.startswith("1st")
    assert Ranking.objects.filter(name__startswith="QS Asia", year=2024).exists()
    assert Ranking.objects.get(position=58)


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (HomeInstitution, ["name", "department_name", "about", "address", "working_hours"]),
        (Page, ["title", "body"]),
        (GrantProgram, ["name", "summary"]),
        (JointProgramme, ["name", "description"]),
        (CooperationArea, ["name"]),
        (DocumentType, ["name", "description"]),
        (StaffMember, ["position"]),
        (Ranking, ["result"]),
    ],
)
def test_texts_visitors_read_most_are_in_uzbek_and_russian(demo, model, fields):
    for obj in model.objects.all():
        for name in fields:
            english = getattr(obj, f"{name}_en")
            for language in ("uz", "ru"):
                translated = getattr(obj, f"{name}_{language}")
                assert translated, f"{model.__name__}.{name}_{language} of {obj} is empty"
                if len(english) > 12:
                    assert translated != english, f"{model.__name__}.{name}_{language} of {obj} is not translated"


def stored_texts():
    """(model name, value) for every text value the project's apps store, in every language."""
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS:
            text_fields = [
                f.attname for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)
            ]
            if not text_fields:
                continue  # values_list() without fields would return every column (host preferences: ids only)
            for values in model._base_manager.values_list(*text_fields):
                yield from ((model.__name__, value) for value in values if value)


def test_no_email_address_outside_example_org(demo):
    for model_name, value in stored_texts():
        for domain in EMAIL.findall(value):
            assert domain == "example.org", f"{model_name}: {value}"


def test_no_person_the_seeds_name_appears(demo):
    # Whole words, in the masculine or feminine form: "Pulatov" or "Pulatova", but not "Toshpulatov".
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in SEED_PEOPLE) + r")a?\b", re.IGNORECASE)
    for model_name, value in stored_texts():
        assert not pattern.search(value), f"{model_name}: {value}"


def test_phone_numbers_are_dummies(demo):
    dummy = re.compile(r"^\+998 00 000-00-\d\d$")
    phones = [HomeInstitution.load().phone, *StaffMember.objects.values_list("phone", flat=True)]
    assert all(dummy.match(phone) for phone in phones)


# Applications: under way in the open call, decided in a call closed early ------------------------------------------

EVERY_STATUS = set(Application.Status.values)


def open_call_applications():
    """The demo's applications: those to the open call and those to the call closed early for its selection."""
    calls = [Call.objects.open().filter(audience=Call.Audience.STUDENTS).get(), Call.objects.get(slug=SELECTION_CALL)]
    return Application.objects.filter(call__in=calls).select_related("student", "call")


def test_the_applications_are_in_every_status_and_the_open_call_holds_no_decision(demo):
    assert {application.status for application in open_call_applications()} == EVERY_STATUS
    students_call = Call.objects.open().filter(audience=Call.Audience.STUDENTS).get()
    assert not Application.objects.filter(call=students_call).decided().exists()


def test_the_decided_call_was_closed_early_with_a_reason_and_its_results_are_published(demo, client):
    call = Call.objects.get(slug=SELECTION_CALL)
    assert call.is_closed_early and call.closed_early_reason and call.decisions_allowed_on(today())
    assert call.closed_early_at < call.results_published_at
    assert call_results_final(call)
    decided = call.applications.all()
    assert all(application.decided_at > call.closed_early_at for application in decided)
    html = client.get(reverse("programs:call-results", kwargs={"slug": call.slug})).content.decode()
    assert all(application.reference in html and application.last_name not in html for application in decided)


def test_every_submitted_application_has_its_own_reference_number(demo):
    submitted = open_call_applications().exclude(status=Application.Status.DRAFT)
    references = [application.reference for application in submitted]
    assert all(references) and len(set(references)) == len(references)


def test_each_application_has_its_history_from_draft_to_its_status(demo):
    for application in open_call_applications():
        events = list(application.events.order_by("created_at", "pk"))
        assert events[0].to_status == Application.Status.DRAFT
        assert events[-1].to_status == application.status
        assert all(later.from_status == earlier.to_status for earlier, later in zip(events, events[1:], strict=False))
        assert [event.created_at for event in events] == sorted(event.created_at for event in events)
        staff_steps = [event for event in events if event.actor_id != application.student_id]
        assert all(event.actor.is_staff for event in staff_steps)


@pytest.mark.parametrize("status", [Application.Status.ACCEPTED, Application.Status.DECLINED])
def test_each_accepted_application_became_its_mobility(demo, status):
    for accepted in open_call_applications().filter(status=status):  # a declined place's mobility is kept
        mobility, call = Mobility.objects.get(application=accepted), accepted.call
        first_choice = accepted.preferences.order_by("rank").first().institution
        assert (mobility.partner, mobility.program, mobility.call) == (first_choice, call.program, call)
        assert (mobility.start_date, mobility.end_date) == (call.mobility_start, call.mobility_end)
        assert mobility.participant_email == accepted.student.email
        cancelled = status == Application.Status.DECLINED
        assert mobility.status == (Mobility.Status.CANCELLED if cancelled else Mobility.Status.CONFIRMED)
        assert call.applications.filter(status=Application.Status.ACCEPTED).count() <= call.places


def test_reviewed_applications_have_scores_from_a_coordinator_and_the_office(demo):
    reviews = ApplicationReview.objects.filter(application__in=open_call_applications())
    assert reviews.exists()
    assert all(0 <= review.score <= 10 for review in reviews)
    assert {group for review in reviews for group in review.reviewer.groups.values_list("name", flat=True)} == {
        OFFICE_STAFF,
        FACULTY_COORDINATOR,
    }
    assert not reviews.filter(application__status__in=["draft", "submitted"]).exists()
    coordinator = User.objects.get(groups__name=FACULTY_COORDINATOR, email__endswith="@example.org")
    assert coordinator.faculty is not None
    # A coordinator reviews only what they can see: their own faculty's applications.
    assert not reviews.filter(reviewer=coordinator).exclude(application__faculty=coordinator.faculty).exists()
    assert open_call_applications().filter(faculty=coordinator.faculty).count() >= 3


def test_demo_people_have_verified_example_addresses_and_no_usable_password(demo):
    people = User.objects.filter(pk__in=open_call_applications().values("student")) | User.objects.filter(
        groups__name__in=[OFFICE_STAFF, FACULTY_COORDINATOR]
    )
    # Two reviewers (office and coordinator) and the office's three staff members, responsible for agreements.
    assert people.count() == open_call_applications().count() + 2 + StaffMember.objects.count()
    for person in people.distinct():
        assert person.email.endswith("@example.org")
        assert not person.has_usable_password()
        assert EmailAddress.objects.get(user=person).verified


def test_submitted_applications_carry_real_documents_and_a_photo_in_private_storage(demo):
    for application in open_call_applications().exclude(status=Application.Status.DRAFT):
        required = set(application.call.required_documents.values_list("pk", flat=True))
        assert set(application.documents.values_list("document_type", flat=True)) == required
        for document in application.documents.all():
            with private_storage.open(document.file.name, "rb") as file:
                content = file.read()
            assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
        with private_storage.open(application.photo.name, "rb") as file:
            assert file.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_second_run_adds_no_account_or_address(demo):
    counts = (User.objects.count(), EmailAddress.objects.count(), ApplicationEvent.objects.count())

    seed()

    assert (User.objects.count(), EmailAddress.objects.count(), ApplicationEvent.objects.count()) == counts
