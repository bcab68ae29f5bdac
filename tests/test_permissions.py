"""Every URL × every persona -> the expected status (the pretix way).

Personas (tests/conftest.py): editor_a and leader_a write on ward A, viewer_a reads it,
supervisor_d reads the district above A, editor_b belongs to ward B (another district).
The objects are plan_a (a draft) with one section and one indicator. Outside one's subtree
an object does not exist (404); inside it without the right, 403; anonymous goes to login.
"""

import pytest
from django.urls import get_resolver, reverse

from tests import factories as f

PERSONAS = ["anonymous", "editor_a", "leader_a", "viewer_a", "supervisor_d", "editor_b"]


def expect(editor_a, leader_a, viewer_a, supervisor_d, editor_b, anonymous=302):
    return {"anonymous": anonymous, "editor_a": editor_a, "leader_a": leader_a, "viewer_a": viewer_a,
            "supervisor_d": supervisor_d, "editor_b": editor_b}


READ = expect(200, 200, 200, 200, 404)
WRITE_PAGE = expect(200, 200, 403, 403, 404)
WRITE_ACTION = expect(302, 302, 403, 403, 404)
ISSUE_PAGE = expect(403, 200, 403, 403, 404)
MOVED = expect(308, 308, 308, 308, 308, anonymous=308)

# A result row as the grid posts it (the indicator's id is the form prefix: see data_for).
o_result = {"result": "95", "version": "0"}

