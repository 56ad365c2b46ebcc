"""The admin site, whose login is the portal's one sign-in page.

The admin's own login form would be a second way in, with Django's rules rather than allauth's
(no failed-login limit, no second factor) and a second page to explain. ``/admin/login/`` sends to
the sign-in page instead (``intl_office/sign_in.py``), keeping where the person was going.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from .accounts import local_path


class PortalAdminSite(admin.AdminSite):
    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        admin_index = reverse("admin:index", current_app=self.name)
        if self.has_permission(request):
            return HttpResponseRedirect(admin_index)
        next_url = local_path(request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME))
        if request.user.is_authenticated:
            # Signed in without admin access (a student): the sign-in page would send them straight
            # back to ?next=/admin/, round and round. Say so; signing out and in again starts afresh.
            context = {"title": _("Staff only"), "next_url": next_url or admin_index}
            return render(request, "intl_office/staff_only.html", context, status=403)
        query = urlencode({REDIRECT_FIELD_NAME: next_url or admin_index})
        return HttpResponseRedirect(f"{reverse('account_login')}?{query}")
