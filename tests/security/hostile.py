"""Hostile input for the fuzz tests: every URL the project routes, junk to send it, and a client that records 500s.

The URLs come from walking ``get_resolver()``, so a new page is fuzzed without a new line here. Path
converters are filled with the rows of ``build_world()`` (one of each kind, as the demo has) and, one at
a time, with junk that the converter's pattern still lets through to the view.
"""

import datetime
import re
import traceback
from http.cookies import SimpleCookie
from urllib.parse import quote

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern

from intl_office.models import HomeInstitution
from tests import factories

# Each value is sent as-is: the test client percent-encodes what needs it.
HUGE = str(10**30)
LONG = "x" * 10_000
JUNK_VALUES = [
    "²",  # "²".isdigit() is True, int("²") raises
    "٣",  # Arabic-Indic three: int() takes it
    "１",  # full-width one
    HUGE,
    "99999999999",
    "-1",
    "0",
    "1.5",
    "1e9",
    "\x00",
    LONG,
    "<script>alert(1)</script>",
    "' OR 1=1--",
    "../../etc/passwd",
    "",
]

# The keys the portal's pages, filters and the admin read from the query string.
KEYS = [
    "page", "p", "o", "q", "e", "all", "sort", "country", "kind", "type", "status", "area", "year", "month",
    "faculty", "program", "call", "host", "direction", "level", "activity", "partner", "expiring", "open",
    "next", "token", "lang", "language", "fmt", "format", "term", "app_label", "model_name", "field_name",
    "_popup", "_changelist_filters", "signed_on__year", "signed_on__month", "signed_on__day",
    "start_date__year", "start_date__month", "deadline__year", "submitted_at__year", "timestamp__year",
    "id__exact", "pk__in", "status__exact", "valid_until__gte",
]  # fmt: skip

# Raw query strings, for what a dict of values cannot say: invalid UTF-8, repeated keys, PHP arrays.
RAW_QUERIES = [
    "page=%ff&q=%ff%fe&sort=%c0%af",
    "page=1&page=2&page=%C2%B2&q=a&q=b",
    "page[]=1&q[]=x&country[]=TR&a[b]=c",
    "q=%00&term=%00&page=%00",
    "=&&==&page",
    "%zz=%zz&page=%",
    "page=" + "9" * 400,
]


def hostile_queries():
    """Query strings (without ``?``), each setting every key in ``KEYS`` to one junk value, then the raw ones."""
    queries = ["&".join(f"{key}={quote(value)}" for key in KEYS) for value in JUNK_VALUES]
    return queries + RAW_QUERIES


# Header sets a client can send; Host only in forms ALLOWED_HOSTS lets through, so the view runs.
HOSTILE_HEADERS = [
    {"HTTP_ACCEPT_LANGUAGE": "xx-YY;q=2, ;q=, *;q=abc, " + "a" * 300, "HTTP_RANGE": "bytes=99999999999-0"},
    {"HTTP_ACCEPT_LANGUAGE": "\x00", "HTTP_IF_MODIFIED_SINCE": "yesterday, 99 Foo 99999 99:99:99 GMT"},
    {
        "HTTP_COOKIE": "sessionid=\x00; messages=\x00junk; csrftoken=" + "x" * 4000 + "; django_language=xx; =; ;",
        "HTTP_RANGE": "x",
    },
    {"HTTP_HOST": "testserver:65536", "HTTP_IF_NONE_MATCH": '"\x00", *, W/', "HTTP_REFERER": "javascript:1"},
    {"HTTP_HOST": "TESTSERVER", "HTTP_X_FORWARDED_FOR": "not-an-ip, ::::", "HTTP_X_FORWARDED_PROTO": "gopher"},
    {"HTTP_USER_AGENT": LONG, "HTTP_ACCEPT": "*/*;q=x", "HTTP_IF_MODIFIED_SINCE": "Thu, 01 Jan 99999 00:00:00 GMT"},
]


def hostile_form(index):
    """Form fields set to a junk value: the query's keys plus the names the portal's forms use."""
    value = JUNK_VALUES[index % len(JUNK_VALUES)]
    names = KEYS + [
        "username", "login", "password", "password1", "password2", "email", "first_name", "last_name", "name",
        "title", "slug", "action", "_selected_action", "select_across", "index", "post", "transition", "note",
        "submit", "save", "gpa", "csrfmiddlewaretoken", "format", "resource", "import_file", "input_format",
        "file", "photo", "import_file_name", "original_file_name", "date_of_birth", "start_date", "end_date",
    ]  # fmt: skip
    return dict.fromkeys(names, value) | {"_selected_action": [value, "1", HUGE]}


