"""A declined place in the results list and the figures: listed as "place declined", never counted as a mobility."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mobility import services
from mobility.models import Application, Mobility
from mobility.statistics import mobility_totals
from programs.models import Call
from tests.mobility.offers import Status, applicant, offer_call, offered

pytestmark = pytest.mark.django_db


@pytest.fixture
def settled_call(today, staff):
    """One place: the first student declined it, the waiting list's best took it, one more still waits, one rejected."""
    call = offer_call(places=1)
    declined = offered(call, actor=staff, score=10)
    promoted = applicant(call, status=Status.WAITLISTED, score=9)
    waiting = applicant(call, status=Status.WAITLISTED, score=7)
    rejected = applicant(call, status=Status.REJECTED, score=2)
    services.offer_decline(application=declined, actor=declined.student)
    return call, declined, Application.objects.get(pk=promoted.pk), waiting, rejected


def test_the_results_list_shows_the_declined_place_after_the_accepted_and_stays_final(settled_call):
    call, declined, promoted, waiting, rejected = settled_call
    rows = [(row.reference, row.outcome, row.waitlist_rank) for row in services.call_results(call)]
    assert rows == [
        (promoted.reference, Status.ACCEPTED, None),
        (declined.reference, Status.DECLINED, None),
        (waiting.reference, Status.WAITLISTED, 1),
        (rejected.reference, Status.REJECTED, None),
    ]
    assert services.call_results_final(call)


def test_the_published_page_says_place_declined_and_counts_it_with_no_group(client, settled_call):
    call, declined, promoted, *_ = settled_call
    Call.objects.filter(pk=call.pk).update(is_published=True, results_published_at=timezone.now())
    response = client.get(reverse("programs:call-results", kwargs={"slug": call.slug}))
    assert response.status_code == 200
    html = response.content.decode()
    row = html.split(declined.reference, 1)[1].split("</tr>", 1)[0]
    assert "Place declined" in row
    summary = html.split("results-summary", 1)[1].split("</div>\n  </div>", 1)[0]
    counts = [part.split("</dd>", 1)[0] for part in summary.split('mb-0">')[2::2]]
    assert counts == ["1", "1", "1"]  # accepted, waiting list, not selected: the declined place in none


def test_a_declined_place_is_not_a_mobility_in_the_figures(settled_call):
    call, declined, promoted, *_ = settled_call
    assert Mobility.objects.get(application=declined).status == Mobility.Status.CANCELLED
    assert list(Mobility.objects.counted().values_list("application", flat=True)) == [promoted.pk]
    assert mobility_totals()["outgoing"] == 1
    assert not Mobility.objects.place_taken().exists()  # the promoted student has not answered yet
