"""seed_demo --profile jizpi|jspu|tict: each seed office on its own, with only its own seed's facts.

The module loads the jizpi demo once (rolled back at the end); a test that needs another profile loads it
inside its own transaction, which is how switching from one profile to another is tested too.
"""

import datetime
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models, transaction
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from intl_office.dates import today
from intl_office.demo import profiles
from intl_office.models import HomeInstitution, StaffMember, User
from intl_office.roles import OFFICE_STAFF
from mobility.models import Visit
from partners.models import Agreement, Institution
from programs.models import JointProgramme, Project

PROJECT_APPS = ("intl_office", "partners", "programs", "mobility")
NAMES = {
    "jizpi": "Jizzakh Polytechnic Institute",
    "jspu": "Jizzakh State Pedagogical University",
    "tict": "Tashkent Institute of Chemical Technology",
}
# What each seed alone tells, as the words that would show it: none may be stored under another profile.
FACTS = {
    "jizpi": ["GreenMetric", "CBHE", "GREEN-UNI", "Jizzakh Polytechnic", "Jizzax politexnika", "ДжизПИ"],
    "jspu": [
        "Belarusian State Pedagogical", "BSPU", "1999", "British Council", "Erasmus Mundus", "UNDP",
        "Jizzakh State Pedagogical", "Jizzax davlat pedagogika",
    ],
    "tict": ["Shandong", "Jianshu", "Tashkent Institute of Chemical", "Toshkent kimyo"],
}  # fmt: skip
LANGUAGE_PREFIX = {"en": "", "uz": "/uz", "ru": "/ru"}


def banner_words(language, office):
    """The banner's first sentence in ``language``, as the catalogues translate it, with the office's name."""
    with translation.override(language):
        return gettext("Demo data: %(office)s.") % {"office": getattr(office, f"name_{language}")}


def seed(profile):
    out = StringIO()
    call_command("seed_demo", "--force", "--profile", profile, stdout=out)
    return out.getvalue()


def row_counts():
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            if model._meta.app_label in PROJECT_APPS:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(model._meta.db_table)}")
                counts[model._meta.db_table] = cursor.fetchone()[0]
    return counts


def stored_texts():
    """(model name, value) for every text the project's apps store, in every language."""
    for model in apps.get_models():
        if model._meta.app_label in PROJECT_APPS:
            fields = [
                f.attname for f in model._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)
            ]
            if fields:
                for values in model._base_manager.values_list(*fields):
                    yield from ((model.__name__, value) for value in values if value)


def foreign_facts_found(profile):
    """The other seeds' facts stored in the database, with the model that holds each."""
    words = [word for key, facts in FACTS.items() if key != profile for word in facts]
    pattern = re.compile("|".join(re.escape(word) for word in words))
    return {(model, match.group()) for model, value in stored_texts() for match in pattern.finditer(value)}


