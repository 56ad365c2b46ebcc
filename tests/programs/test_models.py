"""Programmes, projects, joint degrees and calls: constraints, slugs and whether a call is open."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils.text import capfirst

from intl_office.dates import today
from programs.models import Call, GrantProgram, Project, ProjectMember
from tests.constraints import assert_accepted, assert_refused, days
from tests.factories import (
    CallFactory,
    DocumentTypeFactory,
    GrantProgramFactory,
    InstitutionFactory,
    JointProgrammeFactory,
    ProjectFactory,
    ProjectMemberFactory,
)

pytestmark = pytest.mark.django_db

# A fixed day for the boundary tables.
DAY = datetime.date(2025, 3, 10)


# Projects.


def test_project_cannot_end_before_it_starts():
    project = ProjectFactory(start_date=DAY, end_date=DAY + days(700))
    project.end_date = DAY - days(1)
    assert_refused(project, message="A project cannot end before it starts.")


def test_project_may_start_and_end_on_the_same_day():
    project = ProjectFactory()
    project.start_date = project.end_date = DAY
    assert_accepted(project)


@pytest.mark.parametrize(
    ("field", "constraint"),
    [("budget_eur", "project_budget_not_negative"), ("our_budget_eur", "project_our_budget_not_negative")],
)
def test_project_budget_cannot_be_negative(field, constraint):
    project = ProjectFactory()
    setattr(project, field, Decimal("-0.01"))
    assert_refused(project, message=constraint)


@pytest.mark.parametrize("field", ["budget_eur", "our_budget_eur"])
@pytest.mark.parametrize("value", [Decimal("0"), None])
def test_project_budget_may_be_zero_or_unknown(field, value):
    project = ProjectFactory()
    setattr(project, field, value)
    assert_accepted(project)


def test_two_projects_cannot_share_a_reference_number():
    ProjectFactory(reference_number="101082860-ERASMUS-EDU-2022-CBHE")
    duplicate = ProjectFactory.build(program=GrantProgramFactory(), reference_number="101082860-ERASMUS-EDU-2022-CBHE")
    assert_refused(duplicate, message="Project with this Reference number already exists.")


def test_an_institution_is_a_consortium_member_once_per_project():
    membership = ProjectMemberFactory()
    duplicate = ProjectMember(
        project=membership.project, institution=membership.institution, role=Project.Role.COORDINATOR
    )
    assert_refused(duplicate, message="Consortium member with this Project and Institution already exists.")


def test_an_institution_may_be_a_member_of_several_projects():
    membership = ProjectMemberFactory()
    assert_accepted(ProjectMember(project=ProjectFactory(), institution=membership.institution))


@pytest.mark.parametrize(
    ("start", "end", "running"),
    [
        pytest.param(0, 30, True, id="starts-today"),
        pytest.param(-30, 0, True, id="ends-today"),
        pytest.param(-30, -1, False, id="ended-yesterday"),
        pytest.param(1, 30, False, id="starts-tomorrow"),
    ],
)
def test_project_is_running_between_its_start_and_end_inclusive(start, end, running):
    project = ProjectFactory(start_date=today() + days(start), end_date=today() + days(end))
    assert project.is_running is running


# Joint programmes.


@pytest.mark.parametrize(("years_home", "years_partner"), [(0, 1), (3, 0), (0, 0)])
def test_joint_programme_lasts_at_least_a_year_on_each_side(years_home, years_partner):
    programme = JointProgrammeFactory()
    programme.years_home, programme.years_partner = years_home, years_partner
    assert_refused(programme, message="Each side of a joint programme lasts at least one year.")


def test_joint_programme_of_one_year_on_each_side_is_allowed():
    programme = JointProgrammeFactory()
    programme.years_home = programme.years_partner = 1
    assert_accepted(programme)


@pytest.mark.parametrize(("years_home", "years_partner", "scheme"), [(3, 1, "3+1"), (2, 2, "2+2"), (1, 1, "1+1")])
def test_joint_programme_scheme_reads_years_at_home_plus_years_at_partner(years_home, years_partner, scheme):
    programme = JointProgrammeFactory.build(years_home=years_home, years_partner=years_partner)
    assert programme.scheme == scheme


# Calls: constraints.


def test_call_deadline_cannot_be_before_it_opens():
    call = CallFactory(opens_on=DAY, deadline=DAY + days(20))
    call.deadline = DAY - days(1)
    assert_refused(call, message="The deadline cannot be before the call opens.")


def test_call_may_open_and_close_on_the_same_day():
    call = CallFactory()
    call.opens_on = call.deadline = DAY
    assert_accepted(call)


def test_call_mobility_cannot_end_before_it_starts():
    call = CallFactory(mobility_start=DAY + days(100), mobility_end=DAY + days(200))
    call.mobility_end = DAY + days(99)
    assert_refused(call, message="The mobility cannot end before it starts.")


@pytest.mark.parametrize(("start", "end"), [(100, 100), (100, None), (None, 100)])
def test_call_mobility_may_be_one_day_or_open_ended(start, end):
    call = CallFactory()
    call.mobility_start = None if start is None else DAY + days(start)
    call.mobility_end = None if end is None else DAY + days(end)
    assert_accepted(call)


def test_call_places_cannot_be_negative():
    call = CallFactory()
    call.places = -1
    # full_clean() stops at the field's own minimum; the named constraint guards the database.
    assert_refused(call, message="Ensure this value is greater than or equal to 0.")
    call.refresh_from_db()
    call.places = -1
    with pytest.raises(ValidationError) as excinfo:
        call.validate_constraints()
    assert any("call_places_not_negative" in text for text in excinfo.value.messages)


def test_call_with_zero_places_is_allowed():
    call = CallFactory()
    call.places = 0
    assert_accepted(call)


# Calls: open, upcoming, closed.

CALL_TABLE = [
    # opens_on and deadline as offsets from DAY, published, expected state on DAY
    pytest.param(0, 10, True, "open", id="opens-today"),
    pytest.param(-10, 0, True, "open", id="deadline-today"),
    pytest.param(0, 0, True, "open", id="opens-and-closes-today"),
    pytest.param(-10, 10, True, "open", id="running"),
    pytest.param(-10, -1, True, "closed", id="deadline-yesterday"),
    pytest.param(1, 10, True, "upcoming", id="opens-tomorrow"),
    pytest.param(-10, 10, False, None, id="unpublished-running"),
    pytest.param(0, 0, False, None, id="unpublished-opens-and-closes-today"),
    pytest.param(1, 10, False, None, id="unpublished-opens-tomorrow"),
    pytest.param(-10, -1, False, None, id="unpublished-closed"),
]


def call_on(opens, deadline, published=True, base=DAY):
    return CallFactory(opens_on=base + days(opens), deadline=base + days(deadline), is_published=published)


def states_by_queryset(call, on):
    selecting = Call.objects.filter(pk=call.pk)
    kwargs = {} if on is None else {"on": on}
    return {
        "open": selecting.open(**kwargs).exists(),
        "upcoming": selecting.upcoming(**kwargs).exists(),
        "closed": selecting.closed(**kwargs).exists(),
    }


def expected_states(state):
    return {"open": state == "open", "upcoming": state == "upcoming", "closed": state == "closed"}


@pytest.mark.parametrize(("opens", "deadline", "published", "state"), CALL_TABLE)
def test_call_is_open_on_a_day_between_opening_and_deadline_inclusive(opens, deadline, published, state):
    assert call_on(opens, deadline, published).is_open_on(DAY) is (state == "open")


@pytest.mark.parametrize(("opens", "deadline", "published", "state"), CALL_TABLE)
def test_call_queryset_selects_open_upcoming_and_closed_calls_like_the_model(opens, deadline, published, state):
    call = call_on(opens, deadline, published)
    assert states_by_queryset(call, DAY) == expected_states(state)
    assert Call.objects.open(on=DAY).filter(pk=call.pk).exists() is call.is_open_on(DAY)


def test_unpublished_call_is_never_open():
    call = call_on(-10, 10, published=False)
    for shift in range(-12, 13):
        assert not call.is_open_on(DAY + days(shift))
        assert not Call.objects.open(on=DAY + days(shift)).exists()


def test_call_open_model_and_queryset_agree_on_every_day_around_the_dates():
    calls = [call_on(opens, deadline, published) for opens, deadline, published, _ in (p.values for p in CALL_TABLE)]
    for shift in range(-12, 13):
        day = DAY + days(shift)
        open_by_queryset = set(Call.objects.open(on=day).values_list("pk", flat=True))
        assert open_by_queryset == {c.pk for c in calls if c.is_open_on(day)}, day


def test_published_calls_exclude_unpublished_ones():
    shown = call_on(-10, 10, published=True)
    call_on(-10, 10, published=False)
    assert list(Call.objects.published()) == [shown]


@pytest.mark.parametrize(("opens", "deadline", "published", "state"), CALL_TABLE)
def test_call_is_open_property_and_querysets_use_the_office_today(opens, deadline, published, state):
    call = call_on(opens, deadline, published, base=today())
    assert call.is_open is (state == "open")
    assert states_by_queryset(call, None) == expected_states(state)


@pytest.mark.parametrize(("deadline", "left"), [(1, 1), (20, 20), (-1, -1)])
def test_call_days_left_counts_whole_days_to_the_deadline(deadline, left):
    assert call_on(-30, deadline, base=today()).days_left == left


def test_call_days_left_is_zero_on_the_deadline_day():
    assert call_on(-10, 0, base=today()).days_left == 0


# Slugs of public records.

SLUGGED = [
    pytest.param(GrantProgramFactory, "name", id="grant-programme"),
    pytest.param(ProjectFactory, "acronym", id="project"),
    pytest.param(JointProgrammeFactory, "name", id="joint-programme"),
    pytest.param(CallFactory, "title", id="call"),
]


@pytest.mark.parametrize(("factory", "source"), SLUGGED)
def test_two_rows_cannot_share_an_explicit_slug(factory, source):
    factory(**{source: "Erasmus Plus"}, slug="erasmus")
    duplicate = factory(**{source: "Erasmus Mundus"}, slug="erasmus-mundus")
    duplicate.slug = "erasmus"
    assert_refused(duplicate, message=f"{capfirst(duplicate._meta.verbose_name)} with this Slug already exists.")


@pytest.mark.parametrize(("factory", "source"), SLUGGED)
def test_empty_slug_is_made_unique_from_the_name(factory, source):
    # Different names (programme names are unique) that slugify alike, then one that does not.
    names = ["Erasmus Plus KA171", "ERASMUS PLUS KA171", "Erasmus Plus: KA171", "Erasmus+ KA171"]
    slugs = [factory(**{source: name}).slug for name in names]
    assert slugs == ["erasmus-plus-ka171", "erasmus-plus-ka171-2", "erasmus-plus-ka171-3", "erasmus-ka171"]


@pytest.mark.parametrize(("factory", "source"), SLUGGED)
def test_names_that_slugify_to_nothing_get_distinct_slugs(factory, source):
    model_name = factory._meta.model._meta.model_name
    russian = factory(**{source: "Стипендия Эль-Юрт Умиди"})
    chinese = factory(**{source: "中国政府奖学金"})
    assert [russian.slug, chinese.slug] == [model_name, f"{model_name}-2"]


@pytest.mark.parametrize(("factory", "source"), SLUGGED)
def test_slug_is_kept_when_the_name_changes(factory, source):
    obj = factory(**{source: "Original name"})
    setattr(obj, source, "A new name")
    obj.save()
    obj.refresh_from_db()
    assert obj.slug == "original-name"


def test_long_names_give_slugs_that_fit_the_field():
    long_title = ("Semester exchange " * 14).strip()  # 251 of the 255 characters a title may have
    first = CallFactory(title=long_title)
    second = CallFactory(title=long_title)
    limit = Call._meta.get_field("slug").max_length
    assert len(first.slug) <= limit
    assert len(second.slug) <= limit
    assert first.slug != second.slug


def test_two_grant_programmes_cannot_share_a_name():
    GrantProgramFactory(name="Erasmus+")
    assert_refused(
        GrantProgram(name="Erasmus+", slug="erasmus-2"), message="Grant programme with this Name already exists."
    )


# Readable names and public addresses.


def test_grant_programme_str_prefers_the_short_name():
    assert str(GrantProgramFactory(name="Korea International Cooperation Agency", short_name="KOICA")) == "KOICA"
    assert str(GrantProgramFactory(name="Fulbright Program", short_name="")) == "Fulbright Program"


def test_project_str_gives_acronym_and_title():
    assert str(ProjectFactory(acronym="MODEST", title="Modernising engineering studies")) == (
        "MODEST: Modernising engineering studies"
    )


def test_consortium_member_str_gives_institution_and_role():
    member = ProjectMemberFactory(
        institution=InstitutionFactory(name="University of Porto"), role=Project.Role.COORDINATOR
    )
    assert str(member) == "University of Porto (Coordinator)"


def test_joint_programme_str_leads_with_its_scheme():
    assert str(JointProgrammeFactory(name="Primary education", years_home=3, years_partner=1)) == (
        "3+1 Primary education"
    )


def test_document_type_str_is_its_name():
    assert str(DocumentTypeFactory(name="Academic transcript")) == "Academic transcript"


def test_call_str_is_its_title():
    assert str(CallFactory(title="Erasmus+ spring semester 2026")) == "Erasmus+ spring semester 2026"


@pytest.mark.parametrize(
    "factory",
    [GrantProgramFactory, ProjectFactory, JointProgrammeFactory, CallFactory],
    ids=["grant-programme", "project", "joint-programme", "call"],
)
def test_public_records_have_a_site_path(factory):
    url = factory().get_absolute_url()
    assert isinstance(url, str)
    assert url.startswith("/")


def test_joint_programmes_have_no_detail_page_but_an_anchor_on_the_list():
    programme = JointProgrammeFactory(name="Primary education")
    url = programme.get_absolute_url()
    assert url.endswith(f"#{programme.slug}")


@pytest.mark.parametrize(
    "opens, deadline, expected",
    [
        (0, 5, Call.Status.OPEN),  # opens today
        (-5, 0, Call.Status.OPEN),  # deadline today
        (-5, -1, Call.Status.CLOSED),  # deadline yesterday
        (1, 5, Call.Status.UPCOMING),  # opens tomorrow
    ],
)
def test_call_status_from_the_model_and_the_queryset_agree(opens, deadline, expected):
    call = CallFactory(opens_on=DAY + days(opens), deadline=DAY + days(deadline))
    annotated = Call.objects.with_status(on=DAY).get(pk=call.pk)
    assert call.status_on(DAY) == expected
    assert annotated.computed_status == expected
    assert annotated.status_rank == [Call.Status.OPEN, Call.Status.UPCOMING, Call.Status.CLOSED].index(expected)
