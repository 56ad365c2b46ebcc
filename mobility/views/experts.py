"""The public page "Foreign experts": the professors and experts partners sent us, as the office chose to publish.

Only the name, title, partner, subject, host faculty and period show; the e-mail, passport, visa and
registration never leave the admin.
"""

from itertools import groupby

from django.views.generic import ListView

from intl_office.dates import today

from ..models import Expert


def published_experts():
    """Published experts with what the page reads of their partner and host, newest stay first."""
    return (
        Expert.objects.published()
        .select_related("partner", "host_faculty", "host_department")
        .order_by("-start_date", "full_name", "pk")
    )


class ExpertListView(ListView):
    """Experts with us now or coming (soonest first), then past stays grouped by the year they began."""

    template_name = "mobility/expert_list.html"
    context_object_name = "experts"
    public_page_params = ()

    def get_queryset(self):
        return published_experts()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        on = today()
        experts = list(context["experts"])
        current = sorted((e for e in experts if e.end_date >= on), key=lambda e: (e.start_date, e.full_name))
        past = [e for e in experts if e.end_date < on]
        context.update(
            current=current,
            past_years=[(year, list(group)) for year, group in groupby(past, key=lambda e: e.start_date.year)],
            on=on,
        )
        return context
