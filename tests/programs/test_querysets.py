"""The QuerySet methods the programme, project, joint-degree and call pages read through."""

import datetime

import pytest

from programs.models import Call, GrantProgram, JointProgramme, Project, ProjectMember
from tests.constraints import days
from tests.factories import (
    CallFactory,
    GrantProgramFactory,
    InstitutionFactory,
    JointProgrammeFactory,
    ProjectFactory,
    ProjectMemberFactory,
)

pytestmark = pytest.mark.django_db

# A fixed day: every method under test takes the day it is asked on.
DAY = datetime.date(2025, 3, 10)


def titles(queryset):
    return [call.title for call in queryset]


# Programmes.


def test_public_programmes_are_the_active_ones():
    shown = GrantProgramFactory(name="Erasmus+")
    GrantProgramFactory(name="Retired programme", is_active=False)
    assert list(GrantProgram.objects.public()) == [shown]


def test_open_call_count_applies_the_rule_of_open_calls():
    program = GrantProgramFactory()
    CallFactory(program=program, title="Open", opens_on=DAY - days(10), deadline=DAY + days(5))
    CallFactory(program=program, title="Closes on the day", opens_on=DAY - days(10), deadline=DAY)
    CallFactory(program=program, title="Opens on the day", opens_on=DAY, deadline=DAY + days(5))
    CallFactory(
        program=program, title="Unpublished", opens_on=DAY - days(1), deadline=DAY + days(5), is_published=False
    )
    CallFactory(program=program, title="Upcoming", opens_on=DAY + days(1), deadline=DAY + days(5))
    CallFactory(program=program, title="Closed", opens_on=DAY - days(20), deadline=DAY - days(1))
    counted = GrantProgram.objects.with_counts(DAY).get(pk=program.pk)
    assert counted.open_call_count == Call.objects.open(DAY).filter(program=program).count() == 3


def test_calls_and_projects_do_not_multiply_each_others_count():
    program = GrantProgramFactory()
    for _ in range(3):
        CallFactory(program=program, opens_on=DAY - days(1), deadline=DAY + days(1))
    ProjectFactory.create_batch(2, program=program)
    idle = GrantProgramFactory()
    counts = {p.pk: (p.open_call_count, p.project_count) for p in GrantProgram.objects.with_counts(DAY)}
    assert counts == {program.pk: (3, 2), idle.pk: (0, 0)}


def test_programmes_come_by_kind_in_the_order_of_the_choices_then_by_name():
    kinds = GrantProgram.Kind
    GrantProgramFactory(name="Zeta research", kind=kinds.RESEARCH)
    GrantProgramFactory(name="Alpha research", kind=kinds.RESEARCH)
    GrantProgramFactory(name="Volunteers", kind=kinds.VOLUNTEERING)
    GrantProgramFactory(name="Exchange", kind=kinds.MOBILITY)
    names = [p.name for p in GrantProgram.objects.in_kind_order()]
    assert names == ["Exchange", "Alpha research", "Zeta research", "Volunteers"]


def test_programmes_are_counted_by_kind_in_one_query(django_assert_num_queries):
    GrantProgramFactory.create_batch(2, kind=GrantProgram.Kind.SCHOLARSHIP)
    GrantProgramFactory(kind=GrantProgram.Kind.TRAINING)
    GrantProgramFactory(kind=GrantProgram.Kind.TRAINING, is_active=False)
    with django_assert_num_queries(1):
        counts = GrantProgram.objects.public().count_by_kind()
    assert counts == {GrantProgram.Kind.SCHOLARSHIP: 2, GrantProgram.Kind.TRAINING: 1}


# Projects and their consortia.


def test_member_count_counts_the_consortium():
    project = ProjectFactory()
    ProjectMemberFactory.create_batch(3, project=project)
    empty = ProjectFactory()
    counts = dict(Project.objects.with_member_count().values_list("pk", "member_count"))
    assert counts == {project.pk: 3, empty.pk: 0}


def test_consortium_lists_coordinators_then_partners_then_associated_each_by_name():
    project = ProjectFactory()
    Role = Project.Role
    for name, role in [
        ("Associated A", Role.ASSOCIATED),
        ("Partner B", Role.PARTNER),
        ("Coordinator", Role.COORDINATOR),
        ("Partner A", Role.PARTNER),
    ]:
        ProjectMemberFactory(project=project, institution=InstitutionFactory(name=name), role=role)
    members = project.memberships.select_related("institution").in_role_order()
    assert [m.institution.name for m in members] == ["Coordinator", "Partner A", "Partner B", "Associated A"]
    assert isinstance(members[0], ProjectMember)


# Joint programmes.


def test_public_joint_programmes_are_those_of_public_partners():
    shown = JointProgrammeFactory(partner=InstitutionFactory())
    JointProgrammeFactory(partner=InstitutionFactory(is_active=False))
    not_admitting = JointProgrammeFactory(partner=InstitutionFactory(), is_active=False)
    assert set(JointProgramme.objects.public()) == {shown, not_admitting}


