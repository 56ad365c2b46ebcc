"""Background jobs (intl_office/jobs.py): the admin's view of django-tasks-db's jobs, the workers'
heartbeats and the queued e-mails; Office staff read the jobs and run failed ones again.

Like 0006, the permissions are made here, as post_migrate has not run yet on a fresh database, and
the group name is written out so that this migration does not change when the code does. The other
roles get nothing: a job's page names whom an e-mail is for.
"""

import django.db.models.deletion
from django.db import migrations, models

OFFICE_STAFF = "Office staff"
PERMISSIONS = {"view_job": "Can view background job", "rerun_job": "Can run a background job again"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(app_label="intl_office", model="job")
    permissions = [
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        for codename, name in PERMISSIONS.items()
    ]
    for group in Group.objects.filter(name=OFFICE_STAFF):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="intl_office", codename__in=PERMISSIONS).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('django_tasks_database', '0021_conditional_partial_index_ordering'),
        ('intl_office', '0006_roles_view_reports'),
    ]

    operations = [
        migrations.CreateModel(
            name='JobWorker',
            fields=[
                ('worker_id', models.CharField(max_length=64, primary_key=True, serialize=False)),
                ('started_at', models.DateTimeField(auto_now_add=True)),
                ('seen_at', models.DateTimeField()),
            ],
            options={
                'default_permissions': (),
            },
        ),
        migrations.CreateModel(
            name='Job',
            fields=[
            ],
            options={
                'verbose_name': 'background job',
                'verbose_name_plural': 'background jobs',
                'permissions': [('rerun_job', 'Can run a background job again')],
                'proxy': True,
                'default_permissions': ('view',),
                'indexes': [],
                'constraints': [],
            },
            bases=('django_tasks_database.dbtaskresult',),
        ),
        migrations.CreateModel(
            name='OutgoingMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('sent_at', models.DateTimeField(blank=True, null=True)),
                ('from_email', models.TextField()),
                ('to', models.JSONField(default=list)),
                ('cc', models.JSONField(blank=True, default=list)),
                ('bcc', models.JSONField(blank=True, default=list)),
                ('reply_to', models.JSONField(blank=True, default=list)),
                ('headers', models.JSONField(blank=True, default=dict)),
                ('subject', models.TextField()),
                ('body', models.TextField(blank=True)),
                ('content_subtype', models.CharField(default='plain', max_length=20)),
                ('html_body', models.TextField(blank=True)),
                ('job', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='django_tasks_database.dbtaskresult')),
            ],
            options={
                'default_permissions': (),
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
