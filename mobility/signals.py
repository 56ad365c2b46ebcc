"""Files leave private storage with the rows that own them: an application's photo, its documents.

A signal, against the house habit of explicit services, because deletion has paths no service
sees: the admin's delete, a queryset's ``delete()``, and the cascade from a student's account
deleted in the user admin, which sits in the core and knows nothing of mobility. Files go only
after the transaction commits, so a rolled-back delete keeps them.
"""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from intl_office.storage import private_storage

from .models import Application, ApplicationDocument


def _delete_after_commit(name):
    if name:
        transaction.on_commit(lambda: private_storage.delete(name), robust=True)


@receiver(post_delete, sender=Application, dispatch_uid="mobility.application_photo_delete")
def delete_application_photo(sender, instance, **kwargs):
    _delete_after_commit(instance.photo.name)


@receiver(post_delete, sender=ApplicationDocument, dispatch_uid="mobility.application_document_delete")
def delete_application_document_file(sender, instance, **kwargs):
    _delete_after_commit(instance.file.name)
