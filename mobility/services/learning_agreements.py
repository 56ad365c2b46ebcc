"""The learning agreement workflow: the student drafts and submits, the two coordinators answer.

Views, the admin and the host's signed link call these functions and nothing else to change a
learning agreement, so every rule holds whoever acts:

- the student writes only a draft; a submitted version is never edited again;
- a version waits for two answers, the faculty coordinator's (of the student's own faculty) and
  the host coordinator's; one answer per party and version (a unique constraint: a second click,
  or a link opened again, finds it given);
- a "send back" returns the version to the student; the next change is a new version copied
  from it. Both approvals make the version approved: the agreement in force. A change during
  the stay is a new version copied from the approved one;
- every step is in the dated history, and the student hears of each answer by e-mail in their
  language; the host is written to in English when a version is submitted.

A refusal raises ``LearningAgreementError`` (a ``ValidationError``) whose message can be shown.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_office.roles import is_faculty_coordinator

from ..learning_agreement_emails import queue_host_request, queue_student_answer_email
from ..models import (
    Application,
    LearningAgreement,
    LearningAgreementApproval,
    LearningAgreementEvent,
    LearningAgreementRow,
    LearningAgreementVersion,
    Mobility,
)

State = LearningAgreementVersion.State
Party = LearningAgreementApproval.Party
Decision = LearningAgreementApproval.Decision

ROW_FIELDS = ("host_code", "host_title", "host_credits", "semester", "home_code", "home_title", "home_credits")
MAX_ROWS = 30


class LearningAgreementError(ValidationError):
    """A rule of the learning agreement workflow refused the change; the message is meant for people."""

    def __init__(self, message, code=None, params=None):
        super().__init__(message, code=code, params=params)
        self.code = code


# --- who may do what -------------------------------------------------------------------------


def learning_agreement_mobility(*, application: Application):
    """The mobility whose learning agreement the student of ``application`` writes, or None.

    Only an accepted application has one, and only a student's mobility that is not cancelled.
    """
    if application.status != Application.Status.ACCEPTED:
        return None
    mobilities = Mobility.objects.taking_learning_agreements().filter(application=application)
    return mobilities.select_related("partner", "faculty").first()


def may_answer_for_faculty(user, agreement: LearningAgreement) -> bool:
    """Whether ``user`` answers for the faculty: a coordinator of the student's faculty, or a superuser.

    A role, not a permission: the right follows the coordinator's faculty, and Office staff, who
    may edit coordinators' accounts, hold no right that coordinators have and they lack.
    """
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    return is_faculty_coordinator(user) and bool(user.faculty_id) and user.faculty_id == agreement.mobility.faculty_id


# --- the student's side ----------------------------------------------------------------------


def learning_agreement_save_draft(*, mobility: Mobility, actor, rows, comment="") -> LearningAgreementVersion:
    """Store ``rows`` (dicts of ``ROW_FIELDS``) as the draft's courses, in order; the first save makes version 1.

    Only while the newest version is a draft (or there is none yet): a submitted version waits
    for its answers, and after an answer a change starts a new version (``learning_agreement_new_version``).
    """
    if len(rows) > MAX_ROWS:
        raise LearningAgreementError(
            _("A learning agreement has at most %(max)s courses."), code="too_many", params={"max": MAX_ROWS}
        )
    with transaction.atomic():
        agreement, _created = LearningAgreement.objects.get_or_create(mobility=mobility)
        agreement = LearningAgreement.objects.select_for_update().get(pk=agreement.pk)
        version = agreement.versions.order_by("-number").first()
        if version is None:
            version = LearningAgreementVersion.objects.create(agreement=agreement, number=1)
            _record(version, "", State.DRAFT, actor=actor)
        elif version.state != State.DRAFT:
            raise LearningAgreementError(
                _("Version %(number)s has been submitted and can no longer be changed."),
                code="not_draft",
                params={"number": version.number},
            )
        version.comment = comment
        version.full_clean(exclude=["agreement"], validate_constraints=False)
        version.save(update_fields=["comment"])
        version.rows.all().delete()
        for position, data in enumerate(rows, start=1):
            row = LearningAgreementRow(version=version, position=position, **{k: data.get(k) for k in ROW_FIELDS})
            for name in ("home_code", "home_title"):
                setattr(row, name, getattr(row, name) or "")
            row.full_clean()
            row.save()
    return version


def learning_agreement_new_version(*, agreement: LearningAgreement, actor) -> LearningAgreementVersion:
    """Start a new draft copied from the newest version, once that one is approved or sent back."""
    with transaction.atomic():
        agreement = LearningAgreement.objects.select_for_update().get(pk=agreement.pk)
        latest = agreement.versions.order_by("-number").first()
        if latest is None or latest.state in (State.DRAFT, State.SUBMITTED):
            raise LearningAgreementError(
                _("A version is already being written or waits for its answers."), code="open_version"
            )
        # Approved: the change during the stay starts from the agreement in force. Sent back: the
        # corrections start from what the coordinators read.
        source = latest
        version = LearningAgreementVersion.objects.create(agreement=agreement, number=latest.number + 1)
        LearningAgreementRow.objects.bulk_create(
            LearningAgreementRow(version=version, position=row.position, **{k: getattr(row, k) for k in ROW_FIELDS})
            for row in source.rows.order_by("position", "pk")
        )
        _record(
            version, "", State.DRAFT, actor=actor, note=_("Copied from version %(number)s.") % {"number": source.number}
        )
    return version


def learning_agreement_submit(*, version: LearningAgreementVersion, actor) -> LearningAgreementVersion:
    """Send the draft to both coordinators; the host's coordinator gets an e-mail with a signed link."""
    with transaction.atomic():
        locked = _lock(version)
        if locked.state != State.DRAFT:
            raise LearningAgreementError(
                _("Version %(number)s has already been submitted."), code="not_draft", params={"number": locked.number}
            )
        if not locked.rows.exists():
            raise LearningAgreementError(_("Add at least one course before submitting."), code="empty")
        locked.state = State.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["state", "submitted_at"])
        _record(locked, State.DRAFT, State.SUBMITTED, actor=actor)
        queue_host_request(version=locked)
    version.refresh_from_db()
    return version


