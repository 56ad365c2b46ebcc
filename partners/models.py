"""Partner institutions, their contact people and the agreements signed with them."""

import datetime
import uuid

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from intl_office.dates import today
from intl_office.i18n import localized, localized_sort_indexes
from intl_office.models import HomeInstitution
from intl_office.status import StatusTones
from intl_office.storage import get_private_storage
from intl_office.text import unique_slug
from intl_office.uploads import validate_pdf


class CooperationAreaQuerySet(models.QuerySet):
    def with_public_partners(self):
        """Areas of at least one partner visitors may see: those worth offering in a filter."""
        return self.filter(Exists(Institution.objects.public().filter(cooperation_areas=OuterRef("pk"))))


class CooperationArea(models.Model):
    """A direction of cooperation: student exchange, joint research, staff training, ..."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    objects = CooperationAreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")

    def __str__(self):
        return self.name


class InstitutionQuerySet(models.QuerySet):
    def public(self):
        """Institutions shown to visitors: the active ones."""
        return self.filter(is_active=True)

    def by_country(self):
        """By country code, then by name in the visitor's language: how a call's host institutions are listed."""
        return self.order_by("country", localized("name"), "pk")

    def partners(self, on=None):
        """The one definition of a partner every counter uses (home page, directory, statistics).

        A partner is an institution visitors may see, abroad (not in the home institution's country), with a
        public agreement in force on the day (today by default). The directory lists more: institutions
        whose agreements ended or are being prepared.
        """
        agreements = Agreement.objects.in_force(on).filter(partner=OuterRef("pk"), is_public=True)
        return self.public().exclude(country__in=HomeInstitution.objects.values("country")).filter(Exists(agreements))

    def partner_figures(self, on=None) -> dict:
        """``{"partners": n, "countries": n}`` by the definition of ``partners``, in one query."""
        return self.partners(on).aggregate(partners=Count("pk"), countries=Count("country", distinct=True))

    def with_agreement_in_force(self, on=None):
        """Annotate ``has_agreement_in_force``: a public agreement is valid on the day."""
        agreements = Agreement.objects.in_force(on).filter(partner=OuterRef("pk"), is_public=True)
        return self.annotate(has_agreement_in_force=Exists(agreements))


class Institution(models.Model):
    """A foreign university, research centre, agency, donor or international organisation."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        RESEARCH_CENTRE = "research", _("Research centre")
        GOVERNMENT = "government", _("Government body")
        DONOR = "donor", _("Donor agency or foundation")
        INTERNATIONAL = "international", _("International organisation")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UNIVERSITY)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    description = models.TextField(_("description"), blank=True)
    cooperation_areas = models.ManyToManyField(
        CooperationArea, verbose_name=_("cooperation areas"), blank=True, related_name="institutions"
    )
    cooperating_since = models.PositiveSmallIntegerField(_("cooperating since (year)"), null=True, blank=True)
    is_active = models.BooleanField(
        _("active partner"), default=True, help_text=_("Inactive partners are hidden from visitors.")
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        constraints = [
            # The natural key used by imports: one row per name in a country.
            models.UniqueConstraint(fields=["name", "country"], name="institution_unique_name_country"),
        ]
        indexes = [
            models.Index(fields=["country"], name="institution_country_idx"),
            models.Index(fields=["kind"], name="institution_kind_idx"),
            # The directory: public partners by name in the visitor's language, a page at a time.
            *localized_sort_indexes("name", prefix="institution_name", condition=Q(is_active=True)),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.short_name, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("partners:institution-detail", kwargs={"slug": self.slug})


class Contact(models.Model):
    """A person at a partner institution whom the office writes to."""

    institution = models.ForeignKey(
        Institution, verbose_name=_("institution"), on_delete=models.CASCADE, related_name="contacts"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_primary = models.BooleanField(_("main contact"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-is_primary", "full_name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return f"{self.full_name}, {self.institution}"


def agreement_document_name(agreement, filename):
    """A fresh name under agreements/: it cannot meet an older file's, and tells nothing of the partner."""
    return f"agreements/{uuid.uuid4().hex}.pdf"


class AgreementQuerySet(models.QuerySet):
    """Agreement status derived from dates, usable in filters.

    The same thresholds as ``Agreement.status``: a test holds the two together.
    """

    def drafts(self, on=None):
        on = on or today()
        return self.filter(Q(signed_on__isnull=True) | Q(signed_on__gt=on))

    def in_force(self, on=None):
        """Signed and not yet expired on the day: active or expiring soon."""
        on = on or today()
        return self.filter(signed_on__lte=on).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))

    def active(self, on=None):
        """In force and not within the expiry warning window."""
        on = on or today()
        horizon = on + datetime.timedelta(days=Agreement.EXPIRING_SOON_DAYS)
        return self.in_force(on).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=horizon))

    def expiring_soon(self, on=None, within=None):
        on = on or today()
        horizon = on + datetime.timedelta(days=Agreement.EXPIRING_SOON_DAYS if within is None else within)
        return self.in_force(on).filter(valid_until__lte=horizon)

    def expired(self, on=None):
        on = on or today()
        return self.filter(signed_on__lte=on, valid_until__lt=on)

    def public(self):
        return self.filter(is_public=True, partner__is_active=True)

    def with_quota(self):
        """Annotate ``quota``: the places a year, both ways, students and staff (``Agreement.yearly_quota``)."""
        return self.annotate(
            quota=F("student_places_out") + F("student_places_in") + F("staff_places_out") + F("staff_places_in")
        )

    def with_status(self, on=None):
        """Annotate ``computed_status`` with one of ``Agreement.Status``."""
        on = on or today()
        horizon = on + datetime.timedelta(days=Agreement.EXPIRING_SOON_DAYS)
        S = Agreement.Status
        return self.annotate(
            computed_status=Case(
                When(Q(signed_on__isnull=True) | Q(signed_on__gt=on), then=Value(S.DRAFT)),
                When(valid_until__lt=on, then=Value(S.EXPIRED)),
                When(valid_until__lte=horizon, then=Value(S.EXPIRING_SOON)),
                default=Value(S.ACTIVE),
                output_field=models.CharField(),
            )
        )

    def with_status_in(self, statuses, on=None):
        return self.with_status(on).filter(computed_status__in=statuses)

    def newest_first(self):
        """Drafts not yet signed first, then by the day signed, newest first: a partner's page lists them so."""
        return self.order_by(F("signed_on").desc(nulls_first=True), "title", "pk")


class Agreement(StatusTones, models.Model):
    """A signed (or drafted) agreement with a partner.

    Its status is never typed by hand: it follows from ``signed_on`` and
    ``valid_until`` on the day it is asked.
    """

    EXPIRING_SOON_DAYS = 90

    class Kind(models.TextChoices):
        MOU = "mou", _("Memorandum of understanding")
        COOPERATION = "cooperation", _("Cooperation agreement")
        EXCHANGE = "exchange", _("Exchange agreement")
        DUAL_DEGREE = "dual_degree", _("Dual-degree agreement")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental agreement")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("agreement status", "Draft")
        ACTIVE = "active", _("Active")
        EXPIRING_SOON = "expiring", _("Expiring soon")
        EXPIRED = "expired", _("Expired")

    status_tones = {
        Status.DRAFT: "light",
        Status.ACTIVE: "success",
        Status.EXPIRING_SOON: "warning",
        Status.EXPIRED: "secondary",
    }

    partner = models.ForeignKey(
        Institution, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="agreements"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MOU)
    title = models.CharField(_("title"), max_length=255)
    reference_number = models.CharField(
        _("reference number"), max_length=60, blank=True, help_text=_("The registration number, if any.")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True, help_text=_("Empty while a draft."))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Empty for an agreement without end date.")
    )
    scope = models.TextField(_("scope"), blank=True)
    student_places_out = models.PositiveSmallIntegerField(_("student places per year (outgoing)"), default=0)
    student_places_in = models.PositiveSmallIntegerField(_("student places per year (incoming)"), default=0)
    staff_places_out = models.PositiveSmallIntegerField(_("staff places per year (outgoing)"), default=0)
    staff_places_in = models.PositiveSmallIntegerField(_("staff places per year (incoming)"), default=0)
    # Private: staff open it through partners:agreement-document, which checks their permission.
    document = models.FileField(
        _("signed document"),
        storage=get_private_storage,
        upload_to=agreement_document_name,
        validators=[validate_pdf],
        blank=True,
        help_text=_("The signed agreement as a PDF."),
    )
    is_public = models.BooleanField(_("public"), default=True, help_text=_("Shown on the partner's page."))
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
        help_text=_("The earlier agreement this one replaces in an updated form."),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )
    notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(signed_on__isnull=True) | Q(valid_until__gte=F("signed_on")),
                name="agreement_valid_until_not_before_signed_on",
                violation_error_message=_("An agreement cannot end before it is signed."),
            ),
            models.UniqueConstraint(
                fields=["reference_number"],
                condition=~Q(reference_number=""),
                name="agreement_unique_reference_number",
                violation_error_message=_("Another agreement has this reference number."),
            ),
        ]
        indexes = [
            models.Index(fields=["valid_until"], name="agreement_valid_until_idx"),
            models.Index(fields=["signed_on"], name="agreement_signed_on_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.partner.get_absolute_url() + f"#agreement-{self.pk}"

    def clean(self):
        super().clean()
        if self.renews_id and self.pk and self.renews_id == self.pk:
            raise ValidationError({"renews": _("An agreement cannot renew itself.")})
        if self.renews_id and self.renews.partner_id != self.partner_id:
            raise ValidationError({"renews": _("The renewed agreement must be with the same partner.")})

    def status_on(self, on: datetime.date) -> str:
        if self.signed_on is None or self.signed_on > on:
            return self.Status.DRAFT
        if self.valid_until is None:
            return self.Status.ACTIVE
        if self.valid_until < on:
            return self.Status.EXPIRED
        if self.valid_until <= on + datetime.timedelta(days=self.EXPIRING_SOON_DAYS):
            return self.Status.EXPIRING_SOON
        return self.Status.ACTIVE

    @property
    def status(self) -> str:
        return self.status_on(today())

    @property
    def is_in_force(self) -> bool:
        return self.status in (self.Status.ACTIVE, self.Status.EXPIRING_SOON)

    def renewal_chain(self, limit=50):
        """This agreement with those it renews and those that renewed it, oldest first.

        Follows ``renews`` back to the first agreement and ``renewals`` forward level
        by level (one agreement may in principle be renewed twice). ``limit`` guards
        against a loop typed into the data by hand.
        """
        earlier, seen, current = [], {self.pk}, self
        while current.renews_id and current.renews_id not in seen and len(earlier) < limit:
            current = current.renews
            seen.add(current.pk)
            earlier.append(current)
        later, frontier = [], [self.pk]
        while frontier and len(later) < limit:
            level = list(Agreement.objects.filter(renews__in=frontier).exclude(pk__in=seen).order_by("signed_on", "pk"))
            seen.update(agreement.pk for agreement in level)
            later.extend(level)
            frontier = [agreement.pk for agreement in level]
        return [*reversed(earlier), self, *later]

    @property
    def yearly_quota(self) -> int:
        return self.student_places_out + self.student_places_in + self.staff_places_out + self.staff_places_in


class AgreementReminder(models.Model):
    """A reminder that an agreement expires soon, sent once per threshold (90, 30, 7 days)."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before expiry"))
    valid_until = models.DateField(
        _("expiry date at the time of the reminder"),
        help_text=_("If the agreement is extended, reminders start again for the new date."),
    )
    sent_to = models.EmailField(_("sent to"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("expiry reminder")
        verbose_name_plural = _("expiry reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "valid_until", "days_before"], name="agreementreminder_once_per_threshold"
            ),
        ]

    def __str__(self):
        return f"{self.agreement}: {self.days_before} days"


# Every change to these records is kept with who, when and what changed (django-auditlog).
# Timestamps change on every save and say nothing a reader of the history needs.
auditlog.register(Institution, m2m_fields={"cooperation_areas"}, exclude_fields=["created_at", "updated_at"])
auditlog.register(Agreement, exclude_fields=["created_at", "updated_at"])
