"""Whole public pages cached for anonymous visitors, never served stale.

A page is stored in the default cache (shared by every worker: files in CACHE_DIR, or Redis)
under a key made of

- the *content generation*: a random token replaced after every commit that saved or deleted
  a record of an app whose records public pages show (``watch_content_models``), and by
  imports and bulk writes that skip the model signals (``content_changed``);
- the office's today (``intl_office.dates.today``), so a call that closes at midnight in
  Tashkent, or an agreement that expires today, changes status on the right day;
- the language and the full absolute URL (scheme, host, path and query string).

The generation is a fresh random token rather than a counter because the file cache's
``incr`` is a read and a write: two edits committing at once could both write ``n + 1`` and a
page rendered between them would outlive the second. Every bump writes a value no page was
ever stored under, so a page can only be served while nothing has changed since it was read.

Only views marked with ``public_page`` are cached, only for GET and HEAD from a visitor who
sends no session or messages cookie, and only responses that set no cookie, used no CSRF
token and showed no message. A revisit with ``If-None-Match`` gets 304. A query string is
cached only when it holds nothing but the parameters the view declares
(``public_page_params``, on the view function or its class) and each of them once: any other
(a tracking tag, a cache buster) renders the page afresh without taking a cache entry.

Parts of pages that many URLs share (the home page's figures, the statistics, the directory's
country counts) are cached on their own under the same generation, the office's today and the
language (``cached_fragment`` and the ``{% public_fragment %}`` tag), so that a page not in the
cache (another filter, another page number, a signed-in user) is still cheap to render. They are
bypassed, read and write, while the current transaction holds an uncommitted change: the cache
reflects only what has been committed, and a writer must see its own change.

The cards of the lists (a partner's on the directory, a call's, a visit's) are fragments too, one per
record (``cached_item_fragments``), read in one go and shared by every filter and page that shows the
record; the directory also keeps the pks each filter lists. A request reads the generation once, at its
first use, and keeps it to its end (or until it changes content itself).
"""

import hashlib
import uuid
from collections import Counter
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.safestring import mark_safe

from . import dates
from .fragment_memory import FragmentMemory

GENERATION_KEY = "public-page:generation"
# Stored pages are (status, body, headers, streamed); bump the version when that shape changes.
PAGE_KEY_PREFIX = "public-page:v2"
# A day is enough: the key changes with the office's date anyway.
PAGE_TIMEOUT = 24 * 60 * 60
# Headers a stored page keeps; the outer middleware (security, CSP, session) adds the rest afresh.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Disposition",
    "Last-Modified",
    "X-Robots-Tag",
    "X-Frame-Options",
    "Vary",
    "ETag",
)
# A streamed response (open data) is stored only up to this size; a larger one streams uncached.
MAX_STORED_BYTES = 8 * 1024 * 1024


def public_page(view, *, params=None):
    """Mark a view whose page anonymous visitors may be served from the cache.

    ``params``: the query parameters the view reads; a class-based view may declare them as
    ``public_page_params`` instead. A request with any other parameter is not cached.
    """
    view.public_page = True
    if params is not None:
        view.public_page_params = frozenset(params)
    return view


def accepted_params(view_func):
    declared = getattr(view_func, "public_page_params", None)
    if declared is None:
        declared = getattr(getattr(view_func, "view_class", None), "public_page_params", ())
    return frozenset(declared)


# The generation a request read first, kept until it ends: a page asks for it once per fragment
# and card, and each ask is a cache read. Reading it once, before any of the rows, keeps what is
# stored under it at least as new as it (see ``remember_generation``).
_request_generation = ContextVar("public_page_generation", default=None)
_IN_REQUEST = object()


def current_generation():
    remembered = _request_generation.get()
    if remembered is not None and remembered is not _IN_REQUEST:
        return remembered
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # First request, or the entry was culled: start a new generation, keeping a concurrent one.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    if remembered is _IN_REQUEST:
        _request_generation.set(generation)
    return generation


