"""The roles' rights on departments and letter templates.

As in 0007, the permissions are made here (post_migrate has not run yet on a fresh database) and the
group names written out: Office staff get every right on the new models, Viewers and Faculty
coordinators read them.
"""

from django.db import migrations

MODELS = ("department", "lettertemplate")


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("intl_office")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label="intl_office", content_type__model__in=MODELS)
    views = ours.filter(codename__startswith="view_")
    rights = {"Office staff": ours, "Faculty coordinator": views, "Viewer": views}
    for name, permissions in rights.items():
        for group in Group.objects.filter(name=name):
            group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    ours = Permission.objects.filter(content_type__app_label="intl_office", content_type__model__in=MODELS)
    for group in Group.objects.filter(name__in=["Office staff", "Faculty coordinator", "Viewer"]):
        group.permissions.remove(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("intl_office", "0010_departments_and_letters"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
