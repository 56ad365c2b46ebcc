"""``manage.py move_media_to_storage``: copy the files kept on this host's disk into the configured buckets.

Run once after setting the ``S3_*`` variables, on the host whose ``MEDIA_ROOT`` and
``PRIVATE_MEDIA_ROOT`` hold the uploads so far. Every file a record names is copied under the same
name, so the records point at it unchanged: logos and photos into the public bucket, students'
documents and photos and agreements' signed PDFs into the private one (an agreement's document
still in ``MEDIA_ROOT``, from before ``partners.0004``, too), with the imports waiting for their
confirmation. Running it again copies nothing that is already there. The local folders are left
as they are, to be removed once the portal runs on the buckets.
"""

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import models

from intl_office.admin_imports import IMPORTS_FOLDER
from intl_office.storage import PrivateFileSystemStorage, copy_files, private_storage


class Command(BaseCommand):
    help = (
        "Copy uploaded files from MEDIA_ROOT and PRIVATE_MEDIA_ROOT into the object storage configured "
        "by the S3_* variables, names unchanged (safe to run again)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be copied; copy nothing.")

    def handle(self, *args, dry_run=False, **options):
        local_public = FileSystemStorage(location=settings.MEDIA_ROOT)
        local_private = PrivateFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)
        if _is_folder(default_storage, local_public) or _is_folder(private_storage, local_private):
            raise CommandError(
                "Files are kept in MEDIA_ROOT and PRIVATE_MEDIA_ROOT, not in object storage: set S3_PUBLIC_BUCKET, "
                "S3_PRIVATE_BUCKET and the other S3_* variables (README, Settings) and run this again."
            )
        public_names, private_names = _names_in_records()
        private_names += _waiting_imports(local_private)
        plan = [
            ("Public media", "MEDIA_ROOT", public_names, default_storage, [local_public]),
            # An agreement's document may still be in public media, from before partners.0004.
            ("Private files", "PRIVATE_MEDIA_ROOT", private_names, private_storage, [local_private, local_public]),
        ]
        # Object storage is configured, so boto3 is there; a portal on folders never imports it.
        from botocore.exceptions import BotoCoreError, ClientError

        verb = "would be copied" if dry_run else "copied"
        for label, folder, names, target, sources in plan:
            try:
                result = copy_files(names, target=target, sources=sources, dry_run=dry_run)
            except (BotoCoreError, ClientError) as error:
                raise CommandError(
                    f"The object store refused or could not be reached ({label.lower()}): {error}"
                ) from None
            for name in result.missing:
                self.stderr.write(f"Missing from {folder}: {name}")
            self.stdout.write(
                f"{label}: {len(result.copied)} {verb}, {len(result.already)} already there, "
                f"{len(result.missing)} missing."
            )


def _is_folder(storage, local):
    """Whether ``storage`` is the local folder itself: copying would go nowhere."""
    return isinstance(storage, FileSystemStorage) and storage.location == local.location


def _names_in_records():
    """Every file name a record holds, split by where its field stores it: public media or private storage."""
    public, private = [], []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            names = model._base_manager.values_list(field.attname, flat=True).order_by()
            (private if field.storage is private_storage else public).extend(name for name in names if name)
    return public, private


def _waiting_imports(local_private):
    """Files of import previews not yet confirmed: the confirmation may come after the switch."""
    try:
        _folders, names = local_private.listdir(IMPORTS_FOLDER)
    except FileNotFoundError:
        return []
    return [f"{IMPORTS_FOLDER}/{name}" for name in names]
