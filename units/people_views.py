"""The people of a unit (/units/<pk>/nguoi-dung/): its leader, a supervisor above it or an
administrator adds people, changes their role, deactivates and reactivates them, gives them a new
password. 404 outside the person's scope, 403 inside it without the right (units.permissions)."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from . import people
from .folding import matching
from .forms import ExistingPersonForm, NewPasswordForm, PersonForm, RoleForm, role_choices
from .models import BELOW_COMMUNE, Unit
from .permissions import can_manage_person, grantable_roles, manages_people
from .scoping import get_scoped_or_404, people_units
from .tables import PeopleUnitTable, PersonTable


def _unit(request, unit_pk):
    """The unit whose people the person manages: 404 outside what they read, 403 without the right."""
    unit = get_scoped_or_404(Unit.objects.all(), request.user, pk=unit_pk)
    roles = grantable_roles(request.user, unit)
    if not roles:
        raise PermissionDenied
    return unit, roles


def _unit_person(request, unit_pk, person_pk):
    """The unit (as ``_unit``) and a person holding a role on it: 404 for anyone else."""
    unit, roles = _unit(request, unit_pk)
    person = people.person_of(unit, person_pk)
    if person is None:
        raise Http404
    return unit, roles, person


def _back(unit, person=None):
    return redirect(reverse("units:people_list", args=[unit.pk]) + (f"#nd-{person.pk}" if person else ""))


def _shown_once(request, unit, person, password):
    """The one page that shows a one-time password: rendered from the POST, never stored, not cached."""
    response = render(request, "units/person_password.html", {"unit": unit, "person": person, "password": password})
    response["Cache-Control"] = "no-store"
    return response


@login_required
def people_index(request):
    """Units whose people the person manages; straight to the one when there is one."""
    if not manages_people(request.user):
        raise PermissionDenied
    # Hamlets and residential groups below a commune are left out: nobody holds roles there.
    units = (people_units(request.user).exclude(kind__in=BELOW_COMMUNE)
             .annotate(people=Count("roles__user", distinct=True)).order_by("path"))
    query = " ".join(request.GET.get("q", "").split())
    units = matching(units, query, "name_folded", "code")
    if not query and len(first := units[:2]) == 1:
        return redirect("units:people_list", unit_pk=first[0].pk)
    table = PeopleUnitTable(units)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(request, "units/people_index.html", {"table": table, "query": query})


@login_required
def people_list(request, unit_pk):
    """The people of a unit with their roles there; the form adding one (POST)."""
    unit, roles = _unit(request, unit_pk)
    form = PersonForm(request.POST or None, roles=roles)
    if request.method == "POST" and form.is_valid():
        try:
            person, password = people.add_person(unit, **form.cleaned_data, by=request.user, request=request)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if password:
                return _shown_once(request, unit, person, password)
            messages.success(request, f"Đã thêm {person.get_full_name()} và gửi liên kết đặt mật khẩu tới {person.email}.")
            return _back(unit, person)
    return _people_page(request, unit, roles, form=form)


def _people_page(request, unit, roles, *, form=None, existing=None, suggestions=()):
    """The people page of ``unit`` with its two forms (a new person, an existing account)."""
    listed = people.people_of(unit)
    for person in listed:
        person.here = [r for r in person.all_roles if r.unit_id == unit.pk]
        person.elsewhere = [r for r in person.all_roles if r.unit_id != unit.pk]
        person.manageable = can_manage_person(request.user, person, person.all_roles)
    return render(request, "units/people_list.html", {
        "unit": unit, "form": form or PersonForm(roles=roles), "existing": existing or ExistingPersonForm(roles=roles),
        "suggestions": suggestions, "table": PersonTable(listed), "history": people.people_history(unit),
        "role_choices": role_choices(roles), "departments": list(people.unit_departments(unit)),
    })


@login_required
@require_POST
def person_department(request, unit_pk, person_pk):
    unit, _, person = _unit_person(request, unit_pk, person_pk)
    try:
        role = people.set_department(person, unit, request.POST.get("department"), by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{person.get_full_name() or person.username}: "
                                  f"{role.department.name if role.department else 'không thuộc bộ phận nào'}.")
    return _back(unit, person)


@login_required
@require_POST
def person_existing(request, unit_pk):
    """Give a person who already has an account a role on the unit (by username or e-mail). 403 and
    nothing written when the person may not be managed or the role not given (people.add_existing)."""
    unit, roles = _unit(request, unit_pk)
    form = ExistingPersonForm(request.POST, roles=roles)
    suggestions = []
    if form.is_valid():
        person, suggestions = people.find_account(form.cleaned_data["account"], by=request.user, unit=unit)
        if person is None:
            form.add_error("account", f"Tên đăng nhập hoặc e-mail: không có tài khoản “{form.cleaned_data['account']}”."
                           + (" Có phải một trong những người dưới đây?" if suggestions else ""))
        else:
            try:
                granted = people.add_existing(unit, person=person, role=form.cleaned_data["role"], by=request.user)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Đã cấp vai trò {granted.get_role_display()} tại {unit.name} cho "
                                          f"{person.get_full_name() or person.username}.")
                return _back(unit, person)
    return _people_page(request, unit, roles, existing=form, suggestions=suggestions)


@login_required
@require_POST
def person_role(request, unit_pk, person_pk):
    unit, roles, person = _unit_person(request, unit_pk, person_pk)
    form = RoleForm(request.POST, roles=roles)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["role"]))
        return _back(unit, person)
    role = people.change_role(person, unit, role=form.cleaned_data["role"], by=request.user)
    messages.success(request, f"{person.get_full_name() or person.username}: {role.get_role_display()}.")
    return _back(unit, person)


@login_required
@require_POST
def person_active(request, unit_pk, person_pk):
    unit, _, person = _unit_person(request, unit_pk, person_pk)
    active = request.POST.get("active") == "1"
    people.set_active(person, active=active, by=request.user)
    messages.success(request, f"Đã {'mở lại' if active else 'ngừng hoạt động'} tài khoản {person.username}.")
    return _back(unit, person)


@login_required
@require_POST
def person_password(request, unit_pk, person_pk):
    unit, _, person = _unit_person(request, unit_pk, person_pk)
    form = NewPasswordForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["method"])
        password = people.new_password(person, method=form.cleaned_data["method"], by=request.user, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _back(unit, person)
    if password:
        return _shown_once(request, unit, person, password)
    messages.success(request, f"Đã gửi liên kết đặt mật khẩu tới {person.email}.")
    return _back(unit, person)


class InvitationConfirmView(auth_views.PasswordResetConfirmView):
    """Django's set-password page for the links a manager e-mails (``people.invitation_tokens``:
    their own lifetime, INVITATION_TIMEOUT)."""

    token_generator = people.invitation_tokens


class LoginView(auth_views.LoginView):
    """Django's login page; after a one-time password it leads to setting one's own."""

    def get_success_url(self):
        if self.request.session.get(people.SESSION_MUST_SET):
            return reverse("units:password_set")
        return super().get_success_url()


@never_cache
@login_required
def password_set(request):
    """Set one's own password after logging in with a one-time password (no old password asked:
    only in that session)."""
    if not request.session.get(people.SESSION_MUST_SET):
        return redirect("password_change")
    form = SetPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        del request.session[people.SESSION_MUST_SET]
        messages.success(request, "Đã đặt mật khẩu. Lần sau đăng nhập bằng mật khẩu này.")
        return redirect("home")
    return render(request, "registration/password_set.html", {"form": form})
