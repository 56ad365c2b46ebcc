"""Public pages: the partner directory, a partner's page and the directory's open data; the staff's signed documents."""

import re

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import DetailView, ListView

from intl_office.card_lists import CachedCardListMixin
from intl_office.page_cache import cached_fragment
from intl_office.pagination import PaginationMixin
from intl_office.storage import private_file_response

from . import opendata
from .filters import InstitutionFilterSet, directory_country_counts
from .models import Agreement, Institution
from .world_map import partner_map

PAGE_SIZE = 24
CARD_TEMPLATE = "partners/includes/_institution_card.html"
# Countries drawn in the chart before the rest fold away under "more countries".
COUNTRIES_SHOWN = 12

# The query parameters the open data files read: the directory's filters and sort.
OPEN_DATA_PARAMS = tuple(InstitutionFilterSet.base_filters)

_NAME_WORDS = re.compile(r"[\w']+")
_UNSAFE_FILENAME = re.compile(r"[\x00-\x1f\x7f\"\\/:*?<>|]+")


def directory_queryset():
    """What visitors may see of the partners, with the flag the directory shows on every card."""
    return Institution.objects.public().with_agreement_in_force()


def initials(institution):
    """A few letters standing in for a missing logo: "BSPU", or "SJ" for Shandong Jianzhu University."""
    if institution.short_name and len(institution.short_name) <= 5:
        return institution.short_name.upper()
    words = _NAME_WORDS.findall(institution.short_name or institution.name)
    capitals = [word[0] for word in words if word[0].isupper()] or [word[0] for word in words]
    return "".join(capitals[:2]).upper() or "?"


def _mark_invalid_fields(form):
    for name in form.errors:
        if name in form.fields:
            attrs = form.fields[name].widget.attrs
            attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
            attrs["aria-invalid"] = "true"
            attrs["aria-describedby"] = f"id_{name}-error {attrs.get('aria-describedby', '')}".strip()


class InstitutionListView(CachedCardListMixin, PaginationMixin, ListView):
    """The partner directory: filter, search, sort and page through the public partners.

    What a request costs does not grow with the directory while the content is unchanged: the pks a
    filter and sort list are one cached fragment (so paging needs no count and no sort of every
    partner), and each partner's card another, shared by every page and filter that shows it
    (``CachedCardListMixin``).
    """

    card_fragment, list_fragment = "partner-card", "partner-directory-pks"
    filterset_class = InstitutionFilterSet

    template_name = "partners/institution_list.html"
    context_object_name = "institutions"
    paginate_by = PAGE_SIZE
    public_page_params = (*OPEN_DATA_PARAMS, "page")

    def make_filterset(self):
        return InstitutionFilterSet(self.request.GET, queryset=directory_queryset(), request=self.request)

    def filtered_queryset(self):
        if not self.filterset.is_valid():
            _mark_invalid_fields(self.filterset.form)
            return self.filterset.queryset.none()
        return self.filterset.qs

    def render_cards(self, records):
        return {record.pk: _card_html(record) for record in prefetched_areas(records)}

    def render_listed(self, listed):
        return _render_cards(listed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The filter set's, when it was built (its country select reads them): computed once either way.
        counts = self.filterset.country_counts if "filterset" in self.__dict__ else directory_country_counts()
        largest = max((total for _country, total in counts), default=0)
        selected_country = dict(self.cleaned_filters or ()).get("country", "")
        chart = [
            {
                "country": country,
                "total": total,
                "percent": round(100 * total / largest) if largest else 0,
                "is_selected": country.code == selected_country,
            }
            for country, total in sorted(counts, key=lambda pair: -pair[1])  # stable: ties stay by name
        ]
        context.update(
            form=SimpleLazyObject(lambda: self.filterset.form),
            # Narrowed by the visitor (sorting alone does not count), read from what was sent.
            is_filtered=any(self.request.GET.get(name) for name in InstitutionFilterSet.base_filters if name != "sort"),
            # The lead counts partners as every counter does (``Institution.objects.partners``); the list
            # below holds more (institutions whose agreements ended or are being prepared).
            partner_figures=cached_fragment("partner-figures", Institution.objects.partner_figures),
            countries_top=chart[:COUNTRIES_SHOWN],
            countries_more=chart[COUNTRIES_SHOWN:],
            countries_more_open=any(row["is_selected"] for row in chart[COUNTRIES_SHOWN:]),
            # The chart depends on nothing else: it is a fragment shared by every page of the directory.
            selected_country=selected_country,
            # Called by the template inside its cached fragment, so a cached map costs nothing.
            partner_map=lambda: partner_map(counts, selected=selected_country),
        )
        return context


class InstitutionDetailView(DetailView):
    """A partner's page: who they are, the agreements, programmes, projects, visits and mobility.

    The page's content is one ``{% public_fragment %}`` per partner: the rows below it are read lazily,
    so while it is cached a request reads the partner's row and nothing else.
    """

    template_name = "partners/institution_detail.html"
    context_object_name = "institution"

    def get_object(self, queryset=None):
        # The cooperation areas are read by the cached content only; no prefetch for a cached page.
        institution = get_object_or_404(Institution.objects.public(), slug=self.kwargs["slug"])
        institution.initials = initials(institution)
        return institution

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        institution = self.object
        agreements = SimpleLazyObject(lambda: self._agreements(institution))
        in_force = (Agreement.Status.ACTIVE, Agreement.Status.EXPIRING_SOON)
        context.update(
            agreements=agreements,
            has_agreement_in_force=SimpleLazyObject(
                lambda: any(agreement.computed_status in in_force for agreement in agreements)
            ),
            joint_programmes=SimpleLazyObject(
                lambda: list(institution.joint_programmes.admitting().order_by("name_en", "pk"))
            ),
            memberships=SimpleLazyObject(
                lambda: list(
                    institution.project_memberships.select_related("project__program").order_by(
                        "-project__start_date", "project__acronym"
                    )
                )
            ),
            visits=SimpleLazyObject(lambda: list(institution.visits.public().order_by("-start_date", "pk"))),
        )
        return context

    @classmethod
    def _agreements(cls, institution):
        agreements = list(institution.agreements.public().with_status().newest_first())
        cls._link_renewals(agreements)
        return agreements

    @staticmethod
    def _link_renewals(agreements):
        """Give each agreement the public agreements it renews or is renewed by.

        A renewal that is not public stays out of the chain: its title is not for visitors.
        """
        by_pk = {agreement.pk: agreement for agreement in agreements}
        for agreement in agreements:
            agreement.renews_public = by_pk.get(agreement.renews_id)
            agreement.renewed_by = []
        for agreement in agreements:
            if agreement.renews_public is not None:
                agreement.renews_public.renewed_by.append(agreement)
            agreement.has_quotas = any(
                (
                    agreement.student_places_out,
                    agreement.student_places_in,
                    agreement.staff_places_out,
                    agreement.staff_places_in,
                )
            )


def prefetched_areas(institutions):
    """``institutions`` with their cooperation areas, which the cards show, read in one query."""
    institutions = list(institutions)
    prefetch_related_objects(institutions, "cooperation_areas")
    return institutions


def _render_cards(listed):
    """``{pk: HTML}`` of the directory's cards for these listed partners, in one query and its prefetch."""
    rows = prefetched_areas(directory_queryset().filter(pk__in=[card.pk for card in listed]))
    return {institution.pk: _card_html(institution) for institution in rows}


def _card_html(institution):
    """A partner's card on the directory; ``institution`` from ``directory_queryset`` with its areas prefetched."""
    institution.initials = initials(institution)
    return render_to_string(CARD_TEMPLATE, {"institution": institution})


def _invalid_filters_response(fmt, filterset):
    errors = {name: [str(message) for message in messages] for name, messages in filterset.errors.items()}
    if fmt == opendata.JSON:
        return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})
    lines = [_("The filters are not valid:")] + [f"{name}: {' '.join(msgs)}" for name, msgs in errors.items()]
    return HttpResponse("\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8")


