"""Import and export of partner institutions and agreements (django-import-export), CSV and XLSX.

Imports are all or nothing with a preview first (``intl_office.resources``). Rows are matched
by a natural key, so importing the same file again updates the rows it finds instead of adding
them twice:

- institutions by name (in English) and country;
- agreements by reference number.
"""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from intl_office.models import User
from intl_office.resources import (
    AllOrNothingResource,
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    LongTextWidget,
    LookupWidget,
    RequiredTextWidget,
    TextWidget,
    WebsiteWidget,
    YesNoWidget,
    country_code,
)

from .models import Agreement, Institution


class PartnerWidget(LookupWidget):
    """The partner of an agreement by its name (in English) and the ``partner_country`` column of the same row."""

    NOT_FOUND = _(
        "No institution “%(value)s” in the country of partner_country: import the institution first, "
        "or check the spelling and the country."
    )

    def __init__(self, **kwargs):
        super().__init__(Institution, "name_en", self.NOT_FOUND, **kwargs)

    def clean(self, value, row=None, **kwargs):
        if not TextWidget().clean(value):
            raise ValueError(gettext("Enter the partner's name, as in the list of institutions."))
        return super().clean(value, row, **kwargs)

    def get_lookup_kwargs(self, value, row, **kwargs):
        code = country_code((row or {}).get("partner_country") or "")
        if not code:
            raise Institution.DoesNotExist
        return {"name_en": value, "country": code}

    def render(self, value, obj=None, **kwargs):
        return value.name_en if value is not None else ""


class InstitutionResource(AllOrNothingResource):
    """Partner institutions: one row per institution, matched on name (English) and country."""

    name = fields.Field(attribute="name_en", column_name="name", widget=RequiredTextWidget())
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    short_name = fields.Field(attribute="short_name", column_name="short_name", widget=TextWidget())
    kind = fields.Field(
        attribute="kind",
        column_name="kind",
        widget=ChoiceWidget(Institution.Kind),
        default=Institution.Kind.UNIVERSITY,
    )
    city = fields.Field(attribute="city_en", column_name="city", widget=TextWidget())
    website = fields.Field(attribute="website", column_name="website", widget=WebsiteWidget())
    is_active = fields.Field(attribute="is_active", column_name="is_active", widget=YesNoWidget(), default=True)

    # What each column holds, for the import page.
    COLUMNS = (
        ("name", _("the institution's name in English (required)")),
        ("country", _("two-letter ISO code (DE) or the name in English (Germany) (required)")),
        ("short_name", _("abbreviation, such as TU Berlin")),
        ("kind", _("university (the default), research, government, donor, international, company or other")),
        ("city", _("the city in English")),
        ("website", _("the address of the website; https:// is added when missing")),
        ("is_active", _("1 or 0: shown to visitors or not (1 when empty)")),
    )

    class Meta:
        model = Institution
        name = _("Institutions")
        fields = ("name", "country", "short_name", "kind", "city", "website", "is_active")
        import_id_fields = ("name", "country")

    def get_queryset(self):
        return Institution.objects.order_by("name_en", "country")


class AgreementResource(AllOrNothingResource):
    """Agreements, matched on their reference number; the partner by name and country."""

    reference_number = fields.Field(
        attribute="reference_number", column_name="reference_number", widget=RequiredTextWidget()
    )
    title = fields.Field(attribute="title_en", column_name="title", widget=RequiredTextWidget())
    kind = fields.Field(
        attribute="kind", column_name="kind", widget=ChoiceWidget(Agreement.Kind), default=Agreement.Kind.MOU
    )
    partner = fields.Field(attribute="partner", column_name="partner", widget=PartnerWidget())
    partner_country = fields.Field(
        attribute="partner__country", column_name="partner_country", widget=CountryWidget(), readonly=True
    )
    signed_on = fields.Field(attribute="signed_on", column_name="signed_on", widget=DateWidget())
    valid_until = fields.Field(attribute="valid_until", column_name="valid_until", widget=DateWidget())
    scope = fields.Field(attribute="scope_en", column_name="scope", widget=LongTextWidget())
    student_places_out = fields.Field(
        attribute="student_places_out", column_name="student_places_out", widget=widgets.IntegerWidget(), default=0
    )
    student_places_in = fields.Field(
        attribute="student_places_in", column_name="student_places_in", widget=widgets.IntegerWidget(), default=0
    )
    staff_places_out = fields.Field(
        attribute="staff_places_out", column_name="staff_places_out", widget=widgets.IntegerWidget(), default=0
    )
    staff_places_in = fields.Field(
        attribute="staff_places_in", column_name="staff_places_in", widget=widgets.IntegerWidget(), default=0
    )
    is_public = fields.Field(attribute="is_public", column_name="is_public", widget=YesNoWidget(), default=True)
    renews = fields.Field(
        attribute="renews",
        column_name="renews",
        widget=LookupWidget(
            Agreement,
            "reference_number",
            _(
                "No agreement has the reference number “%(value)s”; "
                "a renewed agreement must come before its renewal in the file."
            ),
        ),
    )
    responsible = fields.Field(
        attribute="responsible",
        column_name="responsible",
        widget=LookupWidget(
            User,
            "username",
            _("No staff member with the username “%(value)s”."),
            limit={"is_staff": True},
        ),
    )
    status = fields.Field(attribute="get_status_display", column_name="status", readonly=True)

    COLUMNS = (
        ("reference_number", _("the registration number; it tells a new agreement from one already listed (required)")),
        ("title", _("the title in English (required)")),
        ("kind", _("mou (the default), cooperation, exchange, dual_degree or intergovernmental")),
        ("partner", _("the partner's name in English, as in the list of institutions (required)")),
        ("partner_country", _("the partner's country: ISO code or name in English (required)")),
        ("signed_on", _("date of signature, YYYY-MM-DD; empty for a draft")),
        ("valid_until", _("last day of validity, YYYY-MM-DD; empty for no end date")),
        ("scope", _("what the agreement covers, in English")),
        ("student_places_out", _("places per year; 0 when empty, as the three columns after it")),
        ("is_public", _("1 or 0: shown on the partner's page or not (1 when empty)")),
        ("renews", _("reference number of the agreement this one renews")),
        ("responsible", _("username of the staff member who receives the expiry reminders")),
        ("status", _("exported only: draft, active, expiring soon or expired, from the dates")),
    )

    class Meta:
        model = Agreement
        name = _("Agreements")
        fields = (
            "reference_number",
            "title",
            "kind",
            "partner",
            "partner_country",
            "signed_on",
            "valid_until",
            "scope",
            "student_places_out",
            "student_places_in",
            "staff_places_out",
            "staff_places_in",
            "is_public",
            "renews",
            "responsible",
            "status",
        )
        import_id_fields = ("reference_number",)

    def get_queryset(self):
        return Agreement.objects.select_related("partner", "renews", "responsible").order_by("reference_number", "pk")

    def filter_export(self, queryset, **kwargs):
        # Oldest first, so that a file imported back lists a renewed agreement before its renewal.
        return queryset.order_by(F("signed_on").asc(nulls_last=True), "pk")

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        # The partner's country is read with its name (PartnerWidget); a file without the column cannot match partners.
        if dataset.headers and "partner" in dataset.headers and "partner_country" not in dataset.headers:
            raise ValidationError(gettext("The file has a partner column but no partner_country column."))
