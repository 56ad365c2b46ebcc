"""A student's side of applying: the form, their applications, withdrawal and their own files.

Every application is fetched through ``_get_application_for_user``, which answers 404 for
anyone's but the student's own; staff read files through ``_get_application_for_staff``.
Documents live in private storage and leave it only through the download views here.
"""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import ListView

from intl_office.audit import download_record
from intl_office.dates import today
from intl_office.storage import private_file_response
from programs.models import Call

from ..exchange_progress import exchange_steps
from ..forms import ApplicationForm
from ..models import Application, ApplicationDocument, Mobility
from ..services import (
    ApplicationError,
    application_delete_draft,
    application_missing,
    application_save_draft,
    application_start,
    application_submit,
    application_withdraw,
    personal_data_of,
    staff_data_of,
)
from ..staff_forms import application_form_class
from ..uploads import download_name

Status = Application.Status


def _get_application_for_user(user, pk, queryset=None):
    """The student's own application ``pk``; 404 for anybody else's, as if it did not exist."""
    if queryset is None:
        queryset = Application.objects.select_related("call", "call__program")
    return get_object_or_404(queryset, pk=pk, student=user)


def _get_application_for_staff(user, pk):
    """Application ``pk`` for a member of staff who may read it; 404 otherwise.

    Staff need the view permission on applications, and see what the admin shows them
    (``ApplicationQuerySet.visible_to``): a faculty coordinator only their own faculty's.
    """
    if not user.has_perm("mobility.view_application"):
        raise Http404
    return get_object_or_404(Application.objects.visible_to(user), pk=pk)


# --- applying --------------------------------------------------------------------------------


