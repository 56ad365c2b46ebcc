"""Whole public pages cached for anonymous visitors and made fresh by every edit (intl_office/page_cache.py).

Edits commit inside ``django_capture_on_commit_callbacks(execute=True)``: the test's own
transaction never commits, and the cache is made fresh only once an edit has.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.core.management.sql import emit_post_migrate_signal
from django.db import OperationalError, connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.test import Client
from django.urls import reverse

from intl_office.mail import queue_email
from intl_office.models import OutgoingMessage
from intl_office.page_cache import GENERATION_KEY, current_generation, watch_content_models
from partners.models import Institution
from partners.resources import InstitutionResource
from partners.services import agreement_renew
from tests.factories import (
    AgreementFactory,
    CallFactory,
    GrantProgramFactory,
    InstitutionFactory,
    JointProgrammeFactory,
    ProjectFactory,
    StaffMemberFactory,
    UserFactory,
    VisitFactory,
    VisitMemberFactory,
)
from tests.partners.imports import dataset

pytestmark = pytest.mark.django_db
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


def anonymous_page(path):
    response = Client().get(path)
    return response.status_code, response.content.decode()


def cached(path, django_assert_num_queries):
    """The page as an anonymous visitor gets it, asserting it came from the cache (no query)."""
    with django_assert_num_queries(0):
        return anonymous_page(path)


# Each public page kind: the page, a record it shows, and the text that record puts on it.
def _home():
    call = CallFactory(title="Spring exchange to Ankara")
    return reverse("home"), call, call.title


def _about():
    member = StaffMemberFactory(full_name="Dilnoza Karimova")
    return reverse("about"), member, member.full_name


def _partner_list():
    partner = InstitutionFactory(name="University of Andorra")
    return reverse("partners:institution-list"), partner, partner.name


def _partner_detail():
    agreement = AgreementFactory(title="Exchange of engineering students")
    return agreement.partner.get_absolute_url(), agreement, agreement.title


def _program_list():
    program = GrantProgramFactory(name="Mevlana exchange")
    return reverse("programs:program-list"), program, program.name


def _program_detail():
    project = ProjectFactory(acronym="GREENCAMP")
    return project.program.get_absolute_url(), project, project.acronym


def _project_detail():
    project = ProjectFactory(acronym="AQUAMAN")
    return project.get_absolute_url(), project, project.acronym


def _joint_programmes():
    programme = JointProgrammeFactory(name="Water engineering double degree")
    return reverse("programs:joint-programme-list"), programme, programme.name


def _call_list():
    call = CallFactory(title="Summer school in Seoul")
    return reverse("programs:call-list"), call, call.title


def _call_detail():
    call = CallFactory(title="Semester in Daegu")
    return call.get_absolute_url(), call, call.title


def _visit_list():
    visit = VisitFactory(title="Delegation from Kyungpook")
    return reverse("mobility:visit-list"), visit, visit.title


def _visit_detail():
    member = VisitMemberFactory(full_name="Park Ji-hoon")
    return member.visit.get_absolute_url(), member.visit, member.full_name


PAGES = [
    _home,
    _about,
    _partner_list,
    _partner_detail,
    _program_list,
    _program_detail,
    _project_detail,
    _joint_programmes,
    _call_list,
    _call_detail,
    _visit_list,
    _visit_detail,
]


@pytest.mark.parametrize("make", PAGES, ids=lambda make: make.__name__.strip("_"))
def test_deleting_a_record_in_the_admin_shows_on_the_next_anonymous_request(
    make, home_institution, staff_client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    path, record, text = make()
    assert text in anonymous_page(path)[1]
    assert text in cached(path, django_assert_num_queries)[1]

    meta = record._meta
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[record.pk]), {"post": "yes"}
        )
    assert response.status_code == 302

    status, page = anonymous_page(path)
    assert status == 404 or text not in page


def test_statistics_page_is_cached_and_fresh_after_an_edit(
    home_institution, django_assert_num_queries, django_capture_on_commit_callbacks
):
    path = reverse("mobility:statistics")
    first = anonymous_page(path)[1]
    assert cached(path, django_assert_num_queries)[1] == first

    with django_capture_on_commit_callbacks(execute=True):
        home_institution.department_name = "Department of Foreign Relations"
        home_institution.save()

    assert "Department of Foreign Relations" in anonymous_page(path)[1]


def test_every_language_and_query_string_is_a_page_of_its_own(home_institution, django_assert_num_queries):
    InstitutionFactory(name="University of Andorra", country="AD")
    InstitutionFactory(name="Seoul National University", country="KR")
    english, uzbek = anonymous_page("/partners/?country=KR")[1], anonymous_page("/uz/partners/?country=KR")[1]

    assert cached("/partners/?country=KR", django_assert_num_queries)[1] == english
    assert cached("/uz/partners/?country=KR", django_assert_num_queries)[1] == uzbek
    assert '<html lang="uz"' in uzbek and "University of Andorra" not in english
    assert "University of Andorra" in anonymous_page("/partners/")[1]


def test_an_import_shows_on_the_next_anonymous_request(home_institution, django_capture_on_commit_callbacks):
    assert "University of Andorra" not in anonymous_page("/partners/")[1]

    with django_capture_on_commit_callbacks(execute=True):
        rows = [{"name": "University of Andorra", "country": "AD", "website": "https://www.uda.ad/"}]
        result = InstitutionResource().import_data(dataset(rows), dry_run=False)
    assert not result.has_errors()

    assert "University of Andorra" in anonymous_page("/partners/")[1]


def test_a_renewal_through_the_service_shows_on_the_partners_page(home_institution, django_capture_on_commit_callbacks):
    agreement = AgreementFactory(title="Exchange of engineering students", reference_number="KNU-1")
    path = agreement.partner.get_absolute_url()
    assert "KNU-2" not in anonymous_page(path)[1]

    with django_capture_on_commit_callbacks(execute=True):
        agreement_renew(
            agreement=agreement, signed_on=agreement.valid_until, reference_number="KNU-2", title="Renewed exchange"
        )

    assert "KNU-2" in anonymous_page(path)[1] or "Renewed exchange" in anonymous_page(path)[1]


def test_nothing_is_refreshed_before_the_edit_commits(home_institution, django_capture_on_commit_callbacks):
    anonymous_page("/partners/")
    generation = cache.get(GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        InstitutionFactory(name="University of Andorra")
        # A page read now, before the commit, still shows the old rows and may be stored.
        assert cache.get(GENERATION_KEY) == generation

    assert cache.get(GENERATION_KEY) != generation


def test_a_revisit_with_the_etag_gets_304(home_institution):
    client = Client()
    first = client.get("/about/")
    again = client.get("/about/", HTTP_IF_NONE_MATCH=first["ETag"])
    from_cache = client.get("/about/")

    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    assert from_cache["ETag"] == first["ETag"]


def test_a_signed_in_user_never_gets_nor_fills_the_cache(home_institution, student, django_assert_num_queries):
    client = Client()
    client.force_login(student)

    assert "My applications" in client.get("/about/").content.decode()
    assert "My applications" in client.get("/about/").content.decode()
    # Nothing was stored for an anonymous visitor either: this request reads the database.
    with pytest.raises(pytest.fail.Exception):
        cached("/about/", django_assert_num_queries)


def test_a_page_showing_a_message_is_neither_served_from_nor_put_in_the_cache(
    home_institution, rf, django_assert_num_queries
):
    anonymous_page("/about/")  # cached for visitors without messages
    client = Client()
    # A message waiting in the cookie storage, as after a form that redirects.
    from django.contrib.messages.storage.cookie import CookieStorage

    request = rf.get("/")
    storage = CookieStorage(request)
    storage.add(messages.SUCCESS, "Your application was sent.")
    response = client.get("/about/")  # any response to carry the cookie
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value

    page = client.get("/about/").content.decode()

    assert "Your application was sent." in page
    assert "Your application was sent." not in cached("/about/", django_assert_num_queries)[1]


def test_a_call_page_turns_from_open_to_closed_at_midnight_in_tashkent(home_institution):
    evening = datetime.datetime(2026, 3, 15, 23, 59, tzinfo=TASHKENT)
    with time_machine.travel(evening, tick=False):
        call = CallFactory(
            title="Semester in Daegu", opens_on=datetime.date(2026, 3, 1), deadline=datetime.date(2026, 3, 15)
        )
        before = anonymous_page(call.get_absolute_url())[1]
        assert before == anonymous_page(call.get_absolute_url())[1]  # from the cache
    with time_machine.travel(evening + datetime.timedelta(minutes=2), tick=False):
        after = anonymous_page(call.get_absolute_url())[1]

    assert "Open" in before and "Apply" in before
    assert "Closed" in after


def test_a_response_that_sets_a_cookie_is_not_stored(home_institution, django_assert_num_queries):
    # A malformed CSRF cookie is replaced by a new one in the response.
    response = Client().get("/about/", HTTP_COOKIE="csrftoken=" + "x" * 10)
    assert response.status_code == 200 and "csrftoken" in response.cookies

    with pytest.raises(pytest.fail.Exception):
        cached("/about/", django_assert_num_queries)


def test_a_public_page_sets_no_cookie_and_carries_no_csrf_token(home_institution):
    response = Client().get("/about/")

    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_institution_rows_are_watched():
    assert post_save.has_listeners(Institution)


WATCHING = (post_save, post_delete, m2m_changed, post_migrate)


def _unwatch():
    for signal in WATCHING:
        with signal.lock:
            signal.receivers = [r for r in signal.receivers if not str(r[0][0]).startswith("page_cache:")]
            signal.sender_receivers_cache.clear()


@pytest.fixture
def watched_afresh():
    """What ``watch_content_models`` connects when called now (the app's start connected it before)."""
    _unwatch()
    yield watch_content_models
    _unwatch()
    watch_content_models()


def bumps(change, django_capture_on_commit_callbacks):
    """Whether committing ``change()`` makes every cached page fresh."""
    generation = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        change()
    return current_generation() != generation


def test_every_public_record_kind_is_watched_and_the_people_and_jobs_are_not(
    watched_afresh, django_capture_on_commit_callbacks
):
    call, institution, user = CallFactory(), InstitutionFactory(), UserFactory()
    watched_afresh()
    watched_afresh()  # a second start connects nothing twice

    def fresh_after(change):
        return bumps(change, django_capture_on_commit_callbacks)

    def a_queued_email():
        queue_email(EmailMessage("Your visa letter", "", "intl@example.org", ["aziza@example.org"]))

    assert fresh_after(lambda: call.hosts.add(institution))  # rows of a many-to-many table
    assert fresh_after(StaffMemberFactory)  # an intl_office record (its User comes first, unwatched)
    assert fresh_after(institution.save)
    assert fresh_after(call.delete)
    assert fresh_after(lambda: emit_post_migrate_signal(0, False, "default"))  # a migration, as migrate ends
    assert not fresh_after(user.save)
    assert not fresh_after(a_queued_email)  # its message and job rows
    assert not fresh_after(lambda: OutgoingMessage.objects.all().delete())
    group, permission = Group.objects.create(name="Guests"), Permission.objects.first()
    assert not fresh_after(lambda: group.permissions.add(permission))  # a many-to-many table of another app
    institution_receivers = [r for r in post_save.receivers if r[0][1] == id(Institution)]
    assert len([r for r in institution_receivers if str(r[0][0]).startswith("page_cache:")]) == 1


def server_gone(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


def test_a_cached_page_still_answers_while_the_database_is_down(home_institution):
    page = anonymous_page("/partners/")[1]
    visitor = Client(raise_request_exception=False)

    with connection.execute_wrapper(server_gone):
        cached_page = visitor.get("/partners/")
        not_cached = visitor.get("/about/")

    assert cached_page.status_code == 200 and cached_page.content.decode() == page
    assert not_cached.status_code == 503
