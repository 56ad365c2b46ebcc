"""People on the move: mobility records, student applications and delegation visits."""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from intl_office.dates import academic_year_bounds, today
from intl_office.models import Faculty
from intl_office.roles import is_faculty_coordinator
from intl_office.storage import get_private_storage
from intl_office.text import unique_slug
from partners.models import Agreement, Institution
from programs.models import Call, DocumentType, GrantProgram, Project


class Direction(models.TextChoices):
    OUTGOING = "outgoing", _("Outgoing")
    INCOMING = "incoming", _("Incoming")


class StudyLevel(models.TextChoices):
    BACHELOR = "bachelor", _("Bachelor")
    MASTER = "master", _("Master")
    DOCTORATE = "doctorate", _("Doctorate")


class MobilityQuerySet(models.QuerySet):
    def counted(self):
        """Mobilities that took or will take place: everything but the cancelled."""
        return self.exclude(status=Mobility.Status.CANCELLED)

    def outgoing(self):
        return self.filter(direction=Direction.OUTGOING)

    def incoming(self):
        return self.filter(direction=Direction.INCOMING)

    def in_academic_year(self, year):
        """Mobilities that start within academic year ``year`` (2024 = 1 Sep 2024 .. 31 Aug 2025)."""
        start, end = academic_year_bounds(year)
        return self.filter(start_date__range=(start, end))


