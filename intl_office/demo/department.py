"""The office of the loaded profile: its settings, faculties, staff (with their accounts), pages and rankings.

The staff members of the office get accounts in the Office staff group, without a password: they are who the
demo's agreements name as the responsible staff member. The settings remember the profile, and that is what
makes every page say it shows demo data (``templates/includes/_demo_banner.html``).
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from intl_office.models import Faculty, HomeInstitution, Page, Ranking, StaffMember
from intl_office.roles import OFFICE_STAFF

from . import content
from .people import NO_PASSWORD
from .switch import staff_username


class DepartmentLoader:
    def __init__(self, loader):
        self.loader = loader
        self.profile = loader.profile

    def run(self):
        loader, profile = self.loader, self.profile
        loader.sync(
            HomeInstitution,
            {"pk": HomeInstitution.SINGLETON_ID},
            {**profile.home, "demo_profile": profile.key},
        )
        for slug, name in content.FACULTIES:
            loader.faculties[slug] = loader.sync(Faculty, {"slug": slug}, {"name": name})
        loader.office_staff = []
        for member in profile.staff:
            values = {key: value for key, value in member.items() if key != "email"}
            values.setdefault("reception_days", "")
            user = self.account(member)
            loader.office_staff.append(user)
            loader.sync(StaffMember, {"email": member["email"]}, {**values, "is_public": True, "user": user})
        for page in profile.pages:
            values = {key: value for key, value in page.items() if key != "slug"}
            loader.sync(Page, {"slug": page["slug"]}, {**values, "is_published": True})
        for ranking in profile.rankings:
            values = {key: value for key, value in ranking.items() if key not in ("name", "year")}
            loader.sync(Ranking, {"name": ranking["name"], "year": ranking["year"]}, values)

    def account(self, member):
        """The staff member's account in the Office staff group; nobody can sign in with it (no password)."""
        loader = self.loader
        first_name, _space, last_name = member["full_name"].en.partition(" ")
        user = loader.sync(
            get_user_model(),
            {"username": staff_username(member["email"])},
            {
                "email": member["email"],
                "first_name": first_name,
                "last_name": last_name,
                "password": NO_PASSWORD,
                "is_staff": True,
                "is_active": True,
            },
        )
        loader.sync(EmailAddress, {"user": user, "email": member["email"]}, {"verified": True, "primary": True})
        loader.sync_m2m(user, "groups", list(Group.objects.filter(name=OFFICE_STAFF)))
        return user
