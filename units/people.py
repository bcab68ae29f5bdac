"""The people of a unit: adding a person with a role (a new account, or one that exists: a role on
another unit), changing their role, deactivating and reactivating their account, and giving them a
password (one-time, or a link to set one, valid INVITATION_TIMEOUT).

Who may do what is one rule, in ``units.permissions`` (GRANTS, grantable_roles, can_manage_person);
every function here checks it again, whatever the view did, and raises PermissionDenied before
writing anything. Every write is atomic and audited (units.audit.record on the account's or the
role's history row).
"""

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.crypto import constant_time_compare, get_random_string
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode

from core.matching import fold

from . import audit
from .models import Department, OneTimePassword, Role, RoleKind
from .permissions import can_manage_person, grantable_roles
from .scoping import people_units

User = get_user_model()

OTP = "otp"
LINK = "link"
# Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
OTP_CHARS = "abcdefghjkmnpqrstuvwxyz23456789"
OTP_LENGTH = 12
SESSION_MUST_SET = "must_set_password"


def role_label(role):
    return RoleKind(role).label


# --- reading ---------------------------------------------------------------------------------

def people_of(unit):
    """People holding a role on ``unit``, each with ``all_roles`` (every role they hold, here or
    elsewhere, unit loaded): two queries."""
    return list(
        User.objects.filter(unit_roles__unit=unit).distinct().order_by("first_name", "last_name", "username")
        .prefetch_related(Prefetch("unit_roles", queryset=Role.objects.select_related("unit", "department").order_by("role"),
                                   to_attr="all_roles"))
    )


def person_of(unit, pk):
    """The person ``pk`` holding a role on ``unit``, or None."""
    return User.objects.filter(pk=pk, unit_roles__unit=unit).distinct().first()


def people_history(unit, *, limit=50):
    """The audited changes of ``unit``'s roles and of its people's accounts, newest first:
    [(date, by, reason)]. Two queries."""
    roles = (Role.history.filter(unit_id=unit.pk, history_change_reason__isnull=False)
             .select_related("history_user").order_by("-history_date")[:limit])
    users = Role.objects.filter(unit=unit).values("user_id")
    accounts = (User.history.filter(id__in=users, history_change_reason__isnull=False)
                .select_related("history_user").order_by("-history_date")[:limit])
    rows = sorted([*roles, *accounts], key=lambda row: row.history_date, reverse=True)[:limit]
    return [(row.history_date, row.history_user, row.history_change_reason) for row in rows]


# --- checks ----------------------------------------------------------------------------------

def _check_role(by, unit, role):
    if role not in grantable_roles(by, unit):
        raise PermissionDenied(f"Bạn không được cấp vai trò này tại {unit.name}.")


def _check_person(by, person):
    roles = list(Role.objects.filter(user=person).select_related("unit"))
    if not can_manage_person(by, person, roles):
        raise PermissionDenied("Bạn không được thay đổi người dùng này.")


def _clean_identity(username, email, full_name):
    username, email = (username or "").strip(), (email or "").strip()
    errors = {}
    if not " ".join((full_name or "").split()):
        errors["full_name"] = "Họ và tên: không được để trống."
    if not username:
        errors["username"] = "Tên đăng nhập: không được để trống."
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = f"Tên đăng nhập: “{username}” đã có người dùng."
    if email and User.objects.filter(email__iexact=email).exists():
        errors["email"] = f"E-mail: “{email}” đã có người dùng."
    if errors:
        raise ValidationError(errors)
    return username, email


# --- writes ----------------------------------------------------------------------------------

@transaction.atomic
def add_person(unit, *, full_name, username, email, role, method, by, request=None):
    """Create an account for a new person with ``role`` on ``unit``, and give them a password:
    ``method`` OTP returns a one-time password (shown once to ``by``, stored only hashed), LINK
    e-mails a link to set one (``email`` needed). Returns (person, one-time password or None).

    Side effects: INSERTs of a User (history row "Thêm người dùng"), a Role (history row "Cấp vai
    trò"), with OTP a OneTimePassword; with LINK one e-mail through the configured backend.
    Raises PermissionDenied for a role ``by`` may not give on ``unit``, ValidationError naming the
    field for an empty name or username, a username or e-mail already taken, a link without e-mail.
    """
    _check_role(by, unit, role)
    username, email = _clean_identity(username, email, full_name)
    if method == LINK and not email:
        raise ValidationError({"email": "E-mail: cần có để gửi liên kết đặt mật khẩu."})
    first, _, last = " ".join(full_name.split()).rpartition(" ")
    # Vietnamese names: family and middle names first, given name last (Django's last_name slot).
    person = User(username=username, email=email, first_name=first, last_name=last)
    password = _one_time_password(person) if method == OTP else None
    if password is None:
        person.set_unusable_password()
    person.save()
    audit.record(person, "Thêm người dùng", by=by, reason=f"{username}, {unit.name}")
    granted = Role(user=person, unit=unit, role=role)
    granted.save()
    audit.record(granted, f"Cấp vai trò {role_label(role)}", by=by, reason=username)
    _hand_over(person, password, request=request)
    return person, password


