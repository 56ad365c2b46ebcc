"""What the learning agreement tests share: an accepted student with a mobility, the draft's POST data, host links."""

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from mobility.learning_agreement_emails import LEARNING_AGREEMENT_LINKS
from mobility.models import Application, LearningAgreementApproval, Mobility
from mobility.services import learning_agreement_decide, learning_agreement_save_draft, learning_agreement_submit
from tests.factories import ApplicationFactory, CallFactory, ContactFactory, InstitutionFactory, MobilityFactory

Party = LearningAgreementApproval.Party
Decision = LearningAgreementApproval.Decision

# A Cyrillic name, to see it survive the page, the e-mail and the PDF.
FIRST_NAME, LAST_NAME = "Дилноза", "Каримова"

ROW = {
    "host_code": "CS301",
    "host_title": "Distributed Systems",
    "host_credits": Decimal("6.0"),
    "semester": "autumn",
    "home_code": "KT-310",
    "home_title": "Taqsimlangan tizimlar",
    "home_credits": Decimal("5.0"),
}


def accepted_mobility(
    *, student, faculty, language="en", contact=True, partner_name="Middle East Technical University"
):
    """``student``'s accepted application (of ``faculty``) and the outgoing mobility it became."""
    partner = InstitutionFactory(name=partner_name)
    if contact:
        ContactFactory(institution=partner, full_name="Ayşe Demir", email="ayse@metu.example.org", is_primary=True)
    call = CallFactory(hosts=[partner])
    application = ApplicationFactory(
        call=call,
        student=student,
        status=Application.Status.ACCEPTED,
        offer_answered_at=timezone.now(),  # the student took the place: the learning agreement follows
        faculty=faculty,
        first_name=FIRST_NAME,
        last_name=LAST_NAME,
        language=language,
    )
    mobility = MobilityFactory(
        application=application,
        call=call,
        faculty=faculty,
        partner=partner,
        participant_name=application.full_name,
        participant_email=student.email,
        status=Mobility.Status.CONFIRMED,
    )
    return application, mobility


def page_url(application):
    return reverse("mobility:learning-agreement", kwargs={"pk": application.pk})


def formset_data(rows, *, action="save", initial=None, extra=0, comment=""):
    """The draft page's POST: ``rows`` as forms (each may carry ``id`` and ``DELETE``), then ``extra`` empty ones."""
    initial = sum(1 for row in rows if row.get("id")) if initial is None else initial
    data = {
        "action": action,
        "comment": comment,
        "rows-TOTAL_FORMS": str(len(rows) + extra),
        "rows-INITIAL_FORMS": str(initial),
        "rows-MIN_NUM_FORMS": "0",
        "rows-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            if name == "DELETE":
                if value:
                    data[f"rows-{index}-DELETE"] = "on"
            else:
                data[f"rows-{index}-{name}"] = "" if value is None else str(value)
    for index in range(len(rows), len(rows) + extra):
        data[f"rows-{index}-semester"] = ""
    return data


def submitted(mobility, student, rows=None):
    """Version 1 drafted and submitted through the services."""
    version = learning_agreement_save_draft(mobility=mobility, actor=student, rows=rows or [ROW])
    return learning_agreement_submit(version=version, actor=student)


def approve_by_both(version, coordinator):
    learning_agreement_decide(version=version, party=Party.FACULTY, decision=Decision.APPROVE, actor=coordinator)
    learning_agreement_decide(
        version=version, party=Party.HOST, decision=Decision.APPROVE, name="Ayşe Demir", position="Erasmus coordinator"
    )
    version.refresh_from_db()
    return version


def host_url(version, *, token=None, pk=None, number=None):
    """The host's link to ``version``; any part can be swapped for another to try a forged one."""
    token = token or LEARNING_AGREEMENT_LINKS.make(object_id=version.agreement_id, version=version.number)
    return reverse(
        "mobility:learning-agreement-host",
        kwargs={"pk": pk or version.agreement_id, "number": number or version.number, "token": token},
    )
