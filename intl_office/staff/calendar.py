"""The staff calendar feed: delegation visits and call deadlines as all-day iCalendar events.

Staff subscribe from a calendar app that cannot sign in, so the feed's address carries a
token: the user's id signed with the site's secret key (``django.core.signing``), together with
a digest of their password hash and of their ``calendar_token_version``. Whoever holds the
address reads the feed while its owner is active staff with the right to read visits and calls;
taking staff status away closes it, and so do a new password and the owner's "new address"
button (``calendar_token_rotate``), which leave every address handed out before useless.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from intl_office.mail import absolute_url, site_host
from intl_office.models import HomeInstitution
from mobility.models import Direction, Visit
from programs.models import Call

TOKEN_SALT = "staff-calendar"
WINDOW_PAST = datetime.timedelta(days=365)
WINDOW_FUTURE = datetime.timedelta(days=2 * 365)
# Calendar apps that honour it fetch the feed again after this long.
REFRESH_INTERVAL = datetime.timedelta(hours=6)
ONE_DAY = datetime.timedelta(days=1)


# What the feed shows, unpublished calls and private visits included: who may not read these
# records in the admin may not read them in a calendar either.
FEED_PERMISSIONS = ("mobility.view_visit", "programs.view_call")


def _token_value(user) -> str:
    # The password hash is digested, never shown: the address travels through calendar apps and mail.
    digest = salted_hmac(TOKEN_SALT, f"{user.password}:{user.calendar_token_version}").hexdigest()[:20]
    return f"{user.pk}:{digest}"


def calendar_token(user) -> str:
    """The token that opens ``user``'s calendar feed, until their password or token version changes."""
    return signing.Signer(salt=TOKEN_SALT).sign(_token_value(user))


def calendar_user(token: str):
    """The active staff member the token was made for, or None for a forged, mangled, old or revoked token.

    Whether that member may read the feed is ``FEED_PERMISSIONS``' business, asked by the view.
    """
    try:
        value = signing.Signer(salt=TOKEN_SALT).unsign(token or "")
    except signing.BadSignature:
        return None
    pk = value.partition(":")[0]
    if not pk.isdigit():
        return None
    user = get_user_model().objects.filter(pk=int(pk), is_active=True, is_staff=True).first()
    if user is None or not constant_time_compare(_token_value(user), value):
        return None
    return user


def calendar_token_rotate(*, user) -> None:
    """Give ``user`` a new calendar address; the old one stops opening the feed at once."""
    get_user_model().objects.filter(pk=user.pk).update(calendar_token_version=F("calendar_token_version") + 1)
    user.refresh_from_db(fields=["calendar_token_version"])


def calendar_window(on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The days the feed covers: a year back and two years ahead."""
    return on - WINDOW_PAST, on + WINDOW_FUTURE


def feed_visits(on):
    """Visits that overlap the window, public or not."""
    since, until = calendar_window(on)
    ends_in_window = Q(end_date__gte=since) | Q(end_date__isnull=True, start_date__gte=since)
    return (
        Visit.objects.filter(ends_in_window, start_date__lte=until)
        .select_related("partner")
        .order_by("start_date", "pk")
    )


def feed_calls(on):
    """Calls, published or not, whose deadline falls in the window."""
    since, until = calendar_window(on)
    return Call.objects.filter(deadline__range=(since, until)).select_related("program").order_by("deadline", "pk")


def staff_calendar(*, on: datetime.date, stamp: datetime.datetime | None = None) -> Calendar:
    """The feed as an ``icalendar.Calendar``.

    Links start with the portal's public address (``SITE_URL``): a calendar app opens them later,
    wherever it is. Its host makes each event's UID unique worldwide and stable from one fetch to
    the next, whichever address the feed was fetched by (``visit-12@portal.example.org``). Three
    queries: the home institution, visits, calls.
    """
    stamp = stamp or timezone.now()
    host = site_host()
    home = HomeInstitution.load()
    events = [visit_event(visit, host=host, stamp=stamp) for visit in feed_visits(on)]
    events += [deadline_event(call, host=host, stamp=stamp) for call in feed_calls(on)]
    name = _("%(department)s: visits and deadlines") % {"department": home.department_name}
    return Calendar.new(
        prodid=f"-//{host}//International Office Portal//EN",
        uid=f"staff-calendar@{host}",
        name=name,
        description=_("Delegation visits received and sent, and deadlines of calls for applications."),
        method="PUBLISH",
        calscale="GREGORIAN",
        refresh_interval=REFRESH_INTERVAL,
        subcomponents=events,
    )


def visit_event(visit, *, host, stamp) -> Event:
    """An all-day event from the first to the last day of the visit; DTEND is the day after, as RFC 5545 wants."""
    received = visit.direction == Direction.INCOMING
    url = absolute_url(_record_path(visit, is_public=visit.is_public))
    country = str(visit.partner.country.name)
    lines = [
        _("Delegation received") if received else _("Delegation sent"),
        _("Partner: %(partner)s (%(country)s)") % {"partner": visit.partner.name, "country": country},
    ]
    if visit.city:
        lines.append(_("City: %(city)s") % {"city": visit.city})
    if visit.purpose:
        lines.append(_("Purpose: %(purpose)s") % {"purpose": visit.purpose})
    if not visit.is_public:
        lines.append(_("Not public: the link opens the admin."))
    lines.append(url)
    return Event.new(
        uid=f"visit-{visit.pk}@{host}",
        stamp=stamp,
        start=visit.start_date,
        end=(visit.end_date or visit.start_date) + ONE_DAY,
        summary=visit.title,
        description="\n".join(lines),
        location=", ".join(part for part in (visit.city, country if not received else "") if part) or None,
        url=url,
        categories=[_("Visit")],
        transparency="TRANSPARENT",
    )


def deadline_event(call, *, host, stamp) -> Event:
    """An all-day event on the deadline day: applications are accepted until its end."""
    url = absolute_url(_record_path(call, is_public=call.is_published))
    lines = [
        _("Programme: %(program)s") % {"program": call.program},
        _("Open from %(opens)s to %(deadline)s; %(places)s places.")
        % {"opens": call.opens_on.isoformat(), "deadline": call.deadline.isoformat(), "places": call.places},
    ]
    if not call.is_published:
        lines.append(_("Not published: the link opens the admin."))
    lines.append(url)
    return Event.new(
        uid=f"call-deadline-{call.pk}@{host}",
        stamp=stamp,
        start=call.deadline,
        end=call.deadline + ONE_DAY,
        summary=_("Deadline: %(call)s") % {"call": call.title},
        description="\n".join(lines),
        url=url,
        categories=[_("Call deadline")],
        transparency="TRANSPARENT",
    )


def _record_path(obj, *, is_public):
    """The public page of a public record, the admin change page of the others."""
    if is_public:
        return obj.get_absolute_url()
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
