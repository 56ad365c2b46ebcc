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
