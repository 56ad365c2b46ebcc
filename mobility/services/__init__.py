"""Workflows of the mobility app, one module per subdomain; every change to an application goes through them.

``application_drafts``: the student starts and saves a draft. ``applications``: submission,
withdrawal, review and the office's decisions. ``records``: the mobility an accepted
application becomes. ``learning_agreements``: the courses abroad, drafted by the student and
approved by both coordinators. The names below are the ones views, the admin and commands call.
"""

from .application_drafts import (
    DRAFT_FIELDS,
    MAX_HOST_PREFERENCES,
    PERSONAL_FIELDS,
    application_delete_draft,
    application_save_draft,
    application_start,
    personal_data_of,
)
from .applications import (
    DECISIONS,
    REQUIRED_FOR_SUBMISSION,
    STAFF_TARGETS,
    ApplicationError,
    TransitionOutcome,
    application_accept,
    application_missing,
    application_review,
    application_staff_targets,
    application_submit,
    application_transition,
    application_transition_each,
    application_withdraw,
    call_places_taken,
    ensure_decisions_allowed,
    may_review,
)
from .corrections import CORRECTABLE_FIELDS, application_correct, may_correct
from .learning_agreements import (
    LearningAgreementError,
    learning_agreement_decide,
    learning_agreement_mobility,
    learning_agreement_new_version,
    learning_agreement_save_draft,
    learning_agreement_submit,
    may_answer_for_faculty,
)
from .nominations import (
    NominationError,
    NominationOutcome,
    may_nominate,
    nominate,
    nomination_answer,
)
from .records import mobility_for_application
from .references import application_reference_assign, next_reference
from .selection import (
    ResultRow,
    application_archive,
    application_reopen,
    call_close_early,
    call_publish_results,
    call_results,
    call_results_final,
    may_archive,
    may_reopen,
)

__all__ = [
    "CORRECTABLE_FIELDS",
    "DECISIONS",
    "DRAFT_FIELDS",
    "MAX_HOST_PREFERENCES",
    "PERSONAL_FIELDS",
    "REQUIRED_FOR_SUBMISSION",
    "STAFF_TARGETS",
    "ApplicationError",
    "LearningAgreementError",
    "NominationError",
    "NominationOutcome",
    "ResultRow",
    "TransitionOutcome",
    "application_accept",
    "application_archive",
    "application_correct",
    "application_delete_draft",
    "application_reference_assign",
    "application_reopen",
    "application_missing",
    "application_review",
    "application_save_draft",
    "application_staff_targets",
    "application_start",
    "application_submit",
    "application_transition",
    "application_transition_each",
    "application_withdraw",
    "call_close_early",
    "call_places_taken",
    "call_publish_results",
    "call_results",
    "call_results_final",
    "ensure_decisions_allowed",
    "learning_agreement_decide",
    "learning_agreement_mobility",
    "learning_agreement_new_version",
    "learning_agreement_save_draft",
    "learning_agreement_submit",
    "may_answer_for_faculty",
    "may_archive",
    "may_correct",
    "may_nominate",
    "may_reopen",
    "may_review",
    "mobility_for_application",
    "next_reference",
    "nominate",
    "nomination_answer",
    "personal_data_of",
]
