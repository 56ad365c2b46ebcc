"""Corrections of a submitted application by the office: its own step, with a reason, old and new values kept.

Once submitted, what the student entered and the hosts they chose are read-only in the admin;
when the office must correct a typo, a wrong faculty or a host the student asked to change, it
does so here, and the history keeps who, when, why and each field's old and new value.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import Application, ApplicationEvent, HostPreference
from .application_drafts import DRAFT_FIELDS, MAX_HOST_PREFERENCES
from .applications import ApplicationError, lock_application
from .selection import clean_reason

# What the office may correct: what the student typed in, never the workflow's fields.
CORRECTABLE_FIELDS = DRAFT_FIELDS


def may_correct(user, application: Application) -> bool:
    """Staff who may change applications, and this one in particular (a coordinator: their faculty's)."""
    if not (user.is_active and user.is_staff and user.has_perm("mobility.change_application")):
        return False
    return Application.objects.visible_to(user).filter(pk=application.pk).exists()


def _shown(value) -> str:
    return "" if value in (None, "") else str(value)


def application_correct(*, application: Application, actor, fields: dict, hosts=None, reason) -> Application:
    """Correct ``fields`` (names of ``CORRECTABLE_FIELDS`` to new values) and, given ``hosts``, the ranked hosts.

    Refused for a draft (the student's own to change), with nothing changed, or without a reason.
    Field values are validated as the model does (``full_clean``); an error names its field.
    """
    if not may_correct(actor, application):
        raise ApplicationError(_("You may not correct this application."), code="not_allowed")
    reason = clean_reason(reason)
    unknown = set(fields) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise ApplicationError(_("These fields cannot be corrected: %(fields)s."), params={"fields": sorted(unknown)})
    with transaction.atomic():
        locked = lock_application(application)
        if locked.is_draft:
            raise ApplicationError(_("A draft is the student's to change; there is nothing to correct."), code="draft")
        changes = {}
        for name, value in fields.items():
            old = getattr(locked, name)
            if _shown(old) != _shown(value):
                changes[name] = [_shown(old), _shown(value)]
                setattr(locked, name, value)
        if hosts is not None:
            _correct_hosts(locked, list(hosts), changes)
        if not changes:
            raise ApplicationError(_("Nothing was changed; there is nothing to correct."), code="unchanged")
        locked.full_clean(exclude=["photo", "call", "student"])
        locked.save()
        ApplicationEvent.objects.create(
            application=locked,
            kind=ApplicationEvent.Kind.CORRECTION,
            from_status=locked.status,
            to_status=locked.status,
            actor=actor,
            note=reason,
            changes=changes,
        )
    application.refresh_from_db()
    return application


def _correct_hosts(application, hosts, changes):
    if not hosts:
        raise ValidationError({"hosts": _("Choose at least one host institution.")})
    if len(hosts) > MAX_HOST_PREFERENCES or len({host.pk for host in hosts}) != len(hosts):
        raise ValidationError(
            {"hosts": _("Choose up to %(max)s different host institutions.") % {"max": MAX_HOST_PREFERENCES}}
        )
    allowed = set(application.call.hosts.values_list("pk", flat=True))
    if any(host.pk not in allowed for host in hosts):
        raise ValidationError({"hosts": _("Each host must be one of the call's host institutions.")})
    current = list(application.preferences.select_related("institution").order_by("rank"))
    if [preference.institution_id for preference in current] == [host.pk for host in hosts]:
        return
    changes["hosts"] = [
        ", ".join(str(preference.institution) for preference in current),
        ", ".join(str(host) for host in hosts),
    ]
    application.preferences.all().delete()
    HostPreference.objects.bulk_create(
        HostPreference(application=application, institution=host, rank=rank) for rank, host in enumerate(hosts, 1)
    )
