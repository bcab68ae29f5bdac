from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from indicators.periods import PERIODS
from units.scoping import get_scoped_or_404

from . import selectors
from .models import Plan


@login_required
def home(request):
    plans = list(selectors.plans_for(request.user))
    units = {p.unit_id for p in plans}
    # A ward official with one unit goes straight to its newest plan.
    if len(units) == 1 and not request.GET.get("all"):
        return redirect(plans[0])
    return render(request, "plans/home.html", {"plans": plans})


@login_required
def plan_detail(request, pk):
    plan = get_scoped_or_404(Plan.objects.with_unit(), request.user, pk=pk)
    period = request.GET.get("period") or "y"
    if period not in dict(PERIODS):
        period = "y"
    context = {
        "plan": plan,
        "sections": selectors.section_tree(plan),
        "groups": selectors.indicator_groups(plan, period=period),
        "task_groups": selectors.tasks_by_department(plan),
        "period": period,
        "periods": PERIODS,
    }
    return render(request, "plans/plan_detail.html", context)