class Mobility(models.Model):
    """One person's stay abroad (outgoing) or stay with us (incoming)."""

    class ParticipantKind(models.TextChoices):
        STUDENT = "student", pgettext_lazy("kind of participant", "Student")
        STAFF = "staff", pgettext_lazy("kind of participant", "Staff")

    class Activity(models.TextChoices):
        SEMESTER = "semester", _("Semester exchange")
        DEGREE = "degree", _("Degree study")
        SHORT_TERM = "short_term", _("Short-term programme")
        INTERNSHIP = "internship", _("Internship")
        TRAINING = "training", _("Training")
        TEACHING = "teaching", _("Teaching")
        RESEARCH = "research", _("Research stay")
        CONFERENCE = "conference", _("Conference")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        CONFIRMED = "confirmed", _("Confirmed")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    participant_kind = models.CharField(
        _("participant"), max_length=10, choices=ParticipantKind.choices, default=ParticipantKind.STUDENT
    )
    participant_name = models.CharField(_("participant's name"), max_length=200)
    participant_email = models.EmailField(_("participant's e-mail"), blank=True)
    faculty = models.ForeignKey(
        Faculty, verbose_name=_("faculty"), on_delete=models.SET_NULL, null=True, blank=True, related_name="mobilities"
    )
    activity = models.CharField(_("activity"), max_length=20, choices=Activity.choices)
    partner = models.ForeignKey(
        Institution,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="mobilities",
        help_text=_("The host for outgoing people, the home institution for incoming ones."),
    )
    program = models.ForeignKey(
        GrantProgram,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mobilities",
    )
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.SET_NULL, null=True, blank=True, related_name="mobilities"
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mobilities",
    )
    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.SET_NULL, null=True, blank=True, related_name="mobilities"
    )
    application = models.OneToOneField(
        "mobility.Application",
        verbose_name=_("application"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mobility",
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MobilityQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "participant_name"]
        verbose_name = _("mobility")
        verbose_name_plural = _("mobilities")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="mobility_end_not_before_start",
                violation_error_message=_("A mobility cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["direction", "start_date"], name="mobility_direction_start_idx"),
        ]

    def __str__(self):
        return f"{self.participant_name}: {self.partner} ({self.start_date:%Y-%m})"

    @property
    def duration_days(self):
        return (self.end_date - self.start_date).days + 1


class ApplicationQuerySet(models.QuerySet):
    def submitted(self):
        """Applications that reached the office: anything but drafts."""
        return self.exclude(status=Application.Status.DRAFT)

    def awaiting_review(self):
        return self.filter(status__in=[Application.Status.SUBMITTED, Application.Status.UNDER_REVIEW])

    def visible_to(self, user):
        """Applications a staff member may see: a faculty coordinator only those of their own faculty."""
        if not (user.is_active and user.is_staff):
            return self.none()
        if is_faculty_coordinator(user):
            return self.filter(faculty_id=user.faculty_id) if user.faculty_id else self.none()
        return self


class Application(models.Model):
    """A student's application to a call, from draft to decision."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("application status", "Draft")
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        SHORTLISTED = "shortlisted", _("Shortlisted")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("Waitlisted")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class LanguageCertificate(models.TextChoices):
        NONE = "", _("None")
        IELTS = "ielts", "IELTS"
        TOEFL = "toefl", "TOEFL iBT"
        DUOLINGO = "duolingo", "Duolingo English Test"
        CEFR = "cefr", _("CEFR certificate")
        TOPIK = "topik", "TOPIK"
        HSK = "hsk", "HSK"
        OTHER = "other", _("Other")

    # The workflow staff and students move an application along; application services enforce it.
    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
        Status.SUBMITTED: {Status.UNDER_REVIEW, Status.WITHDRAWN},
        Status.UNDER_REVIEW: {Status.SHORTLISTED, Status.REJECTED, Status.WITHDRAWN},
        Status.SHORTLISTED: {Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED, Status.WITHDRAWN},
        Status.WAITLISTED: {Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN},
        Status.ACCEPTED: set(),
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
    }

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("student"), on_delete=models.CASCADE, related_name="applications"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    nationality = CountryField(_("nationality"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    faculty = models.ForeignKey(
        Faculty, verbose_name=_("faculty"), on_delete=models.PROTECT, null=True, blank=True, related_name="applications"
    )
    level = models.CharField(_("level of study"), max_length=10, choices=StudyLevel.choices, blank=True)
    year_of_study = models.PositiveSmallIntegerField(_("year of study"), null=True, blank=True)
    gpa = models.DecimalField(_("GPA"), max_digits=3, decimal_places=2, null=True, blank=True)
    language_certificate = models.CharField(
        _("language certificate"), max_length=10, choices=LanguageCertificate.choices, blank=True
    )
    language_score = models.CharField(_("language score"), max_length=20, blank=True)
    motivation_letter = models.TextField(_("motivation letter"), blank=True)
    language = models.CharField(
        _("language of correspondence"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the student applied in; e-mails about the application use it."),
    )
    photo = models.ImageField(_("photo"), storage=get_private_storage, upload_to="photos/", blank=True)
    hosts = models.ManyToManyField(
        Institution, through="HostPreference", verbose_name=_("host preferences"), related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        # Drafts (no submission date) last on every database: PostgreSQL puts NULLs first when descending.
        ordering = [F("submitted_at").desc(nulls_last=True), "-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "student"],
                name="application_one_per_student_per_call",
                violation_error_message=_("You already have an application to this call."),
            ),
            models.CheckConstraint(
                condition=Q(gpa__isnull=True) | (Q(gpa__gte=0) & Q(gpa__lte=5)),
                name="application_gpa_range",
                violation_error_message=_("GPA is between 0 and 5."),
            ),
            models.CheckConstraint(
                condition=Q(year_of_study__isnull=True) | (Q(year_of_study__gte=1) & Q(year_of_study__lte=7)),
                name="application_year_of_study_range",
                violation_error_message=_("Year of study is between 1 and 7."),
            ),
        ]
        indexes = [
            models.Index(fields=["call", "status"], name="application_call_status_idx"),
        ]

    def __str__(self):
        return f"{self.full_name}: {self.call}"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip() or self.student.get_username()

    def can_move_to(self, status) -> bool:
        return status in self.TRANSITIONS[self.status]


class ApplicationEvent(models.Model):
    """One entry of an application's dated history: who moved it from which status to which."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(_("previous status"), max_length=20, choices=Application.Status.choices, blank=True)
    to_status = models.CharField(_("new status"), max_length=20, choices=Application.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["application", "created_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")

    def __str__(self):
        return f"{self.get_from_status_display() or '-'} -> {self.get_to_status_display()}"


class ApplicationReview(models.Model):
    """A reviewer's score and comment on an application; one per reviewer."""

    MAX_SCORE = 10

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("score"), help_text=_("From 0 to 10."))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("reviewed"), auto_now_add=True)

    class Meta:
        ordering = ["application", "created_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="applicationreview_one_per_reviewer"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=10),
                name="applicationreview_score_range",
                violation_error_message=_("The score is between 0 and 10."),
            ),
        ]

    def __str__(self):
        return f"{self.reviewer}: {self.score}"


