"""The staff workspace outside the admin: the dashboard, the annual report and its XLSX, the calendar feed.

The dashboard and the report are for staff only (``is_staff``), as the admin is: anybody
else is sent to the admin's login page, which tells a signed-in student that the account
has no access. Being staff is not enough to read: the report and its XLSX need
``intl_office.view_reports``, the calendar feed the right to read visits and calls
(``calendar.FEED_PERMISSIONS``), and a staff account without them gets a 403. The dashboard
stays open to every staff account because each of its sections already asks for the right to
read its records, so an account with no role sees an empty page that says so. The calendar
feed is opened by a signed token instead of a session.
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST, require_safe

from intl_office import dates, roles
from intl_office.mail import absolute_url
from intl_office.models import ReportFile
from intl_office.staff import calendar, dashboard, reports, translations
from intl_office.staff.report_files import report_file_failed, report_file_for, report_file_request
from intl_office.staff.tasks import report_file_name
from intl_office.storage import private_file_response
from mobility.models import Application


def applications_changelist_url(call):
    """The admin's application list narrowed to one call's applications waiting for review."""
    query = urlencode(
        {
            "call__id__exact": call.pk,
            "status__in": ",".join([Application.Status.SUBMITTED, Application.Status.UNDER_REVIEW]),
        }
    )
    return f"{reverse('admin:mobility_application_changelist')}?{query}"


def calendar_feed_url(user):
    """The address of ``user``'s calendar feed, token included, on the portal's public address (``SITE_URL``)."""
    return absolute_url(reverse("staff:calendar") + "?" + urlencode({"token": calendar.calendar_token(user)}))


@require_safe
@staff_member_required
def dashboard_view(request):
    """What needs the office's attention today; each section shows only what the user may open.

    Queries, whatever the number of rows: session, user, home institution (and for anybody but a
    superuser: the permissions and the role); expiring, expired and dormant agreements;
    applications per call and their calls; offers waiting for an answer; calls closing soon; upcoming and recent
    visits; mobility this year, last year's same stretch and last year whole; transcripts missing after return;
    checklists incomplete before departure and their number; nominations waiting and places not yet nominated;
    foreign experts with a visa or registration deadline soon; business trips waiting for approval and trip reports
    overdue; public records missing a language.
    """
    on = dates.today()
    user = request.user
    can = user.has_perm
    context = {"on": on}
    if user.has_perms(calendar.FEED_PERMISSIONS):
        context["feed_url"] = calendar_feed_url(user)
    if can("partners.view_agreement"):
        expiring = list(dashboard.agreements_expiring(on))
        for agreement in expiring:
            agreement.days_left = (agreement.valid_until - on).days
        context.update(
            expiring=expiring,
            expired=list(dashboard.agreements_expired_without_renewal(on)),
            dormant=list(dashboard.dormant_agreements(on)),
            last_year_label=dashboard.last_academic_year_label(on),
            expiring_days=dashboard.EXPIRING_WITHIN_DAYS,
            show_agreements=True,
        )
    if can("mobility.view_application"):
        # A faculty coordinator reviews the applicants of one faculty; the office sees every faculty.
        reviews = dashboard.applications_awaiting_review(on, user=user)
        context.update(
            reviews=[(review, applications_changelist_url(review.call)) for review in reviews],
            review_total=sum(review.total for review in reviews),
            review_faculty=user.faculty if roles.is_faculty_coordinator(user) else None,
            offers=dashboard.offers_waiting(on, user=user),
            show_reviews=True,
        )
    if can("programs.view_call"):
        context.update(
            closing=dashboard.calls_closing_soon(on), closing_days=dashboard.CLOSING_WITHIN_DAYS, show_calls=True
        )
    if can("mobility.view_visit"):
        context.update(
            upcoming_visits=list(dashboard.upcoming_visits(on)),
            recent_visits=list(dashboard.recent_visits(on)),
            recent_days=dashboard.RECENT_VISIT_DAYS,
            show_visits=True,
        )
    if can("mobility.view_mobility"):
        context.update(comparison=dashboard.mobility_year_over_year(on), show_mobility=True)
        context["transcripts_missing"] = dashboard.transcripts_missing(on, user=user)
    if can("mobility.view_mobilitychecklist"):
        incomplete = dashboard.checklists_incomplete(on, user=user)
        context.update(
            checklists=list(incomplete[: dashboard.CHECKLIST_ROWS]),
            checklists_total=incomplete.count(),
            checklists_url=reverse("admin:mobility_mobility_changelist") + f"?checklist={dashboard.CHECKLIST_FILTER}",
            checklist_days=dashboard.CHECKLIST_DAYS,
            show_checklists=True,
        )
    if can("mobility.view_learningagreement"):
        waiting = dashboard.learning_agreements_waiting(user=user)
        context.update(
            learning_agreements=waiting,
            learning_agreements_total=sum(row.count for row in waiting),
            show_learning_agreements=True,
        )
    if can("mobility.view_nomination"):
        context.update(nominations=dashboard.nominations_to_follow(user=user), show_nominations=True)
    if can("mobility.view_expert"):
        context.update(
            guest_deadlines=dashboard.guest_deadlines(on, user=user),
            guest_deadline_days=dashboard.GUEST_DEADLINE_DAYS,
            show_guests=True,
        )
    if can("partners.change_institution"):
        missing = translations.missing_translations()
        context.update(
            translations_missing=missing,
            translations_missing_total=sum(row.count for row in missing),
            show_translations=True,
        )
    if can("mobility.view_triprequest"):
        context.update(trips=dashboard.trips_to_follow(on), show_trips=True)
    return render(request, "staff/dashboard.html", context)


class ReportForm(forms.Form):
    """The report's period: ``?year=2024&period=academic`` (academic year 2024/25) or ``period=calendar``."""

    period = forms.ChoiceField(label=pgettext_lazy("report", "Period"), required=False, choices=reports.PERIOD_CHOICES)

    def __init__(self, *args, on, **kwargs):
        super().__init__(*args, **kwargs)
        self.on = on
        # No report of a year that has not begun.
        self.fields["year"] = forms.IntegerField(
            label=_("Year"),
            required=False,
            min_value=reports.FIRST_YEAR,
            max_value=on.year,
            help_text=_("An academic year is named by its first year: 2024 is 2024/25."),
        )
        self.order_fields(["year", "period"])

    def period_asked(self) -> reports.Period:
        """The period asked for, or the last completed academic year when nothing (valid) was asked."""
        if not self.is_valid():
            return reports.default_period(reports.ACADEMIC, self.on)
        kind = self.cleaned_data["period"] or reports.ACADEMIC
        year = self.cleaned_data["year"]
        if year is None:
            return reports.default_period(kind, self.on)
        return reports.Period(kind, year)


