"""Pages of the stay: the host's signed links to confirm arrival and departure, and the transcript's files.

The host has no account: each link (``mobility.stay_emails.STAY_LINKS``) opens one step of one
stay, shows the form until the step is confirmed and the recorded answer afterwards; an old link
shows the expired page. The student adds their transcript from their application's page and
downloads it there; the office downloads it from the admin. Every change goes through
``mobility.services.stays``.
"""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from intl_office.audit import download_record
from intl_office.host_links import HostLinkExpired, HostLinkInvalid
from intl_office.models import HomeInstitution
from intl_office.storage import private_file_response

from ..models import Application, Mobility, StayEvent
from ..services import StayError, stay_confirm, stay_upload_transcript
from ..stay_emails import DEPARTURE, LINK_VERSION, STAY_LINKS
from ..stay_forms import HostConfirmForm, TranscriptForm

# Refusals about the day itself: shown next to the date field.
DAY_ERRORS = {"future", "too_far", "before_arrival", "after_end"}


@never_cache
@require_http_methods(["GET", "POST"])
def stay_host(request, pk, step, token):
    """The host coordinator's page: confirm the day the student arrived or left (once)."""
    links = STAY_LINKS.get(step)
    if links is None:
        raise Http404
    try:
        links.read(token, object_id=pk, version=LINK_VERSION)
    except HostLinkExpired:
        return render(request, "mobility/stay_host_expired.html", status=410)
    except HostLinkInvalid as error:
        raise Http404 from error
    mobility = get_object_or_404(Mobility.objects.place_taken().outgoing().select_related("partner"), pk=pk)
    departure = step == DEPARTURE
    answered = mobility.departure_confirmed if departure else mobility.arrival_confirmed
    waiting = not answered and (mobility.arrival_confirmed or not departure)
    form = None
    if waiting:
        form = HostConfirmForm(request.POST or None, request.FILES or None, departure=departure)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            stay_confirm(
                mobility=mobility,
                step=step,
                on=form.cleaned_data["on"],
                name=_host_name(form.cleaned_data),
                transcript=form.cleaned_data.get("transcript"),
            )
        except StayError as error:
            for message in error.messages:
                form.add_error("on" if error.code in DAY_ERRORS else None, message)
        except ValidationError as error:  # the transcript: intl_office.uploads refused it, nothing was stored
            for message in error.messages:
                form.add_error("transcript" if "transcript" in form.fields else None, message)
        else:
            messages.success(request, _("Thank you: your answer has been recorded."))
            return redirect(request.path)
    event = mobility.stay_events.filter(step=_answer_step(step)).order_by("-created_at", "-pk").first()
    return render(
        request,
        "mobility/stay_host.html",
        {
            "mobility": mobility,
            "departure": departure,
            "answered": answered,
            "event": event,
            "form": form,
            "home": HomeInstitution.load(),
        },
    )


def _answer_step(step):
    return StayEvent.Step.DEPARTED if step == DEPARTURE else StayEvent.Step.ARRIVED


def _host_name(data):
    name = data["name"].strip()
    return f"{name}, {data['position'].strip()}" if data.get("position", "").strip() else name


# --- the student's transcript ---------------------------------------------------------------


def _student_stay(user, pk):
    """The stay of the student's own application ``pk`` that goes ahead; 404 for anyone else's or without one."""
    application = get_object_or_404(Application, pk=pk, student=user)
    mobility = Mobility.objects.place_taken().outgoing().filter(application=application).first()
    if mobility is None:
        raise Http404
    return application, mobility


@login_required
@require_POST
def stay_transcript_upload(request, pk):
    """The student adds the transcript of records the host gave them."""
    application, mobility = _student_stay(request.user, pk)
    form = TranscriptForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("mobility:application-detail", pk=application.pk)
    try:
        stay_upload_transcript(
            mobility=mobility, upload=form.cleaned_data["transcript"], actor=request.user, student=True
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your transcript of records has been uploaded."))
    return redirect("mobility:application-detail", pk=application.pk)


@login_required
@require_http_methods(["GET", "HEAD"])
def stay_transcript(request, pk):
    """The student's own transcript."""
    _application, mobility = _student_stay(request.user, pk)
    return _transcript_response(request, mobility)


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_stay_transcript(request, pk):
    """A transcript for the office, linked from the admin; a faculty coordinator only their own faculty's."""
    if not request.user.has_perm("mobility.view_mobility"):
        raise Http404
    return _transcript_response(request, get_object_or_404(Mobility.objects.visible_to(request.user), pk=pk))


def _transcript_response(request, mobility):
    if not mobility.transcript:
        raise Http404
    download_record(actor=request.user, instance=mobility, field_file=mobility.transcript)
    return private_file_response(mobility.transcript, filename="transcript-of-records.pdf")
