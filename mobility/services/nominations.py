"""The nomination workflow: the office nominates, the host answers, through its link or through staff.

Views, the admin and the host's signed link change a nomination only through these functions:

- only Office staff nominate (the ``mobility.send_nomination`` right; a faculty coordinator reads);
- a nomination is for an outgoing mobility that goes ahead (``Mobility.objects.place_taken()``),
  once; after the host asks for more information the office sends again, as a new round;
- each round has one answer: accepted, more information (a comment says what), or refused (a
  comment says why). A second answer to the same round, a link opened again or a second click,
  is refused under the round's row lock;
- every step is in the dated history, and the student hears the host's answer in their language.

A refusal raises ``NominationError`` (a ``ValidationError``) whose message can be shown.
"""

from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_office.uploads import validate_pdf

from ..models import Mobility, Nomination, NominationEvent, NominationRound, NominationState
from ..nomination_emails import queue_host_nomination, queue_student_answer_email

State = NominationState
ANSWERS = (State.ACCEPTED, State.MORE_INFO, State.REFUSED)


class NominationError(ValidationError):
    """A rule of the nomination workflow refused the change; the message is meant for people."""

    def __init__(self, message, code=None, params=None):
        super().__init__(message, code=code, params=params)
        self.code = code


class NominationOutcome(NamedTuple):
    """What ``nominate`` did with one mobility: the round sent, or why not."""

    mobility: Mobility
    round: NominationRound | None
    error: str = ""


def may_nominate(user) -> bool:
    """Whether ``user`` nominates and records the host's answer: Office staff (and superusers)."""
    return bool(user.is_active and user.is_staff and user.has_perm("mobility.send_nomination"))


def host_contact(partner):
    """The partner's main contact with an e-mail address, or None."""
    return partner.contacts.exclude(email="").order_by("-is_primary", "full_name", "pk").first()


# --- sending -------------------------------------------------------------------------------------


def nominate(*, mobilities, actor, contact=None, email="") -> list[NominationOutcome]:
    """Nominate each of ``mobilities`` to its host; one outcome per mobility, in order.

    The address is ``contact`` (one of the host's contacts), else ``email`` as typed, else the
    host's main contact with an address. Each mobility is sent or refused on its own: a refused
    row changes nothing and does not stop the others.
    """
    if not may_nominate(actor):
        raise NominationError(_("Only the International Office nominates to the host."), code="not_allowed")
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise NominationError(_("Enter a valid e-mail address."), code="bad_email") from error
    outcomes = []
    for mobility in mobilities:
        try:
            with transaction.atomic():
                round_ = _nominate_one(mobility, actor=actor, contact=contact, email=email)
        except NominationError as error:
            outcomes.append(NominationOutcome(mobility, None, error.messages[0]))
        else:
            outcomes.append(NominationOutcome(mobility, round_))
    return outcomes


def _nominate_one(mobility, *, actor, contact, email):
    locked = Mobility.objects.select_for_update(of=("self",)).select_related("partner").filter(pk=mobility.pk).first()
    if locked is None or not Mobility.objects.place_taken().outgoing().filter(pk=locked.pk).exists():
        raise NominationError(
            _("Only an outgoing mobility whose place is taken can be nominated."), code="not_nominable"
        )
    nomination = Nomination.objects.select_for_update().filter(mobility=locked).first()
    if nomination is not None and nomination.state != State.MORE_INFO:
        raise NominationError(
            _("Already nominated: %(state)s.") % {"state": nomination.get_state_display()}, code="nominated"
        )
    if contact is not None and contact.institution_id != locked.partner_id:
        raise NominationError(_("The contact chosen works at another institution."), code="wrong_contact")
    if contact is None and not email:
        contact = host_contact(locked.partner)
    address = email or (contact.email if contact is not None else "")
    if not address:
        raise NominationError(
            _("%(partner)s has no contact with an e-mail address: add one, or type an address.")
            % {"partner": locked.partner.name},
            code="no_contact",
        )
    try:
        with transaction.atomic():
            if nomination is None:
                nomination = Nomination.objects.create(mobility=locked, state=State.SENT)
                number, from_state = 1, ""
            else:
                number = nomination.rounds.order_by("-number").values_list("number", flat=True).first() + 1
                from_state = nomination.state
                nomination.state = State.SENT
                nomination.save(update_fields=["state"])
            round_ = NominationRound.objects.create(
                nomination=nomination,
                number=number,
                contact=contact if not email else None,
                email=address,
                sent_by=actor,
            )
    except IntegrityError as error:  # another tab nominated the same mobility first (SQLite: no row lock)
        raise NominationError(_("Already nominated."), code="nominated") from error
    round_.nomination = nomination
    nomination.mobility = locked
    _record(round_, from_state, State.SENT, actor=actor, note=_("Sent to %(email)s.") % {"email": address})
    queue_host_nomination(round_=round_)
    return round_


# --- the host's answer ---------------------------------------------------------------------------


def nomination_answer(*, round_, state, actor=None, name="", comment="", letter=None) -> NominationRound:
    """Record the host's answer on ``round_``: accepted, more information requested, or refused.

    From the host's signed link ``actor`` is None and ``name`` is who answered; staff recording
    the answer pass themselves as ``actor`` (Office staff only) and may attach the host's
    letter, a PDF. "More information" and "refused" need a comment.
    """
    try:
        state = State(state)
    except ValueError as error:
        raise NominationError(_("Choose an answer."), code="no_answer") from error
    if state not in ANSWERS:
        raise NominationError(_("Choose an answer."), code="no_answer")
    comment = (comment or "").strip()
    if state != State.ACCEPTED and not comment:
        raise NominationError(_("Say what is needed, or why, in a comment."), code="no_comment")
    if actor is not None and not may_nominate(actor):
        raise NominationError(_("Only the International Office records the host's answer."), code="not_allowed")
    if letter:
        try:
            validate_pdf(letter)
        except ValidationError as error:
            raise NominationError(error.messages[0], code="bad_letter") from error
    if actor is not None:
        name = actor.get_full_name() or actor.get_username()
    name = (name or "").strip()[:200]
    with transaction.atomic():
        locked = (
            NominationRound.objects.select_for_update(of=("self",))
            .select_related("nomination", "nomination__mobility", "nomination__mobility__partner")
            .get(pk=round_.pk)
        )
        if not locked.waiting:
            raise NominationError(_("This nomination has already been answered."), code="answered")
        locked.state = state
        locked.comment = comment
        locked.answered_by = actor
        locked.answered_by_name = name
        locked.answered_at = timezone.now()
        if letter:
            locked.letter.save("letter.pdf", letter, save=False)
        locked.save()
        nomination = locked.nomination
        Nomination.objects.filter(pk=nomination.pk).update(state=state)
        nomination.state = state
        by = _("%(name)s (host link)") % {"name": name} if actor is None else ""
        _record(locked, State.SENT, state, actor=actor, actor_name=by, note=comment)
        queue_student_answer_email(round_=locked)
    return locked


def _record(round_, from_state, to_state, *, actor, actor_name="", note=""):
    if actor is not None and not actor_name:
        actor_name = actor.get_full_name() or actor.get_username()
    NominationEvent.objects.create(
        nomination_id=round_.nomination_id,
        round=round_,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        actor_name=str(actor_name)[:200],
        note=str(note),
    )
