"""Business trips abroad: a member of staff asks, the approval chain decides, the trip becomes a staff mobility.

The office configures the chain once (``TripChain``, a single row, with its ordered
``TripChainStep`` rows: the head of the traveller's department, the dean of their faculty, a named
person such as the vice-rector, or the rector's order the office records). Submitting a request
copies the chain onto it as its own ``TripStep`` rows with each step's holder, so a later edit of
the configuration does not change a request in progress. The steps are taken in order, each by its
holder; the last approval makes the trip approved and creates its staff ``Mobility``. After the
return the traveller files the trip report by ``report_due``. Every step is in ``TripEvent``.
Everything changes through ``mobility.services.trips``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from intl_office.status import StatusTones
from intl_office.storage import get_private_storage
from intl_office.uploads import validate_pdf
from partners.models import Institution
from programs.models import GrantProgram

from .records import Mobility
from .trip_chain import Holder


def invitation_name(trip, filename):
    """A fresh name under trips/: it tells nothing of the traveller and cannot meet an older file's."""
    return f"trips/invitations/{uuid.uuid4().hex}.pdf"


def report_file_name(report_file, filename):
    return f"trips/reports/{uuid.uuid4().hex}.pdf"


class Purpose(models.TextChoices):
    TEACHING = "teaching", _("Teaching")
    RESEARCH = "research", _("Research")
    CONFERENCE = "conference", _("Conference")
    TRAINING = "training", _("Training")
    NEGOTIATIONS = "negotiations", _("Negotiations")
    OTHER = "other", _("Other")


class Funding(models.TextChoices):
    UNIVERSITY = "university", _("University budget")
    HOST = "host", _("Host institution")
    GRANT = "grant", _("Grant programme")
    PERSONAL = "personal", _("Personal funds")
    OTHER = "other", _("Other")


class TripRequestQuerySet(models.QuerySet):
    def of_traveller(self, user):
        return self.filter(traveller=user) if user.is_authenticated else self.none()

    def waiting(self):
        return self.filter(status=TripRequest.Status.SUBMITTED)

    def approved(self):
        return self.filter(status=TripRequest.Status.APPROVED)

    def waiting_for(self, user):
        """Submitted requests whose current step (the first not decided) ``user`` holds."""
        if not user.is_authenticated:
            return self.none()
        current = TripStep.objects.filter(trip=OuterRef("pk"), decision="").order_by("position", "pk")
        return (
            self.waiting()
            .annotate(current_holder=models.Subquery(current.values("holder")[:1]))
            .filter(current_holder=user.pk)
        )

    def waiting_for_order(self):
        """Submitted requests whose current step is the rector's order, which the office records."""
        earlier = TripStep.objects.filter(trip=OuterRef("trip"), decision="", position__lt=OuterRef("position"))
        order = TripStep.objects.filter(trip=OuterRef("pk"), decision="", kind=Holder.RECTOR_ORDER)
        return self.waiting().filter(Exists(order.exclude(Exists(earlier))))

    def report_missing(self):
        return self.approved().filter(report_filed_at=None)

    def report_overdue(self, on):
        """Approved trips whose report was due before ``on`` and has not been filed."""
        return self.report_missing().filter(report_due__lt=on)


