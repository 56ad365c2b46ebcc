"""Student applications: the application to a call, its dated history, reviews, host choices and documents.

The status moves only through ``mobility.services.applications``; the rules of which status may
follow which are ``Application.TRANSITIONS`` here. ``ApplicationQuerySet`` holds the reads the
admin, the staff pages and the services share: who may see what, what waits for review, the
review summary and the ranking that decides who gets a place.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import (
    CASCADE,
    Avg,
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    ProtectedError,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from intl_office.models import Faculty
from intl_office.roles import of_own_faculty
from intl_office.status import StatusTones
from intl_office.storage import get_private_storage
from partners.models import Institution
from programs.eligibility import StudyLevel
from programs.models import Call

from .application_parts import ApplicationDocument, ApplicationReview, HostPreference, LanguageCertificate

DELETABLE_STATUSES = ("draft", "withdrawn")  # never reached the office: a draft, or one the student gave up


def protect_decided_applications(collector, field, sub_objs, using):
    """``on_delete`` of an application's student: their drafts and open applications go with the account,
    but an account with a decided application (accepted, waitlisted, rejected) cannot be deleted.

    The decision is the office's record (places given, nominations sent); the admin lists the
    applications that stand in the way, as for any protected object.
    """
    decided = list(Application.objects.filter(pk__in=[application.pk for application in sub_objs]).decided())
    if decided:
        # The collector gathers these into its own ProtectedError naming Application.student; the
        # admin lists them under "protected related objects".
        raise ProtectedError("Decided applications are kept.", decided)
    CASCADE(collector, field, sub_objs, using)


def _deletable_q():
    return Q(submitted_at__isnull=True, decided_at__isnull=True, status__in=DELETABLE_STATUSES)


class ApplicationQuerySet(models.QuerySet):
    def delete(self):
        """Refuses as a whole when one of the rows reached the office (``Application.is_deletable``)."""
        kept = list(self.exclude(_deletable_q())[:1])
        if kept:
            raise ProtectedError("Submitted applications are kept: withdraw or archive them instead.", set(kept))
        return super().delete()

    def deletable(self):
        """Applications that never reached the office (``Application.is_deletable``)."""
        return self.filter(_deletable_q())

    def submitted(self):
        """Applications that reached the office: anything but drafts."""
        return self.exclude(status=Application.Status.DRAFT)

    def awaiting_review(self):
        return self.filter(
            status__in=[Application.Status.SUBMITTED, Application.Status.UNDER_REVIEW], archived_at__isnull=True
        )

    def not_archived(self):
        """What staff lists show by default: an archived application is kept, but out of the way."""
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)

    def in_selection(self):
        """The applications a call's selection is about: submitted, neither withdrawn nor archived."""
        return self.submitted().exclude(status=Application.Status.WITHDRAWN).not_archived()

    def accepted(self):
        """Applications that took one of their call's places."""
        return self.filter(status=Application.Status.ACCEPTED)

    def offers_waiting(self):
        """Accepted applications whose student has not answered the offer yet (not archived)."""
        return self.accepted().filter(offer_answered_at__isnull=True).not_archived()

    def places_taken(self):
        """Accepted applications whose student took the offered place."""
        return self.accepted().filter(offer_answered_at__isnull=False)

    def decided(self):
        """Applications the office decided on: accepted, waitlisted or rejected, now or before a withdrawal."""
        return self.filter(Q(status__in=Application.DECIDED) | Q(decided_at__isnull=False))

    def awaiting_endorsement_by(self, user):
        """Submitted staff applications waiting for ``user``'s word as head of the applicant's department."""
        from .staff_applications import Endorsement

        head = user.pk if user.is_authenticated else -1  # a visitor heads nothing (not "no head": NULL)
        return self.filter(
            status=Application.Status.SUBMITTED, staff__endorsement=Endorsement.PENDING, staff__department__head=head
        ).not_archived()

    def visible_to(self, user):
        """Applications a staff member may see: a faculty coordinator only those of their own faculty."""
        if not (user.is_active and user.is_staff):
            return self.none()
        return of_own_faculty(self, user)

    def of_student(self, user):
        """``user``'s own applications, newest first, with what their pages show: call, history, documents, hosts.

        A fixed number of queries however many applications there are.
        """
        return (
            self.filter(student=user)
            .select_related("call", "call__program", "mobility__partner", "staff__department")
            .prefetch_related(
                # Corrections and archiving are the office's bookkeeping; the student's history shows statuses.
                Prefetch(
                    "events",
                    queryset=ApplicationEvent.objects.filter(kind__in=ApplicationEvent.STUDENT_KINDS).order_by(
                        "created_at", "pk"
                    ),
                ),
                Prefetch("documents", queryset=ApplicationDocument.objects.select_related("document_type")),
                Prefetch("preferences", queryset=HostPreference.objects.select_related("institution").order_by("rank")),
            )
            .order_by("-created_at", "-pk")
        )

    def with_review_summary(self):
        """Annotate ``average_score`` (None before the first review) and ``review_count`` (0 then).

        Subqueries rather than joins, so that other joins and prefetches cannot multiply them.
        """
        reviews = ApplicationReview.objects.filter(application=OuterRef("pk")).order_by().values("application")
        return self.annotate(
            average_score=Subquery(reviews.annotate(value=Avg("score")).values("value"), output_field=FloatField()),
            review_count=Coalesce(
                Subquery(reviews.annotate(value=Count("pk")).values("value"), output_field=IntegerField()), 0
            ),
        )

    def ranked(self):
        """The order places are given in: best average score first, unreviewed last, then the earliest submission."""
        return self.with_review_summary().order_by(
            F("average_score").desc(nulls_last=True), F("submitted_at").asc(nulls_last=True), "pk"
        )


