"""The departments a ward keeps (bộ phận chuyên môn): the list tasks pick their lead and
cooperating bodies from. Editors and leaders of the unit change it; 404 outside scope."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import services
from .forms import DepartmentForm
from .models import Department, Unit
from .scoping import get_scoped_or_404


def _department(request, unit_pk, department_pk):
    return get_scoped_or_404(Department.objects.select_related("unit"), request.user, write=True,
                             unit_id=unit_pk, pk=department_pk)


def _save(request, form, unit, department=None):
    try:
        return services.save_department(unit, values=form.cleaned_data, by=request.user, department=department)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def department_list(request, unit_pk):
    unit = get_scoped_or_404(Unit.objects, request.user, write=True, pk=unit_pk)
    form = DepartmentForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid() and _save(request, form, unit):
        messages.success(request, "Đã thêm bộ phận.")
        return redirect("units:department_list", unit_pk=unit.pk)
    departments = Department.objects.filter(unit=unit).order_by("order", "name")
    back = request.GET.get("plan")
    return render(request, "units/department_list.html",
                  {"unit": unit, "form": form, "departments": departments,
                   "back": back if (back or "").isdigit() else None})


@login_required
def department_edit(request, unit_pk, department_pk):
    department = _department(request, unit_pk, department_pk)
    form = DepartmentForm(request.POST or None, unit=department.unit, instance=department)
    if request.method == "POST" and form.is_valid() and _save(request, form, department.unit, department):
        messages.success(request, "Đã lưu bộ phận.")
        return redirect(reverse("units:department_list", args=[unit_pk]) + f"#bp-{department.pk}")
    return render(request, "units/department_edit.html",
                  {"unit": department.unit, "department": department, "form": form})


@login_required
@require_POST
def department_move(request, unit_pk, department_pk, direction):
    department = _department(request, unit_pk, department_pk)
    services.move_department(department, up=direction == "up", by=request.user)
    return redirect(reverse("units:department_list", args=[unit_pk]) + f"#bp-{department.pk}")


@login_required
@require_POST
def department_active(request, unit_pk, department_pk):
    department = _department(request, unit_pk, department_pk)
    active = request.POST.get("active") == "1"
    services.set_department_active(department, active=active, by=request.user)
    messages.success(request, f"Đã {'dùng lại' if active else 'ngừng dùng'} bộ phận {department.name}.")
    return redirect(reverse("units:department_list", args=[unit_pk]) + f"#bp-{department.pk}")
