"""Agreement workflows: renewing an agreement in an updated form, reminding staff before one expires.

The admin (the Renew page and action) and ``manage.py notify_expiring_agreements`` call these
functions; nothing here hides in ``save()`` or a signal.
"""

import dataclasses
import datetime
from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, Min, OuterRef
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from modeltranslation.utils import get_language as translated_field_language

from intl_office.dates import today
from intl_office.mail import absolute_reverse, queue_email, render_message
from intl_office.models import HomeInstitution

from .models import Agreement, AgreementReminder

# Days before ``valid_until`` at which the responsible staff member hears of it, loosest first.
REMINDER_THRESHOLDS = (90, 30, 7)

TITLE_MAX_LENGTH = Agreement._meta.get_field("title").max_length


def _languages():
    return [code for code, _name in settings.LANGUAGES]


@contextmanager
def _acting_as(actor):
    """Record ``actor`` as the author of the audit log entries written inside the block.

    A request already has its actor from AuditlogMiddleware. auditlog's ``set_actor`` does
    not restore the context it replaces, so the one found on entry is put back on exit: an
    admin view that calls a service keeps its actor for whatever it saves afterwards.
    """
    if actor is None:
        yield
        return
    previous = auditlog_value.get(None)
    try:
        with set_actor(actor):
            yield
    finally:
        if previous is not None:
            auditlog_value.set(previous)


def renewal_title(title, language):
    """``title`` marked as signed in an updated form, in ``language``; a title already marked keeps one mark."""
    with translation.override(language):
        pattern = gettext("%(title)s (updated form)")
    prefix, _sep, suffix = (pattern % {"title": "\x00"}).partition("\x00")
    marked = len(title) > len(prefix) + len(suffix) and title.startswith(prefix) and title.endswith(suffix)
    if marked and (prefix or suffix):
        title = title[len(prefix) : len(title) - len(suffix)]
    room = TITLE_MAX_LENGTH - len(prefix) - len(suffix)
    return f"{prefix}{title[:room].rstrip()}{suffix}"


def renewal_refusals(agreement):
    """Why ``agreement`` cannot be renewed whatever the dates: a draft, or already renewed. Empty when it can."""
    refusals = []
    if agreement.signed_on is None:
        refusals.append(gettext("A draft cannot be renewed: sign it first, or edit the draft itself."))
    successor = agreement.renewals.order_by("pk").first()
    if successor is not None:
        refusals.append(gettext("This agreement has already been renewed by “%(title)s”.") % {"title": successor.title})
    return refusals


def _renewal_errors(predecessor, signed_on, valid_until, reference_number):
    """Why ``predecessor`` cannot be renewed with these values, by form field; empty when it can."""
    errors = {}
    refusals = renewal_refusals(predecessor)
    if refusals:
        errors[NON_FIELD_ERRORS] = refusals
    if signed_on is None:
        errors["signed_on"] = [_("Enter the date the renewed agreement was signed.")]
    elif predecessor.signed_on is not None and signed_on < predecessor.signed_on:
        errors["signed_on"] = [
            ValidationError(
                _("The renewed agreement cannot be signed before the agreement it renews (%(date)s)."),
                params={"date": predecessor.signed_on.isoformat()},
            )
        ]
    if signed_on is not None and valid_until is not None and valid_until < signed_on:
        errors["valid_until"] = [_("An agreement cannot end before it is signed.")]
    if reference_number and Agreement.objects.filter(reference_number=reference_number).exists():
        errors["reference_number"] = [_("Another agreement has this reference number.")]
    return errors


def agreement_renew(*, agreement, signed_on, valid_until=None, actor=None, title=None, reference_number=""):
    """Create the agreement that renews ``agreement`` "in an updated form" and return it.

    The successor keeps the partner, kind, scope (in every language), yearly quotas,
    visibility and responsible staff member, and links back through ``renews``. Its title
    is the predecessor's marked "(updated form)" in each language, unless ``title`` is given:
    that one is the title in the active language. The signed document and internal notes
    belong to the old agreement and are not copied.

    Refuses, with a ``ValidationError`` by field and nothing written, a draft (there is
    nothing signed to renew), an agreement that already has a renewal (signed or draft),
    a signature before the predecessor's, an end before the signature and a reference
    number in use. ``actor`` is recorded as the author in the audit log when no request
    already names one.
    """
    reference_number = (reference_number or "").strip()
    with transaction.atomic(), _acting_as(actor):
        # Locked so that two staff members pressing Renew at once make one successor, not two.
        predecessor = Agreement.objects.select_for_update().get(pk=agreement.pk)
        errors = _renewal_errors(predecessor, signed_on, valid_until, reference_number)
        if errors:
            raise ValidationError(errors)

        successor = Agreement(
            partner_id=predecessor.partner_id,
            kind=predecessor.kind,
            reference_number=reference_number,
            signed_on=signed_on,
            valid_until=valid_until,
            student_places_out=predecessor.student_places_out,
            student_places_in=predecessor.student_places_in,
            staff_places_out=predecessor.staff_places_out,
            staff_places_in=predecessor.staff_places_in,
            is_public=predecessor.is_public,
            responsible_id=predecessor.responsible_id,
            renews=predecessor,
        )
        for language in _languages():
            old_title = getattr(predecessor, build_localized_fieldname("title", language)) or ""
            if old_title:
                setattr(successor, build_localized_fieldname("title", language), renewal_title(old_title, language))
            scope_field = build_localized_fieldname("scope", language)
            setattr(successor, scope_field, getattr(predecessor, scope_field))
        if title:
            setattr(successor, build_localized_fieldname("title", translated_field_language()), title.strip())
        successor.full_clean()
        successor.save()
    return successor


