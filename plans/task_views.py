"""Composing the tasks of a draft plan (/plans/<pk>/tasks/compose/): add, edit every field,
reorder, remove. Progress on the plan in force stays with :func:`plans.views.task_edit`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse

from units.models import Department
from units.scoping import scoped

from . import services
from .forms import TaskDraftForm
from .models import Task
from .views import _apply, _draft, row_views


@login_required
def task_compose(request, pk):
    plan = _draft(request, pk)
    form = TaskDraftForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        task = _apply(form, lambda: services.save_draft_task(plan, values=form.cleaned_data, by=request.user))
        if task is not None:
            messages.success(request, "Đã thêm nhiệm vụ.")
            return redirect(reverse("plans:task_compose", args=[plan.pk]) + f"#nv-{task.pk}")
    tasks = (scoped(Task.objects.filter(plan=plan), request.user).select_related("lead", "sector")
             .prefetch_related(Prefetch("cooperating", queryset=Department.objects.order_by("order", "name")))
             .order_by("order", "pk"))
    return render(request, "plans/task_compose.html", {"plan": plan, "form": form, "tasks": tasks})


@login_required
def task_draft_edit(request, pk, task_pk):
    task = _draft(request, pk, Task.objects, pk=task_pk)
    form = TaskDraftForm(request.POST or None, plan=task.plan, instance=task)
    if request.method == "POST" and form.is_valid():
        if _apply(form, lambda: services.save_draft_task(task.plan, values=form.cleaned_data, by=request.user,
                                                         task=task)):
            messages.success(request, "Đã lưu nhiệm vụ.")
            return redirect(reverse("plans:task_compose", args=[pk]) + f"#nv-{task.pk}")
    return render(request, "plans/task_draft_edit.html", {"plan": task.plan, "task": task, "form": form})


task_move, task_delete = row_views(Task, move=services.move_task, delete=services.delete_task,
                                   page="plans:task_compose", anchor="nv", deleted="Đã xoá nhiệm vụ.")
