"""People on the move, one module per subdomain: records, applications, learning agreements, checklists, visits,
foreign experts.

Django finds the models of an app in ``<app>.models``; importing every module here registers
them all, and lets the rest of the portal import any model from ``mobility.models``.
"""

from .application_parts import ApplicationDocument, ApplicationReview, HostPreference, ReferenceCounter
from .applications import Application, ApplicationEvent, ApplicationQuerySet, StudyLevel
from .checklists import (
    ChecklistEvent,
    ChecklistItem,
    ChecklistTemplateItem,
    MobilityChecklist,
    MobilityChecklistQuerySet,
)
from .experts import EXPERT_ACTIVITIES, Expert, ExpertEvent, ExpertQuerySet, ExpertReminder
from .learning_agreements import (
    LearningAgreement,
    LearningAgreementApproval,
    LearningAgreementEvent,
    LearningAgreementQuerySet,
    LearningAgreementRow,
    LearningAgreementVersion,
)
from .nominations import (
    Nomination,
    NominationEvent,
    NominationQuerySet,
    NominationRound,
    NominationState,
    mobilities_to_nominate,
)
from .records import (
    Direction,
    Mobility,
    MobilityQuerySet,
    agreements_dormant,
    agreements_with_last_year_mobility,
)
from .staff_applications import (
    Endorsement,
    RecommendationEntry,
    RecommendationList,
    RecommendationListQuerySet,
    StaffApplication,
)
from .stays import Recognition, RecognitionQuerySet, StayEvent, recognised_totals
from .trip_chain import Holder, TripChain, TripChainStep
from .trips import (
    Funding,
    Purpose,
    TripEvent,
    TripReportFile,
    TripRequest,
    TripRequestQuerySet,
    TripStep,
)
from .visits import Visit, VisitAgendaItem, VisitMember, VisitPhoto, VisitQuerySet

__all__ = [
    "Application",
    "ApplicationDocument",
    "ApplicationEvent",
    "ApplicationQuerySet",
    "ApplicationReview",
    "ChecklistEvent",
    "ChecklistItem",
    "ChecklistTemplateItem",
    "EXPERT_ACTIVITIES",
    "Expert",
    "ExpertEvent",
    "ExpertQuerySet",
    "ExpertReminder",
    "Direction",
    "Endorsement",
    "Funding",
    "Holder",
    "HostPreference",
    "LearningAgreement",
    "LearningAgreementApproval",
    "LearningAgreementEvent",
    "LearningAgreementQuerySet",
    "LearningAgreementRow",
    "LearningAgreementVersion",
    "Mobility",
    "MobilityChecklist",
    "MobilityChecklistQuerySet",
    "MobilityQuerySet",
    "Nomination",
    "NominationEvent",
    "NominationQuerySet",
    "NominationRound",
    "NominationState",
    "Purpose",
    "Recognition",
    "RecognitionQuerySet",
    "RecommendationEntry",
    "RecommendationList",
    "RecommendationListQuerySet",
    "ReferenceCounter",
    "StaffApplication",
    "StayEvent",
    "StudyLevel",
    "TripChain",
    "TripChainStep",
    "TripEvent",
    "TripReportFile",
    "TripRequest",
    "TripRequestQuerySet",
    "TripStep",
    "Visit",
    "VisitAgendaItem",
    "VisitMember",
    "VisitPhoto",
    "VisitQuerySet",
    "agreements_dormant",
    "agreements_with_last_year_mobility",
    "mobilities_to_nominate",
    "recognised_totals",
]
