"""factory_boy factories for every model; tests build exactly the rows they need."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import get_date_max

from intl_office.dates import today
from intl_office.letters import LANGUAGES as LETTER_LANGUAGES
from intl_office.models import (
    Department,
    Faculty,
    FileImport,
    Job,
    LetterTemplate,
    OutgoingMessage,
    Page,
    Ranking,
    StaffMember,
)
from mobility.models import (
    Application,
    ApplicationDocument,
    ApplicationEvent,
    ApplicationReview,
    ChecklistTemplateItem,
    Direction,
    Expert,
    HostPreference,
    LearningAgreement,
    LearningAgreementRow,
    LearningAgreementVersion,
    Mobility,
    Nomination,
    RecommendationList,
    TripChain,
    TripRequest,
    Visit,
    VisitMember,
    VisitPhoto,
)
from partners.models import Agreement, Contact, CooperationArea, Institution
from programs.models import Call, DocumentType, GrantProgram, JointProgramme, Project, ProjectMember


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("correct horse battery staple")


class FacultyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Faculty
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Faculty of Studies {n}")
    slug = factory.Sequence(lambda n: f"faculty-{n}")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    faculty = factory.SubFactory(FacultyFactory)
    name = factory.Sequence(lambda n: f"Department of Studies {n}")


# Each kind in each language it is written in: one template per pair, so the factory goes round them.
LETTER_PAIRS = [(kind, language) for kind, languages in LETTER_LANGUAGES.items() for language in languages]


class LetterTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterTemplate
        django_get_or_create = ("kind", "language")

    kind = factory.Sequence(lambda n: LETTER_PAIRS[n % len(LETTER_PAIRS)][0])
    language = factory.Sequence(lambda n: LETTER_PAIRS[n % len(LETTER_PAIRS)][1])
    title = "The office's letter"
    body = "<p>Dear colleagues,</p>\n<p>{{ name }}</p>"


class StaffMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember

    full_name = factory.Faker("name")
    position = "Specialist"
    email = factory.Sequence(lambda n: f"staff{n}@example.org")


class RankingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ranking

    name = factory.Sequence(lambda n: f"Ranking {n}")
    year = 2024
    result = "Top 900"


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    body = "First paragraph.\n\nSecond paragraph."


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"University of Example {n}")
    kind = Institution.Kind.UNIVERSITY
    country = "TR"
    city = "Ankara"
    website = factory.Sequence(lambda n: f"https://univ{n}.example.org/")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    institution = factory.SubFactory(InstitutionFactory)
    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    partner = factory.SubFactory(InstitutionFactory)
    kind = Agreement.Kind.MOU
    title = factory.Sequence(lambda n: f"Memorandum of understanding {n}")
    signed_on = factory.LazyFunction(lambda: today() - datetime.timedelta(days=365))
    valid_until = factory.LazyFunction(lambda: today() + datetime.timedelta(days=4 * 365))


class GrantProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantProgram

    name = factory.Sequence(lambda n: f"Grant programme {n}")
    funder = factory.SubFactory(InstitutionFactory, kind=Institution.Kind.DONOR)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    program = factory.SubFactory(GrantProgramFactory)
    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    title = factory.Sequence(lambda n: f"Modernising engineering curricula {n}")
    reference_number = factory.Sequence(lambda n: f"101{n:06d}-ERASMUS-EDU-2023-CBHE")
    start_date = datetime.date(2023, 1, 1)
    end_date = datetime.date(2025, 12, 31)


class ProjectMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectMember

    project = factory.SubFactory(ProjectFactory)
    institution = factory.SubFactory(InstitutionFactory)


class JointProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JointProgramme

    name = factory.Sequence(lambda n: f"Primary education {n}")
    partner = factory.SubFactory(InstitutionFactory)
    years_home = 3
    years_partner = 1


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Document {n}")
    slug = factory.Sequence(lambda n: f"document-{n}")


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    program = factory.SubFactory(GrantProgramFactory)
    title = factory.Sequence(lambda n: f"Semester exchange call {n}")
    places = 5
    opens_on = factory.LazyFunction(lambda: today() - datetime.timedelta(days=10))
    deadline = factory.LazyFunction(lambda: today() + datetime.timedelta(days=20))

    @factory.post_generation
    def hosts(self, create, extracted, **kwargs):
        if create:
            self.hosts.set(extracted if extracted is not None else [InstitutionFactory()])


class MobilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mobility

    direction = Direction.OUTGOING
    participant_name = factory.Faker("name")
    activity = Mobility.Activity.SEMESTER
    partner = factory.SubFactory(InstitutionFactory)
    start_date = datetime.date(2024, 9, 1)
    end_date = datetime.date(2025, 1, 31)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    student = factory.SubFactory(UserFactory)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")


class ApplicationEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationEvent

    application = factory.SubFactory(ApplicationFactory)
    from_status = Application.Status.DRAFT
    to_status = Application.Status.SUBMITTED


class ApplicationReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationReview

    application = factory.SubFactory(ApplicationFactory, status=Application.Status.UNDER_REVIEW)
    reviewer = factory.SubFactory(UserFactory, is_staff=True)
    score = 7


class HostPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HostPreference

    application = factory.SubFactory(ApplicationFactory)
    institution = factory.SubFactory(InstitutionFactory)
    rank = 1


class ApplicationDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationDocument

    application = factory.SubFactory(ApplicationFactory)
    document_type = factory.SubFactory(DocumentTypeFactory)
    file = factory.django.FileField(filename="transcript.pdf", data=b"%PDF-1.4\n%%EOF\n")
    original_name = "transcript.pdf"


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    title = factory.Sequence(lambda n: f"Delegation visit {n}")
    partner = factory.SubFactory(InstitutionFactory)
    start_date = datetime.date(2024, 12, 3)


class VisitMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitMember

    visit = factory.SubFactory(VisitFactory)
    side = VisitMember.Side.GUEST
    full_name = factory.Faker("name")
    position = "Director"


class VisitPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitPhoto

    visit = factory.SubFactory(VisitFactory)
    image = factory.django.ImageField(width=40, height=30, color="blue")


class OutgoingMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutgoingMessage

    from_email = "International Office <noreply@example.org>"
    to = factory.LazyFunction(lambda: ["aziza@example.org"])
    subject = "Your application to Erasmus+ exchange: Accepted"
    body = "Dear Aziza Karimova,\n\nyour application has been accepted.\n"


class JobFactory(factory.django.DjangoModelFactory):
    """An e-mail job the mail server kept refusing: FAILED after its attempts, with the error kept."""

    class Meta:
        model = Job
        skip_postgeneration_save = True

    status = TaskResultStatus.FAILED
    task_path = "intl_office.tasks.send_email"
    backend_name = "default"
    queue_name = "default"
    run_after = factory.LazyFunction(get_date_max)
    args_kwargs = factory.LazyFunction(lambda: {"args": [], "kwargs": {"message_id": 0}})
    worker_ids = factory.LazyFunction(lambda: [f"worker-{n}" for n in range(10)])
    started_at = factory.LazyFunction(timezone.now)
    finished_at = factory.LazyFunction(timezone.now)
    exception_class_path = "smtplib.SMTPServerDisconnected"
    traceback = (
        "Traceback (most recent call last):\n"
        '  File "smtplib.py", line 405, in getreply\n'
        "smtplib.SMTPServerDisconnected: Connection unexpectedly closed\n"
    )

    @factory.post_generation
    def message(job, create, extracted, **kwargs):
        """The e-mail it sends, linked both ways as ``intl_office.mail.queue_email`` links them."""
        if not create:
            return
        message = extracted or OutgoingMessageFactory(job=job, **kwargs)
        job.args_kwargs = {"args": [], "kwargs": {"message_id": message.pk}}
        Job.objects.filter(pk=job.pk).update(args_kwargs=job.args_kwargs)


class LearningAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningAgreement

    mobility = factory.SubFactory(MobilityFactory)


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    mobility = factory.SubFactory(MobilityFactory)


class LearningAgreementVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningAgreementVersion

    agreement = factory.SubFactory(LearningAgreementFactory)
    number = 1


class LearningAgreementRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningAgreementRow

    version = factory.SubFactory(LearningAgreementVersionFactory)
    host_code = factory.Sequence(lambda n: f"C{n}")
    host_title = factory.Sequence(lambda n: f"Course {n}")
    host_credits = 5
    semester = LearningAgreementRow.Semester.AUTUMN


class ChecklistTemplateItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistTemplateItem

    program = factory.SubFactory(GrantProgramFactory)
    title = factory.Sequence(lambda n: f"Checklist item {n}")
    position = factory.Sequence(lambda n: n)


class FileImportFactory(factory.django.DjangoModelFactory):
    """An import of a big file its job has finished: 400 partners written."""

    class Meta:
        model = FileImport

    user = factory.SubFactory(UserFactory)
    model = "partners.Institution"
    resource_path = "partners.resources.InstitutionResource"
    original_name = factory.Sequence(lambda n: f"partners-{n}.csv")
    upload_name = factory.Sequence(lambda n: f"upload-{n}")
    input_format = "csv"
    language = "en"
    rows = 400
    status = FileImport.Status.DONE
    totals = factory.LazyFunction(lambda: {"new": 400})


class ExpertFactory(factory.django.DjangoModelFactory):
    """A foreign expert typed straight into the table; tests of the workflow record one through ``expert_save``."""

    class Meta:
        model = Expert

    full_name = factory.Faker("name")
    nationality = "PL"
    partner = factory.SubFactory(InstitutionFactory)
    subject = "Structural mechanics"
    host_faculty = factory.SubFactory(FacultyFactory)
    start_date = datetime.date(2026, 3, 1)
    end_date = datetime.date(2026, 6, 30)


class RecommendationListFactory(factory.django.DjangoModelFactory):
    """A staff call's recommendation list for the rector, with nobody on it yet."""

    class Meta:
        model = RecommendationList

    call = factory.SubFactory(CallFactory, audience=Call.Audience.STAFF)
    made_by = factory.SubFactory(UserFactory, is_staff=True)


class TripChainFactory(factory.django.DjangoModelFactory):
    """The office's business trip approval chain: one row, found again rather than made twice."""

    class Meta:
        model = TripChain
        django_get_or_create = ("id",)

    id = TripChain.SINGLETON_ID


class TripRequestFactory(factory.django.DjangoModelFactory):
    """A member of staff's draft business trip to a partner."""

    class Meta:
        model = TripRequest

    traveller = factory.SubFactory(UserFactory, affiliation="employee")
    institution = factory.SubFactory(InstitutionFactory)
    country = "KR"
    city = "Seoul"
    start_date = datetime.date(2026, 4, 6)
    end_date = datetime.date(2026, 4, 10)
    purpose = "conference"
    funding = "university"
