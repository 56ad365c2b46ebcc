"""Public pages of grant programmes, funded projects, joint degrees and calls for applications.

Every list is built from a constant number of queries whatever the number of
rows: counts are aggregated in the database, related rows come through
select_related/prefetch_related.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView

from intl_office.card_lists import CachedCardListMixin
from intl_office.dates import today
from intl_office.i18n import localized
from intl_office.pagination import PaginationMixin
from partners.models import Institution

from .filters import CallFilterSet, GrantProgramFilterSet
from .models import Call, GrantProgram, JointProgramme, Project

CALL_CARD_TEMPLATE = "programs/includes/_call_card.html"
# How many past calls a programme's page lists before pointing to the filtered call list.
PAST_CALLS_ON_PROGRAM_PAGE = 10


def get_public_program(slug):
    """A programme visitors may see: inactive programmes answer 404."""
    return get_object_or_404(GrantProgram.objects.public().select_related("funder"), slug=slug)


class ProgramListView(ListView):
    """Active grant programmes grouped by kind, each with its open calls and projects counted."""

    template_name = "programs/program_list.html"
    context_object_name = "programs"
    public_page_params = tuple(GrantProgramFilterSet.base_filters)

    def get_queryset(self):
        self.filterset = GrantProgramFilterSet(self.request.GET or None, queryset=GrantProgram.objects.public())
        return self.filterset.qs.select_related("funder").with_counts(today()).in_kind_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The page's content is a fragment per kind chosen: these are read only when it is not cached.
        counts = SimpleLazyObject(lambda: GrantProgram.objects.public().count_by_kind())
        selected = self.filterset.form.cleaned_data.get("kind") if self.filterset.is_valid() else ""
        context.update(
            filterset=self.filterset,
            selected_kind=selected,
            kinds=SimpleLazyObject(
                lambda: [
                    {"value": value, "label": label, "count": counts[value]}
                    for value, label in GrantProgram.Kind.choices
                    if counts.get(value)
                ]
            ),
            total_count=SimpleLazyObject(lambda: sum(counts.values())),
        )
        return context


class ProgramDetailView(DetailView):
    """One programme: what it offers, who can apply, its calls, projects and our people who took part."""

    template_name = "programs/program_detail.html"
    context_object_name = "program"

    def get_object(self, queryset=None):
        return get_public_program(self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        program = self.object
        on = today()
        calls = program.calls.published().in_visitor_order(on)
        current_calls = list(calls.current(on).with_hosts())
        context.update(
            today=on,
            current_calls=current_calls,
            open_call_count=sum(1 for call in current_calls if call.call_status == Call.Status.OPEN),
            past_calls=list(calls.closed(on)[:PAST_CALLS_ON_PROGRAM_PAGE]),
            past_calls_limit=PAST_CALLS_ON_PROGRAM_PAGE,
            projects=list(program.projects.with_member_count().order_by("-start_date", "pk")),
        )
        return context


class ProjectDetailView(DetailView):
    """A funded project and its consortium grouped by country, coordinators first."""

    template_name = "programs/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        return get_object_or_404(Project.objects.select_related("program__funder"), slug=self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        consortium = consortium_by_country(self.object.memberships.select_related("institution").in_role_order())
        project = self.object
        context.update(
            today=today(),
            consortium=consortium,
            member_count=sum(len(group["members"]) for group in consortium),
            our_share_percent=round(100 * project.our_budget_eur / project.budget_eur)
            if project.budget_eur and project.our_budget_eur is not None
            else None,
        )
        return context


def consortium_by_country(memberships):
    """Group memberships (already sorted by role) by country.

    The country of a coordinator comes first, the others follow alphabetically by
    their name in the visitor's language.
    """
    groups = {}
    for membership in memberships:
        country = membership.institution.country
        group = groups.setdefault(country.code, {"country": country, "members": [], "has_coordinator": False})
        group["members"].append(membership)
        if membership.role == Project.Role.COORDINATOR:
            group["has_coordinator"] = True
    return sorted(groups.values(), key=lambda g: (not g["has_coordinator"], str(g["country"].name)))


class JointProgrammeListView(ListView):
    """Joint and dual degrees with public partners, grouped by level; each is an anchor (#slug)."""

    template_name = "programs/jointprogramme_list.html"
    context_object_name = "joint_programmes"

    def get_queryset(self):
        return JointProgramme.objects.public().select_related("partner", "agreement__partner").in_level_order()


class CallListView(CachedCardListMixin, PaginationMixin, ListView):
    """Published calls: open first, then upcoming, then closed; filtered and paginated."""

    card_fragment, list_fragment = "call-card", "call-list-pks"

    template_name = "programs/call_list.html"
    context_object_name = "calls"
    paginate_by = 10
    public_page_params = (*CallFilterSet.base_filters, "page")

    filterset_class = CallFilterSet

    def make_filterset(self):
        return CallFilterSet(self.request.GET or None, queryset=Call.objects.published())

    def filtered_queryset(self):
        return self.filterset.qs.in_visitor_order().select_related("program")

    def render_cards(self, records):
        return _render_call_cards(records)

    def render_listed(self, listed):
        return _render_listed_calls(listed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_filtered"] = self.filters_applied()
        return context


def _render_listed_calls(listed):
    """``{pk: HTML}`` of the cards of these listed calls; a call unpublished meanwhile is left out."""
    calls = Call.objects.published().in_visitor_order().select_related("program")
    return _render_call_cards(list(calls.filter(pk__in=[call.pk for call in listed])))


def _render_call_cards(calls):
    """``{pk: HTML}``: the call list's cards of ``calls`` (rows of ``CallListView``), hosts prefetched in one query."""
    prefetch_related_objects(calls, Prefetch("hosts", queryset=Institution.objects.by_country()))
    return {
        call.pk: render_to_string(CALL_CARD_TEMPLATE, {"call": call, "heading": "h2", "show_program": True})
        for call in calls
    }


class CallDetailView(DetailView):
    """Everything about one published call, with the way to apply."""

    template_name = "programs/call_detail.html"
    context_object_name = "call"

    def get_object(self, queryset=None):
        call = get_object_or_404(Call.objects.published().select_related("program"), slug=self.kwargs["slug"])
        # The name the call templates read, as ``in_visitor_order`` annotates it, by the same rules
        # (``Call.status_on``): building that ordering's SQL cost more than reading the row.
        call.call_status = call.status
        return call

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        call = self.object
        # Read by the page's cached fragments only: neither query is built while they are cached.
        context.update(
            hosts=SimpleLazyObject(lambda: list(call.hosts.by_country())),
            required_documents=SimpleLazyObject(
                lambda: list(call.required_documents.order_by(localized("name"), "pk"))
            ),
        )
        return context


class CallResultsView(DetailView):
    """The published results of a call: reference numbers and outcomes, no names; 404 until published.

    The rows come from mobility (a template tag), which programs may not read itself.
    """

    template_name = "programs/call_results.html"
    context_object_name = "call"

    def get_object(self, queryset=None):
        return get_object_or_404(Call.objects.results_published().select_related("program"), slug=self.kwargs["slug"])
