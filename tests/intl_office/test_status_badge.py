"""The site's one status badge: each model declares its statuses' colours, the badge partial draws them."""

import datetime

import pytest
from django.template.loader import render_to_string

from intl_office.dates import today
from mobility.models import Application
from partners.models import Agreement
from programs.models import Call, Project
from tests.factories import AgreementFactory, ApplicationFactory, CallFactory, ProjectFactory

DAY = datetime.timedelta(days=1)


@pytest.mark.parametrize("model", [Agreement, Application, Call, Project])
def test_every_status_has_a_tone(model):
    assert set(model.status_tones) == set(model.Status.values)


@pytest.mark.parametrize(
    ("start", "end", "status"),
    [
        (1, 10, Project.Status.NOT_STARTED),
        (0, 10, Project.Status.RUNNING),
        (-10, 0, Project.Status.RUNNING),
        (-10, -1, Project.Status.FINISHED),
    ],
)
def test_a_projects_status_follows_its_dates(start, end, status):
    on = today()
    project = Project(start_date=on + start * DAY, end_date=on + end * DAY)

    assert project.status == status
    assert project.is_running == (status == Project.Status.RUNNING)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make", "html"),
    [
        (
            lambda on: CallFactory(opens_on=on - DAY, deadline=on + DAY),
            '<span class="badge text-bg-success">Open</span>',
        ),
        (
            lambda on: CallFactory(opens_on=on + DAY, deadline=on + 9 * DAY),
            '<span class="badge text-bg-info">Upcoming</span>',
        ),
        (
            lambda on: ProjectFactory(start_date=on - 9 * DAY, end_date=on - DAY),
            '<span class="badge text-bg-secondary">Finished</span>',
        ),
        (
            lambda on: AgreementFactory(signed_on=None, valid_until=None),
            '<span class="badge text-bg-light border">Draft</span>',
        ),
    ],
)
def test_the_badge_shows_the_status_in_its_models_colour(make, html):
    record = make(today())

    assert render_to_string("includes/_status_badge.html", {"record": record}).strip().endswith(html)


@pytest.mark.django_db
def test_an_application_badge_is_a_pill_with_layout_classes():
    application = ApplicationFactory(status=Application.Status.REJECTED)

    rendered = render_to_string("includes/_status_badge.html", {"record": application, "pill": True, "class": "ms-2"})

    assert rendered.strip().endswith('<span class="badge text-bg-danger rounded-pill ms-2">Rejected</span>')
