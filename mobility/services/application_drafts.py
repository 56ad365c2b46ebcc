"""The student's side of an application before it is submitted: start it, save what they entered.

Nothing here changes an application's status: a draft is created by ``application_start`` and
stays a draft however often it is saved; ``mobility.services.applications`` submits it.
Files arrive already checked by ``mobility.uploads``; private storage never keeps a file of a
save that failed; one an upload replaced goes by the clean-up job its save enqueues
(``intl_office.file_cleanup``), once the save is committed.
"""

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.page_cache import content_changed
from intl_office.storage import private_storage
from programs.models import Call

from ..models import Application, ApplicationDocument, ApplicationEvent, HostPreference
from ..uploads import CheckedFile
from .applications import ApplicationError, lock_application, supported_language
from .staff_applications import staff_part_save

Status = Application.Status

# What a student fills in on the form; anything else on the row belongs to the workflow.
DRAFT_FIELDS = (
    "first_name",
    "last_name",
    "date_of_birth",
    "nationality",
    "phone",
    "faculty",
    "level",
    "year_of_study",
    "gpa",
    "language_certificate",
    "language_score",
    "motivation_letter",
)

# How many ranked host preferences one application may hold.
MAX_HOST_PREFERENCES = 3

# What a student tells about themselves rather than about one exchange: offered again in their next
# application. Grades and the motivation belong to each application and are asked afresh.
PERSONAL_FIELDS = tuple(field for field in DRAFT_FIELDS if field not in ("gpa", "motivation_letter"))


def personal_data_of(student) -> dict:
    """What the student entered last time about themselves (``PERSONAL_FIELDS``), to start a new application with.

    From their most recently saved application, whatever became of it; only what was filled in,
    keyed as ``Application(**data)`` takes it (``faculty_id``). Without one, the name on their account.
    """
    last = (
        Application.objects.filter(student=student)
        .order_by("-updated_at", "-pk")
        .values(*(f"{name}_id" if name == "faculty" else name for name in PERSONAL_FIELDS))
        .first()
    )
    if last is None:
        last = {"first_name": student.first_name, "last_name": student.last_name}
    return {name: value for name, value in last.items() if value not in (None, "")}


def application_start(*, call: Call, student, language=None) -> tuple[Application, bool]:
    """The student's application to ``call``, created as a draft if they have none yet.

    Returns ``(application, created)``. Safe when two requests race (a double click, two tabs):
    the database's one-application-per-student-per-call constraint lets only one insert win,
    and the loser gets the winner's row. ``language`` is the one the student uses on the site.
    """
    existing = Application.objects.filter(call=call, student=student).first()
    if existing is not None:
        return existing, False
    if not call.is_open_on(today()):
        raise ApplicationError(_("This call is not accepting applications."), code="call_closed")
    refusal = call.eligibility_refusal(affiliation=student.affiliation).get("audience")
    if refusal:
        raise ApplicationError(refusal, code="not_eligible")
    try:
        with transaction.atomic():
            application = Application.objects.create(
                call=call,
                student=student,
                first_name=student.first_name,
                last_name=student.last_name,
                language=supported_language(language) or settings.LANGUAGE_CODE,
            )
            ApplicationEvent.objects.create(
                application=application, from_status="", to_status=Status.DRAFT, actor=student
            )
    except IntegrityError:
        return Application.objects.get(call=call, student=student), False
    return application, True


