"""The office's roles, as Django groups created by a data migration (intl_office 0003)."""

OFFICE_STAFF = "Office staff"  # edits everything
FACULTY_COORDINATOR = "Faculty coordinator"  # reviews the applications of their own faculty, reads the rest
VIEWER = "Viewer"  # reads everything

ROLES = (OFFICE_STAFF, FACULTY_COORDINATOR, VIEWER)


def is_faculty_coordinator(user) -> bool:
    """Superusers are never narrowed down, whatever groups they are in.

    Asked several times per admin request (queryset, filters, form fields), so the answer
    is kept on the user object, which lives for one request.
    """
    if not user.is_authenticated or user.is_superuser:
        return False
    if not hasattr(user, "_is_faculty_coordinator"):
        user._is_faculty_coordinator = user.groups.filter(name=FACULTY_COORDINATOR).exists()
    return user._is_faculty_coordinator


def of_own_faculty(queryset, user, *, field="faculty"):
    """``queryset`` as ``user`` may see it: a faculty coordinator only the rows of their own faculty (none without
    one), anyone else all of them. ``field`` is the path to the faculty (``"mobility__faculty"``)."""
    if is_faculty_coordinator(user):
        return queryset.filter(**{f"{field}_id": user.faculty_id}) if user.faculty_id else queryset.none()
    return queryset


def serves_faculty(user, faculty_id) -> bool:
    """Whether ``user`` may act on a record of ``faculty_id``: a coordinator only for their own faculty."""
    if is_faculty_coordinator(user):
        return bool(user.faculty_id) and user.faculty_id == faculty_id
    return True
