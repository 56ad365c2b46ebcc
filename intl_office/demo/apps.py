from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data's own small app: it exists only to hold ``seed_demo`` and ``demo_admin``.

    Django finds management commands in installed apps only. Keeping them here, rather than in the
    core ``intl_office`` app, means the core never imports the demo (which reads every domain app).
    No models, no migrations.
    """

    name = "intl_office.demo"
    label = "demo"
    verbose_name = "Demo data"
