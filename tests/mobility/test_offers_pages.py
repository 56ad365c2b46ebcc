"""The student's answer on /my/applications/: the offer's host and deadline, take, decline after a question."""

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from mobility import services
from mobility.models import Application
from tests.mobility.offers import DAY, Status, applicant, offer_call, offered

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(today, staff, student):
    return offered(offer_call(), actor=staff, student=student)


def take_url(application):
    return reverse("mobility:offer-take", kwargs={"pk": application.pk})


def decline_url(application):
    return reverse("mobility:offer-decline", kwargs={"pk": application.pk})


def detail_url(application):
    return reverse("mobility:application-detail", kwargs={"pk": application.pk})


def test_the_list_and_the_page_show_host_deadline_and_both_answers(client, student, offer):
    client.force_login(student)
    for url in (reverse("mobility:my-applications"), detail_url(offer)):
        page = client.get(url).content.decode()
        assert "A place at Gazi University is offered to you" in page
        assert date_format(offer.offer_deadline) in page
        assert take_url(offer) in page and decline_url(offer) in page
        assert reverse("mobility:learning-agreement", kwargs={"pk": offer.pk}) not in page


def test_taking_the_place_is_a_post_and_then_the_page_says_what_comes_next(client, student, offer):
    client.force_login(student)
    assert client.get(take_url(offer)).status_code == 405
    response = client.post(take_url(offer), follow=True)
    offer.refresh_from_db()
    assert offer.place_taken
    page = response.content.decode()
    assert "You took the place" in page
    assert "Your exchange, step by step" in page and "The International Office nominates you to" in page
    assert take_url(offer) not in page
    list_page = client.get(reverse("mobility:my-applications")).content.decode()
    assert reverse("mobility:learning-agreement", kwargs={"pk": offer.pk}) in list_page


def test_declining_asks_first_and_keeps_the_optional_reason(client, student, offer):
    client.force_login(student)
    page = client.get(decline_url(offer)).content.decode()
    assert "goes to the next student on the waiting list" in page
    offer.refresh_from_db()
    assert offer.offer_pending  # a GET changes nothing
    response = client.post(decline_url(offer), {"reason": "Family reasons."}, follow=True)
    offer.refresh_from_db()
    assert offer.status == Status.DECLINED
    assert offer.events.get(to_status=Status.DECLINED).note == "Family reasons."
    assert "You declined the place" in response.content.decode()
    assert client.get(decline_url(offer)).status_code == 302  # nothing waits for an answer any more


@pytest.mark.parametrize("reason", ["nul\x00byte", "x" * 2001])
def test_a_bad_reason_is_refused_next_to_the_field_and_changes_nothing(client, student, offer, reason):
    client.force_login(student)
    response = client.post(decline_url(offer), {"reason": reason})
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
    offer.refresh_from_db()
    assert offer.offer_pending


def test_after_the_deadline_the_page_says_so_and_an_answer_is_refused(client, student, offer, today):
    Application.objects.filter(pk=offer.pk).update(offer_deadline=today - DAY)
    client.force_login(student)
    page = client.get(detail_url(offer)).content.decode()
    assert "Contact the International Office" in page
    assert take_url(offer) not in page
    response = client.post(take_url(offer), follow=True)
    assert "could be answered until the end of" in response.content.decode()
    offer.refresh_from_db()
    assert offer.offer_pending


def test_only_the_owner_answers(client, outsider, offer):
    assert client.post(take_url(offer)).status_code == 302  # to the login
    client.force_login(outsider)
    for url in (take_url(offer), decline_url(offer)):
        assert client.post(url).status_code == 404
    assert client.get(decline_url(offer)).status_code == 404
    offer.refresh_from_db()
    assert offer.offer_pending


@pytest.mark.parametrize("pk", ["0", "99999999999999999999", "%EF%BC%91"])
def test_odd_ids_are_404(client, student, pk):
    client.force_login(student)
    assert client.post(f"/my/applications/{pk}/offer/take/").status_code == 404
    assert client.get(f"/my/applications/{pk}/offer/decline/").status_code == 404


def test_the_waiting_list_page_says_what_a_free_place_means(client, student, today):
    application = applicant(offer_call(), status=Status.WAITLISTED, student=student)
    client.force_login(student)
    assert "You are on the waiting list" in client.get(detail_url(application)).content.decode()


def test_my_applications_with_offers_keeps_its_queries(client, student, staff, today, django_assert_max_num_queries):
    def offers(count):
        for _ in range(count):
            application = offered(offer_call(places=1), actor=staff, student=student)
        services.offer_take(application=application, actor=student)

    offers(2)
    client.force_login(student)
    client.get(reverse("mobility:my-applications"))  # warm the session and site caches
    # session, user, home institution, applications with call, programme, mobility and host,
    # their events, documents, host preferences, and the mobilities taking a learning agreement
    # (the session comes from Redis when REDIS_URL is set: one query less)
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("mobility:my-applications"))
    offers(4)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("mobility:my-applications"))
    assert response.content.decode().count("/offer/take/") == 4  # six offers, two of them taken
