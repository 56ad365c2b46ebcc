"""Fair selection (issue 12): reference numbers, archiving, the history's kinds of entry, reopening.

Existing submitted applications get their reference numbers here, in submission order, from the
counters new submissions continue (the rule is written out, as in intl_office 0007, so that this
migration does not change when the code does). The new right to reopen a decision is made here
(post_migrate has not run yet on a fresh database) and given to Office staff.
"""

import re

from django.db import migrations, models
from django.utils import timezone

OFFICE_STAFF = "Office staff"
PERMISSIONS = {"reopen_application": "Can reopen a decided application"}


def number_existing(apps, schema_editor):
    Application = apps.get_model("mobility", "Application")
    ReferenceCounter = apps.get_model("mobility", "ReferenceCounter")
    HomeInstitution = apps.get_model("intl_office", "HomeInstitution")
    home = HomeInstitution.objects.filter(pk=1).first()
    short_name = re.sub(r"[^A-Z0-9]", "", (home.short_name if home else "").upper())[:20] or "APP"
    counters = {}
    submitted = Application.objects.filter(reference__isnull=True).exclude(status="draft")
    for application in submitted.order_by("submitted_at", "created_at", "pk"):
        moment = application.submitted_at or application.created_at
        prefix = f"{short_name}-{timezone.localtime(moment).year}"
        if prefix not in counters:
            counters[prefix] = ReferenceCounter.objects.get_or_create(prefix=prefix)[0]
        counter = counters[prefix]
        counter.last_number += 1
        application.reference = f"{prefix}-{counter.last_number:04d}"
        application.save(update_fields=["reference"])
    for counter in counters.values():
        counter.save(update_fields=["last_number"])


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(app_label="mobility", model="application")
    permissions = [
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        for codename, name in PERMISSIONS.items()
    ]
    for group in Group.objects.filter(name=OFFICE_STAFF):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="mobility", codename__in=PERMISSIONS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('intl_office', '0007_background_jobs'),
        ('mobility', '0007_learning_agreements'),
    ]

    operations = [
        migrations.CreateModel(
            name='ReferenceCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('prefix', models.CharField(max_length=30, unique=True, verbose_name='prefix')),
                ('last_number', models.PositiveIntegerField(default=0, verbose_name='last number')),
            ],
            options={
                'verbose_name': 'reference counter',
                'verbose_name_plural': 'reference counters',
                'default_permissions': (),
            },
        ),
        migrations.AlterModelOptions(
            name='application',
            options={'ordering': [models.OrderBy(models.F('submitted_at'), descending=True, nulls_last=True), '-created_at'], 'permissions': [('reopen_application', 'Can reopen a decided application')], 'verbose_name': 'application', 'verbose_name_plural': 'applications'},
        ),
        migrations.AddField(
            model_name='application',
            name='archived_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='archived'),
        ),
        migrations.AddField(
            model_name='application',
            name='archived_reason',
            field=models.TextField(blank=True, verbose_name='reason for archiving'),
        ),
        migrations.AddField(
            model_name='application',
            name='reference',
            field=models.CharField(blank=True, help_text='Given when the application is submitted; the student quotes it.', max_length=40, null=True, unique=True, verbose_name='reference number'),
        ),
        migrations.AddField(
            model_name='applicationevent',
            name='changes',
            field=models.JSONField(blank=True, default=dict, verbose_name='changes'),
        ),
        migrations.AddField(
            model_name='applicationevent',
            name='kind',
            field=models.CharField(choices=[('status', 'Status change'), ('correction', "Correction of the student's data"), ('reopen', 'Decision reopened'), ('archive', 'Archived')], default='status', max_length=20, verbose_name='kind'),
        ),
        migrations.RunPython(number_existing, migrations.RunPython.noop),
        migrations.RunPython(grant, revoke),
    ]
