"""``manage.py move_agreement_documents``: move signed documents left in public media into private storage.

Migration ``partners.0004`` does this once on the host that runs ``migrate``. Run the command on
any other host whose ``MEDIA_ROOT`` still holds agreements uploaded before then; running it again
changes nothing. Names stay as they are, so the agreements still point at their files.
"""

from django.core.management.base import BaseCommand

from intl_office.storage import move_to_private
from partners.models import Agreement


class Command(BaseCommand):
    help = "Move agreements' signed documents from public media into private storage (safe to run again)."

    def handle(self, *args, **options):
        names = Agreement.objects.exclude(document="").values_list("document", flat=True)
        moved, already, missing = move_to_private(list(names))
        for name in missing:
            self.stderr.write(f"Missing from both public and private storage: {name}")
        self.stdout.write(
            f"Moved {len(moved)} document(s) to private storage; {len(already)} already there; {len(missing)} missing."
        )
