"""Mobility records: one person's stay abroad or with us, and the figures read from them.

Every count of people exchanged, on any page of any app, starts from
``Mobility.objects.counted()`` (cancelled stays never count) and groups by academic year with
``by_academic_year()`` (``intl_office.dates.academic_year_expression``). Partners and programmes
sit below this app and never read mobility themselves: their pages get the figures from
``mobility.templatetags.mobility_figures``, and the agreement admin its dormant column from
``mobility.admin.agreements``, both built on the functions here.
"""

import datetime
import uuid

from auditlog.registry import auditlog
from django.db import models
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_office.dates import academic_year_bounds, academic_year_expression, academic_year_of, today
from intl_office.models import Faculty
from intl_office.roles import of_own_faculty
from intl_office.storage import get_private_storage
from intl_office.uploads import validate_pdf
from partners.models import Agreement, Institution
from programs.models import Call, GrantProgram, Project


class Direction(models.TextChoices):
    OUTGOING = "outgoing", _("Outgoing")
    INCOMING = "incoming", _("Incoming")


# How far back the office follows up arrivals, transcripts and recognition.
FOLLOW_UP_DAYS = 365

OUT = Q(direction=Direction.OUTGOING)
IN = Q(direction=Direction.INCOMING)


def transcript_name(mobility, filename):
    """A fresh name under transcripts/: it tells nothing of the student and cannot meet an older file's."""
    return f"transcripts/{uuid.uuid4().hex}.pdf"


class MobilityQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Mobilities a staff member may read: a faculty coordinator only those of their own faculty."""
        if not (user.is_active and user.is_staff):
            return self.none()
        return of_own_faculty(self, user)

    def counted(self):
        """Mobilities that took or will take place: everything but the cancelled."""
        return self.exclude(status=Mobility.Status.CANCELLED)

    def place_taken(self):
        """Counted mobilities that go ahead: typed in by the office, or from an application whose student took it.

        What the nomination, the checklist and the stay work on; an offer still waiting for the
        student's answer is not among them.
        """
        from .applications import Application  # applications.py sits above records.py

        return self.counted().filter(
            Q(application__isnull=True)
            | Q(application__status=Application.Status.ACCEPTED, application__offer_answered_at__isnull=False)
        )

    def outgoing(self):
        return self.filter(direction=Direction.OUTGOING)

    # --- the pre-departure checklist (mobility.models.checklists) ----------------------------------

    def taking_checklists(self):
        """Outgoing mobilities whose place is taken: those with a pre-departure checklist."""
        return self.place_taken().outgoing()

    def with_checklist_counts(self):
        """Each mobility with ``checklist_items``, ``checklist_accepted`` and ``checklist_open``, counted in SQL.

        A checklist not started yet counts its programme's items (the default list's, without a
        programme) as open: what the student will have to do is not done.
        """
        from .checklists import ChecklistItem, ChecklistTemplateItem, MobilityChecklist

        def count(queryset, group):
            rows = queryset.order_by().values(group).annotate(n=Count("pk")).values("n")
            return Coalesce(Subquery(rows, output_field=IntegerField()), 0)

        items = ChecklistItem.objects.filter(checklist__mobility=OuterRef("pk"))
        accepted = items.filter(state=ChecklistItem.State.ACCEPTED)
        planned = ChecklistTemplateItem.objects.filter(program=OuterRef("program"))
        default = ChecklistTemplateItem.objects.filter(program__isnull=True)
        return self.annotate(
            checklist_started=Exists(MobilityChecklist.objects.filter(mobility=OuterRef("pk"))),
            checklist_items=count(items, "checklist"),
            checklist_accepted=count(accepted, "checklist"),
        ).annotate(
            checklist_open=Case(
                When(checklist_started=True, then=F("checklist_items") - F("checklist_accepted")),
                When(program__isnull=True, then=count(default, "program")),
                default=count(planned, "program"),
                output_field=IntegerField(),
            )
        )

    def checklist_complete(self):
        """Mobilities taking a checklist with nothing left to do: every item accepted (or none at all)."""
        return self.taking_checklists().with_checklist_counts().filter(checklist_open=0)

    def checklist_incomplete(self, on=None, *, departing_within=None):
        """Mobilities not yet departed on ``on`` with an item not accepted; ``departing_within`` days: leaving soon."""
        on = on or today()
        queryset = self.taking_checklists().filter(start_date__gte=on)
        if departing_within is not None:
            queryset = queryset.filter(start_date__lte=on + datetime.timedelta(days=departing_within))
        return queryset.with_checklist_counts().filter(checklist_open__gt=0)

    # --- the stay: arrival, departure, transcript, recognition (mobility.services.stays) ----------

    def arrival_not_confirmed(self, on):
        """Outgoing stays going ahead that started in the year before ``on`` and whose arrival nobody confirmed.

        Older stays were settled before the portal tracked arrivals: the office does not chase them.
        """
        since = on - datetime.timedelta(days=FOLLOW_UP_DAYS)
        return self.place_taken().outgoing().filter(start_date__lt=on, start_date__gte=since, arrival_confirmed_at=None)

    def returned(self, on):
        """Outgoing students' stays going ahead that ended in the year before ``on`` (or whose departure is confirmed).

        The stays whose transcript and recognition the office follows up; older ones were settled on paper.
        """
        since = on - datetime.timedelta(days=FOLLOW_UP_DAYS)
        return (
            self.place_taken()
            .outgoing()
            .filter(participant_kind=Mobility.ParticipantKind.STUDENT, end_date__gte=since)
            .filter(Q(departure_confirmed_at__isnull=False) | Q(end_date__lt=on))
        )

    def transcript_missing(self, on):
        """Returned students (``returned``) with no transcript of records uploaded."""
        return self.returned(on).filter(transcript="")

    def credits_not_recognised(self, on):
        """Returned students (``returned``) for whom the home faculty has recorded no recognised credits yet."""
        return self.returned(on).filter(recognitions__isnull=True)

    def taking_learning_agreements(self):
        """A student's mobilities that go ahead (``place_taken``): no learning agreement before the place is taken."""
        return self.place_taken().filter(participant_kind=Mobility.ParticipantKind.STUDENT)

    def incoming(self):
        return self.filter(direction=Direction.INCOMING)

    def in_academic_year(self, year):
        """Mobilities that start within academic year ``year`` (2024 = 1 Sep 2024 .. 31 Aug 2025)."""
        start, end = academic_year_bounds(year)
        return self.filter(start_date__range=(start, end))

    def by_academic_year(self):
        """Grouped by the academic year each mobility starts in, oldest first.

        Annotates ``academic_year`` and selects it as the grouping (``values("academic_year")``), so an
        aggregate annotated next counts per year: ``.by_academic_year().annotate(people=Count("pk"))``.
        The model's ordering is replaced: it would otherwise split the groups.
        """
        return self.annotate(academic_year=academic_year_expression()).values("academic_year").order_by("academic_year")

    def per_academic_year(self):
        """People exchanged per academic year, newest first, in one query.

        Rows are dicts of ``academic_year``, ``outgoing``, ``incoming`` and ``total``; cancelled
        mobilities do not count.
        """
        return self.counted().by_academic_year().annotate(**DIRECTION_COUNTS).order_by("-academic_year")


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
    # The dates every count, statistic and report reads: the plan, then the real day once confirmed.
    start_date = models.DateField(_("start"), help_text=_("The real first day once the arrival is confirmed."))
    end_date = models.DateField(_("end"), help_text=_("The real last day once the departure is confirmed."))
    planned_start_date = models.DateField(
        _("planned start"), null=True, blank=True, editable=False, help_text=_("The start planned before the arrival.")
    )
    planned_end_date = models.DateField(
        _("planned end"), null=True, blank=True, editable=False, help_text=_("The end planned before the departure.")
    )
    arrival_confirmed_at = models.DateTimeField(_("arrival confirmed"), null=True, blank=True, editable=False)
    departure_confirmed_at = models.DateTimeField(_("departure confirmed"), null=True, blank=True, editable=False)
    transcript = models.FileField(
        _("transcript of records"),
        storage=get_private_storage,
        upload_to=transcript_name,
        validators=[validate_pdf],
        blank=True,
        editable=False,
    )
    transcript_uploaded_at = models.DateTimeField(_("transcript uploaded"), null=True, blank=True, editable=False)
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

    @property
    def arrival_confirmed(self):
        return self.arrival_confirmed_at is not None

    @property
    def departure_confirmed(self):
        return self.departure_confirmed_at is not None