# Expiry reminders


@dataclasses.dataclass
class ExpiryReminders:
    """What one run of the reminders did: the reminders queued, and the agreements it could not remind of, with why."""

    queued: list[AgreementReminder] = dataclasses.field(default_factory=list)
    unsent: list[tuple[Agreement, str]] = dataclasses.field(default_factory=list)


def reminder_threshold(days_left):
    """The tightest threshold ``days_left`` has reached (7 rather than 30 at 5 days left), or None before 90."""
    reached = [threshold for threshold in REMINDER_THRESHOLDS if days_left <= threshold]
    return min(reached) if reached else None


def agreements_to_remind(on=None):
    """Agreements in force ending within the loosest threshold, not yet renewed, soonest end first."""
    on = on or today()
    horizon = on + datetime.timedelta(days=max(REMINDER_THRESHOLDS))
    renewed = Agreement.objects.filter(renews=OuterRef("pk"))
    return (
        Agreement.objects.in_force(on)
        .filter(valid_until__lte=horizon)
        .exclude(Exists(renewed))
        .select_related("partner", "responsible")
        .order_by("valid_until", "pk")
    )


def reminder_recipient(agreement, office_email):
    """The responsible staff member's address; the office's when nobody (active, with an address) is responsible."""
    responsible = agreement.responsible
    if responsible is not None and responsible.is_active and responsible.email:
        return responsible.email
    return office_email


def expiry_reminder_message(*, agreement, days_left, recipient):
    """The reminder e-mail, in the office's language (settings.LANGUAGE_CODE): staff have no language of their own.

    It links to the agreement's page in the admin on the portal's public address (``SITE_URL``).
    """
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        responsible = agreement.responsible
        context = {
            "agreement": agreement,
            "partner": agreement.partner,
            "kind": agreement.get_kind_display(),
            "days_left": days_left,
            "valid_until": agreement.valid_until,
            "name": responsible.get_full_name() if responsible and responsible.email == recipient else "",
            "url": absolute_reverse("admin:partners_agreement_change", args=[agreement.pk], language=language),
            "department": HomeInstitution.load().department_name,
        }
    return render_message(
        to=[recipient],
        subject_template="partners/email/expiry_reminder_subject.txt",
        body_template="partners/email/expiry_reminder_body.txt",
        context=context,
        language=language,
    )


def agreement_send_expiry_reminders(*, on=None):
    """Queue an e-mail to the responsible staff member of each agreement about to expire, once per threshold.

    At 90, 30 and 7 days before ``valid_until`` (and any day after, up to the last day the
    agreement is in force) the agreement is due a reminder. Only the tightest threshold
    reached is sent: an agreement first seen 20 days before its end gets the 30-day reminder,
    not the 90-day one as well, and a looser reminder is never sent after a tighter one.
    Nothing records the thresholds so passed over: days left only go down, so they cannot
    come due again. Each reminder sent is an ``AgreementReminder`` row, unique per agreement,
    expiry date and threshold, so a second run on the same day (or a parallel one) sends
    nothing twice; a new ``valid_until`` starts the reminders again.

    Each reminder is recorded and its e-mail queued in one transaction (``intl_office.mail.queue_email``):
    the job that sends it exists exactly when the row does, and retries while the mail server is
    down (``intl_office.jobs``), so a recorded reminder is never lost and never sent twice.

    Left out: drafts, agreements without an end date, expired ones, and those already
    renewed (a successor, even a draft, means somebody is on it). The address is the
    responsible staff member's, else the office's (the home institution's e-mail); with
    neither, nothing is recorded, so the next run tries again.
    """
    on = on or today()
    result = ExpiryReminders()
    agreements = list(agreements_to_remind(on))
    if not agreements:
        return result
    office_email = HomeInstitution.load().email
    reminded = {
        (row["agreement"], row["valid_until"]): row["tightest"]
        for row in AgreementReminder.objects.filter(agreement__in=agreements)
        .values("agreement", "valid_until")
        .annotate(tightest=Min("days_before"))
    }
    for agreement in agreements:
        days_left = (agreement.valid_until - on).days
        threshold = reminder_threshold(days_left)
        already = reminded.get((agreement.pk, agreement.valid_until))
        if threshold is None or (already is not None and already <= threshold):
            continue
        recipient = reminder_recipient(agreement, office_email)
        if not recipient:
            result.unsent.append(
                (agreement, gettext("nobody to send it to: no responsible staff member and no office e-mail"))
            )
            continue
        message = expiry_reminder_message(agreement=agreement, days_left=days_left, recipient=recipient)
        try:
            with transaction.atomic():
                reminder = AgreementReminder.objects.create(
                    agreement=agreement, valid_until=agreement.valid_until, days_before=threshold, sent_to=recipient
                )
                queue_email(message)
        except IntegrityError:
            continue  # a run in parallel has just recorded this one
        result.queued.append(reminder)
    return result
