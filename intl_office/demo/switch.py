"""Loading one demo profile after another: the rows only other profiles declare go, children first.

Only rows that another profile declares by natural key (a partner's name and country, a visit's slug, a
project's reference, ...) are deleted, never what staff added: a database that held profile A and now loads B
keeps nothing of A's seed. Records that point at them with ``PROTECT`` (the mobility to a foreign partner, an
agreement with it) are demo records too and go first.
"""

from django.contrib.auth import get_user_model

from intl_office.models import Page, Ranking, StaffMember
from mobility.models import Expert, Mobility, TripRequest, Visit
from partners.models import Agreement, Institution
from programs.models import GrantProgram, JointProgramme, Project

from . import profiles
from .partners import PARTNERS


def _delete(result, queryset):
    count = queryset.count()
    if count:
        queryset.delete()
        result.deleted[queryset.model.__name__] += count


def forget_other_profiles(result, profile):
    """Delete what other profiles declared and ``profile`` does not; count it in ``result``."""
    partner_keys = profiles.foreign(profile, "partners")
    names = [(spec.name, spec.country) for spec in PARTNERS if spec.key in partner_keys]
    institutions = Institution.objects.none()
    for name, country in names:
        institutions |= Institution.objects.filter(name=name, country=country)
    institution_ids = list(institutions.values_list("pk", flat=True))
    program_slugs = profiles.foreign(profile, "programs")
    references = profiles.foreign(profile, "project_references")

    _delete(result, Visit.objects.filter(slug__in=profiles.foreign(profile, "visits")))
    _delete(result, Visit.objects.filter(partner__in=institution_ids))
    _delete(result, JointProgramme.objects.filter(slug__in=profiles.foreign(profile, "joint_programme_slugs")))
    _delete(result, JointProgramme.objects.filter(partner__in=institution_ids))
    # A stay under a foreign project, with a foreign partner or under a foreign programme is that seed's fact.
    _delete(result, Mobility.objects.filter(project__reference_number__in=references))
    _delete(result, Mobility.objects.filter(partner__in=institution_ids))
    _delete(result, Mobility.objects.filter(program__slug__in=program_slugs))
    _delete(result, Project.objects.filter(reference_number__in=references))
    _delete(result, Expert.objects.filter(partner__in=institution_ids))
    _delete(result, Agreement.objects.filter(partner__in=institution_ids))
    # Trips of older demos could name any programme; the trips loader sets theirs again below.
    TripRequest.objects.filter(program__slug__in=program_slugs).update(program=None)
    _delete(result, GrantProgram.objects.filter(slug__in=program_slugs))
    _delete(result, Institution.objects.filter(pk__in=institution_ids))

    for name, year in profiles.foreign(profile, "ranking_keys"):
        _delete(result, Ranking.objects.filter(name=name, year=year))
    _delete(result, Page.objects.filter(slug__in=profiles.foreign(profile, "page_slugs")))
    emails = profiles.foreign(profile, "staff_emails")
    _delete(result, get_user_model().objects.filter(username__in=[staff_username(email) for email in emails]))
    _delete(result, StaffMember.objects.filter(email__in=emails))


def staff_username(email):
    """The demo account of the office's staff member with this address (``office.j.nazarov``)."""
    return f"office.{email.split('@')[0]}"
