"""Learning agreement pages: the student's, the host coordinator's signed link, and the printable PDF.

The student reaches their agreement from "My applications" (an accepted application with a
mobility); anybody else's answers 404. The host has no account: the signed link
(``intl_office.host_links``) opens one version of one agreement, shows the form while that
version waits for the host's answer and the recorded answer afterwards. Every change goes
through ``mobility.services``.
"""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from intl_office.host_links import HostLinkExpired, HostLinkInvalid
from intl_office.models import HomeInstitution
from intl_office.pagination import parse_int

from ..learning_agreement_emails import LEARNING_AGREEMENT_LINKS
from ..learning_agreement_forms import DraftCommentForm, HostAnswerForm, row_formset
from ..learning_agreement_pdf import learning_agreement_pdf
from ..models import Application, LearningAgreement, LearningAgreementApproval, LearningAgreementVersion
from ..services import (
    LearningAgreementError,
    learning_agreement_decide,
    learning_agreement_mobility,
    learning_agreement_new_version,
    learning_agreement_save_draft,
    learning_agreement_submit,
)

SAVE, ADD, SUBMIT, NEW_VERSION = "save", "add", "submit", "new-version"
EXTRA_ROWS, MAX_EXTRA_ROWS = 2, 10


def _student_mobility(user, pk):
    """The mobility of the student's own accepted application ``pk``; 404 for anyone else's, or without one."""
    application = get_object_or_404(Application.objects.select_related("call"), pk=pk, student=user)
    mobility = learning_agreement_mobility(application=application)
    if mobility is None:
        raise Http404
    return application, mobility


@login_required
@require_http_methods(["GET", "POST"])
def learning_agreement(request, pk):
    """The student's learning agreement: every version, and the draft's courses to edit and submit."""
    application, mobility = _student_mobility(request.user, pk)
    agreement = LearningAgreement.objects.with_versions().filter(mobility=mobility).first()
    latest = agreement.latest_version if agreement else None
    editable = latest is None or latest.is_draft
    page_url = reverse("mobility:learning-agreement", kwargs={"pk": application.pk})
    action = request.POST.get("action")

    if request.method == "POST" and action == NEW_VERSION and agreement is not None:
        try:
            learning_agreement_new_version(agreement=agreement, actor=request.user)
        except LearningAgreementError as error:
            _report(request, error)
        else:
            messages.success(request, _("A new version has been started from the last one. Change it and submit it."))
        return redirect(page_url)
    if request.method == "POST" and not editable:
        messages.error(request, _("This version has been submitted and can no longer be changed."))
        return redirect(page_url)

    extra = parse_int(request.GET.get("extra"), minimum=EXTRA_ROWS, maximum=MAX_EXTRA_ROWS) or EXTRA_ROWS
    queryset = latest.rows.order_by("position", "pk") if latest else None
    data = request.POST if request.method == "POST" else None
    formset = row_formset(data=data, queryset=queryset, extra=extra) if editable else None
    comment_form = DraftCommentForm(data, initial={"comment": latest.comment if latest else ""}) if editable else None
    if request.method == "POST" and formset.is_valid() and comment_form.is_valid():
        response = _save(request, mobility, formset, comment_form, action, page_url, extra)
        if response is not None:
            return response
    return render(
        request,
        "mobility/learning_agreement.html",
        {
            "application": application,
            "mobility": mobility,
            "agreement": agreement,
            "versions": agreement.versions.all() if agreement else [],
            "latest": latest,
            "approved": agreement.approved_version if agreement else None,
            "formset": formset,
            "comment_form": comment_form,
            "events": agreement.events.select_related("version").order_by("created_at", "pk") if agreement else [],
        },
    )


def _save(request, mobility, formset, comment_form, action, page_url, extra):
    try:
        version = learning_agreement_save_draft(
            mobility=mobility, actor=request.user, rows=formset.rows(), comment=comment_form.cleaned_data["comment"]
        )
        if action == SUBMIT:
            learning_agreement_submit(version=version, actor=request.user)
    except LearningAgreementError as error:
        if action == SUBMIT and error.code == "empty":
            formset._non_form_errors = formset.error_class(error.messages)
            return None
        _report(request, error)
        return redirect(page_url)
    except ValidationError as error:  # a row the form let through and the model refused: nothing was stored
        formset._non_form_errors = formset.error_class(error.messages)
        return None
    if action == SUBMIT:
        messages.success(request, _("Submitted: both coordinators have been asked to approve it."))
    else:
        messages.success(request, _("Your draft has been saved."))
    if action == ADD:
        return redirect(f"{page_url}?extra={min(extra + 1, MAX_EXTRA_ROWS)}#courses")
    return redirect(page_url)


@login_required
@require_http_methods(["GET", "HEAD"])
def learning_agreement_pdf_view(request, pk, number):
    """The student's approved version as a PDF; versions not approved have none."""
    _application, mobility = _student_mobility(request.user, pk)
    version = get_object_or_404(
        LearningAgreementVersion,
        agreement__mobility=mobility,
        number=number,
        state=LearningAgreementVersion.State.APPROVED,
    )
    return _pdf_response(version)


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_learning_agreement_pdf(request, pk, number):
    """An approved version for the office, linked from the admin; a coordinator only of their own faculty."""
    if not request.user.has_perm("mobility.view_learningagreement"):
        raise Http404
    agreement = get_object_or_404(LearningAgreement.objects.visible_to(request.user), pk=pk)
    version = get_object_or_404(agreement.versions.all(), number=number, state=LearningAgreementVersion.State.APPROVED)
    return _pdf_response(version)


def _pdf_response(version):
    version = LearningAgreementVersion.objects.select_related(
        "agreement__mobility__partner", "agreement__mobility__faculty"
    ).get(pk=version.pk)
    content = learning_agreement_pdf(version=version, home=HomeInstitution.load())
    name = (
        slugify(f"learning-agreement {version.agreement.mobility.participant_name} v{version.number}")
        or "learning-agreement"
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


# --- the host's signed link ------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def learning_agreement_host(request, pk, number, token):
    """The host coordinator's page: one version, and their answer to it (once)."""
    try:
        LEARNING_AGREEMENT_LINKS.read(token, object_id=pk, version=number)
    except HostLinkExpired:
        return render(request, "mobility/learning_agreement_host_expired.html", status=410)
    except HostLinkInvalid as error:
        raise Http404 from error
    agreement = get_object_or_404(LearningAgreement.objects.with_versions(), pk=pk)
    version = next((v for v in agreement.versions.all() if v.number == number), None)
    if version is None:
        raise Http404
    answer = version.host_answer
    waiting = answer is None and version.is_submitted
    form = HostAnswerForm(request.POST or None) if waiting else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            learning_agreement_decide(
                version=version,
                party=LearningAgreementApproval.Party.HOST,
                decision=form.cleaned_data["decision"],
                name=form.cleaned_data["name"],
                position=form.cleaned_data["position"],
                comment=form.cleaned_data["comment"],
            )
        except LearningAgreementError as error:
            _report(request, error)
        else:
            messages.success(request, _("Thank you: your answer has been recorded."))
        return redirect(request.path)
    return render(
        request,
        "mobility/learning_agreement_host.html",
        {
            "agreement": agreement,
            "mobility": agreement.mobility,
            "version": version,
            "answer": answer,
            "form": form,
            "home": HomeInstitution.load(),
            "newer": agreement.latest_version.number > version.number,
        },
    )


def _report(request, error):
    for message in error.messages:
        messages.error(request, message)