def test_admitting_joint_programmes_are_the_active_ones_also_through_the_partner():
    partner = InstitutionFactory()
    admitting = JointProgrammeFactory(partner=partner)
    JointProgrammeFactory(partner=partner, is_active=False)
    assert list(partner.joint_programmes.admitting()) == [admitting]


def test_joint_programmes_come_by_level_admitting_first_then_by_partner_and_name():
    Level = JointProgramme.Level
    alpha, beta = InstitutionFactory(name="Alpha University"), InstitutionFactory(name="Beta University")
    JointProgrammeFactory(name="Physics", partner=alpha, level=Level.MASTER)
    JointProgrammeFactory(name="Biology", partner=beta, level=Level.BACHELOR)
    JointProgrammeFactory(name="Chemistry", partner=alpha, level=Level.BACHELOR, is_active=False)
    JointProgrammeFactory(name="Zoology", partner=alpha, level=Level.BACHELOR)
    JointProgrammeFactory(name="Algebra", partner=alpha, level=Level.BACHELOR)
    names = [j.name for j in JointProgramme.objects.in_level_order()]
    assert names == ["Algebra", "Zoology", "Biology", "Chemistry", "Physics"]


# Calls.


def test_calls_for_visitors_come_open_by_deadline_then_upcoming_by_opening_then_closed_latest_first():
    CallFactory(title="Closed long ago", opens_on=DAY - days(400), deadline=DAY - days(300))
    CallFactory(title="Opens later", opens_on=DAY + days(30), deadline=DAY + days(60))
    CallFactory(title="Closes later", opens_on=DAY - days(5), deadline=DAY + days(25))
    CallFactory(title="Closed yesterday", opens_on=DAY - days(40), deadline=DAY - days(1))
    CallFactory(title="Opens tomorrow", opens_on=DAY + days(1), deadline=DAY + days(20))
    CallFactory(title="Closes on the day", opens_on=DAY - days(5), deadline=DAY)
    assert titles(Call.objects.in_visitor_order(DAY)) == [
        "Closes on the day",
        "Closes later",
        "Opens tomorrow",
        "Opens later",
        "Closed yesterday",
        "Closed long ago",
    ]


def test_calls_for_visitors_carry_the_status_the_templates_read():
    CallFactory(title="Open", opens_on=DAY - days(1), deadline=DAY + days(1))
    CallFactory(title="Upcoming", opens_on=DAY + days(1), deadline=DAY + days(2))
    CallFactory(title="Closed", opens_on=DAY - days(2), deadline=DAY - days(1))
    for call in Call.objects.in_visitor_order(DAY):
        assert call.call_status == call.computed_status == call.status_on(DAY)


def test_calls_for_visitors_leave_publication_to_published():
    hidden = CallFactory(is_published=False)
    assert hidden in Call.objects.in_visitor_order()
    assert hidden not in Call.objects.published().in_visitor_order()


def test_open_calls_are_published_and_within_their_dates():
    CallFactory(title="Open", opens_on=DAY - days(1), deadline=DAY + days(1))
    CallFactory(title="Unpublished", opens_on=DAY - days(1), deadline=DAY + days(1), is_published=False)
    CallFactory(title="Upcoming", opens_on=DAY + days(1), deadline=DAY + days(2))
    assert titles(Call.objects.open(DAY)) == ["Open"]


def test_hosts_are_prefetched_by_country_then_name(django_assert_num_queries):
    call = CallFactory()
    call.hosts.set(
        [
            InstitutionFactory(name="Zeta", country="DE"),
            InstitutionFactory(name="Alpha", country="TR"),
            InstitutionFactory(name="Beta", country="DE"),
        ]
    )
    CallFactory().hosts.set([InstitutionFactory(country="KR")])
    # The calls, then every call's hosts in one more.
    with django_assert_num_queries(2):
        hosts = {c.pk: [h.name for h in c.hosts.all()] for c in Call.objects.with_hosts()}
    assert hosts[call.pk] == ["Beta", "Zeta", "Alpha"]
    assert [h.name for h in call.hosts.by_country()] == ["Beta", "Zeta", "Alpha"]


@pytest.mark.parametrize("is_active", [True, False])
def test_a_programme_is_public_exactly_when_public_lists_it(is_active):
    program = GrantProgramFactory(is_active=is_active)
    assert program.is_public == GrantProgram.objects.public().filter(pk=program.pk).exists() == is_active


def test_current_and_closed_calls_divide_the_published_ones_at_the_deadline():
    CallFactory(title="Open", opens_on=DAY - days(1), deadline=DAY + days(1))
    CallFactory(title="Closes on the day", opens_on=DAY - days(1), deadline=DAY)
    CallFactory(title="Upcoming", opens_on=DAY + days(1), deadline=DAY + days(2))
    CallFactory(title="Closed", opens_on=DAY - days(2), deadline=DAY - days(1))
    CallFactory(title="Unpublished", opens_on=DAY - days(1), deadline=DAY + days(1), is_published=False)
    assert set(titles(Call.objects.current(DAY))) == {"Open", "Closes on the day", "Upcoming"}
    assert titles(Call.objects.closed(DAY)) == ["Closed"]
