import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories as f


@pytest.mark.parametrize("model", [m for m in admin.site._registry if m._meta.app_label in
                                   {"units", "plans", "indicators"}], ids=lambda m: m._meta.label)
def test_admin_changelist_and_add_pages_render(admin_client, model):
    f.PlanIndicatorFactory()
    opts = model._meta
    assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200