def bump_generation():
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, timeout=None)
    if _request_generation.get() is not None:
        # This request changed content: what it reads from now on is under the new generation.
        _request_generation.set(generation)


def remember_generation(**_ignored):
    """From ``request_started``: the request reads the generation once, on first use."""
    _request_generation.set(_IN_REQUEST)


def forget_generation(**_ignored):
    """From ``request_finished``: outside a request every use reads the generation afresh."""
    _request_generation.set(None)


class _QueuedBump:
    """A bump waiting for the commit; it knows when it has run.

    Tests run the queued callbacks without committing (``django_capture_on_commit_callbacks``),
    and the callbacks stay in the connection's list after they ran.
    """

    ran = False

    def __call__(self):
        self.ran = True
        bump_generation()


def content_changed(**_ignored):
    """Make every cached public page fresh once the current transaction commits.

    Called by the model signals, and directly after writes that send none
    (``bulk_create``, ``QuerySet.update``). Outside a transaction it bumps at once.
    """
    transaction.on_commit(_QueuedBump())


def changes_pending():
    """Whether the current transaction changed content that is not committed yet."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return False
    queued = (callback for _savepoints, callback, _robust in connection.run_on_commit)
    return any(isinstance(callback, _QueuedBump) and not callback.ran for callback in queued)


_MISSING = object()


def _fragment_prefix(name):
    day, language = dates.today().isoformat(), translation.get_language()
    return f"public-fragment:{current_generation()}:{day}:{language}:{name}"


def fragment_key(name, vary=()):
    varies = hashlib.sha256(repr(tuple(vary)).encode()).hexdigest()[:32]
    return f"{_fragment_prefix(name)}:{varies}"


def cached_fragment(name, compute, *, vary=()):
    """``compute()``'s value, shared by every request until the content or the office's date changes.

    The value must depend only on the committed rows, the date, the language and ``vary``
    (never on the user, the session or a CSRF token), and be picklable.
    """
    if not fragments_enabled():
        return compute()
    key = fragment_key(name, vary)
    memory = local_fragments()
    value = memory.get(key, _MISSING) if memory is not None else _MISSING
    if value is _MISSING:
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(key, value, PAGE_TIMEOUT)
        if memory is not None:
            memory.set(key, value)
    return value


_memory = FragmentMemory(0)


def local_fragments():
    """This worker's copy of the fragments it read (``intl_office.fragment_memory``), or None when
    ``PUBLIC_FRAGMENT_MEMORY`` (its size in bytes) is 0."""
    _memory.max_bytes = settings.PUBLIC_FRAGMENT_MEMORY
    return _memory if _memory.max_bytes else None


def forget_local_fragments():
    """Empty this worker's copy (the tests do: a test may set the generation to a value another one used)."""
    _memory.clear()


def fragments_enabled():
    """Whether fragments may be read and written now (see ``cached_fragment``)."""
    return settings.PUBLIC_FRAGMENT_CACHE and not changes_pending()


def cached_item_fragments(name, items, render_many):
    """``{pk: HTML}`` for ``items`` (anything with a ``pk``), each cached on its own under ``name``.

    Like ``cached_fragment`` (same generation, office's today and language), for the cards of a
    list: a card is shared by every page and filter that shows its record, the cards of a page are
    read in one ``get_many``, and ``render_many(missing)`` renders only those not cached, in one go
    (so that it can prefetch what only they need), as ``{pk: HTML}``; a pk it leaves out (a row
    deleted meanwhile) is left out of the answer too. Each card may depend only on its record's
    committed rows, the office's date and the language.
    """
    items = list(items)
    if not fragments_enabled():
        return render_many(items)
    prefix = _fragment_prefix(name)
    keys = {item.pk: f"{prefix}:{item.pk}" for item in items}
    memory = local_fragments()
    remembered = {}
    if memory is not None:
        remembered = {key: html for key in keys.values() if (html := memory.get(key)) is not None}
    wanted = [key for key in keys.values() if key not in remembered]
    found = {**remembered, **cache.get_many(wanted)} if wanted else remembered
    missing = [item for item in items if keys[item.pk] not in found]
    cards = {pk: mark_safe(found[key]) for pk, key in keys.items() if key in found}
    if missing:
        rendered = render_many(missing)
        cache.set_many({keys[pk]: str(html) for pk, html in rendered.items()}, PAGE_TIMEOUT)
        cards.update(rendered)
    if memory is not None:
        for pk, html in cards.items():
            if keys[pk] not in remembered:
                memory.set(keys[pk], str(html))
    return cards