def _directory_url(request):
    query = request.GET.urlencode()
    return reverse("partners:institution-list") + (f"?{query}" if query else "")


def institution_data(request, fmt):
    """The partners the directory lists for the same query string, as CSV or JSON."""
    filterset = InstitutionFilterSet(request.GET, queryset=directory_queryset(), request=request)
    if not filterset.is_valid():
        return _invalid_filters_response(fmt, filterset)
    institutions = filterset.qs
    return opendata.export_response(
        fmt=fmt,
        basename="partners",
        fields=opendata.INSTITUTION_FIELDS,
        rows=opendata.institution_rows(institutions, request),
        count=institutions.count() if fmt == opendata.JSON else None,
        request=request,
        source_url=_directory_url(request),
    )


def agreement_data(request, fmt):
    """The public agreements of the partners the directory lists for the same query string."""
    filterset = InstitutionFilterSet(request.GET, queryset=directory_queryset(), request=request)
    if not filterset.is_valid():
        return _invalid_filters_response(fmt, filterset)
    agreements = opendata.public_agreements(filterset.qs)
    return opendata.export_response(
        fmt=fmt,
        basename="partner-agreements",
        fields=opendata.AGREEMENT_FIELDS,
        rows=opendata.agreement_rows(agreements, request),
        count=agreements.count() if fmt == opendata.JSON else None,
        request=request,
        source_url=_directory_url(request),
    )


@staff_member_required
@require_http_methods(["GET", "HEAD"])
def agreement_document(request, pk):
    """An agreement's signed document for staff who may view agreements, linked from the admin.

    Anybody not staff is sent to the admin's login; staff without the view permission get 403;
    an agreement that does not exist or has no document, 404.
    """
    if not request.user.has_perm("partners.view_agreement"):
        raise PermissionDenied
    agreement = get_object_or_404(Agreement, pk=pk)
    return private_file_response(agreement.document, filename=_document_filename(agreement))


def _document_filename(agreement):
    """The reference number or title, made safe for a Content-Disposition header and a desktop."""
    stem = _UNSAFE_FILENAME.sub(" ", agreement.reference_number or agreement.title).strip()[:120]
    return f"{stem or 'agreement'}.pdf"
