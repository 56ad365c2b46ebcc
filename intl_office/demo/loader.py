"""Write the demo into the database so that a second run changes nothing.

Every row goes through ``Syncer.sync`` (``sync.py``), which finds it by its natural key and saves it only when
a value differs. Records that must always look current to a visitor (the open call, agreements about to
expire, this year's mobility) are dated relative to the office's today: two runs on the same day write the
same values. Which calls and stays exist is planned in ``calls.py`` and ``stays.py``; this module writes them.
"""

import datetime
import itertools
from decimal import Decimal

from django.db import transaction
from django.utils import translation

from intl_office import dates
from intl_office.models import Department, Faculty, HomeInstitution, Page, Ranking, StaffMember
from mobility.models import (
    Application,
    ApplicationEvent,
    ApplicationReview,
    Expert,
    Mobility,
    Visit,
    VisitAgendaItem,
    VisitMember,
)
from partners.models import Agreement, Contact, CooperationArea, Institution
from programs.models import Call, DocumentType, GrantProgram, JointProgramme, Project, ProjectMember

from . import content, profiles
from .calls import call_specs
from .checklists import ChecklistsLoader
from .cities import CITIES
from .content import T
from .department import DepartmentLoader
from .experts import ExpertsLoader
from .learning_agreements import LearningAgreementsLoader
from .names import NameBook
from .nominations import NominationsLoader
from .offers import load_offers
from .partners import PARTNERS
from .people import PeopleLoader
from .staff_calls import StaffCallsLoader
from .stay_outcomes import StayOutcomesLoader
from .stays import EU_COUNTRIES, FIRST_MOBILITY_YEAR, StayPlanner
from .switch import forget_other_profiles
from .sync import Syncer, add_years
from .trips import TripsLoader


def _ref_part(short_name):
    return short_name.replace(" ", "-")


