"""The app's own Vietnamese error pages, also with DEBUG on (make run)."""

from django.test import override_settings

from plans import selectors
from reports.errors import TECHNICAL_MARK


@override_settings(DEBUG=True)
def test_debug_404_is_the_apps_own_page(client, editor_a):
    client.force_login(editor_a)

    response = client.get("/khong-co-trang-nay/")

    body = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang này" in body
    assert TECHNICAL_MARK.decode() not in body
    assert "URLconf" not in body


@override_settings(DEBUG=True)
def test_debug_404_of_a_plan_out_of_scope_is_the_apps_own_page(client, editor_a, plan_b):
    client.force_login(editor_a)

    response = client.get(plan_b.get_absolute_url())

    assert response.status_code == 404
    assert "Không tìm thấy trang này" in response.content.decode()


@override_settings(DEBUG=True)
def test_debug_500_is_the_apps_own_page(client, editor_a, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(selectors, "plans_with_next_report", boom)
    client.raise_request_exception = False
    client.force_login(editor_a)

    response = client.get("/?all=1")

    assert response.status_code == 500
    assert "Đã có lỗi hệ thống" in response.content.decode()


def test_only_vietnamese_is_offered(settings):
    assert [code for code, _ in settings.LANGUAGES] == ["vi"]
