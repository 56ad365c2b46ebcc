"""Public pages of projects and joint degree programmes."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from intl_office.dates import today
from programs.models import Project
from tests.factories import (
    AgreementFactory,
    GrantProgramFactory,
    InstitutionFactory,
    JointProgrammeFactory,
    ProjectFactory,
    ProjectMemberFactory,
)
from tests.programs.calls import DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


# --- /projects/<slug>/ -----------------------------------------------------------------


def test_project_detail_shows_reference_period_role_and_budget(client):
    on = today()
    program = GrantProgramFactory(name="Erasmus+ Capacity Building")
    project = ProjectFactory(
        program=program,
        acronym="MODEST",
        title="Modernising engineering studies",
        reference_number="101083112-ERASMUS-EDU-2022-CBHE",
        our_role=Project.Role.PARTNER,
        start_date=on - 365 * DAY,
        end_date=on + 365 * DAY,
        budget_eur=Decimal("998640.00"),
        our_budget_eur=Decimal("99864.00"),
        summary="Curricula for green engineering.",
        website="https://modest.example.org/",
    )

    response = client.get(project.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "MODEST",
        "Modernising engineering studies",
        "101083112-ERASMUS-EDU-2022-CBHE",
        "Running",
        "€998,640",
        "€99,864",
        "10% of the total",
        "Curricula for green engineering.",
        "https://modest.example.org/",
    ):
        assert text in html
    assert program.get_absolute_url() in html


def test_finished_project_shows_finished_badge(client):
    project = ProjectFactory(start_date=datetime.date(2019, 1, 15), end_date=datetime.date(2022, 1, 14))

    html = client.get(project.get_absolute_url()).content.decode()

    assert "Finished" in html
    assert "Running" not in html


def test_unknown_project_answers_404(client):
    assert client.get(reverse("programs:project-detail", kwargs={"slug": "nothing-here"})).status_code == 404


def test_consortium_is_grouped_by_country_with_the_coordinator_first(client):
    project = ProjectFactory()
    ProjectMemberFactory(
        project=project, institution=InstitutionFactory(name="Politecnico di Torino", country="IT"), role="partner"
    )
    ProjectMemberFactory(
        project=project, institution=InstitutionFactory(name="Aalto University", country="FI"), role="associated"
    )
    ProjectMemberFactory(
        project=project,
        institution=InstitutionFactory(name="University of Genoa", country="IT"),
        role="coordinator",
    )
    ProjectMemberFactory(
        project=project, institution=InstitutionFactory(name="Kaunas University", country="LT"), role="partner"
    )

    response = client.get(project.get_absolute_url())

    groups = response.context["consortium"]
    assert [g["country"].code for g in groups] == ["IT", "FI", "LT"]
    assert [m.institution.name for m in groups[0]["members"]] == ["University of Genoa", "Politecnico di Torino"]
    html = response.content.decode()
    assert html.index("Italy") < html.index("University of Genoa") < html.index("Politecnico di Torino")
    assert html.index("Politecnico di Torino") < html.index("Finland") < html.index("Lithuania")
    assert "Coordinator" in html and "Associated partner" in html
    assert "4 members" in html


def test_consortium_links_public_members_only(client):
    project = ProjectFactory()
    public = InstitutionFactory(name="Public University")
    hidden = InstitutionFactory(name="Former Partner University", is_active=False)
    ProjectMemberFactory(project=project, institution=public)
    ProjectMemberFactory(project=project, institution=hidden)

    html = client.get(project.get_absolute_url()).content.decode()

    assert f'href="{public.get_absolute_url()}"' in html
    assert "Former Partner University" in html
    assert f'href="{hidden.get_absolute_url()}"' not in html


# --- /joint-programmes/ ----------------------------------------------------------------


def test_joint_programme_list_shows_scheme_partner_kind_level_and_agreement(client):
    partner = InstitutionFactory(name="Belarusian State Pedagogical University", country="BY")
    agreement = AgreementFactory(partner=partner, title="Dual-degree agreement with BSPU")
    programme = JointProgrammeFactory(
        name="Primary education",
        partner=partner,
        years_home=3,
        years_partner=1,
        kind="dual",
        level="bachelor",
        field_of_study="Pedagogy",
        description="Final year in Minsk.",
        started_in=2021,
        agreement=agreement,
    )
    JointProgrammeFactory(name="Preschool education", partner=partner, years_home=2, years_partner=2)

    response = client.get(reverse("programs:joint-programme-list"))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in (
        "3+1",
        "2+2",
        "Primary education",
        "Belarusian State Pedagogical University",
        "Belarus",
        "Dual degree",
        "Bachelor",
        "Pedagogy",
        "Final year in Minsk.",
        "2021",
        "Dual-degree agreement with BSPU",
    ):
        assert text in html
    assert f'id="{programme.slug}"' in html
    assert programme.get_absolute_url() == reverse("programs:joint-programme-list") + f"#{programme.slug}"
    assert f'href="{partner.get_absolute_url()}"' in html
    assert f"{partner.get_absolute_url()}#agreement-{agreement.pk}" in html


def test_joint_programme_hides_private_agreement_and_programmes_of_hidden_partners(client):
    partner = InstitutionFactory()
    JointProgrammeFactory(
        name="Computer science",
        partner=partner,
        agreement=AgreementFactory(partner=partner, title="Secret MoU", is_public=False),
    )
    JointProgrammeFactory(name="Hidden degree", partner=InstitutionFactory(is_active=False))

    html = client.get(reverse("programs:joint-programme-list")).content.decode()

    assert "Computer science" in html
    assert "Secret MoU" not in html
    assert "Hidden degree" not in html


@pytest.mark.parametrize("rows", [5, 200])
def test_joint_programme_list_query_count_does_not_grow_with_programmes(
    client, django_assert_num_queries, layout_queries, rows
):
    partners = InstitutionFactory.create_batch(5)
    for i in range(rows):
        partner = partners[i % 5]
        JointProgrammeFactory(partner=partner, agreement=AgreementFactory(partner=partner))
    # 1 joint programmes with partner and agreement (and the agreement's partner).
    with django_assert_num_queries(1 + layout_queries):
        response = client.get(reverse("programs:joint-programme-list"))
    assert len(response.context["joint_programmes"]) == rows


@pytest.mark.parametrize("members", [5, 50])
def test_project_detail_query_count_does_not_grow_with_consortium(
    client, django_assert_num_queries, layout_queries, members
):
    project = ProjectFactory()
    countries = ["IT", "DE", "FR", "PL", "LT", "HU", "TR"]
    for i in range(members):
        ProjectMemberFactory(project=project, institution=InstitutionFactory(country=countries[i % len(countries)]))
    # 1 project with programme and funder; 1 consortium members with institutions.
    with django_assert_num_queries(2 + layout_queries):
        response = client.get(project.get_absolute_url())
    assert response.context["member_count"] == members
