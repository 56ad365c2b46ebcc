"""The head of department's side of staff applications: what waits for their endorsement, and their decision.

Every application is fetched through ``_get_application_for_head``: one submitted by a member of a
department the user heads, or one they decided on; 404 for anyone else, as if it did not exist.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import ListView

from ..models import Application, ApplicationDocument, HostPreference
from ..services import ApplicationError, endorsement_decide, may_endorse
from ..staff_forms import EndorsementForm
from .applications import _download

Status = Application.Status

# What a head's pages show of an application: the call, the person's staff part, hosts and documents.
FOR_HEAD = ("call", "call__program", "student", "staff", "staff__department", "staff__endorsed_by")


def _get_application_for_head(user, pk):
    """A submitted staff application of a department ``user`` heads, or one they decided; 404 otherwise."""
    queryset = (
        Application.objects.submitted()
        .filter(Q(staff__department__head=user) | Q(staff__endorsed_by=user))
        .select_related(*FOR_HEAD)
    )
    return get_object_or_404(queryset, pk=pk)


class EndorsementListView(LoginRequiredMixin, ListView):
    """ "Waiting for my endorsement": staff applications of the departments the user heads, and what they decided."""

    template_name = "mobility/endorsement_list.html"
    context_object_name = "waiting"

    def get_queryset(self):
        return (
            Application.objects.awaiting_endorsement_by(self.request.user)
            .select_related(*FOR_HEAD)
            .order_by("submitted_at", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decided"] = (
            Application.objects.filter(staff__endorsed_by=self.request.user)
            .select_related(*FOR_HEAD)
            .order_by("-staff__endorsed_at")[:50]
        )
        return context


@login_required
@require_http_methods(["GET", "POST"])
def endorsement_detail(request, pk):
    """One staff application as the head reads it, with the form to endorse or decline it while it waits."""
    application = _get_application_for_head(request.user, pk)
    waiting = may_endorse(request.user, application)
    form = EndorsementForm(request.POST or None) if waiting else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("This application does not wait for your endorsement any more."))
            return redirect("mobility:endorsement-detail", pk=application.pk)
        if form.is_valid():
            endorse = form.cleaned_data["decision"] == EndorsementForm.ENDORSE
            try:
                endorsement_decide(
                    application=application, actor=request.user, endorse=endorse, comment=form.cleaned_data["comment"]
                )
            except ApplicationError as error:
                form.add_error(None, error)
            else:
                if endorse:
                    messages.success(
                        request, _("You endorsed the application of %(name)s.") % {"name": application.full_name}
                    )
                else:
                    messages.success(
                        request,
                        _("You declined the application of %(name)s; they are told why.")
                        % {"name": application.full_name},
                    )
                return redirect("mobility:my-endorsements")
    documents = ApplicationDocument.objects.filter(application=application).select_related("document_type")
    hosts = HostPreference.objects.filter(application=application).select_related("institution").order_by("rank")
    return render(
        request,
        "mobility/endorsement_detail.html",
        {
            "application": application,
            "part": application.staff,
            "call": application.call,
            "form": form,
            "documents": documents,
            "hosts": hosts,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def endorsement_document(request, pk, doc_pk):
    """A document of a staff application, for the head who decides on it."""
    application = _get_application_for_head(request.user, pk)
    document = get_object_or_404(ApplicationDocument, pk=doc_pk, application=application)
    return _download(document.file, original_name=document.original_name)
