"""Nominations: the office names a person whose place is taken to the host, and the host answers.

One ``Nomination`` per outgoing mobility that goes ahead (``Mobility.objects.place_taken()``),
students' and staff's alike. Each sending is a numbered ``NominationRound``: the host contact
it went to, when and by whom, and the host's answer (accepted, more information requested,
refused), given through the round's signed link or recorded by staff with the host's letter.
After "more information requested" the office sends again: a new round with a new link, while
the old link shows the old answer read-only. ``Nomination.state`` mirrors the newest round, so
lists and filters read one column. Every step is in the dated history (``NominationEvent``);
the states move only through ``mobility.services.nominations``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from intl_office.dates import today
from intl_office.roles import of_own_faculty
from intl_office.status import StatusTones
from intl_office.storage import get_private_storage
from intl_office.uploads import validate_pdf
from partners.models import Contact

from .records import Mobility


class NominationState(models.TextChoices):
    SENT = "sent", pgettext_lazy("nomination state", "Waiting for the host")
    ACCEPTED = "accepted", pgettext_lazy("nomination state", "Accepted by the host")
    MORE_INFO = "more_info", pgettext_lazy("nomination state", "More information requested")
    REFUSED = "refused", pgettext_lazy("nomination state", "Refused by the host")


STATE_TONES = {
    NominationState.SENT: "warning",
    NominationState.ACCEPTED: "success",
    NominationState.MORE_INFO: "info",
    NominationState.REFUSED: "danger",
}


def nomination_letter_name(instance, filename):
    """A fresh name: it tells nothing of the person or the host, and cannot meet an older file's."""
    return f"nominations/{uuid.uuid4().hex}.pdf"


class NominationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Nominations a staff member may read: a faculty coordinator only those of their own faculty."""
        if not (user.is_active and user.is_staff):
            return self.none()
        return of_own_faculty(self, user, field="mobility__faculty")

    def waiting_for_host(self):
        return self.filter(state=NominationState.SENT)

    def with_rounds(self):
        """Each nomination with its mobility and rounds (newest first) in a fixed number of queries."""
        return self.select_related("mobility", "mobility__partner", "mobility__faculty").prefetch_related(
            Prefetch(
                "rounds", queryset=NominationRound.objects.select_related("contact", "sent_by").order_by("-number")
            )
        )


class Nomination(StatusTones, models.Model):
    """The nomination of one mobility to its host; each sending is a round."""

    State = NominationState
    Status = NominationState  # the badge reads ``status``
    status_tones = STATE_TONES

    mobility = models.OneToOneField(
        Mobility, verbose_name=_("mobility"), on_delete=models.PROTECT, related_name="nomination"
    )
    state = models.CharField(_("state"), max_length=10, choices=NominationState.choices, default=NominationState.SENT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        permissions = [("send_nomination", _("Can nominate to the host and record the host's answer"))]

    def __str__(self):
        return str(_("Nomination: %(mobility)s") % {"mobility": self.mobility.participant_name})

    @property
    def status(self):
        return self.state

    @property
    def latest_round(self):
        rounds = sorted(self.rounds.all(), key=lambda r: -r.number)  # prefetched by with_rounds()
        return rounds[0] if rounds else None

    @property
    def waiting(self):
        return self.state == NominationState.SENT

    @property
    def may_send_again(self):
        return self.state == NominationState.MORE_INFO


class NominationRound(StatusTones, models.Model):
    """One sending of a nomination, and the host's one answer to it."""

    State = NominationState
    Status = NominationState
    status_tones = STATE_TONES

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("nomination"), on_delete=models.PROTECT, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField(_("round"))
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("host contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nominations",
    )
    email = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=NominationState.choices, default=NominationState.SENT)
    comment = models.TextField(_("the host's comment"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the host answered through the link."),
    )
    answered_by_name = models.CharField(_("answered by"), max_length=200, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    letter = models.FileField(
        _("the host's letter"),
        storage=get_private_storage,
        upload_to=nomination_letter_name,
        blank=True,
        validators=[validate_pdf],
    )

    class Meta:
        ordering = ["nomination", "-number"]
        verbose_name = _("nomination round")
        verbose_name_plural = _("nomination rounds")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "number"], name="nominationround_unique_number"),
            # One round at a time waits for the host.
            models.UniqueConstraint(
                fields=["nomination"], condition=Q(state="sent"), name="nominationround_one_waiting"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="nominationround_number_positive"),
            models.CheckConstraint(
                condition=Q(state="sent", answered_at__isnull=True) | (~Q(state="sent") & Q(answered_at__isnull=False)),
                name="nominationround_answered_when_not_waiting",
            ),
        ]

    def __str__(self):
        return str(_("Round %(number)s") % {"number": self.number})

    @property
    def status(self):
        return self.state

    @property
    def waiting(self):
        return self.state == NominationState.SENT


class NominationEvent(models.Model):
    """One step of a nomination's dated history."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("nomination"), on_delete=models.PROTECT, related_name="events"
    )
    round = models.ForeignKey(NominationRound, verbose_name=_("round"), on_delete=models.PROTECT, related_name="events")
    from_state = models.CharField(_("previous state"), max_length=10, choices=NominationState.choices, blank=True)
    to_state = models.CharField(_("new state"), max_length=10, choices=NominationState.choices)
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
        ordering = ["nomination", "created_at", "pk"]
        verbose_name = _("nomination step")
        verbose_name_plural = _("nomination history")

    def __str__(self):
        return f"{self.round}: {self.get_from_state_display() or '-'} -> {self.get_to_state_display()}"


def mobilities_to_nominate(mobilities=None, *, on=None):
    """Outgoing mobilities that go ahead, not over on ``on`` and not nominated yet: what the office still has to send.

    A stay that has ended is no longer the host's to answer: years of records typed in before
    nominations existed do not wait for one.
    """
    mobilities = Mobility.objects.all() if mobilities is None else mobilities
    return mobilities.place_taken().outgoing().filter(nomination__isnull=True, end_date__gte=on or today())
