"""The office's roles as groups (intl_office/roles.py): Office staff, Faculty coordinator, Viewer.

Permissions are normally created after all migrations have run (post_migrate), so on a fresh
database they do not exist yet: this migration creates them first, for the models as they are
at this point of the migration history. A model added later needs its own migration to give
the groups rights on it.

The group names are written out here, as a migration must not change when the code does;
tests/admin/test_roles.py checks they are those of intl_office/roles.py.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICE_STAFF = "Office staff"
FACULTY_COORDINATOR = "Faculty coordinator"
VIEWER = "Viewer"

PROJECT_APPS = ("intl_office", "partners", "programs", "mobility")


def create_all_permissions(apps):
    for app_config in apps.get_app_configs():
        # The historical app registry's configs have no models module; create_permissions skips those.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    in_project = Permission.objects.filter(content_type__app_label__in=PROJECT_APPS)

    def codenames(app_label, *names):
        return Permission.objects.filter(content_type__app_label=app_label, codename__in=names)

    view_everything = in_project.filter(codename__startswith="view_")
    view_audit_log = codenames("auditlog", "view_logentry")
    roles = {
        # Edits every record of the portal; reads the audit log, which nobody can change.
        OFFICE_STAFF: [*in_project, *view_audit_log],
        # Reads the records, reviews applications; the admin narrows applications to their faculty.
        FACULTY_COORDINATOR: [
            *view_everything,
            *codenames("mobility", "change_application", "add_applicationreview", "change_applicationreview"),
        ],
        VIEWER: [*view_everything, *view_audit_log],
    }
    for name, permissions in roles.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[OFFICE_STAFF, FACULTY_COORDINATOR, VIEWER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auditlog", "0017_add_actor_email"),
        ("intl_office", "0002_home_institution_country"),
        ("partners", "0002_agreement_reminders"),
        ("programs", "0001_initial"),
        ("mobility", "0003_application_language"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
