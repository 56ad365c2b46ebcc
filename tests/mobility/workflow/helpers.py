"""Applications brought to a step of the workflow through the services, for the workflow tests."""

import datetime

from mobility import services
from mobility.models import Application
from tests.applications import PERSONAL, checked_pdf, checked_photo
from tests.factories import FacultyFactory

Status = Application.Status
DAY = datetime.timedelta(days=1)


def complete_draft(call, student, *, hosts=None):
    """A draft with everything submission needs."""
    application, _created = services.application_start(call=call, student=student)
    services.application_save_draft(
        application=application,
        actor=student,
        fields={**PERSONAL, "faculty": FacultyFactory()},
        hosts=hosts if hosts is not None else list(call.hosts.order_by("name"))[:2],
        documents={document_type: checked_pdf() for document_type in call.required_documents.all()},
        photo=checked_photo(),
    )
    return application


def submitted(call, student, **kwargs):
    application = complete_draft(call, student, **kwargs)
    return services.application_submit(application=application, actor=student)


def at_status(call, student, status):
    """A submitted application moved straight to ``status`` (the workflow is tested elsewhere)."""
    application = submitted(call, student)
    Application.objects.filter(pk=application.pk).update(status=status)
    application.refresh_from_db()
    return application
