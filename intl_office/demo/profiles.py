"""The demo's profiles: one seed office each, as its home institution, with only its own seed's facts.

``seed_demo --profile jizpi|jspu|tict`` loads one of them. A profile names the office (its settings, about
page, staff and contacts) and the records only its seed tells: a partner, a programme, a project, a visit, a
ranking or a joint programme that one seed names belongs to that seed's profile alone. Everything no seed claims
(the invented partner universities, students, applications, mobility flows, calls of well-known programmes such
as Erasmus+, ITEC, KOICA or JICA) is shared by every profile.

Loading a profile after another deletes what the other declared and this one does not (``switch.py``), so a
database never shows two seeds' facts at once.
"""

from dataclasses import dataclass, field

from . import content, home_jspu, home_tict

DEFAULT = "jizpi"


@dataclass(frozen=True)
class Profile:
    key: str
    home: dict
    staff: list
    pages: list
    city: str  # where the office receives incoming delegations
    rankings: list = field(default_factory=list)
    partners: frozenset = frozenset()  # partner keys ("CN:SDJZU") that only this seed names
    programs: frozenset = frozenset()  # grant programme slugs that only this seed names
    visits: frozenset = frozenset()  # visit slugs that only this seed tells
    projects: tuple = ()
    joint_programmes: tuple = ()

    @property
    def ranking_keys(self):
        return {(ranking["name"], ranking["year"]) for ranking in self.rankings}

    @property
    def project_references(self):
        return {project["reference_number"] for project in self.projects}

    @property
    def joint_programme_slugs(self):
        return {programme["slug"] for programme in self.joint_programmes}

    @property
    def page_slugs(self):
        return {page["slug"] for page in self.pages}

    @property
    def staff_emails(self):
        return {member["email"] for member in self.staff}


PROFILES = {
    # Seeds 000 and 003: partners by country, grant programmes, six CBHE projects, rankings, the regulations.
    "jizpi": Profile(
        key="jizpi",
        home=content.HOME_INSTITUTION,
        staff=content.STAFF,
        pages=content.PAGES,
        city="Jizzakh",
        rankings=content.RANKINGS,
        programs=frozenset({"erasmus-plus-cbhe"}),
        visits=frozenset({"2025-10-14-green-uni-meeting-budapest"}),
        projects=tuple(content.PROJECTS),
    ),
    # Seeds 001 and 002: dual degrees with BSPU, the 1999 agreement with China, its partner organisations.
    "jspu": Profile(
        key="jspu",
        home=home_jspu.HOME_INSTITUTION,
        staff=home_jspu.STAFF,
        pages=home_jspu.PAGES,
        city="Jizzakh",
        partners=frozenset({"BY:BSPU", "CN:MOE China", "GB:British Council", "US:UNDP"}),
        programs=frozenset(
            {"erasmus-mundus", "british-council-going-global", "undp-projects", "china-education-internships"}
        ),
        visits=frozenset({"2025-04-22-belarusian-state-pedagogical-university-delegation"}),
        joint_programmes=tuple(content.JOINT_PROGRAMMES),
    ),
    # Seed 004: the delegation of Shandong Jianshu University received in Tashkent on 3 December 2024.
    "tict": Profile(
        key="tict",
        home=home_tict.HOME_INSTITUTION,
        staff=home_tict.STAFF,
        pages=home_tict.PAGES,
        city="Tashkent",
        partners=frozenset({"CN:SDJZU"}),
        visits=frozenset({"2024-12-03-shandong-jianshu-university-delegation"}),
    ),
}


def get(key):
    return PROFILES[key or DEFAULT]


def foreign(profile, attribute):
    """The keys of ``attribute`` that other profiles declare and ``profile`` does not: what it must not show."""
    elsewhere = set()
    for other in PROFILES.values():
        if other.key != profile.key:
            elsewhere |= set(getattr(other, attribute))
    return elsewhere - set(getattr(profile, attribute))
