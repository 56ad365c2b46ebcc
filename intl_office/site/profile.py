"""The person's own profile: who they are at the institution (``intl_office.people.ProfileForm``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from intl_office.models import User
from intl_office.people import ProfileForm


@login_required
def profile_view(request):
    """Edit one's name, affiliation, department, position and degree; invalid input changes nothing."""
    # A copy of the account: an invalid form must not leave half its values on request.user (the header's name).
    form = ProfileForm(request.POST or None, instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("my-profile")
    return render(request, "intl_office/profile.html", {"form": form})