class Application(StatusTones, models.Model):
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
        DECLINED = "declined", _("Place declined")

    # Green accepted, red rejected, amber while it waits on a decision, blue while it is with the office,
    # grey for a draft or a withdrawn one.
    status_tones = {
        Status.DRAFT: "secondary",
        Status.SUBMITTED: "primary",
        Status.UNDER_REVIEW: "warning",
        Status.SHORTLISTED: "primary",
        Status.ACCEPTED: "success",
        Status.WAITLISTED: "warning",
        Status.REJECTED: "danger",
        Status.WITHDRAWN: "secondary",
        Status.DECLINED: "secondary",
    }

    LanguageCertificate = LanguageCertificate

    # The office's decisions; an account with one of them is not deleted (protect_decided_applications).
    DECIDED = (Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED)

    # The workflow staff and students move an application along; application services enforce it.
    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
        Status.SUBMITTED: {Status.UNDER_REVIEW, Status.WITHDRAWN},
        Status.UNDER_REVIEW: {Status.SHORTLISTED, Status.REJECTED, Status.WITHDRAWN},
        Status.SHORTLISTED: {Status.ACCEPTED, Status.WAITLISTED, Status.REJECTED, Status.WITHDRAWN},
        Status.WAITLISTED: {Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN},
        # The place is offered: the student takes it (the status stays, ``offer_answered_at`` is set) or
        # declines it, or lets the offer's deadline pass; a decline frees the place for the waiting list.
        Status.ACCEPTED: {Status.DECLINED},
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
        Status.DECLINED: set(),
    }

    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications")
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("student"),
        on_delete=protect_decided_applications,
        related_name="applications",
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
    reference = models.CharField(
        _("reference number"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Given when the application is submitted; the student quotes it."),
    )
    # An acceptance is an offer of a place at the mobility's host: answered by the student until
    # ``offer_deadline`` (the office's date, end of day). Taken: status accepted, answered. Declined or
    # expired: status declined, answered.
    offer_deadline = models.DateField(_("answer the offer by"), null=True, blank=True)
    offer_answered_at = models.DateTimeField(_("offer answered"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    archived_reason = models.TextField(_("reason for archiving"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        # Drafts (no submission date) last on every database: PostgreSQL puts NULLs first when descending.
        ordering = [F("submitted_at").desc(nulls_last=True), "-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        permissions = [("reopen_application", _("Can reopen a decided application"))]
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
        return f"{self.first_name} {self.last_name}".strip() or self.student.email or self.student.get_username()

    def delete(self, *args, **kwargs):
        if not self.is_deletable:
            raise ProtectedError("A submitted application is kept: withdraw or archive it instead.", {self})
        return super().delete(*args, **kwargs)

    @property
    def is_deletable(self) -> bool:
        """Only an application that never reached the office may be deleted; the others are withdrawn or archived."""
        return self.submitted_at is None and self.decided_at is None and self.status in DELETABLE_STATUSES

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def can_move_to(self, status) -> bool:
        return status in self.TRANSITIONS[self.status]

    @property
    def is_draft(self) -> bool:
        """Not yet submitted: the student may still change it, and the office does not review it."""
        return self.status == self.Status.DRAFT

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def offer_pending(self) -> bool:
        """Accepted, and the student has neither taken nor declined the place yet."""
        return self.status == self.Status.ACCEPTED and self.offer_answered_at is None

    @property
    def place_taken(self) -> bool:
        """Accepted, and the student took the offered place."""
        return self.status == self.Status.ACCEPTED and self.offer_answered_at is not None

    @property
    def is_final(self) -> bool:
        """No status can follow this one: accepted, rejected or withdrawn."""
        return not self.TRANSITIONS[self.status]


class ApplicationEvent(models.Model):
    """One entry of an application's dated history: who moved it from which status to which, or what else they did.

    A correction keeps the old and new values in ``changes`` (``{field: [old, new]}``); a
    correction, an archiving and a reopening keep the office's reason in ``note``.
    """

    class Kind(models.TextChoices):
        STATUS = "status", _("Status change")
        CORRECTION = "correction", _("Correction of the student's data")
        REOPEN = "reopen", _("Decision reopened")
        ARCHIVE = "archive", _("Archived")
        OFFER_TAKEN = "offer_taken", _("Place taken")
        OFFER_EXTENDED = "offer_extended", _("Deadline to answer the offer extended")
        ENDORSED = "endorsed", _("Endorsed by the head of department")
        RECOMMENDED = "recommended", _("Put on the recommendation list for the rector")

    # What the student's own history shows.
    STUDENT_KINDS = (Kind.STATUS, Kind.REOPEN, Kind.OFFER_TAKEN, Kind.OFFER_EXTENDED, Kind.ENDORSED, Kind.RECOMMENDED)

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
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.STATUS)
    note = models.TextField(_("note"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["application", "created_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status history")

    def __str__(self):
        return f"{self.get_from_status_display() or '-'} -> {self.get_to_status_display()}"

    is_offer_step = property(lambda self: self.kind in (self.Kind.OFFER_TAKEN, self.Kind.OFFER_EXTENDED))
    # Declined by nobody: the offer's deadline passed without an answer.
    offer_expired = property(lambda self: self.to_status == Application.Status.DECLINED and self.actor_id is None)


# Every change to an application is kept with who, when and what changed (django-auditlog).
auditlog.register(Application, exclude_fields=["created_at", "updated_at"])
