"""People on the move, one module per subdomain: records, applications, learning agreements, checklists, visits.

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
from .visits import Visit, VisitMember, VisitPhoto, VisitQuerySet

__all__ = [
    "Application",
    "ApplicationDocument",
    "ApplicationEvent",
    "ApplicationQuerySet",
    "ApplicationReview",
    "ChecklistEvent",
    "ChecklistItem",
    "ChecklistTemplateItem",
    "Direction",
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
    "ReferenceCounter",
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
    "VisitMember",
    "VisitPhoto",
    "VisitQuerySet",
    "agreements_dormant",
    "agreements_with_last_year_mobility",
    "mobilities_to_nominate",
    "recognised_totals",
]
