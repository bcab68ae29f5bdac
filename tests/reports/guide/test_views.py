"""The "Hướng dẫn" pages, one per role, linked from the navbar."""

from django.urls import reverse


def test_guide_opens_on_the_role_held(client, editor_a, leader_a, supervisor_d):
    for user, heading in [(editor_a, "cán bộ nhập liệu"), (leader_a, "lãnh đạo UBND"),
                          (supervisor_d, "cán bộ theo dõi cấp trên")]:
        client.force_login(user)
        body = client.get(reverse("guide:guide")).content.decode()
        assert f"Hướng dẫn cho {heading}" in body


def test_every_guide_is_reachable_and_linked_from_the_navbar(client, editor_a):
    client.force_login(editor_a)

    for role in ("editor", "leader", "supervisor"):
        assert client.get(reverse("guide:guide_role", args=[role])).status_code == 200
    assert client.get(reverse("guide:guide_role", args=["admin"])).status_code == 404
    body = client.get(reverse("home") + "?all=1").content.decode()
    assert reverse("guide:guide") in body
    assert "Danh sách kế hoạch" in body  # the plan list, for editors too
