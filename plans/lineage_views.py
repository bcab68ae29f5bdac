"""Pages of the 2025 reorganisation: a unit's history (/units/<pk>/) and the baselines a new
commune's plan carries from its predecessors (/plans/<pk>/baselines/).

They live in plans, not units: the unit page links to the plans of the unit, its predecessors and
its successors that the person may read, and units may import nothing above it (the layers in
pyproject.toml); plans is the lowest layer that knows both units and plans.
"""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from indicators.models import PlanIndicator
from units.history import ancestors_of, links_of
from units.models import Unit, UnitKind
from units.permissions import can_edit
from units.scoping import get_scoped_or_404, scoped, visible_units

from . import carryover, selectors
from .models import Plan, PlanStatus


def _plans_by_unit(units, user):
    """{unit pk: [plans the user may read, newest first]}: one query."""
    by_unit = defaultdict(list)
    plans = scoped(Plan.objects.filter(unit__in=[u.pk for u in units]), user).only(
        "pk", "unit_id", "year", "revision", "status", "title").order_by("-year", "-revision")
    for plan in plans:
        by_unit[plan.unit_id].append(plan)
    return by_unit


@login_required
def unit_history(request, pk):
    """What a unit was formed from and when, what it became, and the plans of each that the person
    may read. 404 outside the person's scope (a role on a new commune also reads its predecessors).
    Six queries whatever the number of predecessors."""
    unit = get_scoped_or_404(Unit.objects.all(), request.user, pk=pk)
    before, after = links_of(unit)
    others = [link.predecessor for link in before] + [link.successor for link in after]
    parents = ancestors_of([unit, *others])
    plans = _plans_by_unit([unit, *others], request.user)
    seen = set(visible_units(request.user).filter(pk__in=[u.pk for u in others]).values_list("pk", flat=True))
    kinds = dict(UnitKind.choices)

    def row(link, other):
        return {"unit": other, "kind": kinds.get(other.kind, other.kind), "parents": parents[other.pk],
                "divided": link.divided, "is_default": link.is_default, "plans": plans.get(other.pk, []),
                "visible": other.pk in seen}

    own_plans = plans.get(unit.pk, [])
    drafts = [p for p in own_plans if p.status == PlanStatus.DRAFT]
    return render(request, "plans/unit_history.html", {
        "unit": unit, "kind": kinds.get(unit.kind, unit.kind), "parents": parents[unit.pk],
        "predecessors": [row(link, link.predecessor) for link in before],
        "successors": [row(link, link.successor) for link in after],
        "plans": own_plans, "draft": drafts[0] if drafts else None,
    })


@login_required
def carried_baselines(request, pk):
    """The baselines a new commune's plan may take from its predecessors, with their sources;
    the editor of a draft accepts them one by one. Constant queries."""
    plan = get_scoped_or_404(Plan.objects.with_unit().prefetch_related(selectors.reopened_prefetch()),
                             request.user, pk=pk)
    selectors.with_reopened_reports(plan)
    rows = carryover.carried_baselines(plan, request.user)
    links = carryover.predecessor_links(plan.unit)
    may_accept = plan.status == PlanStatus.DRAFT and can_edit(request.user, plan.unit)
    return render(request, "plans/carried_baselines.html", {
        "plan": plan, "rows": rows, "links": links, "may_accept": may_accept,
        "combinable": sum(1 for r in rows if r.combinable),
    })


@login_required
@require_POST
def accept_baseline(request, pk, indicator_pk):
    """Store one carried baseline (editor or leader of the draft plan's unit; 403 otherwise)."""
    indicator = get_scoped_or_404(PlanIndicator.objects.select_related("plan", "plan__unit"), request.user,
                                  write=True, pk=indicator_pk, plan_id=pk)
    try:
        carryover.accept_carried_baseline(indicator, user=request.user, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Đã ghi kết quả năm trước của “{indicator.name[:80]}”: {indicator.baseline_text}.")
    return redirect(reverse("plans:carried_baselines", args=[pk]) + f"#ct-{indicator.pk}")
