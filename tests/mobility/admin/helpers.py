"""What staff do to an application in the admin, for the tests of the mobility admin."""

from django.urls import reverse

from mobility.models import Application
from tests.factories import ApplicationFactory, HostPreferenceFactory

Status = Application.Status


def application_at(call, status, *, hosts=None, **kwargs):
    """An application of ``call`` already at ``status``, with ranked host preferences."""
    application = ApplicationFactory(call=call, status=status, **kwargs)
    for rank, host in enumerate(hosts if hosts is not None else call.hosts.order_by("name"), start=1):
        HostPreferenceFactory(application=application, institution=host, rank=rank)
    return application


def transition_url(application):
    return reverse("admin:mobility_application_transition", args=[application.pk])


def press(client, application, to_status, **data):
    """A workflow button on the application's page."""
    return client.post(transition_url(application), {"to_status": to_status, **data}, follow=True)


def shown(response):
    """The messages the page the redirect led to showed."""
    return [str(message) for message in response.context["messages"]]