def hostile_upload(index):
    """A multipart body (bytes, content type) whose files are named with a NUL, a path, or nothing.

    Written by hand: the test client would strip the path and cannot send an empty file name.
    """
    names = ["evil\x00.pdf", "../../evil.pdf", "", "a" * 300 + ".pdf", "²\x00.xlsx", "%00.pdf"]
    name = names[index % len(names)]
    boundary = "fuzz-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in hostile_form(index).items()
        if isinstance(value, str)
    ]
    for field in ("file", "photo", "import_file", "document"):
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n".encode()
            + b"%PDF-1.4\n\x00\xff"
            + bytes(range(256))
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


# --- the world ---------------------------------------------------------------------------------


def build_world(student):
    """One row of every kind the portal routes to, linked as in the demo; ``student`` owns an application."""
    # The shared `student` fixture is verified already; a student made elsewhere gets the address here.
    EmailAddress.objects.get_or_create(user=student, email=student.email, defaults={"verified": True, "primary": True})
    home = HomeInstitution.load()
    home.name = "National University of Example"
    home.save()
    partner = factories.InstitutionFactory(name="Middle East Technical University")
    factories.ContactFactory(institution=partner)
    factories.AgreementFactory(partner=partner)
    project = factories.ProjectFactory()
    factories.ProjectMemberFactory(project=project, institution=partner)
    factories.JointProgrammeFactory(partner=partner)
    call = factories.CallFactory(program=project.program, hosts=[partner])
    application = factories.ApplicationFactory(call=call, student=student, faculty=factories.FacultyFactory())
    factories.HostPreferenceFactory(application=application, institution=partner)
    factories.ApplicationDocumentFactory(application=application)
    factories.ApplicationEventFactory(application=application)
    factories.ApplicationReviewFactory(application=application)
    factories.MobilityFactory(partner=partner)
    factories.VisitPhotoFactory(visit=factories.VisitFactory(partner=partner, start_date=datetime.date(2024, 5, 6)))
    factories.VisitMemberFactory()
    factories.StaffMemberFactory()
    factories.RankingFactory()
    factories.PageFactory()
    factories.CooperationAreaFactory()
    factories.DocumentTypeFactory()
    Group.objects.get_or_create(name="Office staff")


# --- the URLs ----------------------------------------------------------------------------------

GROUP = re.compile(r"\(\?P<(\w+)>([^)]*)\)")
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
ADMIN_MODEL = re.compile(r"^admin/(\w+)/(\w+)/")

# What a converter still lets through to the view; each replaces one real value at a time.
JUNK_BY_CONVERTER = {
    "int": ["0", "99999999999999999999"],
    "slug": ["-", "a" * 300],
    "str": ["²", "%00", "%FF", "-1", HUGE],
    "path": ["²", "%00", "%FF", "-1", "1.5", HUGE, "1/2", "x" * 1000],
    "regex": ["²", "%00", "0-0", "x" * 1000],
}


def _walk(resolver, route="", i18n=False):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if isinstance(entry.pattern, LocalePrefixPattern):
                yield from _walk(entry, route, True)
            else:
                yield from _walk(entry, route + _route_of(entry.pattern), i18n)
        elif isinstance(entry, URLPattern):
            yield route + _route_of(entry.pattern), entry, i18n


def _route_of(pattern):
    """A pattern as a route with ``<converter:name>`` placeholders; regex groups become ``<regex:name>``."""
    text = str(pattern)
    if not isinstance(pattern, RegexPattern):
        return text
    text = GROUP.sub(lambda m: f"<regex:{m[1]}>" if not _choices(m[2]) else f"<choice:{m[1]}:{m[2]}>", text)
    return text.removeprefix("^").removesuffix("$").replace("\\.", ".")


def _choices(group):
    return group.split("|") if re.fullmatch(r"[\w|]+", group) else None


def _real_values(route, name, converter, entry, student):
    """Values of existing rows for one placeholder, or [] when no row fits it (a key, a catch-all)."""
    model_match = ADMIN_MODEL.match(route)
    if model_match and name in ("object_id", "id"):
        model = apps.get_model(*model_match.groups())
        return [quote(str(row.pk)) for row in model._default_manager.all()[:1]]
    if name == "content_type_id":
        return [str(ContentType.objects.get_for_model(HomeInstitution).pk)]
    if name == "object_id":
        return [str(HomeInstitution.SINGLETON_ID)]
    application = student.applications.first()
    if name == "pk":
        return [str(application.pk)]
    if name == "doc_pk":
        return [str(application.documents.first().pk)]
    if name == "slug":
        model = getattr(getattr(entry.callback, "view_class", None), "model", None) or apps.get_model("programs.Call")
        return [row.slug for row in model._default_manager.all()[:1]]
    return []


