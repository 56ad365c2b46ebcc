"""A partner university and a visit from it, for the visit page tests."""

import datetime

import pytest

from mobility.models import Direction, VisitMember
from partners.models import Agreement
from tests.factories import AgreementFactory, InstitutionFactory, VisitFactory, VisitMemberFactory, VisitPhotoFactory


@pytest.fixture
def shandong():
    return InstitutionFactory(name="Shandong Jianshu University", short_name="SDJZU", country="CN", city="Jinan")


@pytest.fixture
def seed_visit(shandong):
    """The visit of seed 004 (3 December 2024), with invented names for the people."""
    earlier = AgreementFactory(
        partner=shandong,
        kind=Agreement.Kind.MOU,
        title="Memorandum of understanding with Shandong Jianshu University (2019)",
        signed_on=datetime.date(2019, 5, 14),
        valid_until=datetime.date(2024, 5, 14),
    )
    renewed = AgreementFactory(
        partner=shandong,
        kind=Agreement.Kind.MOU,
        title="Memorandum of understanding with Shandong Jianshu University (2024)",
        signed_on=datetime.date(2024, 12, 3),
        valid_until=datetime.date(2099, 12, 3),
        renews=earlier,
    )
    visit = VisitFactory(
        partner=shandong,
        title="Stepping into a new phase of international cooperation",
        start_date=datetime.date(2024, 12, 3),
        direction=Direction.INCOMING,
        city="Tashkent",
        purpose="International cooperation and new scientific and innovative projects",
        summary="The rector received a delegation from Shandong Jianshu University.",
        story="On December 3, 2024, the rector received a delegation.\n\nAn important meeting was held.",
        topics=(
            "- student and faculty exchange programs;\n"
            "- organization of joint educational programs at the master's and doctoral levels;\n"
            "- joint implementation of scientific research and innovative projects;\n"
            "- joint research to solve modern problems in the social and technical spheres."
        ),
        outcomes="Memorandum of Understanding signed in an updated form\nJoint projects planned",
    )
    visit.agreements_signed.add(renewed)
    VisitMemberFactory(visit=visit, full_name="Liang Bo", position="Director of International Exchange", order=2)
    VisitMemberFactory(visit=visit, full_name="Zhou Wen", position="General Director", is_head=True, order=9)
    VisitMemberFactory(visit=visit, full_name="Chen Yu", position="Director of the General Administration", order=1)
    VisitMemberFactory(visit=visit, side=VisitMember.Side.HOST, full_name="Akmal Rahimov", position="Rector", order=1)
    VisitMemberFactory(
        visit=visit,
        side=VisitMember.Side.HOST,
        full_name="Dilnoza Karimova",
        position="Head of the Department of Internationalization",
        order=2,
    )
    VisitPhotoFactory(visit=visit, caption="Signing of the memorandum", order=1)
    VisitPhotoFactory(visit=visit, caption="", order=2)
    return visit
