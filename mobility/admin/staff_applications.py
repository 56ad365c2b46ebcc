"""The staff part of an application on its admin page: what the person told of their work, and the endorsement.

The endorsement is the head of department's, given on the portal (``mobility.views.endorsements``).
When the applicant's department has no head, the page says so, and the office may record the
endorsement itself with a note (``services.endorsement_record_by_office``, a step with its form).
"""

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from intl_office.admin_helpers import admin_url

from .. import services
from ..models import StaffApplication
from .application_steps import ReasonForm, ServiceStep, reason_field


class StaffApplicationInline(admin.StackedInline):
    """Read-only: the applicant's staff data as submitted, and where the endorsement stands."""

    model = StaffApplication
    can_delete = False
    extra = 0
    max_num = 1
    verbose_name = _("work and endorsement")
    verbose_name_plural = _("work and endorsement")
    fields = (
        ("position", "department"),
        ("academic_degree", "years_of_service"),
        "publications",
        "endorsement_state",
        ("endorsed_by", "endorsed_at"),
        "endorsement_comment",
    )
    readonly_fields = (
        "position",
        "department",
        "academic_degree",
        "years_of_service",
        "publications",
        "endorsement_state",
        "endorsed_by",
        "endorsed_at",
        "endorsement_comment",
    )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("endorsement"))
    def endorsement_state(self, part):
        state = str(part.get_endorsement_display())
        if part.endorsed_by_office:
            return gettext("%(state)s (recorded by the office: the department has no head)") % {"state": state}
        if part.is_pending and (part.department is None or part.department.head_id is None):
            return gettext("%(state)s. The department has no head: the office may record the endorsement.") % {
                "state": state
            }
        if part.is_pending and part.department is not None:
            return gettext("%(state)s: %(head)s") % {"state": state, "head": part.department.head}
        return state


class EndorsementNoteForm(ReasonForm):
    reason = reason_field(
        _("Who endorsed the application, and how (for example: by a signed memo); kept in the history.")
    )


class ApplicationStaffAdmin(ServiceStep):
    """Mixin of ``ApplicationAdmin``: the staff part's box, and the office's endorsement where there is no head."""

    def get_urls(self):
        step = path(
            "<path:object_id>/record-endorsement/",
            self.admin_site.admin_view(self.record_endorsement_view),
            name=f"{self.opts.app_label}_{self.opts.model_name}_record_endorsement",
        )
        return [step, *super().get_urls()]

    def get_fieldsets(self, request, obj=None):
        """A staff application has no date of birth, study data, GPA or photo: its fieldsets leave them out."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.call.for_staff:
            return fieldsets
        return [(name, {**options, "fields": _without(options["fields"])}) for name, options in fieldsets]

    def get_inlines(self, request, obj):
        inlines = list(super().get_inlines(request, obj))
        if obj is not None and obj.call.for_staff:
            inlines.insert(0, StaffApplicationInline)
        return inlines

    def selection_steps(self, request, application):
        steps = super().selection_steps(request, application)
        if self._may_record_endorsement(request.user, application):
            steps.append(
                (admin_url(self.opts, "record_endorsement", application.pk), gettext("Record the endorsement"))
            )
        return steps

    def _may_record_endorsement(self, user, application):
        if not (application.call.for_staff and application.status == application.Status.SUBMITTED):
            return False
        part = StaffApplication.objects.select_related("department").filter(application=application).first()
        no_head = part is not None and (part.department is None or part.department.head_id is None)
        return no_head and part.is_pending and user.has_perm("mobility.change_staffapplication")

    def record_endorsement_view(self, request, object_id):
        return self.service_step(
            request,
            object_id,
            allowed=self._may_record_endorsement,
            form=lambda application, data: EndorsementNoteForm(data),
            run=lambda application, form: services.endorsement_record_by_office(
                application=application, actor=request.user, note=form.cleaned_data["reason"]
            ),
            title=_("Record the endorsement"),
            intro=_(
                "The applicant's department has no head on the portal. Record the endorsement given otherwise; "
                "the applicant is told, and the office may then review the application."
            ),
            submit=_("Record the endorsement"),
            done=gettext("The endorsement is recorded."),
        )


# What only a student's application holds.
STUDENT_ONLY = {"date_of_birth", "nationality", "photo_state", "level", "year_of_study", "gpa"}


def _without(fields):
    kept = []
    for field in fields:
        if isinstance(field, tuple):
            field = tuple(name for name in field if name not in STUDENT_ONLY)
            if field:
                kept.append(field if len(field) > 1 else field[0])
        elif field not in STUDENT_ONLY:
            kept.append(field)
    return tuple(kept)