def urls_to_fuzz(student, junk_per_slot=2):
    """``(url, i18n, real)`` for every pattern: once with real rows, then with junk in one placeholder at a time.

    Each placeholder gets ``junk_per_slot`` of its converter's junk values, taken in turn from pattern to
    pattern, so every junk value reaches many views without multiplying the requests by all of them.
    """
    urls, turn = [], 0
    for route, entry, i18n in _walk(get_resolver()):
        slots = []
        for match in re.finditer(r"<(choice):(\w+):([\w|]+)>|" + CONVERTER.pattern, route):
            if match[1]:
                slots.append((match[0], match[3].split("|"), []))
                continue
            converter, name = match[4] or "str", match[5]
            real = _real_values(route, name, converter, entry, student)
            pool = JUNK_BY_CONVERTER.get(converter, JUNK_BY_CONVERTER["str"])
            junk = [pool[(turn + k) % len(pool)] for k in range(min(junk_per_slot, len(pool)))]
            turn += 1
            slots.append((match[0], real, junk))
        base = {placeholder: (real or junk)[0] for placeholder, real, junk in slots}
        variants = [(base, True)]
        for placeholder, real, junk in slots:
            variants += [(base | {placeholder: value}, True) for value in real[1:]]
            variants += [(base | {placeholder: value}, False) for value in junk if value != base[placeholder]]
        for values, is_real in variants:
            url = route
            for placeholder, value in values.items():
                url = url.replace(placeholder, value, 1)
            urls.append(("/" + url, i18n, is_real))
    return urls


def pages_without_placeholders():
    """The URLs that take nothing in their path: lists, searches, exports, admin changelists and add forms."""
    return ["/" + route for route, _entry, _i18n in _walk(get_resolver()) if "<" not in _route_of_text(route)]


def _route_of_text(route):
    return route if not re.search(r"[\\^$(]", route) else "<regex>"


def with_language(url, code):
    """``url`` under the prefix of language ``code`` (none for the default language)."""
    return url if code == settings.LANGUAGE_CODE else f"/{code}{url}"


# --- sending -----------------------------------------------------------------------------------


class Prober:
    """Sends requests through a test client and lists every one that ends in a 500 or an exception.

    Each request runs in a savepoint that is rolled back, and the client's cookies are put back after
    it, so a junk POST to a delete or logout page cannot change what the next request finds.
    """

    def __init__(self, client):
        self.client = client
        self.cookies = SimpleCookie(client.cookies.output(header="", sep=";"))
        self.failures = []
        self.sent = 0

    def send(self, method, url, headers=None, **kwargs):
        headers = dict(headers or {})
        if "HTTP_COOKIE" in headers:
            # The real session cookie after the junk one: the last of a name wins, so a signed-in user
            # stays signed in and an anonymous one sends the junk session id.
            own = "; ".join(f"{key}={morsel.value}" for key, morsel in self.cookies.items())
            headers["HTTP_COOKIE"] = f"{headers['HTTP_COOKIE']}; {own}"
        self.client.cookies = SimpleCookie(self.cookies.output(header="", sep=";"))
        self.sent += 1
        try:
            with transaction.atomic():
                response = getattr(self.client, method)(url, **kwargs, **headers)
                transaction.set_rollback(True)
        except Exception as exc:  # whatever a view lets out, a visitor would get as a 500
            where = _where(exc)
            self.failures.append(f"{method.upper()} {_short(url)}: {type(exc).__name__} at {where}: {_short(str(exc))}")
            return None
        if response.status_code >= 500:
            self.failures.append(f"{method.upper()} {_short(url)}: {response.status_code}")
        return response

    def report(self):
        return f"{len(self.failures)} of {self.sent} requests failed:\n" + "\n".join(self.failures[:50])


def _where(exc):
    """The last line of the portal's own code the exception passed through, else the line that raised it."""
    frames = traceback.extract_tb(exc.__traceback__)
    own = [frame for frame in frames if "site-packages" not in frame.filename and "/tests/" not in frame.filename]
    frame = (own or frames)[-1]
    return f"{frame.filename.rsplit('site-packages/', 1)[-1]}:{frame.lineno}"


def _short(text, limit=160):
    text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"