def watch_content_models():
    """Connect ``content_changed`` to every model of the apps public pages read from.

    Connected per model (never for all senders), so Django keeps its fast delete for the
    sessions, the audit log and the rest.
    """
    excluded = {label.lower() for label in settings.PUBLIC_PAGE_CACHE_IGNORED_MODELS}
    for label in settings.PUBLIC_PAGE_CACHE_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.label_lower in excluded:
                continue
            uid = f"page_cache:{model._meta.label_lower}"
            post_save.connect(content_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
            m2m_changed.connect(content_changed, sender=model, dispatch_uid=uid)
    # A data migration changes rows without signals.
    post_migrate.connect(content_changed, dispatch_uid="page_cache:migrate")
    request_started.connect(remember_generation, dispatch_uid="page_cache:request_started")
    request_finished.connect(forget_generation, dispatch_uid="page_cache:request_finished")


def page_key(request):
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{current_generation()}:{dates.today().isoformat()}:{translation.get_language()}:{url}"


def _may_use_cache(request, view_func):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and _only_accepted_params(request, accepted_params(view_func))
    )


def _only_accepted_params(request, accepted):
    names = Counter(name for name, _value in request.GET.lists() for _each in _value)
    return all(name in accepted and count == 1 for name, count in names.items())


class PublicPageCacheMiddleware:
    """Serve and store the pages of views marked ``public_page`` (see the module docstring).

    Placed after the session, CSRF, authentication and messages middleware, so that what it
    stores has been through them and what it serves gets fresh security headers and nonce.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_public_page_key", None)
        if key is None or not self._storable(request, response):
            return response
        content = _read_whole(response) if response.streaming else response.content
        if content is None:
            return response
        response["ETag"] = quote_etag(hashlib.sha256(content).hexdigest()[:32])
        headers = [(h, response[h]) for h in KEPT_HEADERS if h in response]
        cache.set(key, (response.status_code, content, headers, response.streaming), PAGE_TIMEOUT)
        return get_conditional_response(request, etag=response["ETag"], response=response) or response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.PUBLIC_PAGE_CACHE or not getattr(view_func, "public_page", False):
            return None
        if not _may_use_cache(request, view_func):
            return None
        key = page_key(request)
        stored = cache.get(key)
        if stored is None:
            request._public_page_key = key
            return None
        status, content, headers, streamed = stored
        response = (StreamingHttpResponse if streamed else HttpResponse)([content], status=status)
        for header, value in headers:
            response[header] = value
        return get_conditional_response(request, etag=response["ETag"], response=response) or response

    @staticmethod
    def _storable(request, response):
        messages = getattr(request, "_messages", None)
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not (messages is not None and (messages.used or messages.added_new))
            and not (user is not None and user.is_authenticated)
        )


def _read_whole(response):
    """A streamed response's body, read to store it (the response then streams it from memory).

    None when it is larger than ``MAX_STORED_BYTES``: the response streams on, uncached.
    """
    chunks, size = [], 0
    iterator = iter(response.streaming_content)
    for chunk in iterator:
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_STORED_BYTES:
            response.streaming_content = _chained(chunks, iterator)
            return None
    content = b"".join(chunks)
    response.streaming_content = [content]
    return content


def _chained(read, rest):
    yield from read
    yield from rest
