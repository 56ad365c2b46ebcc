"""Learning agreements: the courses a student takes at the host and the home courses they replace.

One ``LearningAgreement`` per student mobility. Its content lives in numbered versions: the
student drafts a version and submits it; the faculty coordinator of the student's faculty and the
host's coordinator each approve it or send it back. A version both approved is the agreement in
force; a change during the stay is a new version copied from it. Nothing is deleted or edited
after submission: every version, its rows and every approval stay readable, and each step is in
the dated history (``LearningAgreementEvent``). The states move only through
``mobility.services.learning_agreements``.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Sum
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_office.roles import of_own_faculty
from intl_office.status import StatusTones

from .records import Mobility

CREDITS = {"max_digits": 5, "decimal_places": 1, "validators": [MinValueValidator(Decimal("0.5"))]}


class LearningAgreementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Agreements a staff member may read: a faculty coordinator only those of their own faculty."""
        if not (user.is_active and user.is_staff):
            return self.none()
        return of_own_faculty(self, user, field="mobility__faculty")

    def with_versions(self):
        """Each agreement with its mobility and its versions (rows, approvals) in a fixed number of queries."""
        return self.select_related("mobility", "mobility__partner", "mobility__faculty").prefetch_related(
            Prefetch(
                "versions",
                queryset=LearningAgreementVersion.objects.order_by("-number").prefetch_related(
                    Prefetch("rows", queryset=LearningAgreementRow.objects.order_by("position", "pk")),
                    Prefetch("approvals", queryset=LearningAgreementApproval.objects.select_related("approver")),
                ),
            )
        )

    def waiting_for(self, party):
        """Agreements whose submitted version ``party`` has not answered yet."""
        answered = LearningAgreementApproval.objects.filter(version=OuterRef("pk"), party=party)
        waiting = LearningAgreementVersion.objects.filter(
            agreement=OuterRef("pk"), state=LearningAgreementVersion.State.SUBMITTED
        ).exclude(Exists(answered))
        return self.filter(Exists(waiting))


