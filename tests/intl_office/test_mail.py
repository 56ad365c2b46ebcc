"""intl_office.mail: links that leave the site start with SITE_URL; messages are rendered one way."""

import pytest
from django.core import mail
from django.utils import translation

from intl_office.mail import absolute_reverse, absolute_url, render_message, send_message, site_host, site_url
from tests.jobs import run_jobs

SUBJECT = "partners/email/expiry_reminder_subject.txt"
BODY = "partners/email/expiry_reminder_body.txt"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = "https://intl.example.org/"


def test_absolute_url_puts_the_path_on_the_site_url_once_slashed():
    assert site_url() == "https://intl.example.org"
    assert absolute_url("/admin/") == "https://intl.example.org/admin/"
    assert absolute_url("/staff/calendar.ics?token=a:b") == "https://intl.example.org/staff/calendar.ics?token=a:b"


def test_absolute_url_refuses_a_relative_path():
    with pytest.raises(ValueError, match="admin/"):
        absolute_url("admin/")


def test_site_host_is_the_host_of_the_site_url(settings):
    assert site_host() == "intl.example.org"
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert site_host() == "127.0.0.1:8000"


def test_absolute_reverse_ignores_the_callers_language_unless_asked():
    with translation.override("uz"):
        assert absolute_reverse("admin:index") == "https://intl.example.org/admin/"
    assert absolute_reverse("mobility:my-applications", language="ru") == "https://intl.example.org/ru/my/applications/"


def message_context(**overrides):
    return {
        "agreement": {"title": "MoU", "reference_number": "", "signed_on": None},
        "partner": {"name": "Ajou University"},
        "kind": "Memorandum",
        "days_left": 0,
        "valid_until": None,
        "name": "",
        "url": absolute_url("/admin/"),
        "department": "International Office",
        **overrides,
    }


def render(**kwargs):
    return render_message(
        to=["a@example.org"], subject_template=SUBJECT, body_template=BODY, context=message_context(), **kwargs
    )


def test_render_message_folds_the_subject_and_ends_the_body_with_one_line_break(settings):
    message = render()

    assert message.subject == "The agreement with Ajou University expires today: MoU"
    assert "\n" not in message.subject
    assert message.body.endswith("International Office\n")
    assert not message.body.endswith("\n\n")
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.to == ["a@example.org"]
    assert mail.outbox == []


def test_render_message_renders_in_the_language_asked_whatever_is_active():
    with translation.override("en"):
        russian = render(language="ru")
    with translation.override("ru"):
        default = render()

    assert russian.subject != default.subject
    assert default.subject == "The agreement with Ajou University expires today: MoU"


@pytest.mark.django_db
def test_send_message_sends_what_render_message_renders_through_the_queue():
    sent = send_message(to=["a@example.org"], subject_template=SUBJECT, body_template=BODY, context=message_context())
    assert mail.outbox == []  # queued: the worker sends it
    run_jobs()

    [outgoing] = mail.outbox
    assert (outgoing.to, outgoing.subject, outgoing.body) == (sent.to, sent.subject, sent.body)
    assert "https://intl.example.org/admin/" in mail.outbox[0].body