def find_account(text, *, by, unit=None, limit=5):
    """The account named by ``text`` (a username or an e-mail, ignoring case), for adding it to
    ``unit``: (person or None, suggestions). Without an exact match, ``suggestions`` lists up to
    ``limit`` people of the units ``by`` manages, not already on ``unit``, whose name, username or
    e-mail holds every word typed, without diacritics ("tran thi binh" finds Trần Thị Bình): nobody
    outside them is suggested. Reads only."""
    text = (text or "").strip()
    if not text:
        return None, []
    person = (User.objects.filter(username__iexact=text).first()
              or User.objects.filter(email__iexact=text).order_by("pk").first())
    if person is not None:
        return person, []
    words = fold(text).split()
    candidates = User.objects.filter(unit_roles__unit__in=people_units(by)).exclude(pk=by.pk)
    if unit is not None:
        candidates = candidates.exclude(unit_roles__unit=unit)
    candidates = (candidates.distinct()
                  .order_by("first_name", "last_name", "username")
                  .only("username", "email", "first_name", "last_name"))
    found = []
    for candidate in candidates.iterator():
        haystack = fold(f"{candidate.get_full_name()} {candidate.username} {candidate.email}")
        if words and all(word in haystack for word in words):
            found.append(candidate)
            if len(found) == limit:
                break
    return None, found


@transaction.atomic
def add_existing(unit, *, person, role, by):
    """Give ``person``, who already has an account, ``role`` on ``unit`` (a supervisor following
    several wards, a leader taking on an editor who moved). The same rule as every change: ``by``
    must be allowed to give ``role`` on ``unit`` and to manage ``person`` (every role they hold
    elsewhere within ``by``'s grants; never oneself, a superuser or an account without a role).

    Side effects: an INSERT of a Role (history row "Cấp vai trò"). Raises PermissionDenied before
    writing anything, ValidationError when the person already holds a role on ``unit``.
    """
    _check_role(by, unit, role)
    _check_person(by, person)
    if Role.objects.filter(user=person, unit=unit).exists():
        raise ValidationError({"account": f"{person.username} đã có vai trò tại {unit.name}; hãy đổi vai trò "
                                          "trong danh sách."})
    granted = Role(user=person, unit=unit, role=role)
    granted.save()
    audit.record(granted, f"Cấp vai trò {role_label(role)}", by=by, reason=f"{person.username}, tài khoản đã có")
    return granted


def _hand_over(person, password, *, request):
    """Mark a one-time ``password`` as such, or (None) e-mail a link to set one. Last, inside the
    caller's transaction: if the e-mail cannot be sent, nothing is written."""
    if password is None:
        send_password_link(person, request=request)
    else:
        OneTimePassword.objects.update_or_create(user=person)


def _one_time_password(person):
    """Set a fresh one-time password on ``person`` (not saved) and return it in clear."""
    password = get_random_string(OTP_LENGTH, OTP_CHARS)
    person.set_password(password)
    return password


@transaction.atomic
def new_password(person, *, method, by, request=None):
    """Give ``person`` (who forgot theirs, or never set one) a new one-time password or a link:
    returns the one-time password or None. Side effects: their password replaced by a one-time one
    (OTP) or a link e-mailed (LINK); an UPDATE of the account with its history row and audit reason
    (the password itself is never recorded). Raises PermissionDenied, or ValidationError for a link
    without e-mail."""
    _check_person(by, person)
    if method == LINK and not person.email:
        raise ValidationError({"email": "E-mail: người này chưa có e-mail để gửi liên kết."})
    password = _one_time_password(person) if method == OTP else None
    person.save()
    audit.record(person, "Cấp mật khẩu mới", by=by,
                 reason="gửi liên kết qua e-mail" if method == LINK else "mật khẩu dùng một lần")
    _hand_over(person, password, request=request)
    return password


@transaction.atomic
def change_role(person, unit, *, role, by):
    """Make ``role`` the only role ``person`` holds on ``unit``. Side effects: an UPDATE of one of
    their roles there (history row "Đổi vai trò: old → new"), DELETEs of the others (history rows
    "-"). Raises PermissionDenied when ``by`` may not touch ``person`` or give ``role`` there."""
    _check_person(by, person)
    _check_role(by, unit, role)
    here = list(Role.objects.filter(user=person, unit=unit).order_by("pk"))
    if not here:
        raise PermissionDenied("Người này không có vai trò tại đơn vị.")
    old = ", ".join(str(role_label(r.role)) for r in here)
    keep, *others = here
    for extra in others:
        extra._history_user = by
        extra._change_reason = audit.reason_text("Bỏ vai trò", reason=f"{person.username}: {role_label(extra.role)}")
        extra.delete()
    if keep.role != role:
        keep.role = role
        keep.save(update_fields=["role"])
    audit.record(keep, "Đổi vai trò", by=by, old=old, new=role_label(role), reason=person.username)
    return keep


