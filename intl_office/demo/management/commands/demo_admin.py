"""``manage.py demo_admin``: a superuser with a published password, for a local demo only."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from intl_office.mail import site_url
from intl_office.second_factor import totp_enroll

USERNAME = "admin"
PASSWORD = "admin-demo-2024"
EMAIL = "admin@example.org"


class Command(BaseCommand):
    help = (
        f"Create the demo superuser '{USERNAME}' with the password '{PASSWORD}', or reset it to that password. "
        "Refuses to run unless DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            help="Where the server listens (make run passes it); the SITE_URL setting when not given.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            # The password is in the README and the source: such an account must never exist on a real server.
            raise CommandError(
                "demo_admin only runs with DEBUG on, because it creates a superuser whose password is public. "
                "On a real server create administrators with `manage.py createsuperuser`."
            )
        user, created = get_user_model().objects.get_or_create(username=USERNAME)
        user.email = EMAIL
        user.is_active = user.is_staff = user.is_superuser = True
        user.set_password(PASSWORD)
        user.save()
        # A superuser must have a second factor. Nobody holds this one's secret: while DEBUG is on,
        # allauth accepts the bypass code of settings.MFA_TOTP_INSECURE_BYPASS_CODE instead.
        totp_enroll(user=user)
        action = "Created" if created else "Reset"
        self.stdout.write(self.style.SUCCESS(f"{action} the demo superuser."))
        site = (options["site"] or site_url()).rstrip("/")
        self.stdout.write(f"  Log in at {site}/admin/")
        self.stdout.write(f"  username: {USERNAME}")
        self.stdout.write(f"  password: {PASSWORD}")
        bypass = getattr(settings, "MFA_TOTP_INSECURE_BYPASS_CODE", "")
        if bypass:
            self.stdout.write(f"  authenticator code: {bypass} (accepted only while DEBUG is on)")
