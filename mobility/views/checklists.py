"""The student's pre-departure checklist and its files, the office's copy of each file.

The checklist shows on the student's application page (``{% student_checklist %}`` in
``mobility.templatetags.checklists``) once the student took the place; each item's form posts
here. A file is served to its student, and to staff who may read the mobility (a faculty
coordinator only their faculty's); anybody else gets a 404. Changes go through ``mobility.services``.
"""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from intl_office.audit import download_record
from intl_office.dates import today
from intl_office.storage import private_file_response

from ..checklist_forms import ChecklistUploadForm
from ..models import Application, ChecklistItem, MobilityChecklist
from ..services import ChecklistError, checklist_item_submit, checklist_mobility_of, mobility_checklist_start
from ..uploads import download_name


def student_checklist(application):
    """The checklist of ``application``'s mobility, started when first needed, with its items; None without one."""
    mobility = checklist_mobility_of(application)
    if mobility is None:
        return None
    checklist = mobility_checklist_start(mobility=mobility)
    items = list(checklist.items.order_by("position", "pk"))
    on = today()
    for item in items:
        item.due = item.due_date(mobility.start_date)
        item.overdue = not item.is_done and item.due < on
        item.form = ChecklistUploadForm(item=item) if item.student_may_submit else None
    return {
        "mobility": mobility,
        "checklist": checklist,
        "items": items,
        "done": sum(1 for item in items if item.is_done),
        "events": checklist.events.order_by("-created_at", "-pk")[:50],
    }


def _own_item(user, pk, item_pk):
    application = get_object_or_404(Application, pk=pk, student=user)
    mobility = checklist_mobility_of(application)
    if mobility is None:
        raise Http404
    item = get_object_or_404(
        ChecklistItem.objects.select_related("checklist"), pk=item_pk, checklist__mobility=mobility
    )
    return application, mobility, item


@login_required
@require_http_methods(["GET", "POST"])
def checklist_item(request, pk, item_pk):
    """One item of the student's own checklist: hand it in (upload or done); a refused file is shown here."""
    application, mobility, item = _own_item(request.user, pk, item_pk)
    page = reverse("mobility:application-detail", kwargs={"pk": application.pk}) + "#checklist"
    posted = request.method == "POST"
    form = ChecklistUploadForm(request.POST if posted else None, request.FILES if posted else None, item=item)
    if request.method == "POST" and item.student_may_submit and form.is_valid():
        try:
            checklist_item_submit(item=item, actor=request.user, upload=form.checked_file)
        except ChecklistError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request, _("“%(item)s” has been handed in to the International Office.") % {"item": item.title}
            )
        return redirect(page)
    if request.method == "POST" and not item.student_may_submit:
        messages.error(request, _("This item has been accepted and is closed."))
        return redirect(page)
    item.due = item.due_date(mobility.start_date)
    return render(
        request,
        "mobility/checklist_item.html",
        {"application": application, "mobility": mobility, "item": item, "form": form},
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def checklist_item_file(request, pk, item_pk):
    """The file the student uploaded for an item of their own checklist."""
    _application, _mobility, item = _own_item(request.user, pk, item_pk)
    return _download(item)


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_checklist_item_file(request, item_pk):
    """An item's file for the office, linked from the mobility's admin page; a coordinator only of their faculty."""
    checklists = MobilityChecklist.objects.visible_to(request.user)
    item = get_object_or_404(
        ChecklistItem.objects.select_related("checklist__mobility"), pk=item_pk, checklist__in=checklists
    )
    download_record(actor=request.user, instance=item.checklist.mobility, field_file=item.file)
    return _download(item)


def _download(item):
    if not item.file:
        raise Http404
    return private_file_response(item.file, filename=download_name(item.file.name, original_name=item.original_name))
