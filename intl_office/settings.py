"""Settings for the International Office Portal.

Everything comes from the environment. With nothing set the portal runs as the
embedded default: SQLite in the project folder, DEBUG on, e-mail to the console.
Production sets DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, SITE_URL and the EMAIL_* values.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from intl_office.storage_settings import LOCAL_STORAGES, object_storages

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; absent in CI and on a fresh clone

DEBUG = env.bool("DEBUG", default=True)

# A development key is only acceptable while DEBUG is on; a production server
# that forgot SECRET_KEY must not start with a key everybody can read on GitHub.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off the portal refuses to start without "
            "a secret key: set the SECRET_KEY environment variable to a long random string."
        )
    SECRET_KEY = "django-insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The portal's public address: every link that leaves the site (e-mail, the staff calendar feed)
# starts with it, whoever builds it (intl_office.mail). A cron job has no request to take a host
# from, so a production server without it would mail links to the development server.
SITE_URL = env.str("SITE_URL", default="").strip().rstrip("/")
if not SITE_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SITE_URL is not set. With DEBUG off the portal refuses to start without its public "
            "address: set the SITE_URL environment variable to it, like https://intl.example.org."
        )
    SITE_URL = "http://127.0.0.1:8000"
if urlsplit(SITE_URL).scheme not in ("http", "https") or not urlsplit(SITE_URL).netloc:
    raise ImproperlyConfigured(f"SITE_URL must be a web address like https://intl.example.org, not {SITE_URL!r}.")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "intl_office.apps.PortalAdminConfig",  # django.contrib.admin, its login through allauth
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_countries",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "allauth",
    "allauth.account",
    "allauth.mfa",  # the second factor (TOTP and recovery codes) Office staff and superusers must use
    "csp",
    "import_export",
    "auditlog",
    # Background jobs (intl_office/jobs.py): Django's tasks API and its database backend. Before
    # intl_office, whose admin replaces the backend's page for them.
    "django_tasks",
    "django_tasks_db",
    "intl_office",
    "partners",
    "programs",
    "mobility",
    # The pages and tools on top of every app; only the demo needs to be an app (for its commands).
    "intl_office.demo",
]

MIDDLEWARE = [
    # First, so that everything below sees the client's address and scheme only from a trusted proxy.
    "intl_office.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "intl_office.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "intl_office.middleware.RejectNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After sessions, CSRF, users and messages: it must know what they would add to a page.
    "intl_office.page_cache.PublicPageCacheMiddleware",
    "intl_office.middleware.RequestBodyLimitMiddleware",  # 413 before an oversized body is read to disk
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "intl_office.second_factor.RequireSecondFactorMiddleware",
    "auditlog.middleware.AuditlogMiddleware",  # records who made each change
]

ROOT_URLCONF = "intl_office.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "intl_office.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "intl_office.wsgi.application"
ASGI_APPLICATION = "intl_office.asgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# With DEBUG off each gunicorn worker keeps its connection for a minute instead of opening one per
# request; the health check replaces a connection the database dropped (a restart) before it is used.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # An unreachable server fails a request in seconds (the outage page) rather than after the
    # operating system's TCP timeout of minutes; `?connect_timeout=N` in DATABASE_URL overrides it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# URL fields typed without a scheme mean https (the Django 6.0 default, adopted now).
FORMS_URLFIELD_ASSUME_HTTPS = True

AUTH_USER_MODEL = "intl_office.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",  # by e-mail or username, on one sign-in page
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/my/applications/"

# Accounts (django-allauth): students sign up with e-mail and password and verify the address before
# applying. One sign-in page for all (intl_office/sign_in.py): students type their e-mail, staff their
# username or e-mail; the admin's login page sends there.
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_FORMS = {"login": "intl_office.sign_in.SignInForm"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Sign-up also asks "I study here / I work here" and a member of staff's department (intl_office/people.py).
ACCOUNT_SIGNUP_FORM_CLASS = "intl_office.people.SignupDetailsForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Students are named by their name or e-mail, never by the username allauth made up for them.
ACCOUNT_USER_DISPLAY = "intl_office.accounts.user_display"
# Confirming the address in the browser that signed up signs the student in and takes them on to
# where they were going (the call); allauth does so only when that sign-up is in the session.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# intl_office/accounts.py: failed logins count per account, whether typed as e-mail or username (the
# student login and the admin's, which goes through allauth too, share one limit per person), and
# allauth's e-mails link to SITE_URL, not to the host a request happened to use.
ACCOUNT_ADAPTER = "intl_office.accounts.AccountAdapter"
# allauth's rate limits (failed logins per account and per IP, sign-ups, resets) use the cache,
# which every worker shares (files in CACHE_DIR, or Redis when REDIS_URL is set).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Second factor (allauth.mfa): an authenticator app (TOTP) with recovery codes for when the phone is
# lost. Office staff and superusers are sent to set it up before they reach the admin
# (intl_office.second_factor). Staff accounts are made by an administrator, who vouches for the
# address, so an unverified e-mail address does not stop them from enrolling.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ALLOW_UNVERIFIED_EMAIL = True
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="International Office Portal")
if DEBUG:
    # The demo admin signs in with this code instead of an authenticator app; allauth refuses
    # to start with it while DEBUG is off.
    MFA_TOTP_INSECURE_BYPASS_CODE = env.str("MFA_DEMO_CODE", default="000000")

# The cache holds the login counters and the used one-time codes, so every worker must see the
# same one: files under CACHE_DIR on one host (they keep working while the database restarts,
# which a later cache of whole public pages needs), Redis when several hosts share the load.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # Sessions are read from Redis and written through to the database, so a Redis restart (it
    # keeps nothing on disk) or an eviction under memory pressure signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env.path("CACHE_DIR", default=BASE_DIR / "cache"),
            # Room for every partner's, call's and visit's card in three languages (12,000 partners make
            # 36,000) beside the pages: when full, Django's file cache drops a third of its files at random,
            # the login counters and used one-time codes among them.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

# Public pages are cached whole for anonymous visitors (intl_office/page_cache.py), in the
# shared cache above, and made fresh by any save or delete in these apps' models. Users are left
# out: a login writes last_login, and no public page shows an account.
PUBLIC_PAGE_CACHE = env.bool("PUBLIC_PAGE_CACHE", default=True)
# Parts of public pages shared by many URLs (figures, statistics, counts), cached on the same generation.
PUBLIC_FRAGMENT_CACHE = env.bool("PUBLIC_FRAGMENT_CACHE", default=True)
# Each worker also keeps the fragments it read lately in memory, up to this many bytes (0: none): a
# fragment's key names its generation, so the copy is never stale (intl_office/fragment_memory.py).
PUBLIC_FRAGMENT_MEMORY = env.int("PUBLIC_FRAGMENT_MEMORY", default=32 * 1024 * 1024)
PUBLIC_PAGE_CACHE_APPS = ["intl_office", "partners", "programs", "mobility"]
PUBLIC_PAGE_CACHE_IGNORED_MODELS = ["intl_office.User"]

# Internationalisation: English is the fallback for every translated field.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("uz", _("Uzbek")),
    ("ru", _("Russian")),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The portal's own catalogues, then the Uzbek country names from CLDR (scripts/country_names.py),
# which django-countries lacks.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "intl_office" / "country_names"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Tashkent")
USE_I18N = True
# One date format per language: Django's for Uzbek and Russian, the office's day-month-year for English.
FORMAT_MODULE_PATH = ["intl_office.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# E-mail: the console in development, SMTP from EMAIL_URL in production
# (for example smtp+tls://user:password@smtp.example.org:587).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="International Office <noreply@example.org>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- HTTPS, headers and cookies: secure by default with DEBUG off; README's production section
# says what each one protects.
# The TLS proxy in front of gunicorn, by address or network (e.g. 127.0.0.1,10.0.0.0/8). Only a
# request from one of them may say which client it carries (X-Forwarded-For) and that it came
# over HTTPS (X-Forwarded-Proto); from anyone else these headers are dropped (intl_office.proxy).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
# Preloading is a promise browsers keep for months, so it is asked for, never assumed.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# check --deploy would warn until it is: the university, not the portal, decides whether its
# domain goes on the browsers' preload list (every subdomain then needs HTTPS).
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script reads the token: every form carries it
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# The browser features no page uses, switched off for the page and anything it might embed
# (intl_office.headers adds the header).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)

# Content-Security-Policy (django-csp): scripts only from the portal's own static files, or inline
# with the nonce of the response ({{ request.csp_nonce }}); styles may be inline because the
# charts size their bars with style attributes; nothing may frame the portal.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF, NONCE],
        # No inline event handler runs, but for the one django-import-export's export page carries
        # on its "Select all" box (onchange="onSelectToggleChange(event)"), allowed by its hash.
        "script-src-attr": ["'unsafe-hashes'", "'sha256-wid4zL8fR53ZYy1ljOepzR77Dn6vWUUxuNnnWWBP3I8='"],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],  # Bootstrap draws its icons with data: SVGs, allauth its QR code
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# Student documents and signed agreements: outside MEDIA_ROOT so that no web server can serve them.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
# Largest file anyone may upload, student or staff (Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count files);
# cap the request body at the web server too.
APPLICATION_UPLOAD_MAX_BYTES = env.int("APPLICATION_UPLOAD_MAX_BYTES", default=5 * 1024 * 1024)
# Largest request body, refused with 413 before it is read (intl_office/middleware.py); unset,
# room for eight files at the limit above and a megabyte of form (intl_office.uploads.max_request_bytes).
UPLOAD_REQUEST_MAX_BYTES = env.int("UPLOAD_REQUEST_MAX_BYTES", default=None)

# --- Object storage: uploaded files in S3-compatible buckets that every host shares ---
# With no bucket named, public media stay in MEDIA_ROOT and private files in PRIVATE_MEDIA_ROOT on
# this host's disk (the embedded default). With both named, logos and photos go to the public
# bucket, anyone may read them at S3_PUBLIC_URL (or the bucket's own address), and student
# documents, signed agreements and pending imports to the private one, readable by nobody but
# the portal (intl_office/storage_settings.py says why two buckets).
S3_PUBLIC_BUCKET = env.str("S3_PUBLIC_BUCKET", default="")
S3_PRIVATE_BUCKET = env.str("S3_PRIVATE_BUCKET", default="")
if S3_PUBLIC_BUCKET or S3_PRIVATE_BUCKET:
    _object_storages, PUBLIC_MEDIA_URL = object_storages(
        public_bucket=S3_PUBLIC_BUCKET,
        private_bucket=S3_PRIVATE_BUCKET,
        endpoint_url=env.str("S3_ENDPOINT_URL", default=""),
        access_key_id=env.str("S3_ACCESS_KEY_ID", default=""),
        secret_access_key=env.str("S3_SECRET_ACCESS_KEY", default=""),
        region=env.str("S3_REGION", default=""),
        public_url=env.str("S3_PUBLIC_URL", default=""),
        # Off for buckets whose ACLs are switched off (AWS's default for new buckets): their policies decide.
        acls=env.bool("S3_ACLS", default=True),
    )
    STORAGES.update(_object_storages)
    # Pages show logos and photos from the public bucket's address, and from nowhere else.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(PUBLIC_MEDIA_URL)
else:
    STORAGES["private"] = LOCAL_STORAGES["private"]

# --- Background jobs and /healthz (README "Background jobs" and "Health check") ----------------
# Jobs (every e-mail first of all) are rows of the database, written in the transaction of the
# change that causes them, and run by `manage.py jobs_worker` on any number of hosts.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A worker writes that it is alive this often; a job whose worker has been silent for
# JOBS_WORKER_TIMEOUT seconds (killed, or its host gone) is given to another worker.
JOBS_HEARTBEAT_SECONDS = env.float("JOBS_HEARTBEAT_SECONDS", default=10)
JOBS_WORKER_TIMEOUT = env.float("JOBS_WORKER_TIMEOUT", default=60)
# A mail server that accepts the connection and then hangs fails the attempt (to be tried again
# later) instead of holding the worker for ever.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=30)
# /healthz answers 503 once a job has been due this many seconds without a worker taking it.
HEALTHZ_MAX_JOB_DELAY = env.int("HEALTHZ_MAX_JOB_DELAY", default=300)
# The load balancer probes gunicorn over plain HTTP: /healthz answers it rather than redirecting.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# The jobs' own rows change every few seconds and no public page shows them.
PUBLIC_PAGE_CACHE_IGNORED_MODELS += ["intl_office.Job", "intl_office.JobWorker", "intl_office.OutgoingMessage"]
# How long a link e-mailed to a partner's coordinator (intl_office/host_links.py) stays valid.
HOST_LINK_MAX_AGE_DAYS = env.int("HOST_LINK_MAX_AGE_DAYS", default=30)
PUBLIC_PAGE_CACHE_IGNORED_MODELS += ["intl_office.FileImport", "intl_office.ReportFile"]
# An admin import of more rows than this is written by a background job instead of in the request;
# its uploader follows it on a status page and gets an e-mail when it is done.
IMPORT_BACKGROUND_ROWS = env.int("IMPORT_BACKGROUND_ROWS", default=300)
# Files of the annual report's XLSX are kept this many days (manage.py clean_up_files removes them).
REPORT_FILE_DAYS = env.int("REPORT_FILE_DAYS", default=7)
