"""Open data: the partner directory and its public agreements as CSV and JSON.

A ministry or a ranking agency takes the same list the directory shows, with the
same filters in the query string, without copying HTML. Both formats stream row by
row from a constant number of queries, whatever the number of partners.

CSV files start with a UTF-8 byte order mark: the people who open them are mostly
office and ministry staff using Excel, which reads a CSV without one in the Windows
code page and garbles every Uzbek and Russian name; Python (``utf-8-sig``), pandas,
LibreOffice and R read the mark and drop it. For the same readers, no CSV cell starts a
formula (``intl_office.exports.safe_cell``): partners' names come from files and forms, and
"=HYPERLINK(...)" must stay text. JSON is for programs, not spreadsheets: it keeps every value as stored.
"""

import csv
import json
from collections import defaultdict

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from intl_office.exports import safe_cell
from intl_office.models import HomeInstitution

from .models import Agreement, CooperationArea, Institution

CSV = "csv"
JSON = "json"
FORMATS = (CSV, JSON)
BYTE_ORDER_MARK = "\ufeff"
ITERATOR_CHUNK = 500
AREA_SEPARATOR = "; "

INSTITUTION_FIELDS = [
    "name",
    "short_name",
    "kind",
    "kind_name",
    "country_code",
    "country_name",
    "city",
    "website",
    "cooperation_areas",
    "has_agreement_in_force",
    "url",
]

AGREEMENT_FIELDS = [
    "partner",
    "partner_country_code",
    "partner_country_name",
    "kind",
    "kind_name",
    "title",
    "reference_number",
    "signed_on",
    "valid_until",
    "status",
    "status_name",
    "student_places_out",
    "student_places_in",
    "staff_places_out",
    "staff_places_in",
    "url",
]


def _areas_by_institution(institutions):
    """``{institution pk: [area name, ...]}`` in two queries, however many institutions there are."""
    areas = {area.pk: area.name for area in CooperationArea.objects.all()}
    links = Institution.cooperation_areas.through.objects.filter(institution__in=institutions.values("pk"))
    result = defaultdict(list)
    for institution_id, area_id in links.values_list("institution_id", "cooperationarea_id").order_by():
        result[institution_id].append(areas[area_id])
    for names in result.values():
        names.sort(key=str.casefold)
    return result


def institution_rows(institutions, request):
    """Dictionaries of ``INSTITUTION_FIELDS`` for a filtered queryset of institutions."""
    areas = _areas_by_institution(institutions)
    for institution in institutions.iterator(chunk_size=ITERATOR_CHUNK):
        yield {
            "name": institution.name,
            "short_name": institution.short_name,
            "kind": institution.kind,
            "kind_name": str(institution.get_kind_display()),
            "country_code": institution.country.code,
            "country_name": str(institution.country.name),
            "city": institution.city or "",
            "website": institution.website,
            "cooperation_areas": areas.get(institution.pk, []),
            "has_agreement_in_force": institution.has_agreement_in_force,
            "url": request.build_absolute_uri(institution.get_absolute_url()),
        }


def public_agreements(institutions):
    """The public agreements of the given institutions, each with its partner and status."""
    return (
        Agreement.objects.public()
        .filter(partner__in=institutions.values("pk"))
        .with_status()
        .select_related("partner")
        .order_by("partner__name_en", "partner_id", "-signed_on", "title", "pk")
    )


def agreement_rows(agreements, request):
    """Dictionaries of ``AGREEMENT_FIELDS`` for a queryset from ``public_agreements``."""
    for agreement in agreements.iterator(chunk_size=ITERATOR_CHUNK):
        partner = agreement.partner
        yield {
            "partner": partner.name,
            "partner_country_code": partner.country.code,
            "partner_country_name": str(partner.country.name),
            "kind": agreement.kind,
            "kind_name": str(agreement.get_kind_display()),
            "title": agreement.title,
            "reference_number": agreement.reference_number,
            "signed_on": agreement.signed_on,
            "valid_until": agreement.valid_until,
            "status": agreement.computed_status,
            "status_name": str(Agreement.Status(agreement.computed_status).label),
            "student_places_out": agreement.student_places_out,
            "student_places_in": agreement.student_places_in,
            "staff_places_out": agreement.staff_places_out,
            "staff_places_in": agreement.staff_places_in,
            "url": request.build_absolute_uri(agreement.get_absolute_url()),
        }


class _Echo:
    """A file-like object whose ``write`` hands the line back, for streaming ``csv.writer`` output."""

    def write(self, value):
        return value


def _csv_value(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return safe_cell(AREA_SEPARATOR.join(value))
    if value is None:
        return ""
    return safe_cell(value)


def _in_language(language, chunks):
    """Run a streaming generator in the request's language: it runs after the view returned."""
    with translation.override(language):
        yield from chunks


def _csv_chunks(fields, rows):
    writer = csv.writer(_Echo())
    yield BYTE_ORDER_MARK + writer.writerow([safe_cell(field) for field in fields])
    for row in rows:
        yield writer.writerow([_csv_value(row[field]) for field in fields])


def _json_chunks(header, rows):
    """``{..header, "results": [row, ...]}`` written one row at a time."""
    opening = json.dumps(header, cls=DjangoJSONEncoder, ensure_ascii=False)
    yield opening[:-1] + ', "results": ['
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
    yield "\n]}\n"


def licence_note():
    home = HomeInstitution.load()
    return _(
        "Published by %(publisher)s as open data. You may copy, share and reuse it; please name "
        "the source and the date it was generated."
    ) % {"publisher": home.name or _("the International Office")}


def export_response(*, fmt, basename, fields, rows, count, request, source_url):
    """A streaming CSV or JSON download of ``rows`` (dictionaries with ``fields`` as keys)."""
    generated_at = timezone.now().replace(microsecond=0)
    filename = f"{basename}-{timezone.localdate(generated_at):%Y-%m-%d}.{fmt}"
    language = translation.get_language()
    if fmt == CSV:
        response = StreamingHttpResponse(
            _in_language(language, _csv_chunks(fields, rows)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        header = {
            "count": count,
            "generated_at": generated_at,
            "licence": licence_note(),
            "source": request.build_absolute_uri(source_url),
            "fields": fields,
        }
        response = StreamingHttpResponse(
            _in_language(language, _json_chunks(header, rows)), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