def report_query(period: reports.Period) -> str:
    return urlencode({"year": period.year, "period": period.kind})


REPORT_PERMISSION = "intl_office.view_reports"


@require_safe
@staff_member_required
@permission_required(REPORT_PERMISSION, raise_exception=True)
def report_view(request):
    """The annual report for staff: tables with charts, printable, exportable to XLSX.

    Thirteen queries whatever the number of rows: session, user, home institution, the report's nine
    and its XLSX file's state. While that file is being prepared the page reloads itself.
    """
    on = dates.today()
    form = ReportForm(request.GET or None, on=on)
    period = form.period_asked()
    report = reports.annual_report(period, on=on)
    previous_period = reports.Period(period.kind, period.year - 1)
    next_period = reports.Period(period.kind, period.year + 1) if period.year < on.year else None
    report_file = report_file_for(period, language=translation.get_language())
    context = {
        "form": form,
        "report": report,
        "report_file": report_file,
        "report_file_failed": report_file is not None and report_file_failed(report_file),
        "period": period,
        "is_complete": period.is_complete(on),
        "statistics_url": reverse("mobility:statistics") + "?" + urlencode({"year": period.year}),
        "previous_url": reverse("staff:report") + "?" + report_query(previous_period),
        "previous_period": previous_period,
        "next_url": reverse("staff:report") + "?" + report_query(next_period) if next_period else "",
        "next_period": next_period,
        "generated_at": timezone.now(),
    }
    return render(request, "staff/report.html", context)


@require_POST
@staff_member_required
@permission_required(REPORT_PERMISSION, raise_exception=True)
def report_export_view(request):
    """Ask for the annual report as an XLSX workbook, one sheet per table: a job prepares it.

    Back to the report's page, which shows the file being prepared and then its download. A year or
    period that does not make sense leads back to the report page too, which says what is wrong.
    """
    on = dates.today()
    form = ReportForm(request.POST, on=on)
    query = request.POST.copy()
    query.pop("csrfmiddlewaretoken", None)
    if not form.is_valid():
        return redirect(reverse("staff:report") + "?" + query.urlencode())
    period = form.period_asked()
    report_file_request(period=period, user=request.user, language=translation.get_language())
    return redirect(reverse("staff:report") + "?" + report_query(period) + "#xlsx")


@require_safe
@staff_member_required
@permission_required(REPORT_PERMISSION, raise_exception=True)
def report_file_view(request, pk):
    """The prepared XLSX, for whoever may read the report; 404 for one not ready or gone."""
    report_file = get_object_or_404(ReportFile, pk=pk, status=ReportFile.Status.READY)
    period = reports.Period(report_file.kind, report_file.year)
    return private_file_response(report_file.file, filename=report_file_name(period))


@require_safe
def calendar_view(request):
    """The iCalendar feed of visits and call deadlines, opened by the token on the dashboard.

    No session: calendar apps cannot sign in. A missing, forged or revoked token is a 404, which
    tells nobody whether the feed exists; a good token whose owner may not read visits and calls
    (a staff account with no role) is a 403.
    """
    user = calendar.calendar_user(request.GET.get("token", ""))
    if user is None:
        raise Http404("No calendar here.")
    if not user.has_perms(calendar.FEED_PERMISSIONS):
        raise PermissionDenied
    feed = calendar.staff_calendar(on=dates.today())
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="staff-calendar.ics"'
    # The address is a secret: no shared cache may keep the feed, no search engine may list it.
    response["Cache-Control"] = "private, max-age=0, no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_POST
@staff_member_required
def calendar_rotate_view(request):
    """The owner's "new address" button: the address they subscribed with so far stops working."""
    calendar.calendar_token_rotate(user=request.user)
    messages.success(
        request,
        _("Your calendar has a new address. Subscribe to it again; the old address no longer opens the feed."),
    )
    return redirect("staff:dashboard")
