"""The public side of a call's selection: the early close on its page, and the results list without names."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mobility.models import Application, ApplicationReview
from mobility.services import call_results
from programs.models import Call
from tests.factories import ApplicationFactory, CallFactory, UserFactory

pytestmark = pytest.mark.django_db

Status = Application.Status


def results_url(call, language=""):
    url = reverse("programs:call-results", kwargs={"slug": call.slug})
    return f"/{language}{url}" if language else url


@pytest.fixture
def decided_call(db):
    call = CallFactory(title="Erasmus+ exchange", places=1)
    reviewer = UserFactory(is_staff=True)
    people = {
        # name: (status, reference, average score)
        "Aziza Karimova": (Status.ACCEPTED, "JIZPI-2026-0003", 9),
        "Bekzod Tursunov": (Status.WAITLISTED, "JIZPI-2026-0001", 6),
        "Dilnoza Rahimova": (Status.WAITLISTED, "JIZPI-2026-0004", 8),
        "Eldor Saidov": (Status.REJECTED, "JIZPI-2026-0002", 2),
        "Farida Yusupova": (Status.WITHDRAWN, "JIZPI-2026-0005", None),
    }
    for name, (status, reference, score) in people.items():
        first, last = name.split()
        application = ApplicationFactory(
            call=call, status=status, reference=reference, first_name=first, last_name=last,
            submitted_at=timezone.now(), decided_at=timezone.now(),
        )  # fmt: skip
        if score is not None:
            ApplicationReview.objects.create(application=application, reviewer=reviewer, score=score)
    ApplicationFactory(call=call, status=Status.DRAFT, first_name="Gulnora", last_name="Draft")
    Call.objects.filter(pk=call.pk).update(closed_early_at=timezone.now(), closed_early_reason="All places promised.")
    call.refresh_from_db()
    return call, people


def test_unpublished_results_are_a_404(client, decided_call):
    call, _people = decided_call
    assert client.get(results_url(call)).status_code == 404
    assert (
        reverse("programs:call-results", kwargs={"slug": call.slug})
        not in client.get(call.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize("language", ["", "uz", "ru"])
def test_published_results_list_references_and_outcomes_without_names(client, decided_call, language):
    call, people = decided_call
    Call.objects.filter(pk=call.pk).update(results_published_at=timezone.now())
    response = client.get(results_url(call, language))
    assert response.status_code == 200
    html = response.content.decode()
    for name in [*people, "Gulnora Draft"]:
        for part in name.split():
            assert part not in html
    order = [html.index(reference) for reference in ("0003", "0004", "0001", "0002")]
    assert order == sorted(order)  # accepted, the waiting list by rank (best score first), then not selected
    assert "JIZPI-2026-0005" not in html  # withdrawn: not in the selection


def test_results_rows_rank_the_waiting_list_by_score(decided_call):
    call, _people = decided_call
    rows = [(row.reference, row.outcome, row.waitlist_rank) for row in call_results(call)]
    assert rows == [
        ("JIZPI-2026-0003", Status.ACCEPTED, None),
        ("JIZPI-2026-0004", Status.WAITLISTED, 1),
        ("JIZPI-2026-0001", Status.WAITLISTED, 2),
        ("JIZPI-2026-0002", Status.REJECTED, None),
    ]


def test_the_call_page_shows_the_early_close_reason_and_links_the_results(client, decided_call):
    call, _people = decided_call
    html = client.get(call.get_absolute_url()).content.decode()
    assert "Closed early on" in html and "All places promised." in html
    assert "Apply now" not in html


def test_the_call_page_links_the_published_results_and_shows_the_reason_as_text(client, decided_call):
    call, _people = decided_call
    Call.objects.filter(pk=call.pk).update(results_published_at=timezone.now(), closed_early_reason="<b>x</b>")
    html = client.get(call.get_absolute_url()).content.decode()
    assert results_url(call) in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html  # the reason is shown as text


def test_the_results_page_takes_the_same_queries_for_5_and_60_applications(client):
    def queries_for(count):
        call = CallFactory(results_published_at=timezone.now(), closed_early_at=timezone.now())
        for number in range(count):
            ApplicationFactory(
                call=call, status=Status.REJECTED, reference=f"R-{call.pk}-{number}", submitted_at=timezone.now()
            )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(results_url(call)).status_code == 200
        return len(queries)

    queries_for(1)  # the first request of the process also loads what every page caches (the home institution)
    # The call with its programme, then the ranked applications with their review summary: a fixed number.
    assert queries_for(5) == queries_for(60) <= 3