@verified_email_required
@require_http_methods(["GET", "POST"])
def application_create(request, slug):
    """The application form for a call. Nothing is stored until the student saves or submits."""
    call = get_object_or_404(Call.objects.published().select_related("program"), slug=slug)
    application = Application.objects.filter(call=call, student=request.user).first()
    if application is not None and request.method == "GET":
        # One application per call: the student continues the one they have.
        return redirect("mobility:application-detail", pk=application.pk)
    if application is None and not call.is_open:
        messages.error(request, _("This call is not accepting applications."))
        return redirect(call.get_absolute_url())
    refusal = call.eligibility_refusal(affiliation=request.user.affiliation).get("audience")
    if application is None and refusal:
        # A staff call takes members of staff, a students' call students; the call's page says so too.
        messages.error(request, refusal)
        return redirect(call.get_absolute_url())

    if application is None:
        # Not saved here: the row is created by application_start once the form is good.
        # Offered again: what the student told about themselves in their last application.
        application = Application(call=call, student=request.user, **personal_data_of(request.user))
    submitting = request.POST.get("action") == ApplicationForm.SUBMIT
    form = _form(request, call, application, submitting=submitting)
    if request.method == "POST" and form.is_valid():
        try:
            application, _created = application_start(call=call, student=request.user, language=request.LANGUAGE_CODE)
        except ApplicationError as error:
            _report(request, error)
            return redirect(call.get_absolute_url())
        response = _save(request, application, form, submitting=submitting)
        if response is not None:
            return response
    return render(
        request,
        "mobility/application_form.html",
        {"call": call, "form": form, "required_documents": list(call.required_documents.all())},
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_detail(request, pk):
    """One application: its status and history; while a draft, the form to go on with it."""
    application = _get_application_for_user(request.user, pk, Application.objects.of_student(request.user))
    editable = application.status == Status.DRAFT
    form = None
    if editable:
        submitting = request.POST.get("action") == ApplicationForm.SUBMIT
        form = _form(request, application.call, application, submitting=submitting)
        if request.method == "POST" and form.is_valid():
            response = _save(request, application, form, submitting=submitting)
            if response is not None:
                return response
    elif request.method == "POST":
        messages.error(request, _("This application is no longer a draft, so it can no longer be changed."))
        return redirect("mobility:application-detail", pk=application.pk)

    return render(
        request,
        "mobility/application_detail.html",
        {
            "application": application,
            "call": application.call,
            "form": form,
            "missing": application_missing(application) if editable else [],
            "can_withdraw": _can_withdraw(application),
            "today": today(),
            "steps": exchange_steps(application, on=today()),
        },
    )


@login_required
@require_POST
def application_withdraw_view(request, pk):
    application = _get_application_for_user(request.user, pk)
    try:
        application_withdraw(application=application, actor=request.user, language=request.LANGUAGE_CODE)
    except ApplicationError as error:
        _report(request, error)
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("mobility:application-detail", pk=application.pk)


@login_required
@require_http_methods(["GET", "POST"])
def application_delete_view(request, pk):
    """Delete one's own draft: a page that says what goes, then a POST; a submitted one is withdrawn instead."""
    application = _get_application_for_user(request.user, pk)
    if not application.is_draft:
        messages.error(request, _("This application has been submitted: it can be withdrawn, not deleted."))
        return redirect("mobility:application-detail", pk=application.pk)
    if request.method == "POST":
        try:
            application_delete_draft(application=application, actor=request.user)
        except ApplicationError as error:
            _report(request, error)
            return redirect("mobility:application-detail", pk=application.pk)
        messages.success(request, _("Your draft for “%(call)s” has been deleted.") % {"call": application.call.title})
        return redirect("mobility:my-applications")
    return render(request, "mobility/application_delete.html", {"application": application, "call": application.call})


class ApplicationListView(LoginRequiredMixin, ListView):
    """ "My applications": each with its status, dated history and documents."""

    template_name = "mobility/application_list.html"
    context_object_name = "applications"

    def get_queryset(self):
        return Application.objects.of_student(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        applications = context["applications"]
        # One query: the accepted applications whose mobility takes a learning agreement (a student's, not cancelled).
        accepted = [application.pk for application in applications if application.is_accepted]
        mobilities = Mobility.objects.taking_learning_agreements().filter(application__in=accepted)
        with_agreement = set(mobilities.values_list("application_id", flat=True)) if accepted else set()
        context["today"] = today()
        for application in applications:
            application.can_withdraw = _can_withdraw(application)
            application.takes_learning_agreement = application.pk in with_agreement
        return context


# --- files -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def application_document(request, pk, doc_pk):
    """A document of the student's own application, as a download."""
    application = _get_application_for_user(request.user, pk)
    document = get_object_or_404(ApplicationDocument, pk=doc_pk, application=application)
    return _download(document.file, original_name=document.original_name)


@login_required
@require_http_methods(["GET", "HEAD"])
def application_photo(request, pk):
    application = _get_application_for_user(request.user, pk)
    return _download(application.photo, stem=_("photo"))


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_application_document(request, pk, doc_pk):
    """A document for the office, linked from the admin; non-staff are sent to the admin's login."""
    application = _get_application_for_staff(request.user, pk)
    document = get_object_or_404(ApplicationDocument, pk=doc_pk, application=application)
    download_record(actor=request.user, instance=application, field_file=document.file)
    return _download(document.file, original_name=document.original_name)


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_application_photo(request, pk):
    application = _get_application_for_staff(request.user, pk)
    download_record(actor=request.user, instance=application, field_file=application.photo)
    return _download(application.photo, stem=f"{application.full_name} {_('photo')}")


# --- helpers ---------------------------------------------------------------------------------


def _form(request, call, application, *, submitting):
    """The student form, or for a staff call the staff form, a new one filled from the person's profile."""
    form_class = application_form_class(call)
    extra = {"staff_initial": staff_data_of(request.user)} if call.for_staff and application.pk is None else {}
    return form_class(
        request.POST or None, request.FILES or None, call=call, instance=application, submitting=submitting, **extra
    )


def _save(request, application, form, *, submitting):
    """Store the valid form and, if asked, submit; a redirect, or None to show the form again."""
    try:
        application_save_draft(
            application=application, actor=request.user, language=request.LANGUAGE_CODE, **form.draft_data()
        )
    except ApplicationError as error:
        _report(request, error)
        return redirect("mobility:application-detail", pk=application.pk)
    except ValidationError as error:
        form.add_error(None, error)
        return None
    if not submitting:
        messages.success(request, _("Your draft has been saved. You can come back to it at any time."))
        return redirect("mobility:application-detail", pk=application.pk)
    try:
        application_submit(application=application, actor=request.user, language=request.LANGUAGE_CODE)
    except ApplicationError as error:
        if error.code != "already_submitted":
            messages.info(request, _("Your draft has been saved, but it has not been submitted."))
        _report(request, error)
    else:
        messages.success(
            request,
            _("Your application has been submitted. A confirmation is on its way to %(email)s.")
            % {"email": request.user.email},
        )
    return redirect("mobility:application-detail", pk=application.pk)


def _report(request, error):
    for message in error.messages:
        messages.error(request, message)


def _can_withdraw(application):
    """Withdrawing is for what the office has seen; a draft is deleted instead."""
    return not application.is_draft and application.can_move_to(Status.WITHDRAWN) and application.call.is_open


def _download(field_file, *, original_name="", stem=""):
    """The stored file as an attachment that no browser will render or guess the type of."""
    if not field_file:
        raise Http404
    return private_file_response(
        field_file, filename=download_name(field_file.name, original_name=original_name, stem=stem)
    )
