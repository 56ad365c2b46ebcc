"""Staff accounts in the office's roles, as the office sets them up, and a client signed in as one.

Office staff must use a second factor (intl_office.second_factor), so an Office staff member made
here has an authenticator, as every real one does; the other roles are not asked for one.
"""

from django.contrib.auth.models import Group
from django.test import Client

from intl_office.roles import OFFICE_STAFF
from tests.factories import UserFactory
from tests.mfa import enrolled


def member_of(group_name, **fields):
    """A staff account in the role ``group_name`` (the groups come from a data migration)."""
    user = UserFactory(is_staff=True, **fields)
    group, _created = Group.objects.get_or_create(name=group_name)
    user.groups.add(group)
    return enrolled(user) if group_name == OFFICE_STAFF else user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client
