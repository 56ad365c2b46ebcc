"""Where a student's exchange stands, step by step, on their application page.

Once the student has taken the place, ``exchange_steps`` lists what comes after: the nomination
and the host's answer, the learning agreement, the pre-departure checklist, the arrival and the
departure, the transcript of records and the credits recognised at home. Each step says whether
it is done, under way, not yet due, or needs attention, in a sentence with its date, and links
to where the student acts on it. The steps are read from the records the services write; nothing
here changes them. A handful of queries, whatever the number of courses or items.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from .models import (
    ChecklistItem,
    LearningAgreement,
    LearningAgreementApproval,
    LearningAgreementVersion,
    Mobility,
    MobilityChecklist,
    Nomination,
    NominationState,
    recognised_totals,
)

DONE, CURRENT, TODO, ATTENTION = "done", "current", "todo", "attention"


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    state: str  # DONE, CURRENT, TODO or ATTENTION
    detail: str
    url: str = ""
    link: str = ""


def exchange_steps(application, *, on) -> list[Step]:
    """The steps of ``application``'s exchange on the office's day ``on``; empty until the place is taken."""
    if not application.place_taken:
        return []
    mobility = Mobility.objects.place_taken().select_related("partner").filter(application=application).first()
    if mobility is None:
        return []
    host = mobility.partner.name
    taken = localdate(application.offer_answered_at)
    steps = [Step("place", _("Place taken"), DONE, _("At %(host)s, on %(date)s.") % {"host": host, "date": _d(taken)})]
    steps.append(_nomination(mobility, host))
    if mobility.participant_kind == Mobility.ParticipantKind.STUDENT:
        steps.append(_learning_agreement(application, mobility))
    steps.append(_checklist(mobility))
    steps += _stay(mobility, on)
    return steps


def _d(day):
    return date_format(day)


def _nomination(mobility, host) -> Step:
    title = _("Nomination to the host")
    nomination = Nomination.objects.filter(mobility=mobility).prefetch_related("rounds").first()
    if nomination is None:
        detail = _("The International Office nominates you to %(host)s.") % {"host": host}
        return Step("nomination", title, TODO, detail)
    latest = nomination.latest_round
    if nomination.state == NominationState.ACCEPTED:
        when = _d(localdate(latest.answered_at)) if latest and latest.answered_at else ""
        return Step("nomination", title, DONE, _("%(host)s accepted you on %(date)s.") % {"host": host, "date": when})
    if nomination.state == NominationState.REFUSED:
        detail = _("%(host)s did not accept the nomination; the International Office will contact you.") % {
            "host": host
        }
        return Step("nomination", title, ATTENTION, _with_comment(detail, latest))
    if nomination.state == NominationState.MORE_INFO:
        detail = _("%(host)s asked for more information; the International Office answers it.") % {"host": host}
        return Step("nomination", title, CURRENT, _with_comment(detail, latest))
    sent = _d(localdate(latest.sent_at)) if latest else ""
    return Step("nomination", title, CURRENT, _("Sent on %(date)s; waiting for the host's answer.") % {"date": sent})


def _with_comment(detail, latest):
    if latest and latest.comment:
        return _("%(detail)s The host wrote: “%(comment)s”") % {"detail": detail, "comment": latest.comment}
    return detail


def _learning_agreement(application, mobility) -> Step:
    title = _("Learning agreement")
    url = reverse("mobility:learning-agreement", kwargs={"pk": application.pk})
    agreement = LearningAgreement.objects.with_versions().filter(mobility=mobility).first()
    latest = agreement.latest_version if agreement else None
    if latest is None:
        detail = _("List the courses you will take at the host and the home courses they replace.")
        return Step("learning_agreement", title, CURRENT, detail, url, _("Draft your learning agreement"))
    link = _("Open the learning agreement")
    number = latest.number
    State = LearningAgreementVersion.State
    if latest.state == State.APPROVED:
        when = _d(localdate(latest.approved_at)) if latest.approved_at else ""
        detail = _("Version %(number)s, approved on %(date)s.") % {"number": number, "date": when}
        return Step("learning_agreement", title, DONE, detail, url, link)
    if latest.state == State.DRAFT:
        detail = _("Version %(number)s is a draft: submit it when your courses are chosen.") % {"number": number}
        return Step("learning_agreement", title, CURRENT, detail, url, link)
    if latest.state == State.RETURNED:
        detail = _("Version %(number)s was sent back: read the comment and change it.") % {"number": number}
        return Step("learning_agreement", title, ATTENTION, detail, url, link)
    waiting = [
        str(party.label)
        for party in LearningAgreementApproval.Party
        if latest.approval_by(party) is None  # approvals are prefetched
    ]
    detail = _("Version %(number)s waits for approval by: %(parties)s.") % {
        "number": number,
        "parties": ", ".join(waiting).lower(),
    }
    return Step("learning_agreement", title, CURRENT, detail, url, link)


def _checklist(mobility) -> Step:
    title = _("Before departure")
    checklist = MobilityChecklist.objects.filter(mobility=mobility).first()
    items = list(ChecklistItem.objects.filter(checklist=checklist).values_list("state", flat=True)) if checklist else []
    if not items:
        return Step("checklist", title, TODO, _("The documents to prepare appear here."), "#checklist")
    accepted = sum(1 for state in items if state == ChecklistItem.State.ACCEPTED)
    returned = any(state == ChecklistItem.State.RETURNED for state in items)
    detail = _("%(accepted)s of %(total)s items accepted by the International Office.") % {
        "accepted": accepted,
        "total": len(items),
    }
    state = DONE if accepted == len(items) else ATTENTION if returned else CURRENT
    return Step("checklist", title, state, detail, "#checklist", _("See the checklist"))


def _stay(mobility, on) -> list[Step]:
    arrival = _confirmed_step(
        "arrival",
        _("Arrival"),
        mobility.arrival_confirmed,
        mobility.start_date,
        on,
        done=_("You arrived on %(date)s; the host confirmed it."),
        planned=_("Planned for %(date)s; the host confirms your arrival."),
    )
    departure = _confirmed_step(
        "departure",
        _("Departure"),
        mobility.departure_confirmed,
        mobility.end_date,
        on,
        done=_("You left on %(date)s; the host confirmed it."),
        planned=_("Planned for %(date)s; the host confirms your departure."),
    )
    steps = [arrival, departure]
    if mobility.participant_kind != Mobility.ParticipantKind.STUDENT:
        return steps
    back = mobility.departure_confirmed or mobility.end_date < on
    if mobility.transcript:
        when = _d(localdate(mobility.transcript_uploaded_at)) if mobility.transcript_uploaded_at else ""
        steps.append(Step("transcript", _("Transcript of records"), DONE, _("Received on %(date)s.") % {"date": when}))
    else:
        state, detail = (
            (CURRENT, _("Upload it below, or the host sends it."))
            if back
            else (TODO, _("The host issues it after your stay."))
        )
        steps.append(Step("transcript", _("Transcript of records"), state, detail))
    totals = recognised_totals(mobility) if mobility.transcript or back else None
    title = _("Credits recognised")
    if totals and mobility.recognitions.exists():
        detail = _("%(recognised)s credits recognised of %(earned)s earned.") % {
            "recognised": number_format(totals["recognised"], 1),
            "earned": number_format(totals["earned"], 1),
        }
        steps.append(Step("recognition", title, DONE, detail))
    else:
        state = CURRENT if mobility.transcript else TODO
        steps.append(Step("recognition", title, state, _("Your faculty records them once the transcript is in.")))
    return steps


def _confirmed_step(key, title, confirmed, day, on, *, done, planned) -> Step:
    if confirmed:
        return Step(key, title, DONE, done % {"date": _d(day)})
    return Step(key, title, CURRENT if day <= on else TODO, planned % {"date": _d(day)})
