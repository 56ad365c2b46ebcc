"""What every test may ask for: the department's row, the named users and clients signed in as them.

Users: ``staff`` (a superuser), ``coordinator`` (of ``faculty``), ``office_user`` (Office staff group),
``viewer_user`` (Viewer group), ``student`` and ``outsider``. Every test starts in English.
"""

import shutil

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import clear_url_caches
from django.utils import translation

from intl_office.models import HomeInstitution
from intl_office.page_cache import forget_local_fragments
from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF, VIEWER
from intl_office.templatetags.site import forget_translated_paths
from tests.factories import FacultyFactory, UserFactory
from tests.jobs import MailServer
from tests.mfa import enrolled
from tests.users import member_of, signed_in

# The production deployment tests start servers from (tests/deployment.py), the local S3 server with the
# buckets tests keep files in (tests/s3.py), the frozen clock (tests/clock.py), what CI holds the run to
# (tests/ci_guard.py) and the migrated database a mutation run copies (tests/mutation_db.py; inert otherwise).
pytest_plugins = ["tests.deployment", "tests.s3", "tests.clock", "tests.ci_guard", "tests.mutation_db"]


@receiver(setting_changed)
def _urls_follow_the_languages(setting, **_kwargs):
    """Django builds each language's URL prefix once, as the default language was then, and the layout
    remembers the paths it translated (``intl_office.templatetags.site``): a test that changes the default
    language (an office working in Russian) must not leave "/partners/" as the Russian address for the next."""
    if setting in ("LANGUAGE_CODE", "LANGUAGES"):
        clear_url_caches()
        forget_translated_paths()


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    yield
    shutil.rmtree(settings.TEST_MEDIA_DIR, ignore_errors=True)


@pytest.fixture(autouse=True)
def _english():
    """Each test starts and ends in English.

    A request to /uz/ or /ru/ leaves that language active in the thread: reverse() would then prefix
    the next test's URLs with it, and rows made afterwards would be saved in it.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages (the sitemap), fragments and rate-limit counters must not leak from one test into the next.

    A worker's own copy of the fragments is emptied too: a test may set the generation to a value another used.
    """
    cache.clear()
    forget_local_fragments()
    yield
    cache.clear()
    forget_local_fragments()


@pytest.fixture
def home_institution(db):
    """The department's one row, filled in as the office would.

    Pages make the row on first use otherwise; asking for it up front also keeps a query count about
    the page, not about the first request of a fresh database.
    """
    home = HomeInstitution.load()
    home.name = "Jizzakh Polytechnic Institute"
    home.short_name = "JizPI"
    home.department_name = "International Cooperation Department"
    home.about = "We build partnerships.\n\nStudents go abroad every year."
    home.address = "4 Islam Karimov street, Jizzakh"
    home.phone = "+998 72 226 00 00"
    home.email = "intl@example.org"
    home.working_hours = "Mon-Fri 09:00-18:00"
    home.international_since = 2006
    home.save()
    return home


@pytest.fixture
def staff(db):
    """A member of the office with every right (a superuser, as the demo admin is), with an authenticator."""
    return enrolled(UserFactory(username="staff", is_staff=True, is_superuser=True))


@pytest.fixture
def faculty(db):
    return FacultyFactory(name="Faculty of Chemical Engineering", slug="chemical-engineering")


@pytest.fixture
def coordinator(db, faculty):
    """A faculty coordinator: staff, in the coordinators' group, serving one faculty."""
    return member_of(FACULTY_COORDINATOR, username="coordinator", faculty=faculty)


@pytest.fixture
def office_user(db):
    """A member of the office in the Office staff group: edits everything, but is no superuser.

    Office staff must use a second factor, so this one has an authenticator.
    """
    return member_of(OFFICE_STAFF, username="office")


@pytest.fixture
def viewer_user(db):
    """Staff in the Viewer group: reads the admin, changes nothing."""
    return member_of(VIEWER, username="viewer")


def _verified(user):
    """A verified primary address, as every student who can sign in has (sign-up requires it)."""
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def student(db):
    return _verified(UserFactory(username="student"))


@pytest.fixture
def outsider(db):
    """Another student: signed in, but not the owner of what the test reaches for."""
    return _verified(UserFactory(username="outsider"))


@pytest.fixture
def staff_client(client, staff):
    """The test client signed in as ``staff``, a superuser."""
    client.force_login(staff)
    return client


@pytest.fixture
def office_client(office_user):
    return signed_in(office_user)


@pytest.fixture
def viewer_client(viewer_user):
    return signed_in(viewer_user)


@pytest.fixture
def coordinator_client(coordinator):
    return signed_in(coordinator)


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on a free port, where the portal's e-mail now goes; stopped afterwards.

    ``smtp_server.stop()`` and ``.start()`` take it away and bring it back on the same port.
    """
    server = MailServer()
    for name, value in server.settings().items():
        setattr(settings, name, value)
    server.start()
    yield server
    server.stop()
