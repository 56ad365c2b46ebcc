"""Student accounts at /accounts/ (django-allauth): sign-up, verification, sign-in, passwords.

Each test starts with an empty cache, where allauth keeps its rate-limit counters.
"""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from intl_office.dates import today
from mobility.models import Application
from tests.factories import CallFactory, DocumentTypeFactory, FacultyFactory, InstitutionFactory, UserFactory
from tests.files import jpeg_bytes, pdf_bytes, upload
from tests.jobs import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

PASSWORD = "Silk-road-2025-exchange"
SITE = "https://intl.example.org"
# Links in e-mail start with the public address (SITE_URL), never with the host the request used.
LINK = re.compile(rf"{re.escape(SITE)}(/\S+)")


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


def sign_up(client, email="aziza@example.org", password=PASSWORD):
    """Sign up, and let the worker send the e-mail it queued."""
    response = client.post(reverse("account_signup"), {"email": email, "password1": password, "password2": password})
    run_jobs()
    return response


def link_in(message):
    return LINK.search(message.body).group(1)


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post(reverse("account_login"), {"login": email, "password": password, **extra})


@pytest.fixture
def verified_student():
    user = UserFactory(username="aziza", email="aziza@example.org", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


# --- sign-up and verification -------------------------------------------------------------------


def test_sign_up_sends_a_verification_link_and_does_not_sign_in(client):
    response = sign_up(client)
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(email="aziza@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    (message,) = mail.outbox
    assert message.to == ["aziza@example.org"]
    assert "/accounts/confirm-email/" in link_in(message)
    assert "_auth_user_id" not in client.session


def test_an_unverified_student_cannot_sign_in(client):
    sign_up(client)
    client.logout()
    mail.outbox.clear()
    response = sign_in(client, "aziza@example.org")
    run_jobs()
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    # The link went out moments ago; allauth sends it again only after a while (confirm_email rate limit).
    assert mail.outbox == []


def test_the_confirmation_link_verifies_the_address(client):
    sign_up(client)
    confirm_url = link_in(mail.outbox[0])
    page = client.get(confirm_url)
    assert page.status_code == 200
    assert "site-header" in page.content.decode()  # the site's own frame
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="aziza@example.org").verified


def test_a_forged_confirmation_link_verifies_nothing(client):
    sign_up(client)
    response = client.post(reverse("account_confirm_email", kwargs={"key": "forged-key"}))
    assert response.status_code in (200, 404)
    assert not EmailAddress.objects.get(email="aziza@example.org").verified


def test_a_second_account_with_the_same_address_is_refused_without_telling_a_stranger(client, verified_student):
    response = sign_up(client, email="AZIZA@example.org")
    # The page looks as for a new address (no enumeration); the owner is told by e-mail.
    assert response.status_code == 302
    assert get_user_model().objects.filter(email__iexact="aziza@example.org").count() == 1
    (message,) = mail.outbox
    assert message.to == ["aziza@example.org"]
    assert "already exists" in message.body
    assert message.body.startswith("Hello from International Cooperation Department!")


def test_a_weak_password_is_refused(client):
    response = sign_up(client, password="12345678")
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert not get_user_model().objects.filter(email="aziza@example.org").exists()


# --- signing in and out -------------------------------------------------------------------------


def test_sign_in_with_email_leads_to_my_applications(client, verified_student):
    response = sign_in(client, "aziza@example.org")
    assert response.status_code == 302
    assert response.url == reverse("mobility:my-applications")
    assert client.get(response.url).status_code == 200


def test_sign_in_returns_to_the_page_that_asked_for_it(client, verified_student):
    call = CallFactory()
    apply_url = reverse("mobility:application-create", kwargs={"slug": call.slug})
    redirect = client.get(apply_url)
    assert redirect.url == f"{reverse('account_login')}?next={apply_url}"
    response = sign_in(client, "aziza@example.org", next=apply_url)
    assert response.url == apply_url


def test_failed_sign_ins_are_rate_limited(client, verified_student):
    for _attempt in range(5):
        response = sign_in(client, "aziza@example.org", password="wrong password")
        assert response.status_code == 200
    # Even the right password is refused now, until the limit's window has passed.
    response = sign_in(client, "aziza@example.org")
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_sign_out_asks_then_signs_out(client, verified_student):
    client.force_login(verified_student)
    page = client.get(reverse("account_logout"))
    assert page.status_code == 200
    assert "site-header" in page.content.decode()
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


# --- passwords ----------------------------------------------------------------------------------


def test_password_reset_by_email(client, verified_student):
    response = client.post(reverse("account_reset_password"), {"email": "aziza@example.org"})
    run_jobs()
    assert response.status_code == 302
    (message,) = mail.outbox
    reset_url = link_in(message)
    form_page = client.get(reset_url, follow=True)
    assert form_page.status_code == 200
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url
    new_password = "Caravan-of-new-ideas-77"
    response = client.post(action, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    client.logout()
    assert "_auth_user_id" not in client.session
    sign_in(client, "aziza@example.org", password=new_password)
    assert client.session["_auth_user_id"] == str(verified_student.pk)


def test_password_reset_for_an_unknown_address_tells_nothing_away(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")


def test_password_change(client, verified_student):
    client.force_login(verified_student)
    new_password = "Caravan-of-new-ideas-77"
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    assert response.status_code == 302
    verified_student.refresh_from_db()
    assert verified_student.check_password(new_password)


def test_password_change_needs_the_old_password(client, verified_student):
    client.force_login(verified_student)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "not it", "password1": "Caravan-of-new-ideas-77", "password2": "Caravan-of-new-ideas-77"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["oldpassword"]


# --- the site's look ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url_name",
    ["account_login", "account_signup", "account_reset_password", "account_email_verification_sent"],
)
def test_account_pages_wear_the_site_frame_and_bootstrap_forms(client, url_name):
    page = client.get(reverse(url_name))
    assert page.status_code == 200
    html = page.content.decode()
    assert "site-header" in html  # base.html's header
    assert "vendor/bootstrap/css/bootstrap.min.css" in html
    assert '<meta name="robots" content="noindex">' in html
    if url_name != "account_email_verification_sent":
        assert "form-control" in html
        assert "btn btn-primary" in html


@pytest.mark.parametrize("url_name", ["account_change_password", "account_logout", "account_email"])
def test_signed_in_account_pages_wear_the_site_frame(client, verified_student, url_name):
    client.force_login(verified_student)
    page = client.get(reverse(url_name))
    assert page.status_code == 200
    assert "site-header" in page.content.decode()


def test_account_pages_speak_the_chosen_language(client):
    page = client.get("/ru/accounts/login/")
    assert page.status_code == 200
    assert '<html lang="ru"' in page.content.decode()


# --- the whole journey --------------------------------------------------------------------------


def test_from_sign_up_to_a_submitted_application(client):
    transcript = DocumentTypeFactory(name="Transcript of records", slug="transcript")
    host = InstitutionFactory(name="Gazi University", country="TR")
    call = CallFactory(
        title="Erasmus+ semester exchange",
        opens_on=today() - datetime.timedelta(days=3),
        deadline=today() + datetime.timedelta(days=30),
        hosts=[host],
    )
    call.required_documents.set([transcript])
    faculty = FacultyFactory(name="Faculty of Food Technology", slug="food-technology")

    sign_up(client)
    client.post(link_in(mail.outbox[0]))
    assert sign_in(client, "aziza@example.org").status_code == 302

    apply_url = reverse("mobility:application-create", kwargs={"slug": call.slug})
    assert client.get(apply_url).status_code == 200
    data = {
        "first_name": "Aziza",
        "last_name": "Karimova",
        "date_of_birth": "2003-04-12",
        "nationality": "UZ",
        "phone": "+998 90 123 45 67",
        "faculty": faculty.pk,
        "level": "bachelor",
        "year_of_study": "3",
        "gpa": "4.20",
        "motivation_letter": "To study food technology in Ankara.",
        "host_1": host.pk,
    }
    files = {
        f"document_{transcript.pk}": upload("transcript.pdf", pdf_bytes(), "application/pdf"),
        "photo": upload("me.jpg", jpeg_bytes(), "image/jpeg"),
    }
    response = client.post(apply_url, {**data, **files, "action": "save"})
    application = Application.objects.get()
    assert response.url == reverse("mobility:application-detail", kwargs={"pk": application.pk})
    assert application.status == Application.Status.DRAFT

    client.post(response.url, {**data, "action": "submit"})
    run_jobs()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert mail.outbox[-1].to == ["aziza@example.org"]
    assert f"{SITE}/my/applications/" in mail.outbox[-1].body

    history = client.get(reverse("mobility:my-applications")).content.decode()
    assert "Draft started" in history
    assert "Submitted" in history
