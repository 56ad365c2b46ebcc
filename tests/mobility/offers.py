"""What the offer tests share: a call past its deadline with hosts, applicants at a status, offers made."""

import datetime

from intl_office.dates import today
from mobility import services
from mobility.models import Application
from partners.models import Institution
from tests.factories import (
    ApplicationFactory,
    ApplicationReviewFactory,
    CallFactory,
    HostPreferenceFactory,
    InstitutionFactory,
    UserFactory,
)

Status = Application.Status
DAY = datetime.timedelta(days=1)
HOSTS = [("Gazi University", "TR"), ("Kyungpook National University", "KR"), ("University of Latvia", "LV")]


def offer_call(*, places=1, response_days=7):
    """A call whose deadline was yesterday (the office may decide), with three hosts."""
    # A second call in the same test shares the hosts, as calls of one office do.
    hosts = [
        Institution.objects.filter(name=name, country=country).first() or InstitutionFactory(name=name, country=country)
        for name, country in HOSTS
    ]
    return CallFactory(
        title="Erasmus+ semester exchange",
        places=places,
        offer_response_days=response_days,
        opens_on=today() - 30 * DAY,
        deadline=today() - DAY,
        mobility_start=datetime.date(2026, 9, 1),
        mobility_end=datetime.date(2027, 1, 31),
        hosts=hosts,
    )


_counter = iter(range(1, 10_000))


def applicant(call, *, status=Status.SHORTLISTED, score=None, hosts=None, language="en", student=None, **fields):
    """A submitted application of ``call`` at ``status``, with ranked ``hosts`` (default: the call's first two)."""
    number = next(_counter)
    application = ApplicationFactory(
        call=call,
        student=student or UserFactory(email=f"applicant{number}@students.example.org"),
        status=status,
        language=language,
        reference=f"JIZPI-2026-{number:04d}",
        submitted_at=datetime.datetime(2026, 1, 1, 9, 0, tzinfo=datetime.UTC) + number * DAY,
        **fields,
    )
    hosts = hosts if hosts is not None else list(call.hosts.order_by("name"))[:2]
    for rank, host in enumerate(hosts, start=1):
        HostPreferenceFactory(application=application, institution=host, rank=rank)
    if score is not None:
        ApplicationReviewFactory(application=application, score=score)
    return application


def offered(call, *, actor, host=None, **kwargs):
    """An application accepted through ``application_accept``: an offer waiting for the student's answer."""
    application = applicant(call, **kwargs)
    return services.application_accept(application=application, actor=actor, host=host)
