"""The people of a unit: who may give which role (units.permissions.GRANTS), the services, the
pages, and crafted forms trying to give more than one holds. Logins go through the login page
(django-axes needs the request)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests import factories as f
from units.models import OneTimePassword, Role, RoleKind
from units.permissions import grantable_roles

User = get_user_model()
E, V, L, S, A = RoleKind.EDITOR, RoleKind.VIEWER, RoleKind.LEADER, RoleKind.SUPERVISOR, RoleKind.ADMIN


def url(name, *args):
    return reverse(f"units:{name}", args=args)


def new_person(**overrides):
    return {"full_name": "Nguyễn Văn An", "username": "an.nguyen", "email": "an@example.vn", "role": E,
            "method": "otp", **overrides}


def login(client, username, password):
    """Log in through the page; True when it let the person in."""
    client.post("/logout/")
    response = client.post("/login/", {"username": username, "password": password})
    return response.status_code == 302, response


def one_time_password(response):
    return re.search(r'class="fs-5 one-time-password">([^<]+)<', response.content.decode()).group(1)


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("quantri", "qt@example.vn", "matkhau-quan-tri")


# --- the rule ------------------------------------------------------------------------------------

def test_who_gives_which_role(leader_a, editor_a, supervisor_d, supervisor_p, superuser, ward_a, ward_b,
                              district_d, province):
    admin_d = f.RoleFactory(unit=district_d, role=A).user

    assert grantable_roles(leader_a, ward_a) == {E, V}
    assert grantable_roles(leader_a, ward_b) == set()
    assert grantable_roles(editor_a, ward_a) == set()
    assert grantable_roles(supervisor_d, ward_a) == {L, E, V}          # no supervisor on a ward
    assert grantable_roles(supervisor_d, district_d) == set()          # not at their own level
    assert grantable_roles(supervisor_p, district_d) == {L, E, V, S}   # strictly lower levels
    assert grantable_roles(supervisor_p, province) == set()
    assert grantable_roles(admin_d, district_d) == {L, E, V, S}        # admin: never admin
    assert grantable_roles(superuser, ward_a) == {L, E, V, A}


# --- adding a person -----------------------------------------------------------------------------

def test_leader_adds_an_editor_whose_one_time_password_works_once(client, leader_a, ward_a):
    client.force_login(leader_a)

    response = client.post(url("people_list", ward_a.pk), new_person())

    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    password = one_time_password(response)
    person = User.objects.get(username="an.nguyen")
    assert (person.first_name, person.last_name, person.get_full_name()) == ("Nguyễn Văn", "An", "Nguyễn Văn An")
    assert list(Role.objects.filter(user=person).values_list("unit", "role")) == [(ward_a.pk, E)]
    account = User.history.filter(id=person.pk).get()
    assert (account.history_user, account.history_change_reason) == (leader_a, "Thêm người dùng (an.nguyen, Phường A)")
    assert Role.history.get(user_id=person.pk).history_change_reason == "Cấp vai trò Cán bộ nhập liệu (an.nguyen)"

    entered, response = login(client, "an.nguyen", password)
    assert entered and response.url == url("password_set")
    assert not OneTimePassword.objects.filter(user=person).exists()
    assert not login(client, "an.nguyen", password)[0]           # once only
    client.force_login(person)
    assert client.get(url("password_set")).status_code == 302    # setting without the old one: that session only


def test_after_the_one_time_password_the_person_sets_their_own(client, leader_a, ward_a):
    client.force_login(leader_a)
    password = one_time_password(client.post(url("people_list", ward_a.pk), new_person()))

    login(client, "an.nguyen", password)
    page = client.get(url("password_set"))
    done = client.post(url("password_set"), {"new_password1": "Ke-hoach-2026!", "new_password2": "Ke-hoach-2026!"})

    assert "Đặt mật khẩu của bạn" in page.content.decode()
    assert done.status_code == 302 and client.get(reverse("guide:guide")).status_code == 200  # still signed in
    assert login(client, "an.nguyen", "Ke-hoach-2026!")[0]
    assert login(client, "an.nguyen", "Ke-hoach-2026!")[1].url != url("password_set")


def test_add_person_with_a_link_sends_the_password_reset_page(client, leader_a, ward_a, mailoutbox):
    client.force_login(leader_a)

    response = client.post(url("people_list", ward_a.pk), new_person(method="link"))

    assert response.status_code == 302
    (mail,) = mailoutbox
    assert mail.to == ["an@example.vn"] and "Tên đăng nhập của bạn: an.nguyen" in mail.body
    assert "trong 3 ngày" in mail.body
    link = re.search(r"http://testserver(/password/invitation/\S+)", mail.body).group(1)
    client.post("/logout/")
    form_page = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    client.post(form_page.redirect_chain[-1][0], {"new_password1": "Ke-hoach-2026!",
                                                   "new_password2": "Ke-hoach-2026!"})
    assert login(client, "an.nguyen", "Ke-hoach-2026!")[0]


def test_invitation_links_last_three_days_and_password_resets_three_hours(db, settings):
    from datetime import datetime, timedelta

    from django.contrib.auth.tokens import PasswordResetTokenGenerator

    from units.people import InvitationTokenGenerator

    person = f.UserFactory()
    made = datetime(2026, 12, 1, 8, 0)

    class At:
        def __init__(self, kind, when):
            self.generator, self.when = kind(), when
            self.generator._now = lambda: self.when

    invitation, reset = At(InvitationTokenGenerator, made), At(PasswordResetTokenGenerator, made)
    invitation_token, reset_token = invitation.generator.make_token(person), reset.generator.make_token(person)
    ages = {"2h59": timedelta(hours=2, minutes=59), "3h01": timedelta(hours=3, minutes=1),
            "71h59": timedelta(hours=71, minutes=59), "72h01": timedelta(hours=72, minutes=1)}

    def valid(at, token, age):
        at.when = made + ages[age]
        return at.generator.check_token(person, token)

    assert settings.INVITATION_TIMEOUT == 3 * 24 * 3600 and settings.PASSWORD_RESET_TIMEOUT == 3 * 3600
    assert [valid(invitation, invitation_token, age) for age in ages] == [True, True, True, False]
    assert [valid(reset, reset_token, age) for age in ages] == [True, False, False, False]
    # Each kind opens only its own page.
    invitation.when = reset.when = made
    assert not invitation.generator.check_token(person, reset_token)
    assert not reset.generator.check_token(person, invitation_token)


def test_expired_invitation_link_is_refused(client, leader_a, ward_a, mailoutbox, settings):
    client.force_login(leader_a)
    client.post(url("people_list", ward_a.pk), new_person(method="link"))
    link = re.search(r"http://testserver(/password/invitation/\S+)", mailoutbox[0].body).group(1)
    client.post("/logout/")
    settings.INVITATION_TIMEOUT = -1

    page = client.get(link, follow=True).content.decode()

    assert "không hợp lệ hoặc đã được dùng" in page and 'name="new_password1"' not in page


@pytest.mark.parametrize(("data", "message"), [
    ({"username": "editor_a"}, "Tên đăng nhập: “editor_a” đã có người dùng."),
    ({"email": "EDITOR@example.vn"}, "E-mail: “EDITOR@example.vn” đã có người dùng."),
    ({"email": "", "method": "link"}, "E-mail: cần có để gửi liên kết đặt mật khẩu."),
    ({"full_name": " "}, "Họ và tên: không được để trống."),
    ({"email": "khong-phai-email"}, "E-mail: địa chỉ không hợp lệ."),
    ({"role": "thu-truong"}, "Vai trò: lựa chọn không hợp lệ."),
])
def test_bad_person_is_refused_naming_the_field(client, leader_a, editor_a, ward_a, data, message):
    editor_a.email = "editor@example.vn"
    editor_a.save()
    client.force_login(leader_a)
    before = User.objects.count()

    content = client.post(url("people_list", ward_a.pk), new_person(**data)).content.decode()

    assert message in content
    assert User.objects.count() == before


# --- changing a role, deactivating -----------------------------------------------------------------

def test_leader_changes_a_role_deactivates_and_reactivates(client, leader_a, editor_a, ward_a):
    client.force_login(leader_a)

    client.post(url("person_role", ward_a.pk, editor_a.pk), {"role": V})
    client.post(url("person_active", ward_a.pk, editor_a.pk), {"active": "0"})

    assert list(Role.objects.filter(user=editor_a).values_list("role", flat=True)) == [V]
    assert Role.history.filter(user_id=editor_a.pk).first().history_change_reason == \
        "Đổi vai trò: Cán bộ nhập liệu → Chỉ xem (editor_a)"
    assert not login(client, "editor_a", "matkhau-thu-nghiem")[0]

    client.force_login(leader_a)
    client.post(url("person_active", ward_a.pk, editor_a.pk), {"active": "1"})
    page = client.get(url("people_list", ward_a.pk)).content.decode()

    reasons = list(User.history.filter(id=editor_a.pk).values_list("history_change_reason", flat=True))
    assert reasons[:2] == ["Mở lại tài khoản (editor_a)", "Ngừng hoạt động tài khoản (editor_a)"]
    assert "Ngừng hoạt động tài khoản (editor_a)" in page and "Đổi vai trò: Cán bộ nhập liệu → Chỉ xem" in page
    assert login(client, "editor_a", "matkhau-thu-nghiem")[0]


def test_leader_says_which_department_a_person_works_in(client, leader_a, editor_a, ward_a, ward_b):
    office = f.DepartmentFactory(unit=ward_a, name="Văn phòng - Thống kê")
    elsewhere = f.DepartmentFactory(unit=ward_b, name="Bộ phận phường B")
    client.force_login(leader_a)

    client.post(url("person_department", ward_a.pk, editor_a.pk), {"department": office.pk})

    assert Role.objects.get(user=editor_a).department == office
    assert Role.history.filter(user_id=editor_a.pk).first().history_change_reason == \
        "Đổi bộ phận: — → Văn phòng - Thống kê (editor_a)"
    page = client.get(url("people_list", ward_a.pk)).content.decode()
    assert "Cán bộ nhập liệu · Văn phòng - Thống kê" in page

    # another ward's department, and oneself: refused, nothing written
    client.post(url("person_department", ward_a.pk, editor_a.pk), {"department": elsewhere.pk})
    assert Role.objects.get(user=editor_a).department == office
    assert client.post(url("person_department", ward_a.pk, leader_a.pk), {"department": office.pk}).status_code == 403
    assert Role.objects.get(user=leader_a).department is None

    client.post(url("person_department", ward_a.pk, editor_a.pk), {"department": ""})
    assert Role.objects.get(user=editor_a).department is None


def test_a_new_one_time_password_replaces_the_old_one(client, leader_a, editor_a, ward_a):
    client.force_login(leader_a)

    password = one_time_password(client.post(url("person_password", ward_a.pk, editor_a.pk), {"method": "otp"}))

    assert not login(client, "editor_a", "matkhau-thu-nghiem")[0]
    assert login(client, "editor_a", password)[0]
    assert User.history.filter(id=editor_a.pk).first().history_change_reason == \
        "Cấp mật khẩu mới (mật khẩu dùng một lần)"


def test_supervisor_manages_the_units_below(client, supervisor_d, supervisor_p, ward_a, district_d):
    client.force_login(supervisor_d)
    assert client.post(url("people_list", ward_a.pk), new_person(role=L)).status_code == 200
    assert Role.objects.get(user__username="an.nguyen").role == L

    client.force_login(supervisor_p)
    client.post(url("people_list", district_d.pk), new_person(username="binh", email="", role=S))
    assert Role.objects.get(user__username="binh").unit == district_d
    client.post(url("person_role", ward_a.pk, User.objects.get(username="an.nguyen").pk), {"role": E})
    assert Role.objects.get(user__username="an.nguyen").role == E


def test_only_a_superuser_gives_the_admin_role(client, superuser, ward_a):
    client.force_login(superuser)
    client.post(url("people_list", ward_a.pk), new_person(role=A))
    assert Role.objects.get(user__username="an.nguyen").role == A


# --- giving more than one holds, reaching outside one's scope: refused, nothing written ------------

def _nothing_written(before):
    assert (User.objects.count(), Role.objects.count(), User.history.count(), Role.history.count()) == before


def _counts():
    return User.objects.count(), Role.objects.count(), User.history.count(), Role.history.count()


@pytest.mark.parametrize("role", [L, S, A])
def test_leader_cannot_give_more_than_editor_or_viewer(client, leader_a, ward_a, role):
    client.force_login(leader_a)
    before = _counts()
    assert client.post(url("people_list", ward_a.pk), new_person(role=role)).status_code == 403
    _nothing_written(before)


def test_supervisor_gives_no_supervisor_role_on_a_ward(client, supervisor_d, ward_a):
    client.force_login(supervisor_d)
    before = _counts()
    assert client.post(url("people_list", ward_a.pk), new_person(role=S)).status_code == 403
    _nothing_written(before)


def test_escalations_on_people_are_refused(client, leader_a, editor_a, supervisor_d, ward_a, ward_b):
    other_leader = f.RoleFactory(unit=ward_a, role=L, user__username="leader_a2").user
    two_wards = f.RoleFactory(unit=ward_a, role=E, user__username="two_wards").user
    f.RoleFactory(unit=ward_b, role=E, user=two_wards)
    client.force_login(leader_a)
    before = _counts()

    refused = [
        client.post(url("person_role", ward_a.pk, editor_a.pk), {"role": L}),           # more than they give
        client.post(url("person_role", ward_a.pk, editor_a.pk), {"role": A}),
        client.post(url("person_role", ward_a.pk, leader_a.pk), {"role": E}),           # oneself
        client.post(url("person_active", ward_a.pk, leader_a.pk), {"active": "0"}),
        client.post(url("person_active", ward_a.pk, other_leader.pk), {"active": "0"}),  # an equal
        client.post(url("person_active", ward_a.pk, two_wards.pk), {"active": "0"}),     # a role elsewhere
        client.post(url("person_password", ward_a.pk, two_wards.pk), {"method": "otp"}),
        client.post(url("person_role", ward_a.pk, two_wards.pk), {"role": V}),
    ]
    not_found = [
        client.post(url("person_active", ward_a.pk, supervisor_d.pk), {"active": "0"}),  # no role here
        client.post(url("person_role", ward_b.pk, two_wards.pk), {"role": V}),           # another ward
        client.post(url("people_list", ward_b.pk), new_person()),
        client.get(url("people_list", ward_b.pk)),
    ]

    assert [r.status_code for r in refused] == [403] * len(refused)
    assert [r.status_code for r in not_found] == [404] * len(not_found)
    _nothing_written(before)
    assert User.objects.filter(is_active=False).count() == 0


def test_pages_are_for_those_who_manage_people(client, editor_a, viewer_a, supervisor_d, ward_a, district_d,
                                               ward_b):
    client.force_login(editor_a)
    assert client.get(url("people_list", ward_a.pk)).status_code == 403
    assert client.get(url("people_index")).status_code == 403
    client.force_login(viewer_a)
    assert client.get(url("people_list", ward_a.pk)).status_code == 403
    client.force_login(supervisor_d)
    assert client.get(url("people_list", district_d.pk)).status_code == 403
    assert client.get(url("people_list", ward_b.pk)).status_code == 404


def test_people_index_lists_the_units_one_manages(client, leader_a, supervisor_p, ward_a, ward_b, editor_a):
    client.force_login(leader_a)
    assert client.get(url("people_index")).url == url("people_list", ward_a.pk)
    nav = client.get(url("people_list", ward_a.pk)).content.decode()
    assert f'href="{url("people_index")}"' in nav and "editor_a" in nav

    client.force_login(supervisor_p)
    content = client.get(url("people_index")).content.decode()
    assert all(name in content for name in ("Thành phố D", "Thị xã E", "Phường A", "Phường B"))
    assert "Tỉnh Thử Nghiệm" not in content
    found = client.get(url("people_index"), {"q": "phuong a"}).content.decode()
    assert "Phường A" in found and "Phường B" not in found


@pytest.mark.parametrize("people", [1, 3])
def test_people_list_query_count(client, leader_a, ward_a, people, django_assert_num_queries):
    for _ in range(people):
        f.RoleFactory(unit=ward_a, role=E)
    client.force_login(leader_a)
    # session, user, unit, the leader's roles there, people, their roles, the departments, two history
    # queries, navbar; the navbar's to-do count (reports.todo): role kinds, comments, plans, reopened,
    # tasks, drafts
    with django_assert_num_queries(16):
        assert client.get(url("people_list", ward_a.pk)).status_code == 200


def test_unit_page_links_to_its_people_for_those_who_manage_them(client, leader_a, editor_a, ward_a):
    link = f'href="{url("people_list", ward_a.pk)}"'
    client.force_login(leader_a)
    assert link in client.get(reverse("plans:unit_history", args=[ward_a.pk])).content.decode()
    client.force_login(editor_a)
    assert link not in client.get(reverse("plans:unit_history", args=[ward_a.pk])).content.decode()


# --- an existing account, given a role on another unit ---------------------------------------------

def existing(account, role=E):
    return {"existing-account": account, "existing-role": role}


def test_supervisor_gives_a_person_of_another_ward_a_role_here(client, supervisor_p, editor_b, ward_a):
    client.force_login(supervisor_p)

    response = client.post(url("person_existing", ward_a.pk), existing("EDITOR_B", V))

    assert response.status_code == 302 and response.url.endswith(f"#nd-{editor_b.pk}")
    assert set(Role.objects.filter(user=editor_b).values_list("unit__name", "role")) == {
        ("Phường A", V), ("Phường B", E)}
    row = Role.history.filter(unit_id=ward_a.pk, user_id=editor_b.pk).get()
    assert row.history_user == supervisor_p and "Cấp vai trò Chỉ xem" in row.history_change_reason
    assert "editor_b" in client.get(url("people_list", ward_a.pk)).content.decode()


def test_an_existing_account_is_found_by_its_email(client, supervisor_p, editor_b, ward_a):
    editor_b.email = "binh@example.vn"
    editor_b.save()
    client.force_login(supervisor_p)

    client.post(url("person_existing", ward_a.pk), existing(" Binh@Example.vn "))

    assert Role.objects.filter(user=editor_b, unit=ward_a, role=E).exists()


@pytest.mark.parametrize(("actor", "target", "role"), [
    ("leader_a", "editor_b", E),        # a role elsewhere, outside the leader's grants
    ("leader_a", "supervisor_d", V),    # a supervisor above them
    ("leader_a", "leader_a", E),        # oneself
    ("leader_a", "quantri", V),         # a superuser
    ("leader_a", "no_roles", E),        # an account without any role: nobody's to take
    ("leader_a", "viewer_a", L),        # a role the leader does not give (crafted form)
    ("supervisor_d", "editor_b", E),    # Phường B is outside Thành phố D
    ("editor_a", "viewer_a", E),        # editors manage nobody
])
def test_escalations_are_refused_and_nothing_written(client, request, actor, target, role, leader_a, editor_a,
                                                     viewer_a, editor_b, supervisor_d, superuser, ward_a):
    User.objects.create_user("no_roles", password="x")
    client.force_login(User.objects.get(username=actor))
    roles_before = sorted(Role.objects.values_list("user_id", "unit_id", "role"))
    history_before = Role.history.count()

    response = client.post(url("person_existing", ward_a.pk), existing(target, role))

    assert response.status_code == 403
    assert sorted(Role.objects.values_list("user_id", "unit_id", "role")) == roles_before
    assert Role.history.count() == history_before


def test_a_unit_outside_ones_scope_is_not_found(client, leader_a, editor_b, ward_b):
    client.force_login(leader_a)

    assert client.post(url("person_existing", ward_b.pk), existing("editor_a")).status_code == 404


def test_a_person_already_here_is_sent_to_the_role_select(client, supervisor_p, editor_a, ward_a):
    client.force_login(supervisor_p)

    content = client.post(url("person_existing", ward_a.pk), existing("editor_a", V)).content.decode()

    assert "editor_a đã có vai trò tại Phường A; hãy đổi vai trò trong danh sách." in content
    assert list(Role.objects.filter(user=editor_a).values_list("role", flat=True)) == [E]


def test_an_unknown_account_suggests_people_one_manages_without_diacritics(client, supervisor_d, ward_a, editor_b,
                                                                           district_d):
    binh = f.RoleFactory(unit=f.UnitFactory(name="Phường C", kind="ward", parent=district_d), role=E).user
    binh.first_name, binh.last_name = "Trần Thị", "Bình"
    binh.save()
    editor_b.first_name, editor_b.last_name = "Trần Thị", "Bình"   # same name, outside Thành phố D
    editor_b.save()
    client.force_login(supervisor_d)

    content = client.post(url("person_existing", ward_a.pk), existing("tran thi binh")).content.decode()

    assert "không có tài khoản “tran thi binh”" in content
    assert f'name="existing-account" value="{binh.username}"' in content
    assert 'value="editor_b"' not in content
    assert not Role.objects.filter(unit=ward_a, user=binh).exists()
    binh.unit_roles.create(unit=ward_a, role=V)   # already here: not offered
    content = client.post(url("person_existing", ward_a.pk), existing("tran thi binh")).content.decode()
    assert f'value="{binh.username}"' not in content


def test_the_people_page_offers_the_existing_account_form(client, leader_a, ward_a):
    client.force_login(leader_a)

    content = client.get(url("people_list", ward_a.pk)).content.decode()

    assert "Thêm người đã có tài khoản" in content and 'name="existing-account"' in content
