"""A member of staff's business trips (``/my/trips/``) and the decisions waiting for a holder (``/my/approvals/``).

A trip is fetched through ``_get_trip_for_traveller`` (404 for anyone's but the traveller's own),
a step through ``_get_step_for_holder`` (404 for anyone but its holder). Every change goes through
``mobility.services``; files leave private storage only through the download views here.
"""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from intl_office.storage import private_file_response

from .. import services
from ..models import Application, TripChain, TripReportFile, TripRequest, TripStep
from ..trip_forms import TripDecisionForm, TripReportForm, TripRequestForm
from ..trip_order import ORDER_LANGUAGES, trip_order_filename, trip_order_pdf

Status = TripRequest.Status


def _trips():
    return TripRequest.objects.select_related(
        "traveller__department__faculty", "institution", "program", "mobility"
    ).prefetch_related(
        Prefetch("steps", queryset=TripStep.objects.select_related("holder", "decided_by").order_by("position")),
        "report_files",
    )


def _get_trip_for_traveller(user, pk):
    return get_object_or_404(_trips(), pk=pk, traveller=user)


def _get_step_for_holder(user, pk):
    queryset = TripStep.objects.select_related("trip__traveller__department__faculty", "trip__institution")
    return get_object_or_404(queryset, pk=pk, holder=user)


def _report(request, error):
    for message in error.messages:
        messages.error(request, message)