class TripRequest(StatusTones, models.Model):
    """A member of staff's request to travel abroad on business, and, once back, the trip report."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    status_tones = {
        Status.DRAFT: "secondary",
        Status.SUBMITTED: "info",
        Status.APPROVED: "success",
        Status.REFUSED: "danger",
    }

    traveller = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("traveller"), on_delete=models.PROTECT, related_name="trips"
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("partner institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trips",
        help_text=_("When the host is in the directory; otherwise type its name and choose its country."),
    )
    institution_name = models.CharField(_("institution"), max_length=255, blank=True)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100)
    start_date = models.DateField(_("departure"))
    end_date = models.DateField(_("return"))
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    funding = models.CharField(_("funding"), max_length=20, choices=Funding.choices)
    program = models.ForeignKey(
        GrantProgram,
        verbose_name=_("grant programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trips",
    )
    description = models.TextField(_("description"), blank=True)
    invitation = models.FileField(
        _("invitation letter"),
        storage=get_private_storage,
        upload_to=invitation_name,
        validators=[validate_pdf],
        blank=True,
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # The language the traveller used when they last saved or submitted: their e-mails are in it.
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    mobility = models.OneToOneField(
        Mobility,
        verbose_name=_("mobility"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trip",
    )
    report_due = models.DateField(_("report due"), null=True, blank=True)
    report_done = models.TextField(_("what was done"), blank=True)
    report_agreements = models.TextField(_("agreements reached"), blank=True)
    report_contacts = models.TextField(_("contacts met"), blank=True)
    report_filed_at = models.DateTimeField(_("report filed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TripRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("business trip")
        verbose_name_plural = _("business trips")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="triprequest_end_not_before_start",
                violation_error_message=_("A trip cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.traveller_name}: {self.destination} ({self.start_date:%Y-%m-%d})"

    @property
    def traveller_name(self):
        return self.traveller.get_full_name() or self.traveller.username

    @property
    def destination(self):
        return self.institution.name if self.institution_id else self.institution_name

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_waiting(self):
        return self.status == self.Status.SUBMITTED

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def report_filed(self):
        return self.report_filed_at is not None


class TripStep(models.Model):
    """One step of the chain as copied onto a request when it was submitted, with its decision."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    trip = models.ForeignKey(
        TripRequest, verbose_name=_("business trip"), on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("taken by"), max_length=20, choices=Holder.choices)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trip_steps",
        help_text=_("Empty for the rector's order: the office records it."),
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    order_number = models.CharField(_("order number"), max_length=60, blank=True)
    order_date = models.DateField(_("order date"), null=True, blank=True)
    # The language of the page the holder decided on: the next e-mail to them is written in it.
    language = models.CharField(_("language"), max_length=10, blank=True)

    class Meta:
        ordering = ["trip", "position", "pk"]
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        constraints = [
            models.UniqueConstraint(fields=["trip", "position"], name="tripstep_one_per_position"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_approved(self):
        return self.decision == self.Decision.APPROVED

    @property
    def is_refused(self):
        return self.decision == self.Decision.REFUSED

    @property
    def is_order(self):
        return self.kind == Holder.RECTOR_ORDER


class TripEvent(models.Model):
    """One dated step of a trip: submitted, a step approved or refused, the report filed, a reminder sent."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        STEP_APPROVED = "step_approved", _("Step approved")
        STEP_REFUSED = "step_refused", _("Step refused")
        APPROVED = "approved", _("Trip approved")
        REPORT_FILED = "report_filed", _("Trip report filed")
        REMINDED_BEFORE = "reminded_before", _("Reminded before the report's deadline")
        REMINDED_ON = "reminded_on", _("Reminded on the report's deadline")
        REMINDED_OVERDUE = "reminded_overdue", _("Reminded that the report is overdue")

    REMINDERS = (Kind.REMINDED_BEFORE, Kind.REMINDED_ON, Kind.REMINDED_OVERDUE)

    trip = models.ForeignKey(
        TripRequest, verbose_name=_("business trip"), on_delete=models.CASCADE, related_name="events"
    )
    step = models.ForeignKey(TripStep, verbose_name=_("step"), on_delete=models.CASCADE, null=True, blank=True)
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["trip", "created_at", "pk"]
        verbose_name = _("trip step")
        verbose_name_plural = _("trip history")
        constraints = [
            # Each reminder threshold once per trip, whoever runs the command and how often.
            models.UniqueConstraint(
                fields=["trip", "kind"], condition=Q(kind__startswith="reminded_"), name="tripevent_reminder_once"
            ),
        ]

    def __str__(self):
        return str(self.get_kind_display())


class TripReportFile(models.Model):
    """A file attached to a trip report (a certificate, the programme, minutes), kept in private storage."""

    trip = models.ForeignKey(TripRequest, on_delete=models.CASCADE, related_name="report_files")
    file = models.FileField(
        _("file"), storage=get_private_storage, upload_to=report_file_name, validators=[validate_pdf]
    )
    original_name = models.CharField(_("name"), max_length=200)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["trip", "pk"]
        verbose_name = _("trip report file")
        verbose_name_plural = _("trip report files")

    def __str__(self):
        return self.original_name