@pytest.fixture(scope="module")
def fresh_jizpi(django_db_setup, django_db_blocker):
    """The default demo loaded once into an empty database; its row counts; rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        output = seed("jizpi")
        yield output, row_counts()
        transaction.set_rollback(True)


@pytest.fixture
def demo(fresh_jizpi, db):
    return fresh_jizpi


@pytest.fixture
def loaded(demo, request):
    """The database holding the profile the test is parametrized with (switched from jizpi)."""
    profile = request.param
    if profile != "jizpi":
        seed(profile)
    return profile


each_profile = pytest.mark.parametrize("loaded", list(profiles.PROFILES), indirect=True)


# Loading --------------------------------------------------------------------------------------------------------


def test_the_default_profile_is_jizpi(demo):
    output, _counts = demo
    assert "(jizpi)" in output
    assert HomeInstitution.load().demo_profile == "jizpi"


@each_profile
def test_each_profile_loads_its_office_and_a_second_load_changes_nothing(loaded):
    home = HomeInstitution.load()
    assert (home.name, home.demo_profile) == (NAMES[loaded], loaded)
    before = row_counts()

    assert "nothing changed" in seed(loaded)
    assert row_counts() == before


@each_profile
def test_each_profile_stores_none_of_the_other_seeds_facts(loaded):
    assert foreign_facts_found(loaded) == set()


def test_switching_through_every_profile_back_to_jizpi_leaves_what_a_fresh_load_left(demo):
    _output, fresh_counts = demo
    seed("tict")
    seed("jspu")
    seed("jizpi")

    assert foreign_facts_found("jizpi") == set()
    counts = row_counts()
    # Deleting the other profiles' stays queued the removal of their transcripts' files: jobs, not demo rows.
    jobs = "django_tasks_database_dbtaskresult"
    assert {table: n for table, n in counts.items() if table != jobs} == {
        table: n for table, n in fresh_counts.items() if table != jobs
    }


# Each seed's own facts --------------------------------------------------------------------------------------------


def test_jizpi_keeps_its_projects_rankings_and_reception_days(demo):
    assert Project.objects.filter(program__slug="erasmus-plus-cbhe").count() == 6
    assert HomeInstitution.load().international_since == 2006
    head = StaffMember.objects.get(position__startswith="Head")
    assert head.reception_days == "Tuesday, Wednesday and Friday, 14:00–16:00"
    assert not JointProgramme.objects.exists()


@pytest.mark.parametrize("loaded", ["jspu"], indirect=True)
def test_jspu_has_its_dual_degrees_with_bspu_the_1999_agreement_and_its_organisations(loaded):
    bspu = Institution.objects.get(name="Belarusian State Pedagogical University", country="BY")
    assert {programme.scheme for programme in JointProgramme.objects.filter(partner=bspu)} == {"3+1", "2+2"}
    agreement = Agreement.objects.get(kind=Agreement.Kind.INTERGOVERNMENTAL, signed_on=datetime.date(1999, 11, 8))
    assert (agreement.partner.country.code, agreement.student_places_out) == ("CN", 40)
    for short_name in ("British Council", "KOICA", "ITEC", "UNDP"):
        assert Institution.objects.get(short_name=short_name).kind in (
            Institution.Kind.DONOR,
            Institution.Kind.INTERNATIONAL,
        )
    assert not Project.objects.exists()
    assert not Visit.objects.filter(partner__name="Shandong Jianshu University").exists()


@pytest.mark.parametrize("loaded", ["tict"], indirect=True)
def test_tict_has_the_shandong_delegation_received_in_tashkent(loaded):
    visit = Visit.objects.get(start_date=datetime.date(2024, 12, 3))
    assert visit.partner.name == "Shandong Jianshu University"
    assert (visit.direction, visit.city) == ("incoming", "Tashkent")
    (memorandum,) = visit.agreements_signed.all()
    assert memorandum.signed_on == datetime.date(2024, 12, 3)
    assert visit.agenda.exists()
    assert not Project.objects.exists()
    assert not JointProgramme.objects.exists()


# Responsible staff and key figures -----------------------------------------------------------------------------


@each_profile
def test_every_demo_agreement_has_a_member_of_the_offices_staff_responsible(loaded):
    office = set(StaffMember.objects.values_list("user", flat=True))
    assert Agreement.objects.exists()
    assert not Agreement.objects.filter(responsible__isnull=True).exists()
    for user in User.objects.filter(agreements__isnull=False).distinct():
        assert user.pk in office
        assert user.groups.filter(name=OFFICE_STAFF).exists()
        assert not user.has_usable_password()


def independent_partners(on):
    """Partners counted without ``Institution.objects.partners``: active, abroad, a public agreement in force."""
    in_force = Agreement.objects.filter(is_public=True, signed_on__lte=on).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=on)
    )
    home_country = HomeInstitution.load().country.code
    return Institution.objects.filter(is_active=True, agreements__in=in_force).exclude(country=home_country).distinct()


@each_profile
def test_the_key_figures_shown_equal_an_independent_count(loaded, client):
    on = today()
    partners = independent_partners(on)
    countries = len(set(partners.values_list("country", flat=True)))
    in_force = Agreement.objects.filter(is_public=True, partner__is_active=True, signed_on__lte=on).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=on)
    )

    figures = client.get(reverse("home")).context["figures"]
    assert figures.active_partners == partners.count() > 0
    assert figures.partner_countries == countries
    assert figures.agreements_in_force == in_force.count()
    assert figures.projects == Project.objects.count()

    directory = client.get(reverse("partners:institution-list"))
    assert directory.context["partner_figures"] == {"partners": partners.count(), "countries": countries}
    assert f"We have {partners.count()} partners with an agreement in force in {countries} countries" in (
        directory.content.decode()
    )

    statistics = client.get(reverse("mobility:statistics")).context
    assert (statistics["partner_total"], statistics["partner_countries"]) == (partners.count(), countries)


# The banner -----------------------------------------------------------------------------------------------------


def banner(html):
    match = re.search(r'<div class="demo-banner"[^>]*>.*?</div>', html, re.S)
    return match.group() if match else ""


@each_profile
@pytest.mark.parametrize("language", ["en", "uz", "ru"])
def test_every_kind_of_page_says_it_shows_demo_data_in_its_language(loaded, language, staff_client):
    expected = banner_words(language, HomeInstitution.load())
    prefix = LANGUAGE_PREFIX[language]

    for path in (f"{prefix}/", f"{prefix}/about/", f"{prefix}/partners/"):
        assert expected in banner(Client().get(path).content.decode()), path
    for path in (f"{prefix}/admin/partners/agreement/", f"{prefix}/staff/"):  # signed in: the admin, the dashboard
        response = staff_client.get(path)
        assert response.status_code == 200, path
        assert expected in banner(response.content.decode()), path
        assert 'role="note"' in banner(response.content.decode())


def test_a_cached_page_shows_the_banner_and_changes_with_the_profile(
    demo, django_assert_num_queries, django_capture_on_commit_callbacks
):
    first = Client().get("/ru/").content.decode()
    with django_assert_num_queries(0):
        cached = Client().get("/ru/").content.decode()
    assert cached == first
    assert banner_words("ru", HomeInstitution.load()) in banner(cached)
    assert "Джизакский политехнический институт" in banner(cached)

    with django_capture_on_commit_callbacks(execute=True):
        seed("tict")
    tict = banner(Client().get("/ru/").content.decode())
    assert banner_words("ru", HomeInstitution.load()) in tict
    assert "Ташкентский химико-технологический институт" in tict

    with django_capture_on_commit_callbacks(execute=True):
        office = HomeInstitution.load()
        office.demo_profile = ""
        office.save()
    assert banner(Client().get("/ru/").content.decode()) == ""
