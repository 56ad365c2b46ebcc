"""Nomination pages: the host's signed link, and the host's letter for the office.

The host has no account: the signed link (``intl_office.host_links``, purpose "nomination")
opens one round of one nomination, shows the nomination sheet and the answer form while that
round waits, and the recorded answer read-only afterwards. Any change to the address gives 404;
an expired link a page that says so. Every change goes through ``mobility.services``.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from intl_office.host_links import HostLinkExpired, HostLinkInvalid
from intl_office.models import HomeInstitution
from intl_office.storage import private_file_response
from intl_office.uploads import validate_pdf
from intl_office.validators import NoControlCharacters

from ..models import Nomination, NominationRound, NominationState
from ..nomination_emails import NOMINATION_LINKS
from ..nomination_sheet import sheet_rows
from ..services import NominationError, nomination_answer

State = NominationState


class NominationAnswerForm(forms.Form):
    """An answer on one round: the host's through the link, or the one staff record for the host."""

    answer = forms.ChoiceField(
        label=gettext_lazy("Your answer"),
        choices=[
            (State.ACCEPTED, gettext_lazy("We accept the nomination")),
            (State.MORE_INFO, gettext_lazy("We need more information")),
            (State.REFUSED, gettext_lazy("We cannot accept the nomination")),
        ],
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200, validators=[NoControlCharacters()])
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[NoControlCharacters(multiline=True)],
        help_text=gettext_lazy("Required when you need more information or cannot accept: say what, or why."),
    )
    letter = forms.FileField(
        label=gettext_lazy("Acceptance letter (PDF)"),
        required=False,
        validators=[validate_pdf],
        help_text=gettext_lazy("Optional, when you accept."),
    )

    def clean(self):
        cleaned = super().clean()
        answer = cleaned.get("answer")
        if answer and answer != State.ACCEPTED:
            if not (cleaned.get("comment") or "").strip():
                self.add_error("comment", _("Say what is needed, or why, in a comment."))
            if cleaned.get("letter"):
                self.add_error("letter", _("A letter goes with an acceptance only."))
        return cleaned


@never_cache
@require_http_methods(["GET", "POST"])
def nomination_host(request, pk, number, token):
    """The host's page for one round: the sheet, and their answer to it (once)."""
    try:
        NOMINATION_LINKS.read(token, object_id=pk, version=number)
    except HostLinkExpired:
        return render(request, "mobility/nomination_host_expired.html", status=410)
    except HostLinkInvalid as error:
        raise Http404 from error
    nomination = get_object_or_404(Nomination.objects.with_rounds(), pk=pk)
    round_ = next((r for r in nomination.rounds.all() if r.number == number), None)
    if round_ is None:
        raise Http404
    home = HomeInstitution.load()
    form = None
    if round_.waiting:
        form = NominationAnswerForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                nomination_answer(
                    round_=round_,
                    state=form.cleaned_data["answer"],
                    name=form.cleaned_data["name"],
                    comment=form.cleaned_data["comment"],
                    letter=form.cleaned_data.get("letter"),
                )
            except NominationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Thank you: your answer has been recorded."))
            return redirect(request.path)
    mobility = nomination.mobility
    return render(
        request,
        "mobility/nomination_host.html",
        {
            "nomination": nomination,
            "mobility": mobility,
            "round": round_,
            "form": form,
            "home": home,
            "rows": sheet_rows(mobility=mobility, home=home),
            "newer": nomination.latest_round.number > round_.number,
        },
    )


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def staff_nomination_letter(request, pk, number):
    """The host's letter of one round, for staff who may read the nomination; 404 for anyone else."""
    if not request.user.has_perm("mobility.view_nomination"):
        raise Http404
    nomination = get_object_or_404(Nomination.objects.visible_to(request.user), pk=pk)
    round_ = get_object_or_404(NominationRound, nomination=nomination, number=number)
    return private_file_response(round_.letter, filename=f"nomination-letter-{nomination.pk}-{round_.number}.pdf")