class DemoLoader(Syncer):
    """Writes the whole demo, step by step, in the order the records depend on each other."""

    def __init__(self, today, profile):
        super().__init__()
        self.today = today
        self.profile = profile
        foreign_partners = profiles.foreign(profile, "partners")
        self.partner_specs = [spec for spec in PARTNERS if spec.key not in foreign_partners]
        foreign_programs = profiles.foreign(profile, "programs")
        self.program_specs = [spec for spec in content.GRANT_PROGRAMS if spec["slug"] not in foreign_programs]
        foreign_visits = profiles.foreign(profile, "visits")
        self.visit_specs = [
            spec for spec in (content.SHANDONG_VISIT, *content.OTHER_VISITS) if spec["slug"] not in foreign_visits
        ]
        self.office_staff = []
        self.institutions = {}
        self.agreements = {}
        self.partner_agreements = {}
        self.faculties = {}
        self.areas = {}
        self.documents = {}
        self.programs = {}
        self.calls = {}
        self.projects = []
        self.european_members = {}
        self.visits = []

    # The steps ----------------------------------------------------------------------------------------------------

    def run(self):
        forget_other_profiles(self.result, self.profile)
        DepartmentLoader(self).run()
        PeopleLoader(self).run()
        self.load_reference_lists()
        self.load_institutions()
        self.load_agreements()
        self.load_programs()
        self.load_projects()
        self.load_joint_programmes()
        self.load_calls()
        self.load_mobility()
        self.load_visits()
        self.load_applications()
        # Before the loaders that pick mobilities: a second run must find the same ones.
        TripsLoader(self).run()
        ChecklistsLoader(self).run()
        LearningAgreementsLoader(self).run()
        NominationsLoader(self).run()
        StaffCallsLoader(self).run()
        StayOutcomesLoader(self).run()
        ExpertsLoader(self).run()
        # Stays another profile planned (its partners drew other hosts and names): the demo's own, not staff's,
        # and neither an application's nor an expert's, which their own loaders keep.
        self.delete_stale(
            Mobility.objects.filter(
                participant_email__endswith="@example.org", application__isnull=True, expert__isnull=True
            )
        )
        for model in (
            HomeInstitution, Faculty, Department, StaffMember, Page, Ranking, CooperationArea, Institution, Contact,
            Agreement,
            GrantProgram, Project, ProjectMember, JointProgramme, DocumentType, Call, Mobility, Visit, VisitMember,
            Application, ApplicationEvent, ApplicationReview, Expert, VisitAgendaItem,
        ):  # fmt: skip
            self.result.totals[model.__name__] = model._default_manager.count()
        return self.result

    def load_reference_lists(self):
        for slug, name in content.COOPERATION_AREAS:
            self.areas[slug] = self.sync(CooperationArea, {"slug": slug}, {"name": name})
        for slug, name, description in content.DOCUMENT_TYPES:
            self.documents[slug] = self.sync(DocumentType, {"slug": slug}, {"name": name, "description": description})

    def load_institutions(self):
        contacts = NameBook()
        for spec in self.partner_specs:
            institution = self.sync(
                Institution,
                {"name": spec.name, "country": spec.country},
                {
                    "short_name": spec.short_name,
                    "kind": spec.kind,
                    "city": T(spec.city, *CITIES[spec.city]),
                    "website": spec.website,
                    "description": spec.description,
                    "cooperating_since": spec.since,
                    "is_active": spec.active,
                },
            )
            self.institutions[spec.key] = institution
            self.sync_m2m(institution, "cooperation_areas", [self.areas[slug] for slug in spec.area_slugs])
            positions = content.CONTACT_POSITIONS[spec.kind]
            # Close partners have a second person the office writes to.
            how_many = 2 if len(spec.agreements) > 1 or "JD" in spec.areas.split() else 1
            for index in range(how_many):
                person = contacts.person(spec.country, f"contact|{spec.key}|{index}")
                self.sync(
                    Contact,
                    {"institution": institution, "email": person.email},
                    {
                        "full_name": person.full_name,
                        "position": positions[index % len(positions)],
                        "phone": "",
                        "is_primary": index == 0,
                        "notes": "",
                    },
                )
        # Contacts the demo once wrote and no longer does; people staff added keep their real addresses.
        self.delete_stale(
            Contact.objects.filter(institution__in=self.institutions.values(), email__endswith="@example.org")
        )

    def load_agreements(self):
        # Every agreement has a responsible member of the office's staff, taken in turn.
        responsible = itertools.cycle(self.office_staff)
        for spec in self.partner_specs:
            partner = self.institutions[spec.key]
            own = []
            prefix = f"IC/{spec.country}/{_ref_part(spec.short_name)}"
            for number, agreement in enumerate(spec.agreements, start=1):
                reference = f"{prefix}/{number}"
                signed_on, valid_until = agreement.signed, None
                if agreement.expires_in_days is not None:
                    valid_until = self.today + datetime.timedelta(days=agreement.expires_in_days)
                    signed_on = add_years(valid_until, -agreement.years) + datetime.timedelta(days=1)
                elif signed_on and agreement.years:
                    valid_until = add_years(signed_on, agreement.years) - datetime.timedelta(days=1)
                title = agreement.title or T(
                    *(text.format(name=spec.name) for text in content.AGREEMENT_TITLES[agreement.kind])
                )
                scope = agreement.scope or content.AGREEMENT_SCOPES.get(agreement.kind, T("", "", ""))
                renews = self.agreements[f"{prefix}/{agreement.renews}"] if agreement.renews else None
                students_out, students_in, staff_out, staff_in = agreement.places
                person = next(responsible)
                obj = self.sync(
                    Agreement,
                    {"reference_number": reference},
                    {
                        "partner": partner,
                        "kind": agreement.kind,
                        "title": T(*title),
                        "scope": T(*scope),
                        "signed_on": signed_on,
                        "valid_until": valid_until,
                        "student_places_out": students_out,
                        "student_places_in": students_in,
                        "staff_places_out": staff_out,
                        "staff_places_in": staff_in,
                        "is_public": agreement.is_public,
                        "renews": renews,
                        "responsible": person,
                    },
                )
                self.agreements[reference] = obj
                own.append(obj)
            self.partner_agreements[partner.pk] = own

    def load_programs(self):
        for program in self.program_specs:
            values = {key: value for key, value in program.items() if key != "slug"}
            values["funder"] = self.institutions[program["funder"]] if program["funder"] else None
            self.programs[program["slug"]] = self.sync(
                GrantProgram, {"slug": program["slug"]}, {**values, "is_active": True}
            )

    def load_projects(self):
        if not self.profile.projects:
            return
        cbhe = self.programs["erasmus-plus-cbhe"]
        for project in self.profile.projects:
            values = {key: value for key, value in project.items() if key not in ("reference_number", "members")}
            values["budget_eur"] = Decimal(values["budget_eur"])
            values["our_budget_eur"] = Decimal(values["our_budget_eur"])
            obj = self.sync(Project, {"reference_number": project["reference_number"]}, {**values, "program": cbhe})
            for key, role in project["members"]:
                self.sync(ProjectMember, {"project": obj, "institution": self.institutions[key]}, {"role": role})
            self.projects.append(obj)
            self.european_members[obj.pk] = [
                self.institutions[key] for key, _role in project["members"] if key.split(":")[0] in EU_COUNTRIES
            ]
        self.delete_stale(ProjectMember.objects.filter(project__in=self.projects))

    def load_joint_programmes(self):
        if not self.profile.joint_programmes:
            return
        bspu = self.institutions["BY:BSPU"]
        for programme in self.profile.joint_programmes:
            values = {key: value for key, value in programme.items() if key != "slug"}
            self.sync(
                JointProgramme,
                {"slug": programme["slug"]},
                {
                    **values,
                    "partner": bspu,
                    "kind": JointProgramme.Kind.DUAL,
                    "level": JointProgramme.Level.BACHELOR,
                    "agreement": self.agreements["IC/BY/BSPU/2"],
                    "is_active": True,
                },
            )

    def load_calls(self):
        for call in call_specs(self.today):
            hosts = [self.institutions[key] for key in call.pop("hosts")]
            documents = [self.documents[slug] for slug in call.pop("documents")]
            slug = call.pop("slug")
            call["program"] = self.programs[call["program"]]
            obj = self.sync(Call, {"slug": slug}, {"is_published": True, **call})
            self.sync_m2m(obj, "hosts", hosts)
            self.sync_m2m(obj, "required_documents", documents)
            self.calls[slug] = obj

    # Mobility -----------------------------------------------------------------------------------------------------

    def load_mobility(self):
        people = NameBook()
        planner = StayPlanner(self)
        for year in range(FIRST_MOBILITY_YEAR, self.today.year + 1):
            for stay in planner.stays_of(year):
                self._sync_stay(stay, people)

    def _sync_stay(self, stay, people):
        if stay.partner not in self.institutions or (stay.program and stay.program not in self.programs):
            return  # a stay with a partner or under a programme that only another profile's seed names
        person = people.person(stay.country, stay.key)
        partner = self.institutions[stay.partner]
        if stay.agreement == "auto":
            agreement = self._agreement_in_force(partner, stay.start)
        else:
            agreement = self.agreements[stay.agreement] if stay.agreement else None
        self.sync(
            Mobility,
            {"participant_email": person.email},
            {
                "direction": stay.direction,
                "participant_kind": stay.kind,
                "participant_name": person.full_name,
                "faculty": self.faculties[stay.faculty] if stay.faculty else None,
                "activity": stay.activity,
                "partner": partner,
                "program": self.programs[stay.program] if stay.program else None,
                "project": stay.project,
                "agreement": agreement,
                "call": self.calls[stay.call] if stay.call else None,
                "start_date": stay.start,
                "end_date": stay.end,
                "status": self._status(stay),
                "notes": stay.notes,
            },
        )

    def _agreement_in_force(self, partner, day):
        in_force = [
            agreement
            for agreement in self.partner_agreements.get(partner.pk, [])
            if agreement.signed_on
            and agreement.signed_on <= day
            and (agreement.valid_until is None or agreement.valid_until >= day)
        ]
        in_force.sort(key=lambda agreement: agreement.kind not in ("exchange", "dual_degree"))
        return in_force[0] if in_force else None

    def _status(self, stay):
        if stay.cancelled:
            return Mobility.Status.CANCELLED
        if stay.end < self.today:
            return Mobility.Status.COMPLETED
        if stay.start <= self.today or (stay.start - self.today).days <= 60:
            return Mobility.Status.CONFIRMED
        return Mobility.Status.PLANNED

    # Applications -------------------------------------------------------------------------------------------------

    def load_applications(self):
        """Students' applications to the open call in every status, with history, reviews and files."""
        load_offers(self)

    # Visits -------------------------------------------------------------------------------------------------------

    def load_visits(self):
        for visit in self.visit_specs:
            self._load_visit(visit, translated_members=visit is content.SHANDONG_VISIT)
        self.delete_stale(VisitMember.objects.filter(visit__in=self.visits))

    def _load_visit(self, spec, *, translated_members):
        values = {
            key: value for key, value in spec.items() if key not in ("slug", "partner", "members", "agreements_signed")
        }
        if values["direction"] == "incoming":  # received where the loaded office is
            values["city"] = self.profile.city
        if values.get("city") in CITIES:
            values["city"] = T(values["city"], *CITIES[values["city"]])
        visit = self.sync(
            Visit,
            {"slug": spec["slug"]},
            {**values, "partner": self.institutions[spec["partner"]], "is_public": True},
        )
        self.sync_m2m(visit, "agreements_signed", [self.agreements[ref] for ref in spec["agreements_signed"]])
        self.visits.append(visit)
        for order, member in enumerate(spec["members"], start=1):
            if translated_members:
                side, is_head, name, name_ru, position = member
                values = {"full_name": name, "full_name_ru": name_ru, "position": position}
            else:
                side, is_head, name, position = member
                values = {"full_name": name, "position": position}
            self.sync(VisitMember, {"visit": visit, "side": side, "order": order}, {**values, "is_head": is_head})


def load_demo(today=None, profile=profiles.DEFAULT):
    """Load the demo data of ``profile``; returns what was created, updated and deleted, and the row counts."""
    with transaction.atomic(), translation.override("en"):
        return DemoLoader(today or dates.today(), profiles.get(profile)).run()