class LearningAgreement(models.Model):
    """The learning agreement of one student mobility; its content is in ``versions``."""

    mobility = models.OneToOneField(
        Mobility, verbose_name=_("mobility"), on_delete=models.PROTECT, related_name="learning_agreement"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = LearningAgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("learning agreement")
        verbose_name_plural = _("learning agreements")

    def __str__(self):
        return str(_("Learning agreement: %(mobility)s") % {"mobility": self.mobility.participant_name})

    def _versions(self):
        # Newest first; prefetched by with_versions() on list pages.
        return sorted(self.versions.all(), key=lambda version: -version.number)

    @property
    def latest_version(self):
        versions = self._versions()
        return versions[0] if versions else None

    @property
    def approved_version(self):
        """The version in force: the newest one both parties approved, or None."""
        return next((v for v in self._versions() if v.state == LearningAgreementVersion.State.APPROVED), None)


class LearningAgreementVersion(StatusTones, models.Model):
    """One numbered version of a learning agreement, from draft to approved or sent back."""

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("learning agreement state", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("learning agreement state", "Submitted")
        APPROVED = "approved", pgettext_lazy("learning agreement state", "Approved")
        RETURNED = "returned", pgettext_lazy("learning agreement state", "Sent back")

    # The badge reads ``status``; the model's word is ``state``.
    Status = State
    status_tones = {
        State.DRAFT: "secondary",
        State.SUBMITTED: "warning",
        State.APPROVED: "success",
        State.RETURNED: "danger",
    }

    agreement = models.ForeignKey(
        LearningAgreement, verbose_name=_("learning agreement"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    comment = models.TextField(
        _("what changed"), blank=True, help_text=_("The student's note on this version, for both coordinators.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    class Meta:
        ordering = ["agreement", "-number"]
        verbose_name = _("learning agreement version")
        verbose_name_plural = _("learning agreement versions")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="learningagreementversion_unique_number"),
            # One version at a time is being written or waits for answers.
            models.UniqueConstraint(
                fields=["agreement"],
                condition=Q(state__in=["draft", "submitted"]),
                name="learningagreementversion_one_open",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="learningagreementversion_number_positive"),
        ]

    def __str__(self):
        return str(_("Version %(number)s") % {"number": self.number})

    @property
    def status(self):
        return self.state

    @property
    def is_draft(self):
        return self.state == self.State.DRAFT

    @property
    def is_submitted(self):
        return self.state == self.State.SUBMITTED

    @property
    def is_approved(self):
        return self.state == self.State.APPROVED

    def approval_by(self, party):
        """The answer ``party`` gave on this version, or None; reads prefetched approvals."""
        return next((approval for approval in self.approvals.all() if approval.party == party), None)

    @property
    def faculty_answer(self):
        return self.approval_by(LearningAgreementApproval.Party.FACULTY)

    @property
    def host_answer(self):
        return self.approval_by(LearningAgreementApproval.Party.HOST)

    def totals(self):
        """ECTS credits at the host and home credits replaced, over the prefetched rows."""
        rows = list(self.rows.all())
        return {
            "host": sum((row.host_credits for row in rows), Decimal(0)),
            "home": sum((row.home_credits or Decimal(0) for row in rows), Decimal(0)),
        }

    def credit_totals(self):
        """The same totals in one query, for a version whose rows are not prefetched."""
        return self.rows.aggregate(host=Sum("host_credits"), home=Sum("home_credits"))


class LearningAgreementRow(models.Model):
    """A course at the host and the home course it replaces (none, for an extra course)."""

    class Semester(models.TextChoices):
        AUTUMN = "autumn", _("Autumn")
        SPRING = "spring", _("Spring")
        SUMMER = "summer", _("Summer")
        YEAR = "year", _("Full year")

    version = models.ForeignKey(
        LearningAgreementVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="rows"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    host_code = models.CharField(_("course code at the host"), max_length=40)
    host_title = models.CharField(_("course title at the host"), max_length=200)
    host_credits = models.DecimalField(_("ECTS credits"), **CREDITS)
    semester = models.CharField(_("semester"), max_length=10, choices=Semester.choices)
    home_code = models.CharField(_("home course code"), max_length=40, blank=True)
    home_title = models.CharField(_("home course title"), max_length=200, blank=True)
    home_credits = models.DecimalField(_("home credits"), null=True, blank=True, **CREDITS)

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [
            models.CheckConstraint(condition=Q(host_credits__gt=0), name="learningagreementrow_host_credits_positive"),
            models.CheckConstraint(
                condition=Q(home_credits__isnull=True) | Q(home_credits__gt=0),
                name="learningagreementrow_home_credits_positive",
            ),
        ]

    def __str__(self):
        return f"{self.host_code} {self.host_title}"


class LearningAgreementApproval(models.Model):
    """One party's answer on one version: approved, or sent back with a comment. Never changed."""

    class Party(models.TextChoices):
        FACULTY = "faculty", _("Faculty coordinator")
        HOST = "host", _("Host coordinator")

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approved")
        RETURN = "return", _("Sent back")

    version = models.ForeignKey(
        LearningAgreementVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="approvals"
    )
    party = models.CharField(_("party"), max_length=10, choices=Party.choices)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("comment"), blank=True)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approver_name = models.CharField(_("name"), max_length=200)
    approver_position = models.CharField(_("position"), max_length=200, blank=True)
    decided_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["version", "decided_at", "pk"]
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        constraints = [
            # One answer per party and version: a second click, or a replayed link, cannot add another.
            models.UniqueConstraint(fields=["version", "party"], name="learningagreementapproval_one_per_party"),
        ]

    def __str__(self):
        return f"{self.get_party_display()}: {self.get_decision_display()}"

    @property
    def approved(self):
        return self.decision == self.Decision.APPROVE


class LearningAgreementEvent(models.Model):
    """One step of a learning agreement's dated history: who moved which version from which state to which."""

    agreement = models.ForeignKey(
        LearningAgreement, verbose_name=_("learning agreement"), on_delete=models.PROTECT, related_name="events"
    )
    version = models.ForeignKey(
        LearningAgreementVersion, verbose_name=_("version"), on_delete=models.PROTECT, related_name="events"
    )
    from_state = models.CharField(
        _("previous state"), max_length=10, choices=LearningAgreementVersion.State.choices, blank=True
    )
    to_state = models.CharField(_("new state"), max_length=10, choices=LearningAgreementVersion.State.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("changed at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["agreement", "created_at", "pk"]
        verbose_name = _("learning agreement step")
        verbose_name_plural = _("learning agreement history")

    def __str__(self):
        return f"{self.version}: {self.get_from_state_display() or '-'} -> {self.get_to_state_display()}"
