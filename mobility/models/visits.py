"""Delegation visits: a delegation we received or sent, its members and photos, told as a story, and its programme."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from intl_office.text import unique_slug
from partners.models import Agreement, Institution

from .records import Direction


class VisitQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def received(self):
        return self.filter(direction=Direction.INCOMING)

    def sent(self):
        return self.filter(direction=Direction.OUTGOING)

    def upcoming(self, on=None):
        return self.filter(start_date__gte=on or today())

    def past(self, on=None):
        return self.filter(start_date__lt=on or today())

    def with_delegation_size(self):
        """Annotate ``delegation_size``: the guests of the delegation, our own representatives not counted."""
        return self.annotate(delegation_size=Count("members", filter=Q(members__side=VisitMember.Side.GUEST)))

    def with_first_photo_id(self):
        """Annotate ``first_photo_id``: the visit's first photo in the editor's order (None without photos)."""
        first_photo = VisitPhoto.objects.filter(visit=OuterRef("pk")).order_by("order", "pk").values("pk")[:1]
        return self.annotate(first_photo_id=Subquery(first_photo))


class Visit(models.Model):
    """A delegation received by us (incoming) or sent by us (outgoing), told as a story."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.INCOMING,
        help_text=_("Incoming: a delegation we received. Outgoing: a delegation we sent."),
    )
    partner = models.ForeignKey(Institution, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="visits")
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True, help_text=_("Empty for a one-day visit."))
    city = models.CharField(_("city"), max_length=100, blank=True)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    story = models.TextField(_("story"), blank=True, help_text=_("Blank lines separate paragraphs."))
    topics = models.TextField(_("topics discussed"), blank=True, help_text=_("One topic per line."))
    outcomes = models.TextField(_("outcomes"), blank=True, help_text=_("One outcome per line."))
    agreements_signed = models.ManyToManyField(
        Agreement, verbose_name=_("agreements signed"), blank=True, related_name="signed_during_visits"
    )
    is_public = models.BooleanField(_("public"), default=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="visit_end_not_before_start",
                violation_error_message=_("A visit cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, f"{self.start_date:%Y-%m-%d} {self.partner.short_name or self.partner.name}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("mobility:visit-detail", kwargs={"slug": self.slug})

    @property
    def topic_list(self):
        return [line.strip(" -•\t") for line in self.topics.splitlines() if line.strip(" -•\t")]

    @property
    def outcome_list(self):
        return [line.strip(" -•\t") for line in self.outcomes.splitlines() if line.strip(" -•\t")]


class VisitMember(models.Model):
    """A person in a visit: a guest of the delegation or a representative of our side."""

    class Side(models.TextChoices):
        GUEST = "guest", _("Delegation")
        HOST = "host", _("Our representatives")

    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="members")
    side = models.CharField(_("side"), max_length=5, choices=Side.choices)
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    is_head = models.BooleanField(_("head of delegation"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["visit", "side", "-is_head", "order", "full_name"]
        verbose_name = _("visit member")
        verbose_name_plural = _("visit members")

    def __str__(self):
        return f"{self.full_name}, {self.position}" if self.position else self.full_name


class VisitPhoto(models.Model):
    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="visits/")
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["visit", "order", "pk"]
        verbose_name = _("visit photo")
        verbose_name_plural = _("visit photos")

    def __str__(self):
        return self.caption or self.image.name


class VisitAgendaItem(models.Model):
    """One item of a visit's programme, planned before the visit: when, where, what, and who takes part.

    For the office and the people taking part; the public story of the visit never shows it.
    """

    visit = models.ForeignKey(Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="agenda")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"), null=True, blank=True)
    title = models.CharField(_("what"), max_length=300)
    room = models.CharField(_("room"), max_length=200, blank=True)
    guests = models.ManyToManyField(
        VisitMember,
        verbose_name=_("guests"),
        blank=True,
        related_name="agenda_items",
        help_text=_("Members of the delegation; add them to the visit and save it first."),
    )
    hosts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("our participants"),
        blank=True,
        related_name="visit_agenda_items",
    )
    other_hosts = models.TextField(
        _("our other participants"), blank=True, help_text=_("One per line: name, position.")
    )

    class Meta:
        ordering = ["visit", "date", "start_time", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(end_time__gt=F("start_time")),
                name="visit_agenda_item_ends_after_start",
                violation_error_message=_("An item must end after it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.start_time:%H:%M} {self.title}"

    def clean(self):
        super().clean()
        visit = self.visit if self.visit_id else None
        if visit is None or self.date is None:
            return
        last_day = visit.end_date or visit.start_date
        if not visit.start_date <= self.date <= last_day:
            raise ValidationError({"date": _("The day must fall within the visit's dates.")})

    @property
    def other_host_list(self):
        return [line.strip(" -•\t") for line in self.other_hosts.splitlines() if line.strip(" -•\t")]