# --- the coordinators' side ------------------------------------------------------------------


def learning_agreement_decide(
    *, version: LearningAgreementVersion, party, decision, actor=None, name="", position="", comment=""
) -> LearningAgreementApproval:
    """Record ``party``'s answer on a submitted ``version``: approve, or send back with a comment.

    The faculty's answer needs ``actor``, who must answer for the student's faculty
    (``may_answer_for_faculty``); the host answers through its signed link, with the ``name``
    they type. Both approvals make the version approved; a send-back returns it to the student.
    """
    party, decision = Party(party), Decision(decision)
    comment = (comment or "").strip()
    if decision == Decision.RETURN and not comment:
        raise LearningAgreementError(_("Say what should change when you send it back."), code="no_comment")
    with transaction.atomic():
        locked = _lock(version)
        if party == Party.FACULTY and (actor is None or not may_answer_for_faculty(actor, locked.agreement)):
            raise LearningAgreementError(
                _("Only a coordinator of the student's faculty answers for the faculty."), code="not_allowed"
            )
        if locked.approvals.filter(party=party).exists():
            raise LearningAgreementError(_("This version has already been answered."), code="answered")
        if locked.state != State.SUBMITTED:
            raise LearningAgreementError(_("This version no longer waits for an answer."), code="not_submitted")
        name = name or (actor.get_full_name() or actor.get_username() if actor else "")
        try:
            with transaction.atomic():
                approval = LearningAgreementApproval.objects.create(
                    version=locked,
                    party=party,
                    decision=decision,
                    comment=comment,
                    approver=actor,
                    approver_name=name[:200],
                    approver_position=position[:200],
                )
        except IntegrityError as error:  # the other tab won the race the lock did not cover (SQLite)
            raise LearningAgreementError(_("This version has already been answered."), code="answered") from error
        actor_name = f"{name} ({party.label})"
        if decision == Decision.RETURN:
            _move(locked, State.RETURNED, actor=actor, actor_name=actor_name, note=comment)
        elif locked.approvals.filter(decision=Decision.APPROVE).count() == len(Party):
            _move(locked, State.APPROVED, actor=actor, actor_name=actor_name, note=comment)
        else:
            _record(
                locked,
                State.SUBMITTED,
                State.SUBMITTED,
                actor=actor,
                actor_name=actor_name,
                note=_approved_note(party, comment),
            )
        queue_student_answer_email(version=locked, approval=approval)
    version.refresh_from_db()
    return approval


# --- helpers ---------------------------------------------------------------------------------


def _approved_note(party, comment):
    text = str(_("Approved by the %(party)s.") % {"party": str(Party(party).label).lower()})
    return f"{text} {comment}".strip()


def _lock(version):
    return (
        LearningAgreementVersion.objects.select_for_update(of=("self",))
        .select_related("agreement", "agreement__mobility")
        .get(pk=version.pk)
    )


def _move(version, to_state, *, actor, actor_name="", note=""):
    from_state = version.state
    version.state = to_state
    if to_state == State.APPROVED:
        version.approved_at = timezone.now()
    version.save(update_fields=["state", "approved_at"])
    _record(version, from_state, to_state, actor=actor, actor_name=actor_name, note=note)


def _record(version, from_state, to_state, *, actor, actor_name="", note=""):
    if actor is not None and not actor_name:
        actor_name = actor.get_full_name() or actor.get_username()
    LearningAgreementEvent.objects.create(
        agreement_id=version.agreement_id,
        version=version,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        actor_name=actor_name[:200],
        note=str(note),
    )