def application_save_draft(
    *,
    application: Application,
    actor,
    fields: Mapping | None = None,
    hosts: Iterable | None = None,
    documents: Mapping | None = None,
    photo: CheckedFile | None = None,
    language=None,
    staff: Mapping | None = None,
) -> Application:
    """Save what the student entered; allowed only while the application is a draft.

    ``fields`` maps names of DRAFT_FIELDS to values; ``hosts`` are institutions in order of
    preference (replacing the previous ranking; None keeps it); ``documents`` maps a
    ``DocumentType`` to a checked file (replacing an earlier upload of that type); ``photo`` is a
    checked image; ``staff`` maps ``staff_applications.STAFF_FIELDS`` for a staff call. Files must
    have passed ``mobility.uploads`` already. Everything is checked before anything is written; a
    refusal changes nothing. ``language``, the one the student uses on the site, becomes the
    language of the e-mails about the application.
    """
    fields = dict(fields or {})
    documents = dict(documents or {})
    unknown = set(fields) - set(DRAFT_FIELDS)
    if unknown:
        raise ValueError(f"Not fields of the application form: {sorted(unknown)}")

    call = application.call
    host_list = None if hosts is None else [host for host in hosts if host is not None]
    if host_list is not None:
        _check_hosts(call, host_list)
    if documents:
        required = set(call.required_documents.values_list("pk", flat=True))
        if any(document_type.pk not in required for document_type in documents):
            raise ApplicationError(_("This call does not ask for that document."), code="document_not_required")

    stored: list = []  # files written so far, removed again if the transaction fails
    try:
        with transaction.atomic():
            locked = lock_application(application)
            if locked.status != Status.DRAFT:
                raise ApplicationError(
                    _("This application is no longer a draft, so it can no longer be changed."), code="not_draft"
                )
            for name, value in fields.items():
                setattr(locked, name, value)
            if supported_language(language):
                locked.language = supported_language(language)
            locked.full_clean(exclude=["photo"])
            refusals = call.eligibility_refusal(
                level=locked.level, year=locked.year_of_study, affiliation=locked.student.affiliation
            )
            if refusals:
                raise ApplicationError(list(refusals.values()), code="not_eligible")
            if call.for_staff:
                staff_part_save(application=locked, values=staff or {})

            if photo is not None:
                # The photo it replaces goes by the clean-up job this save enqueues (intl_office.file_cleanup).
                locked.photo.save(photo.storage_name(), ContentFile(photo.content), save=False)
                stored.append(locked.photo.name)
            locked.save()

            if host_list is not None:
                locked.preferences.all().delete()
                HostPreference.objects.bulk_create(
                    HostPreference(application=locked, institution=host, rank=rank)
                    for rank, host in enumerate(host_list, start=1)
                )
                content_changed()  # bulk_create sends no post_save

            for document_type, checked in documents.items():
                document = ApplicationDocument.objects.filter(application=locked, document_type=document_type).first()
                if document is None:
                    document = ApplicationDocument(application=locked, document_type=document_type)
                document.original_name = checked.original_name
                document.file.save(checked.storage_name(), ContentFile(checked.content), save=False)
                stored.append(document.file.name)
                # The upload time says which version staff are reading.
                document.uploaded_at = timezone.now()
                document.save()
    except BaseException:
        _delete_files(stored)
        raise
    application.refresh_from_db()
    return application


def application_delete_draft(*, application: Application, actor) -> None:
    """Delete a draft the student no longer wants, with its host choices and files.

    Only the student's own draft: a submitted application is the office's record and is withdrawn
    instead. The row and its history go; django-auditlog keeps who deleted it and when. The files
    leave private storage by the clean-up jobs the deletion enqueues, run once it is committed.
    """
    with transaction.atomic():
        locked = lock_application(application)
        if locked.student_id != actor.pk:
            raise ApplicationError(_("Only the student can delete their own draft."), code="not_own_draft")
        if locked.status != Status.DRAFT:
            raise ApplicationError(
                _("This application has been submitted: it can be withdrawn, not deleted."), code="not_draft"
            )
        locked.delete()


# --- helpers ---------------------------------------------------------------------------------


def _check_hosts(call, hosts):
    if len(hosts) > MAX_HOST_PREFERENCES:
        raise ApplicationError(
            _("Choose at most %(count)s host institutions."),
            code="too_many_hosts",
            params={"count": MAX_HOST_PREFERENCES},
        )
    if len({host.pk for host in hosts}) != len(hosts):
        raise ApplicationError(_("Choose each host institution only once."), code="duplicate_host")
    allowed = set(call.hosts.values_list("pk", flat=True))
    if any(host.pk not in allowed for host in hosts):
        raise ApplicationError(_("Choose host institutions among those of this call."), code="host_not_in_call")


def _delete_files(names):
    for name in names:
        if name:
            private_storage.delete(name)
