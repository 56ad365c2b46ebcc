"""Records in the audit log that the admin's history pages show."""

from auditlog.models import LogEntry


def download_record(*, actor, instance, field_file) -> LogEntry | None:
    """Record that ``actor`` downloaded ``field_file``, a file of ``instance``: who, which file, when.

    The entry goes into ``instance``'s history next to its changes; the client's address comes
    from auditlog's middleware, which reads it only from a trusted proxy (intl_office.proxy).
    An empty file field (no photo) records nothing: the download answers 404.
    """
    if not field_file:
        return None
    return LogEntry.objects.log_create(
        instance,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=actor,
        changes={},
        additional_data={"downloaded": field_file.name},
    )
