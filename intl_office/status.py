"""What the site's status badge (templates/includes/_status_badge.html) asks of a record."""


class StatusTones:
    """Mixed into a model with a ``Status`` (a ``TextChoices``) and a ``status``, field or property.

    The model declares ``status_tones``: each ``Status`` value to a Bootstrap theme colour
    ("success", "info", "warning", "danger", "primary", "secondary", "light"). The badge reads
    ``status_tone`` and ``get_status_display()``, so a status's colour is written once, beside its
    values, and no template spells a status.
    """

    status_tones: dict[str, str] = {}

    @property
    def status_tone(self) -> str:
        return self.status_tones[self.status]

    def get_status_display(self) -> str:
        # A status field gets Django's own get_status_display on the model, which wins over this one;
        # this one serves statuses that follow from dates (agreements, calls, projects).
        return self.Status(self.status).label
