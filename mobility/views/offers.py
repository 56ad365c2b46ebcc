"""The student's answer to an offered place: take it with one POST, or decline it after a confirmation page.

Only the student's own application is found (``_get_application_for_user``: 404 for anyone
else's); the services refuse an answer after the deadline day or a second one, with a message the
page shows. Nothing changes on a GET.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from intl_office.validators import NoControlCharacters

from ..services import ApplicationError, offer_decline, offer_take
from .applications import _get_application_for_user, _report


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why do you decline? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Only the International Office reads it."),
        validators=[NoControlCharacters(multiline=True)],
    )


@login_required
@require_POST
def offer_take_view(request, pk):
    application = _get_application_for_user(request.user, pk)
    try:
        offer_take(application=application, actor=request.user)
    except ApplicationError as error:
        _report(request, error)
    else:
        messages.success(request, _("You took the place. A confirmation is on its way to you by e-mail."))
    return redirect("mobility:application-detail", pk=application.pk)


@login_required
@require_http_methods(["GET", "POST"])
def offer_decline_view(request, pk):
    """What declining means, an optional reason, and a POST to confirm."""
    application = _get_application_for_user(request.user, pk)
    if not application.offer_pending:
        messages.error(request, _("This application has no offer waiting for your answer."))
        return redirect("mobility:application-detail", pk=application.pk)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            offer_decline(application=application, actor=request.user, reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            _report(request, error)
        else:
            messages.success(request, _("You declined the place; it goes to the next student on the waiting list."))
        return redirect("mobility:application-detail", pk=application.pk)
    return render(
        request, "mobility/offer_decline.html", {"application": application, "call": application.call, "form": form}
    )