# --- the traveller ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD"])
def trip_list(request):
    trips = _trips().of_traveller(request.user).order_by("-created_at")
    return render(
        request,
        "mobility/trip_list.html",
        {"trips": trips, "may_request": services.may_request_trip(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def trip_create(request):
    if not services.may_request_trip(request.user):
        raise PermissionDenied(_("Only members of staff request business trips."))
    form = TripRequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        response = _save(request, None, form)
        if response is not None:
            return response
    context = {"form": form, "trip": None, "guidance": TripChain.load().guidance}
    return render(request, "mobility/trip_form.html", context)


def _save(request, trip, form):
    """Save the draft (and submit it when asked); the redirect, or None to show the form again."""
    try:
        trip = services.trip_save_draft(
            traveller=request.user,
            trip=trip,
            values=form.values(),
            invitation=form.cleaned_data.get("invitation_upload"),
            language=request.LANGUAGE_CODE,
        )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return None
    if request.POST.get("action") == TripRequestForm.SUBMIT:
        try:
            services.trip_submit(trip=trip, traveller=request.user, language=request.LANGUAGE_CODE)
        except ValidationError as error:
            _report(request, error)
        else:
            messages.success(request, _("Your request is submitted; each approval is shown on this page."))
    else:
        messages.success(request, _("The draft is saved."))
    return redirect("mobility:trip-detail", pk=trip.pk)


@login_required
@require_http_methods(["GET", "POST"])
def trip_detail(request, pk):
    trip = _get_trip_for_traveller(request.user, pk)
    form = report_form = None
    if trip.is_draft:
        form = TripRequestForm(request.POST or None, request.FILES or None, instance=trip)
        if request.method == "POST" and form.is_valid():
            response = _save(request, trip, form)
            if response is not None:
                return response
    elif services.may_file_report(trip, request.user):
        report_form = TripReportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and report_form.is_valid():
            data = report_form.cleaned_data
            try:
                services.trip_file_report(
                    trip=trip,
                    traveller=request.user,
                    done=data["done"],
                    agreements=data["agreements"],
                    contacts=data["contacts"],
                    files=data["files"],
                )
            except ValidationError as error:
                report_form.add_error(None, error)
            else:
                messages.success(request, _("Your trip report is filed. Thank you."))
                return redirect("mobility:trip-detail", pk=trip.pk)
    elif request.method == "POST":
        return redirect("mobility:trip-detail", pk=trip.pk)
    context = {
        "trip": trip,
        "form": form,
        "report_form": report_form,
        "missing": services.trip_missing(trip) if trip.is_draft else [],
        "guidance": TripChain.load().guidance if trip.is_draft else "",
        "current": services.current_step(trip),
        "order_languages": ORDER_LANGUAGES,
        "events": trip.events.select_related("actor", "step"),
    }
    return render(request, "mobility/trip_detail.html", context)


@login_required
@require_POST
def trip_delete(request, pk):
    trip = _get_trip_for_traveller(request.user, pk)
    try:
        services.trip_delete_draft(trip=trip, traveller=request.user)
    except ValidationError as error:
        _report(request, error)
        return redirect("mobility:trip-detail", pk=trip.pk)
    messages.success(request, _("The draft is deleted."))
    return redirect("mobility:my-trips")


@login_required
@require_http_methods(["GET", "HEAD"])
def trip_invitation(request, pk):
    return _invitation_response(_get_trip_for_traveller(request.user, pk))


@login_required
@require_http_methods(["GET", "HEAD"])
def trip_report_file(request, pk, file_pk):
    return _report_file_response(_get_trip_for_traveller(request.user, pk), file_pk)


@login_required
@require_http_methods(["GET", "HEAD"])
def trip_order(request, pk, language):
    trip = _get_trip_for_traveller(request.user, pk)
    return _order_response(trip, language)


def _invitation_response(trip):
    """The trip's invitation letter, for whoever the caller let see the trip (its traveller, a holder, staff)."""
    return private_file_response(trip.invitation, filename=f"invitation-{trip.pk}.pdf")


def _report_file_response(trip, file_pk):
    report_file = get_object_or_404(TripReportFile, pk=file_pk, trip=trip)
    return private_file_response(report_file.file, filename=f"trip-report-{trip.pk}-{report_file.pk}.pdf")


def _order_response(trip, language):
    if not trip.is_approved or language not in ORDER_LANGUAGES:
        raise Http404
    response = HttpResponse(trip_order_pdf(trip, language=language), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{trip_order_filename(trip, language)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- the holders of the chain's steps ----------------------------------------------------------


def waiting_steps(user):
    """The steps ``user`` holds that are the current step of a submitted request."""
    earlier = TripStep.objects.filter(trip=OuterRef("trip"), decision="", position__lt=OuterRef("position"))
    return (
        TripStep.objects.filter(holder=user, decision="", trip__status=Status.SUBMITTED)
        .exclude(Exists(earlier))
        .select_related("trip__traveller__department", "trip__institution")
        .order_by("trip__start_date", "pk")
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def approval_list(request):
    decided = (
        TripStep.objects.filter(holder=request.user)
        .exclude(decision="")
        .select_related("trip__traveller", "trip__institution")
        .order_by("-decided_at")[:20]
    )
    # The heads of department decide on staff applications here too: one page for all that waits for a person.
    endorsements = list(
        Application.objects.awaiting_endorsement_by(request.user)
        .select_related("call", "staff", "staff__department")
        .order_by("submitted_at", "pk")
    )
    context = {
        "waiting": waiting_steps(request.user),
        "decided": decided,
        "endorsements": endorsements,
        "heads_a_department": bool(endorsements) or request.user.departments_headed.exists(),
    }
    return render(request, "mobility/trip_approvals.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def approval_decision(request, pk):
    step = _get_step_for_holder(request.user, pk)
    trip = get_object_or_404(_trips(), pk=step.trip_id)
    current = services.current_step(trip)
    is_current = current is not None and current.pk == step.pk
    form = TripDecisionForm(request.POST or None) if is_current else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.trip_decide(
                step=step,
                actor=request.user,
                approve=form.cleaned_data["decision"] == TripDecisionForm.APPROVE,
                comment=form.cleaned_data["comment"],
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your decision is recorded."))
            return redirect("mobility:my-approvals")
    elif request.method == "POST" and form is None:
        return redirect("mobility:trip-decision", pk=step.pk)
    return render(
        request, "mobility/trip_decision.html", {"step": step, "trip": trip, "form": form, "current": current}
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def approval_invitation(request, pk):
    return _invitation_response(_get_step_for_holder(request.user, pk).trip)


# --- the office ------------------------------------------------------------------------------


def _get_trip_for_staff(user, pk):
    if not user.has_perm("mobility.view_triprequest"):
        raise Http404
    return get_object_or_404(_trips(), pk=pk)


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_trip_invitation(request, pk):
    return _invitation_response(_get_trip_for_staff(request.user, pk))


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_trip_report_file(request, pk, file_pk):
    return _report_file_response(_get_trip_for_staff(request.user, pk), file_pk)


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_trip_order(request, pk, language):
    return _order_response(_get_trip_for_staff(request.user, pk), language)