class HostPreference(models.Model):
    """One ranked choice of host institution in an application (1 = first choice)."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="preferences"
    )
    institution = models.ForeignKey(Institution, verbose_name=_("host"), on_delete=models.PROTECT, related_name="+")
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        ordering = ["application", "rank"]
        verbose_name = _("host preference")
        verbose_name_plural = _("host preferences")
        constraints = [
            models.UniqueConstraint(fields=["application", "rank"], name="hostpreference_unique_rank"),
            models.UniqueConstraint(fields=["application", "institution"], name="hostpreference_unique_host"),
            models.CheckConstraint(condition=Q(rank__gte=1), name="hostpreference_rank_positive"),
        ]

    def __str__(self):
        return f"{self.rank}. {self.institution}"


class ApplicationDocument(models.Model):
    """A file a student uploaded for one of the call's required documents."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="documents"
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("file"), storage=get_private_storage, upload_to="documents/")
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["application", "document_type__name"]
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        constraints = [
            models.UniqueConstraint(fields=["application", "document_type"], name="applicationdocument_one_per_type"),
        ]

    def __str__(self):
        return f"{self.document_type}: {self.original_name or self.file.name}"


class VisitQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def received(self):
        return self.filter(direction=Direction.INCOMING)

    def sent(self):
        return self.filter(direction=Direction.OUTGOING)

    def upcoming(self, on=None):
        return self.filter(start_date__gte=on or today())

    def past(self, on=None):
        return self.filter(start_date__lt=on or today())


class Visit(models.Model):
    """A delegation received by us (incoming) or sent by us (outgoing), told as a story."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.INCOMING,
        help_text=_("Incoming: a delegation we received. Outgoing: a delegation we sent."),
    )
    partner = models.ForeignKey(Institution, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="visits")
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty for a one-day visit."))
    city = models.CharField(_("city"), max_length=100, blank=True)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    story = models.TextField(_("story"), blank=True, help_text=_("Blank lines separate paragraphs."))
    topics = models.TextField(_("topics discussed"), blank=True, help_text=_("One topic per line."))
    outcomes = models.TextField(_("outcomes"), blank=True, help_text=_("One outcome per line."))
    agreements_signed = models.ManyToManyField(
        Agreement, verbose_name=_("agreements signed"), blank=True, related_name="signed_during_visits"
    )
    is_public = models.BooleanField(_("public"), default=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="visit_end_not_before_start",
                violation_error_message=_("A visit cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, f"{self.start_date:%Y-%m-%d} {self.partner.short_name or self.partner.name}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("mobility:visit-detail", kwargs={"slug": self.slug})

    @property
    def topic_list(self):
        return [line.strip(" -•\t") for line in self.topics.splitlines() if line.strip(" -•\t")]

    @property
    def outcome_list(self):
        return [line.strip(" -•\t") for line in self.outcomes.splitlines() if line.strip(" -•\t")]


class VisitMember(models.Model):
    """A person in a visit: a guest of the delegation or a representative of our side."""

    class Side(models.TextChoices):
        GUEST = "guest", _("Delegation")
        HOST = "host", _("Our representatives")

    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="members")
    side = models.CharField(_("side"), max_length=5, choices=Side.choices)
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    is_head = models.BooleanField(_("head of delegation"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["visit", "side", "-is_head", "order", "full_name"]
        verbose_name = _("visit member")
        verbose_name_plural = _("visit members")

    def __str__(self):
        return f"{self.full_name}, {self.position}" if self.position else self.full_name


class VisitPhoto(models.Model):
    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="visits/")
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["visit", "order", "pk"]
        verbose_name = _("visit photo")
        verbose_name_plural = _("visit photos")

    def __str__(self):
        return self.caption or self.image.name


# Every change to these records is kept with who, when and what changed (django-auditlog).
auditlog.register(Application, exclude_fields=["created_at", "updated_at"])
auditlog.register(Mobility, exclude_fields=["created_at", "updated_at"])
