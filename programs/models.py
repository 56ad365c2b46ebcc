"""Grant programmes, funded projects, joint degrees and calls for applications."""

from auditlog.registry import auditlog
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.status import StatusTones
from intl_office.text import unique_slug
from partners.models import Agreement, Institution

from .eligibility import YEARS_OF_STUDY, Eligibility
from .querysets import (
    CallQuerySet,
    GrantProgramQuerySet,
    JointProgrammeQuerySet,
    ProjectMemberQuerySet,
    ProjectQuerySet,
)


class SluggedModel(models.Model):
    """A public record addressed by a unique slug made from its name when left empty."""

    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    slug_source = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, self.slug_source))
        super().save(*args, **kwargs)


class GrantProgram(SluggedModel):
    """A programme that funds mobility, training or projects: Erasmus+, ITEC, KOICA, ..."""

    class Kind(models.TextChoices):
        MOBILITY = "mobility", _("Mobility and exchange")
        SCHOLARSHIP = "scholarship", _("Scholarship")
        CAPACITY = "capacity", _("Capacity building")
        TRAINING = "training", _("Staff training")
        RESEARCH = "research", _("Research")
        VOLUNTEERING = "volunteering", _("Expert and volunteer programme")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MOBILITY)
    funder = models.ForeignKey(
        Institution,
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funded_programs",
        help_text=_("The agency, government or foundation that pays for it."),
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("what it offers"), blank=True)
    eligibility = models.TextField(_("who can apply"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="programs/", blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = GrantProgramQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("grant programme")
        verbose_name_plural = _("grant programmes")

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return reverse("programs:program-detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        """Whether visitors may see the programme's page: ``GrantProgram.objects.public()`` for one record.

        For the pages that link to a programme from elsewhere (a call, a project, the statistics).
        """
        return self.is_active


class Project(StatusTones, SluggedModel):
    """A funded project, such as an Erasmus+ CBHE project, with its consortium."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        PARTNER = "partner", _("Partner")
        ASSOCIATED = "associated", _("Associated partner")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started yet")
        RUNNING = "running", _("Running")
        FINISHED = "finished", _("Finished")

    status_tones = {Status.NOT_STARTED: "info", Status.RUNNING: "success", Status.FINISHED: "secondary"}

    slug_source = "acronym"

    program = models.ForeignKey(
        GrantProgram, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="projects"
    )
    acronym = models.CharField(_("acronym"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    reference_number = models.CharField(_("reference number"), max_length=80, unique=True)
    our_role = models.CharField(_("our role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    budget_eur = models.DecimalField(_("total budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True)
    our_budget_eur = models.DecimalField(_("our share (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    website = models.URLField(_("website"), blank=True)
    members = models.ManyToManyField(
        Institution, through="ProjectMember", verbose_name=_("consortium"), related_name="projects"
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "acronym"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="project_end_not_before_start",
                violation_error_message=_("A project cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(budget_eur__isnull=True) | Q(budget_eur__gte=0),
                name="project_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(our_budget_eur__isnull=True) | Q(our_budget_eur__gte=0),
                name="project_our_budget_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.acronym}: {self.title}"

    def get_absolute_url(self):
        return reverse("programs:project-detail", kwargs={"slug": self.slug})

    def status_on(self, on) -> str:
        """Not started, running or finished on the day ``on``, by the project's dates."""
        if on < self.start_date:
            return self.Status.NOT_STARTED
        if on > self.end_date:
            return self.Status.FINISHED
        return self.Status.RUNNING

    @property
    def status(self) -> str:
        return self.status_on(today())

    @property
    def is_running(self):
        return self.status == self.Status.RUNNING


class ProjectMember(models.Model):
    """An institution in a project's consortium, with its role."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="memberships"
    )
    institution = models.ForeignKey(
        Institution, verbose_name=_("institution"), on_delete=models.PROTECT, related_name="project_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Project.Role.choices, default=Project.Role.PARTNER)

    objects = ProjectMemberQuerySet.as_manager()

    class Meta:
        ordering = ["role", "institution__name"]
        verbose_name = _("consortium member")
        verbose_name_plural = _("consortium members")
        constraints = [
            models.UniqueConstraint(fields=["project", "institution"], name="projectmember_unique_institution"),
        ]

    def __str__(self):
        return f"{self.institution} ({self.get_role_display()})"


class JointProgramme(SluggedModel):
    """A joint or dual degree with a partner, such as "3+1" or "2+2"."""

    class Kind(models.TextChoices):
        DUAL = "dual", _("Dual degree")
        JOINT = "joint", _("Joint degree")

    class Level(models.TextChoices):
        BACHELOR = "bachelor", _("Bachelor")
        MASTER = "master", _("Master")
        DOCTORATE = "doctorate", _("Doctorate")

    name = models.CharField(_("name"), max_length=200)
    partner = models.ForeignKey(
        Institution, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="joint_programmes"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DUAL)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.BACHELOR)
    field_of_study = models.CharField(_("field of study"), max_length=200, blank=True)
    years_home = models.PositiveSmallIntegerField(_("years at home"))
    years_partner = models.PositiveSmallIntegerField(_("years at the partner"))
    description = models.TextField(_("description"), blank=True)
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="joint_programmes",
    )
    started_in = models.PositiveSmallIntegerField(_("first intake (year)"), null=True, blank=True)
    is_active = models.BooleanField(_("admitting students"), default=True)

    objects = JointProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["partner__name", "name"]
        verbose_name = _("joint programme")
        verbose_name_plural = _("joint programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(years_home__gte=1) & Q(years_partner__gte=1),
                name="jointprogramme_years_positive",
                violation_error_message=_("Each side of a joint programme lasts at least one year."),
            ),
        ]

    def __str__(self):
        return f"{self.scheme} {self.name}"

    def get_absolute_url(self):
        return reverse("programs:joint-programme-list") + f"#{self.slug}"

    @property
    def scheme(self):
        """The way the office names it: years at home + years at the partner, e.g. "3+1"."""
        return f"{self.years_home}+{self.years_partner}"


class DocumentType(models.Model):
    """A document a call may require: transcript, language certificate, passport copy, ..."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self):
        return self.name


class Call(StatusTones, Eligibility, SluggedModel):
    """A call for applications: who may go where, how many places, until when."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UPCOMING = "upcoming", _("Upcoming")
        CLOSED = "closed", _("Closed")

    status_tones = {Status.OPEN: "success", Status.UPCOMING: "info", Status.CLOSED: "secondary"}

    slug_source = "title"

    program = models.ForeignKey(
        GrantProgram, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=255)
    hosts = models.ManyToManyField(Institution, verbose_name=_("host institutions"), related_name="calls")
    places = models.PositiveSmallIntegerField(_("places"))
    opens_on = models.DateField(_("opens on"))
    deadline = models.DateField(_("deadline"), help_text=_("Applications are accepted until the end of this day."))
    offer_response_days = models.PositiveSmallIntegerField(
        _("days to answer an offer"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "An accepted student has this many days to take or decline the place; then it goes to the waiting list."
        ),
    )
    mobility_start = models.DateField(_("mobility starts"), null=True, blank=True)
    mobility_end = models.DateField(_("mobility ends"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("eligibility"), blank=True)
    required_documents = models.ManyToManyField(
        DocumentType, verbose_name=_("required documents"), blank=True, related_name="calls"
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    # Closing early and publishing the results go through mobility.services.selection, which checks
    # the applications; the admin shows these read-only.
    closed_early_at = models.DateTimeField(_("closed early"), null=True, blank=True)
    closed_early_reason = models.TextField(_("reason for closing early"), blank=True)
    closed_early_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed early by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)

    objects = CallQuerySet.as_manager()

    class Meta:
        ordering = ["-deadline", "title"]
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=F("opens_on")),
                name="call_deadline_not_before_opening",
                violation_error_message=_("The deadline cannot be before the call opens."),
            ),
            models.CheckConstraint(
                condition=Q(mobility_start__isnull=True)
                | Q(mobility_end__isnull=True)
                | Q(mobility_end__gte=F("mobility_start")),
                name="call_mobility_end_not_before_start",
                violation_error_message=_("The mobility cannot end before it starts."),
            ),
            models.CheckConstraint(condition=Q(places__gte=0), name="call_places_not_negative"),
            models.CheckConstraint(
                condition=(Q(min_year_of_study__isnull=True) | Q(min_year_of_study__range=YEARS_OF_STUDY))
                & (Q(max_year_of_study__isnull=True) | Q(max_year_of_study__range=YEARS_OF_STUDY)),
                name="call_years_of_study_range",
                violation_error_message=_("Years of study are between 1 and 7."),
            ),
            models.CheckConstraint(
                condition=Q(min_year_of_study__isnull=True)
                | Q(max_year_of_study__isnull=True)
                | Q(max_year_of_study__gte=F("min_year_of_study")),
                name="call_years_of_study_in_order",
                violation_error_message=_("The last year of study cannot be before the first."),
            ),
            models.CheckConstraint(
                condition=Q(audience="staff") | Q(for_bachelor=True) | Q(for_master=True) | Q(for_doctorate=True),
                name="call_students_of_some_level",
                violation_error_message=_("A call for students is open to at least one level of study."),
            ),
        ]
        indexes = [
            models.Index(fields=["opens_on", "deadline"], name="call_dates_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programs:call-detail", kwargs={"slug": self.slug})

    def status_on(self, on) -> str:
        """Open, upcoming or closed by the dates and an early close; ``is_open_on`` also asks for publication.

        A call closed early stays closed whatever day is asked about: the office closed it for good.
        """
        if self.closed_early_at is not None:
            return self.Status.CLOSED
        if self.opens_on > on:
            return self.Status.UPCOMING
        if self.deadline < on:
            return self.Status.CLOSED
        return self.Status.OPEN

    @property
    def status(self) -> str:
        return self.status_on(today())

    def is_open_on(self, on):
        return self.is_published and self.status_on(on) == self.Status.OPEN

    @property
    def is_open(self):
        return self.is_open_on(today())

    @property
    def is_closed_early(self) -> bool:
        return self.closed_early_at is not None

    def decisions_allowed_on(self, on) -> bool:
        """Whether the office may decide on applications on the day ``on`` (the office's date).

        Not before every student has had until the end of the deadline day to apply, unless the
        office closed the call early with a recorded reason.
        """
        return self.is_closed_early or self.deadline < on

    @property
    def results_published(self) -> bool:
        return self.results_published_at is not None

    @property
    def days_left(self):
        """Whole days until the deadline; 0 on the deadline day itself."""
        return (self.deadline - today()).days


# Every change to these records is kept with who, when and what changed (django-auditlog).
auditlog.register(Call, m2m_fields={"hosts", "required_documents"})
