from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from units.scoping import get_scoped_or_404, scoped

from .models import Plan


@login_required
def home(request):
    plans = scoped(Plan.objects.with_unit(), request.user)
    return render(request, "plans/home.html", {"plans": plans})


@login_required
def plan_detail(request, pk):
    plan = get_scoped_or_404(Plan.objects.with_unit(), request.user, pk=pk)
    return render(request, "plans/plan_detail.html", {"plan": plan})
