"""Every role reads the annual report (intl_office.view_reports, on HomeInstitution since 0005).

Until now the report opened to any staff account; from now on to those holding the right, which
the three roles get here so that nobody who read the report yesterday loses it today. Like 0003,
the permission is made here, as post_migrate has not run yet on a fresh database, and the group
names are written out so that this migration does not change when the code does.
"""

from django.db import migrations

ROLES = ("Office staff", "Faculty coordinator", "Viewer")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(app_label="intl_office", model="homeinstitution")
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="view_reports", defaults={"name": "Can view the annual report"}
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="intl_office", codename="view_reports").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("intl_office", "0005_calendar_token_version_and_report_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
