"""A partner's page (/partners/<slug>/)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from mobility.models import Direction, Mobility
from partners.models import Agreement, Institution
from tests.factories import (
    AgreementFactory,
    CooperationAreaFactory,
    InstitutionFactory,
    JointProgrammeFactory,
    MobilityFactory,
    ProjectFactory,
    ProjectMemberFactory,
    VisitFactory,
)
from tests.partners.pages import page_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]


def days(n):
    return datetime.timedelta(days=n)


# A partner's page


@pytest.fixture
def partner():
    return InstitutionFactory(
        name="Shandong Jianzhu University",
        short_name="SDJZU",
        country="CN",
        city="Jinan",
        website="https://www.sdjzu.example.org/",
        description="A partner in civil engineering.\n\nSecond paragraph.",
    )


def detail(client, institution, language=""):
    prefix = f"/{language}" if language else ""
    with translation.override("en"):  # the path without a language prefix; the prefix comes first
        path = reverse("partners:institution-detail", kwargs={"slug": institution.slug})
    return client.get(prefix + path)


def test_partner_page_shows_who_the_partner_is(client, partner):
    partner.cooperation_areas.add(CooperationAreaFactory(name="Joint research", slug="joint-research"))
    html = page_text(detail(client, partner))
    assert html.count("<h1") == 1
    assert '<h1 class="mb-1 text-break">Shandong Jianzhu University</h1>' in html
    assert "<title>Shandong Jianzhu University" in html
    assert "SDJZU" in html
    assert "China, Jinan" in html
    assert "<p>A partner in civil engineering.</p>" in html
    assert '<a href="/partners/?area=joint-research">Joint research</a>' in html
    assert '<a href="https://www.sdjzu.example.org/" rel="noopener noreferrer external" target="_blank">' in html


def test_partner_page_is_404_for_inactive_and_unknown_partners(client):
    hidden = InstitutionFactory(is_active=False)
    assert detail(client, hidden).status_code == 404
    assert client.get("/partners/no-such-partner/").status_code == 404
    assert client.get("/ru/partners/no-such-partner/").status_code == 404


def test_partner_page_lists_public_agreements_with_status_badges(client, partner, today):
    active = AgreementFactory(partner=partner, title="Active memorandum")
    expiring = AgreementFactory(
        partner=partner, title="Expiring agreement", signed_on=today - days(700), valid_until=today + days(30)
    )
    expired = AgreementFactory(
        partner=partner, title="Old agreement", signed_on=today - days(900), valid_until=today - days(10)
    )
    draft = AgreementFactory(partner=partner, title="Draft agreement", signed_on=None, valid_until=None)
    AgreementFactory(partner=partner, title="Confidential annex", is_public=False)
    html = page_text(detail(client, partner))
    for agreement, badge, label in [
        (active, "text-bg-success", "Active"),
        (expiring, "text-bg-warning", "Expiring soon"),
        (expired, "text-bg-secondary", "Expired"),
        (draft, "text-bg-light", "Draft"),
    ]:
        assert f'id="agreement-{agreement.pk}"' in html
        block = html[html.index(f'id="agreement-{agreement.pk}"') :]
        assert re.match(rf'.*?<span class="badge {badge}[^"]*">{label}</span>', block, re.S)
    assert "Confidential annex" not in html
    assert "Not signed yet" in html


def test_agreement_address_points_at_its_anchor_on_the_partner_page(client, partner):
    agreement = AgreementFactory(partner=partner)
    path, anchor = agreement.get_absolute_url().split("#")
    assert f'id="{anchor}"' in page_text(client.get(path))


def test_partner_page_shows_agreement_details_and_quotas(client, partner):
    AgreementFactory(
        partner=partner,
        kind=Agreement.Kind.EXCHANGE,
        reference_number="TICT-2024-112",
        scope="Exchange of students and staff.",
        student_places_out=5,
        student_places_in=3,
        staff_places_out=2,
        staff_places_in=1,
    )
    html = page_text(detail(client, partner))
    assert "Exchange agreement" in html
    assert "TICT-2024-112" in html
    assert "Exchange of students and staff." in html
    assert re.search(r"Students</th><td[^>]*>5</td><td[^>]*>3</td>", html)
    assert re.search(r"Staff</th><td[^>]*>2</td><td[^>]*>1</td>", html)


def test_partner_page_links_an_agreement_and_its_renewal_both_ways(client, partner, today):
    old = AgreementFactory(partner=partner, title="Memorandum 2019", signed_on=today - days(2000), valid_until=None)
    new = AgreementFactory(partner=partner, title="Memorandum in an updated form", renews=old)
    html = page_text(detail(client, partner))
    assert re.search(rf'Renews</dt>\s*<dd[^>]*><a href="#agreement-{old.pk}">Memorandum 2019</a>', html)
    renewal = rf'Renewed by</dt>\s*<dd[^>]*><a href="#agreement-{new.pk}">Memorandum in an updated form</a>'
    assert re.search(renewal, html)


def test_renewal_of_an_internal_agreement_does_not_name_it(client, partner):
    internal = AgreementFactory(partner=partner, title="Internal memorandum", is_public=False)
    AgreementFactory(partner=partner, title="Public renewal", renews=internal)
    html = page_text(detail(client, partner))
    assert "Internal memorandum" not in html
    assert "Renews</dt>" not in html


def test_partner_page_shows_active_joint_programmes_projects_and_public_visits(client, partner):
    JointProgrammeFactory(partner=partner, name="Primary education", years_home=3, years_partner=1)
    JointProgrammeFactory(partner=partner, name="Closed programme", is_active=False)
    project = ProjectFactory(acronym="GREENCHEM", title="Green chemistry curricula")
    ProjectMemberFactory(project=project, institution=partner, role="coordinator")
    visit = VisitFactory(partner=partner, title="Delegation received in Tashkent", direction=Direction.INCOMING)
    VisitFactory(partner=partner, title="Private meeting", is_public=False)
    html = page_text(detail(client, partner))
    assert "3+1" in html
    assert "Primary education" in html
    assert "Closed programme" not in html
    assert f'<a href="{project.get_absolute_url()}" class="fw-semibold">GREENCHEM</a>' in html
    assert "Partner's role: Coordinator" in html
    assert f'<a href="{visit.get_absolute_url()}">Delegation received in Tashkent</a>' in html
    assert "Private meeting" not in html


def test_partner_page_counts_mobility_by_direction_and_academic_year(client, partner):
    def mobility(direction, start, **kwargs):
        MobilityFactory(partner=partner, direction=direction, start_date=start, end_date=start + days(90), **kwargs)

    mobility(Direction.OUTGOING, datetime.date(2024, 9, 1))  # 2024/25
    mobility(Direction.OUTGOING, datetime.date(2025, 2, 10))  # still 2024/25
    mobility(Direction.INCOMING, datetime.date(2024, 10, 1))  # 2024/25
    mobility(Direction.INCOMING, datetime.date(2023, 10, 1))  # 2023/24
    mobility(Direction.OUTGOING, datetime.date(2023, 11, 1), status=Mobility.Status.CANCELLED)  # not counted
    MobilityFactory(start_date=datetime.date(2024, 9, 1))  # another partner's
    html = page_text(detail(client, partner))
    cells = r"</th>\s*<td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>"
    assert re.search(r"2024/25" + cells, html).groups() == ("2", "1", "3")
    assert re.search(r"2023/24" + cells, html).groups() == ("0", "1", "1")
    assert re.search(r"All years" + cells, html).groups() == ("2", "2", "4")


def test_partner_page_without_records_says_so(client, partner):
    html = page_text(detail(client, partner))
    assert "No agreement with this partner is published." in html
    assert "No exchange with this partner is recorded yet." in html


def test_partner_page_speaks_the_visitors_language(client):
    partner = InstitutionFactory(name_en="Kazan Federal University", name_ru="Казанский федеральный университет")
    html = page_text(detail(client, partner, language="ru"))
    assert "Казанский федеральный университет</h1>" in html
    assert page_text(detail(client, partner, language="uz")).count("Kazan Federal University</h1>") == 1


@pytest.mark.parametrize("rows", [5, 50])
def test_partner_page_query_count_does_not_grow_with_its_records(client, django_assert_num_queries, rows):
    partner = InstitutionFactory()
    partner.cooperation_areas.add(CooperationAreaFactory())
    previous = None
    for n in range(rows):
        previous = AgreementFactory(partner=partner, renews=previous, student_places_out=n)
        VisitFactory(partner=partner)
        JointProgrammeFactory(partner=partner)
        ProjectMemberFactory(institution=partner)
        MobilityFactory(partner=partner, start_date=datetime.date(2015 + n % 10, 10, 1))
    # 1 the partner, 2 its cooperation areas, 3 its public agreements with their status,
    # 4 joint programmes, 5 project memberships with project and programme, 6 public visits,
    # 7 mobility counts by academic year and direction, 8 the home institution (base.html).
    with django_assert_num_queries(8):
        response = detail(client, partner)
    assert response.status_code == 200


def test_partner_detail_url_name_and_list_url_name_resolve():
    partner = Institution(slug="gazi")
    assert partner.get_absolute_url() == "/partners/gazi/"
    assert reverse("partners:institution-list") == "/partners/"