# (url name, args built from the objects, method, POST data, expected statuses, page names the unit)
MATRIX = [
    ("home", lambda o: [], "get", None, expect(302, 302, 302, 302, 302), False),
    ("plans:plan_detail", lambda o: [o.plan.pk], "get", None, READ, True),
    ("plans:plan_history", lambda o: [o.plan.pk], "get", None, READ, True),
    ("plans:plan_create", lambda o: [], "get", None, expect(200, 200, 403, 403, 200), False),
    ("plans:plan_create", lambda o: [], "post", {}, expect(200, 200, 403, 403, 200), False),
    ("plans:target_preview", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    # bring your own plan: Word upload and review (nothing pending: back to the upload), Excel template
    ("plans:plan_import", lambda o: [], "get", None, expect(200, 200, 403, 403, 200), False),
    ("plans:plan_import", lambda o: [], "post", {}, expect(200, 200, 403, 403, 200), False),
    ("plans:plan_import_review", lambda o: [], "get", None, expect(302, 302, 302, 302, 302), False),
    ("plans:blank_template", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    ("plans:sheet_template", lambda o: [o.plan.pk], "get", None, READ, False),
    ("plans:sheet_upload", lambda o: [o.plan.pk], "get", None, WRITE_PAGE, True),
    ("plans:sheet_upload", lambda o: [o.plan.pk], "post", {}, WRITE_PAGE, True),
    ("plans:sheet_confirm", lambda o: [o.plan.pk], "post", {}, WRITE_ACTION, False),
    ("plans:plan_edit", lambda o: [o.plan.pk], "get", None, WRITE_PAGE, True),
    ("plans:plan_edit", lambda o: [o.plan.pk], "post", {"title": ""}, WRITE_PAGE, True),
    ("issuing:issue", lambda o: [o.plan.pk], "get", None, ISSUE_PAGE, True),
    ("issuing:issue", lambda o: [o.plan.pk], "post", {}, ISSUE_PAGE, True),
    ("plans:plan_revise", lambda o: [o.plan.pk], "post", {}, WRITE_ACTION, False),
    ("plans:plan_copy", lambda o: [o.plan.pk], "post", {}, WRITE_ACTION, False),
    ("plans:section_list", lambda o: [o.plan.pk], "get", None, WRITE_PAGE, True),
    ("plans:section_list", lambda o: [o.plan.pk], "post", {"heading": "Mục mới"}, WRITE_ACTION, False),
    ("plans:section_edit", lambda o: [o.plan.pk, o.section.pk], "get", None, WRITE_PAGE, True),
    ("plans:section_edit", lambda o: [o.plan.pk, o.section.pk], "post", {"heading": "Sửa"}, WRITE_ACTION, False),
    ("plans:section_move", lambda o: [o.plan.pk, o.section.pk, "up"], "post", {}, WRITE_ACTION, False),
    ("plans:section_delete", lambda o: [o.plan.pk, o.section.pk], "post", {}, WRITE_ACTION, False),
    ("plans:indicator_list", lambda o: [o.plan.pk], "get", None, WRITE_PAGE, True),
    ("plans:indicator_list", lambda o: [o.plan.pk], "post", {}, WRITE_PAGE, True),
    ("plans:indicator_edit", lambda o: [o.plan.pk, o.indicator.pk], "get", None, WRITE_PAGE, True),
    ("plans:indicator_edit", lambda o: [o.plan.pk, o.indicator.pk], "post", {}, WRITE_PAGE, True),
    ("plans:indicator_move", lambda o: [o.plan.pk, o.indicator.pk, "down"], "post", {}, WRITE_ACTION, False),
    ("plans:indicator_delete", lambda o: [o.plan.pk, o.indicator.pk], "post", {}, WRITE_ACTION, False),
    ("documents:download", lambda o: [o.plan.pk, "appendix", "xlsx"], "get", None, READ, False),
    ("documents:download", lambda o: [o.plan.pk, "bieu01", "xlsx"], "get", None, READ, False),
    ("issuing:verify", lambda o: [], "get", None, expect(200, 200, 200, 200, 200, anonymous=200), False),
    ("issuing:plan_status", lambda o: [o.plan.pk], "get", None, READ, True),
    ("issuing:upload_signed", lambda o: [o.plan.pk], "get", None, ISSUE_PAGE, True),
    ("issuing:sign", lambda o: [o.plan.pk], "post", {}, expect(403, 302, 403, 403, 404), False),
    ("issuing:freeze", lambda o: [o.plan.pk], "post", {}, expect(403, 302, 403, 403, 404), False),
    # results entry (q1 is open; q2 is submitted, for reopening)
    ("plans:result_list", lambda o: [o.plan.pk], "get", None, READ, True),
    ("plans:result_save", lambda o: [o.plan.pk, "q1", o.indicator.pk], "get", None, READ, False),
    ("plans:result_save", lambda o: [o.plan.pk, "q1", o.indicator.pk], "post", o_result, WRITE_ACTION, False),
    ("plans:result_save", lambda o: [o.plan.pk, "q2", o.indicator.pk], "post", o_result,
     expect(403, 403, 403, 403, 404), False),
    ("plans:period_submit", lambda o: [o.plan.pk, "q1"], "post", {}, WRITE_ACTION, False),
    ("plans:period_reopen", lambda o: [o.plan.pk, "q2"], "get", None, expect(403, 403, 403, 200, 404), True),
    ("plans:period_reopen", lambda o: [o.plan.pk, "q2"], "post", {"comment": "Sửa số liệu quý II"},
     expect(403, 403, 403, 302, 404), False),
    # tasks
    ("plans:task_list", lambda o: [o.plan.pk], "get", None, READ, True),
    ("plans:task_edit", lambda o: [o.plan.pk, o.task.pk], "get", None, WRITE_PAGE, True),
    ("plans:task_edit", lambda o: [o.plan.pk, o.task.pk], "post", {"progress": "50", "status": "in_progress",
                                                                   "version": "1"}, WRITE_ACTION, False),
    ("plans:task_compose", lambda o: [o.plan.pk], "get", None, WRITE_PAGE, True),
    ("plans:task_compose", lambda o: [o.plan.pk], "post", {"title": "Nhiệm vụ mới"}, WRITE_ACTION, False),
    ("plans:task_draft_edit", lambda o: [o.plan.pk, o.task.pk], "get", None, WRITE_PAGE, True),
    ("plans:task_draft_edit", lambda o: [o.plan.pk, o.task.pk], "post", {"title": "Sửa"}, WRITE_ACTION, False),
    ("plans:task_move", lambda o: [o.plan.pk, o.task.pk, "up"], "post", {}, WRITE_ACTION, False),
    ("plans:task_delete", lambda o: [o.plan.pk, o.task.pk], "post", {}, WRITE_ACTION, False),
    # the ward's departments
    ("units:department_list", lambda o: [o.plan.unit_id], "get", None, WRITE_PAGE, True),
    ("units:department_list", lambda o: [o.plan.unit_id], "post", {"name": "Phòng mới"}, WRITE_ACTION, False),
    ("units:department_edit", lambda o: [o.plan.unit_id, o.department.pk], "get", None, WRITE_PAGE, True),
    ("units:department_edit", lambda o: [o.plan.unit_id, o.department.pk], "post", {"name": "Phòng khác"},
     WRITE_ACTION, False),
    ("units:department_move", lambda o: [o.plan.unit_id, o.department.pk, "up"], "post", {}, WRITE_ACTION,
     False),
    ("units:department_active", lambda o: [o.plan.unit_id, o.department.pk], "post", {"active": "0"},
     WRITE_ACTION, False),
    # the people of a unit: its leader, and the supervisor above it (units.permissions.GRANTS)
    ("units:people_index", lambda o: [], "get", None, expect(403, 302, 403, 302, 403), False),
    ("units:people_list", lambda o: [o.plan.unit_id], "get", None, expect(403, 200, 403, 200, 404), True),
    ("units:people_list", lambda o: [o.plan.unit_id], "post", {}, expect(403, 200, 403, 200, 404), True),
    ("units:person_existing", lambda o: [o.plan.unit_id], "post", {}, expect(403, 200, 403, 200, 404), True),
    ("units:person_role", lambda o: [o.plan.unit_id, o.person.pk], "post", {"role": "viewer"},
     expect(403, 302, 403, 302, 404), False),
    ("units:person_department", lambda o: [o.plan.unit_id, o.person.pk], "post", {"department": ""},
     expect(403, 302, 403, 302, 404), False),
    ("units:person_active", lambda o: [o.plan.unit_id, o.person.pk], "post", {"active": "0"},
     expect(403, 302, 403, 302, 404), False),
    ("units:person_password", lambda o: [o.plan.unit_id, o.person.pk], "post", {"method": "otp"},
     expect(403, 200, 403, 200, 404), False),
    ("units:password_set", lambda o: [], "get", None, expect(302, 302, 302, 302, 302), False),
    # help and search: everyone signed in
    ("guide:guide", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    ("guide:guide_role", lambda o: ["editor"], "get", None, expect(200, 200, 200, 200, 200), False),
    ("guide:search", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    # everyone has their own to-do list and reminder switch
    ("todo:todo", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    ("todo:reminder_settings", lambda o: [], "post", {}, expect(302, 302, 302, 302, 302), False),
    # plan_a is a draft: no issued file exists yet, for anyone
    ("issuing:download_frozen", lambda o: [o.plan.pk], "get", None, expect(404, 404, 404, 404, 404), False),
    ("issuing:download_signed", lambda o: [o.plan.pk], "get", None, expect(404, 404, 404, 404, 404), False),
    # the 2025 reorganisation: a unit's history, the baselines carried from the old units
    ("plans:unit_history", lambda o: [o.plan.unit_id], "get", None, READ, True),
    ("plans:carried_baselines", lambda o: [o.plan.pk], "get", None, READ, True),
    ("plans:accept_baseline", lambda o: [o.plan.pk, o.indicator.pk], "post", {}, WRITE_ACTION, False),
    # the dashboard shows everyone their own subtree; comments need a supervisor or leader role
    ("dashboard:overview", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    ("dashboard:overview_export", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    ("dashboard:compare", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    ("dashboard:compare_export", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
    ("dashboard:comment_create", lambda o: [o.plan.pk], "post", {"text": "Nhận xét"},
     expect(403, 302, 403, 302, 404), False),
    ("indicators:catalog_link_list", lambda o: [], "get", None, expect(403, 403, 403, 403, 403), False),
    # the signing pages left the public /verify/: the old addresses send everyone on (308, POST kept)
    *[(f"issuing:moved_{name}", lambda o: [o.plan.pk], method, data, MOVED, False)
      for name, method, data in (("plan_status", "get", None), ("download_frozen", "get", None),
                                 ("download_signed", "get", None), ("freeze", "post", {}), ("sign", "post", {}),
                                 ("upload_signed", "get", None), ("upload_signed", "post", {}))],
    ("dashboard:reorganisation", lambda o: [], "get", None, expect(200, 200, 200, 200, 200), False),
]


class Objects:
    def __init__(self, plan):
        self.plan = plan
        self.section = f.SectionFactory(plan=plan, heading="I. Mục thử")
        self.indicator = f.PlanIndicatorFactory(plan=plan)
        self.task = f.TaskFactory(plan=plan)
        self.department = f.DepartmentFactory(unit=plan.unit)
        self.person = f.RoleFactory(unit=plan.unit, role="editor", user__username="nguoi_a").user
        f.PeriodReportFactory(plan=plan, period="q2", status="submitted")


@pytest.fixture
def everyone(editor_a, leader_a, viewer_a, supervisor_d, editor_b, plan_b):
    return {"anonymous": None, "editor_a": editor_a, "leader_a": leader_a, "viewer_a": viewer_a,
            "supervisor_d": supervisor_d, "editor_b": editor_b}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "args", "method", "data", "expected", "names_unit"), MATRIX,
                         ids=[f"{m[2]}-{m[0]}-{i}" for i, m in enumerate(MATRIX)])
def test_url_persona_matrix(client, everyone, plan_a, persona, name, args, method, data, expected, names_unit):
    objects = Objects(plan_a)
    user = everyone[persona]
    if user is not None:
        client.force_login(user)
    path = reverse(name, args=args(objects))

    if name == "plans:result_save" and data:
        data = {f"r{objects.indicator.pk}-{key}": value for key, value in data.items()}
    response = client.get(path) if method == "get" else client.post(path, data)

    assert response.status_code == expected[persona], (persona, method, path)
    if response.status_code == 302 and user is None:
        assert response.url.startswith(reverse("login"))
    if response.status_code == 200 and names_unit:
        assert plan_a.unit.name in response.content.decode()


def test_matrix_covers_every_plans_url():
    resolver = get_resolver()
    names = {f"plans:{n}" for n in resolver.namespace_dict["plans"][1].reverse_dict if isinstance(n, str)}
    names |= {f"indicators:{n}" for n in resolver.namespace_dict["indicators"][1].reverse_dict
              if isinstance(n, str)}
    for namespace in ("documents", "issuing", "dashboard", "units", "guide", "todo"):
        names |= {f"{namespace}:{n}" for n in resolver.namespace_dict[namespace][1].reverse_dict
                  if isinstance(n, str)}

    assert names <= {row[0] for row in MATRIX}