# The four counts every breakdown of mobility carries, as conditional aggregates.
STUDENT = Q(participant_kind=Mobility.ParticipantKind.STUDENT)
STAFF = Q(participant_kind=Mobility.ParticipantKind.STAFF)
DIRECTION_COUNTS = {
    "outgoing": Count("pk", filter=OUT),
    "incoming": Count("pk", filter=IN),
    "total": Count("pk"),
}
KIND_COUNTS = {
    "outgoing_students": Count("pk", filter=OUT & STUDENT),
    "outgoing_staff": Count("pk", filter=OUT & STAFF),
    "incoming_students": Count("pk", filter=IN & STUDENT),
    "incoming_staff": Count("pk", filter=IN & STAFF),
}


# --- agreements read through their mobility ----------------------------------------------------


def agreements_with_last_year_mobility(agreements=None, *, on=None):
    """``agreements`` (every agreement when None) with ``last_year_mobility`` and ``quota`` annotated.

    ``last_year_mobility``: the people exchanged with the agreement's partner last academic year;
    ``quota``: its places a year (``Agreement.objects.with_quota()``).

    "Last academic year" is the one before the year ``on`` falls in; cancelled mobilities do
    not count. A subquery per partner, so other joins on the queryset cannot multiply the count.
    """
    agreements = Agreement.objects.all() if agreements is None else agreements
    people = (
        Mobility.objects.counted()
        .in_academic_year(academic_year_of(on or today()) - 1)
        .filter(partner=OuterRef("partner"))
        .order_by()
        .values("partner")
        .annotate(people=Count("pk"))
        .values("people")
    )
    return agreements.with_quota().annotate(
        last_year_mobility=Coalesce(Subquery(people, output_field=IntegerField()), 0)
    )


def agreements_dormant(agreements=None, *, on=None):
    """Agreements in force on ``on`` whose mobility last academic year fell short of the quota, or was zero.

    Each carries the annotations of ``agreements_with_last_year_mobility``.
    """
    agreements = Agreement.objects.all() if agreements is None else agreements
    return agreements_with_last_year_mobility(agreements.in_force(on), on=on).filter(
        Q(last_year_mobility=0) | Q(last_year_mobility__lt=F("quota"))
    )


# Every change to a mobility record is kept with who, when and what changed (django-auditlog).
auditlog.register(Mobility, exclude_fields=["created_at", "updated_at"])