def unit_departments(unit):
    """The departments a person of ``unit`` may be placed in: its active ones, in the ward's order."""
    return Department.objects.filter(unit=unit, active=True).order_by("order", "name")


@transaction.atomic
def set_department(person, unit, department_pk, *, by):
    """Say which of ``unit``'s departments ``person`` works in (``department_pk``, as typed; empty:
    none in particular). Side effects: an UPDATE of their roles on ``unit`` (history rows) and an
    audit reason "Đổi bộ phận". Raises PermissionDenied when ``by`` may not touch ``person`` or
    ``person`` has no role on ``unit``, ValidationError for anything but one of ``unit``'s active
    departments."""
    _check_person(by, person)
    department = None
    if department_pk:
        department = unit_departments(unit).filter(pk=department_pk).first() if str(department_pk).isdigit() else None
        if department is None:
            raise ValidationError({"department": "Bộ phận: chọn một bộ phận đang dùng của đơn vị."})
    here = list(Role.objects.filter(user=person, unit=unit).select_related("department").order_by("pk"))
    if not here:
        raise PermissionDenied("Người này không có vai trò tại đơn vị.")
    old = here[0].department
    if all(r.department_id == (department.pk if department else None) for r in here):
        return here[0]
    for role in here:
        role.department = department
        role._history_user = by
        role.save(update_fields=["department"])
    audit.record(here[0], "Đổi bộ phận", by=by, old=old.name if old else "—",
                 new=department.name if department else "—", reason=person.username)
    return here[0]


@transaction.atomic
def set_active(person, *, active, by):
    """Deactivate ``person``'s account (they can no longer log in; their roles and their work stay)
    or reactivate it. Side effects: one UPDATE of the account with its history row and audit reason.
    Raises PermissionDenied when ``by`` may not touch ``person`` (themselves included)."""
    _check_person(by, person)
    if person.is_active == active:
        return person
    person.is_active = active
    person.save(update_fields=["is_active"])
    audit.record(person, "Mở lại tài khoản" if active else "Ngừng hoạt động tài khoản", by=by,
                 reason=person.username)
    return person


def deactivate(person, *, by):
    return set_active(person, active=False, by=by)


def reactivate(person, *, by):
    return set_active(person, active=True, by=by)


# --- passwords -------------------------------------------------------------------------------

class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """The tokens of the set-password links a manager e-mails (a new person's invitation, or a new
    password given from the people page): valid INVITATION_TIMEOUT seconds (3 days by default) and
    once, like Django's reset tokens, which stay at PASSWORD_RESET_TIMEOUT (3 hours) for the
    self-service "forgot password" page. Their own salt: neither token opens the other's page."""

    key_salt = "kehoach.units.people.InvitationTokenGenerator"

    def check_token(self, user, token):
        # Django's check, measured against INVITATION_TIMEOUT (Django reads PASSWORD_RESET_TIMEOUT).
        if not (user and token):
            return False
        try:
            ts_b36, _ = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
                   for secret in [self.secret, *self.secret_fallbacks]):
            return False
        return self._num_seconds(self._now()) - ts <= settings.INVITATION_TIMEOUT


invitation_tokens = InvitationTokenGenerator()


def send_password_link(person, *, request=None):
    """E-mail ``person`` a link to set their password: the invitation page (``invitation_confirm``,
    Django's set-password page with :data:`invitation_tokens`, valid INVITATION_TIMEOUT seconds and
    once). Side effects: one e-mail through the configured backend."""
    path = reverse("invitation_confirm", kwargs={"uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
                                                  "token": invitation_tokens.make_token(person)})
    link = request.build_absolute_uri(path) if request is not None else path
    hours = settings.INVITATION_TIMEOUT // 3600
    context = {"person": person, "link": link, "hours": hours, "days": hours // 24 if hours % 24 == 0 else 0}
    send_mail(render_to_string("registration/account_link_subject.txt", context).strip(),
              render_to_string("registration/account_link_email.txt", context),
              None, [person.email])


def use_one_time_password(sender, request, user, **kwargs):
    """Receiver of ``user_logged_in``: a one-time password opens this one session only. Side effects:
    when ``user`` logged in with one, their password becomes unusable (they set their own now, see
    ``units.people_views.password_set``) and the session is marked."""
    if OneTimePassword.objects.filter(user=user).delete()[0]:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        if request is not None:
            request.session[HASH_SESSION_KEY] = user.get_session_auth_hash()  # this session stays signed in
            request.session[SESSION_MUST_SET] = True
