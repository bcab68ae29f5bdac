import builtins

import pytest
from django.core.management import CommandError, call_command

from units.models import Unit


def test_load_units_loads_34_provinces_and_every_commune(db, capsys):
    call_command("load_units")
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "provinces: 34, communes: 3321"
    assert Unit.objects.current().filter(kind__in=["province", "city"]).count() == 34
    assert Unit.objects.current().commune_level().count() == 3321
    hoan_kiem = Unit.objects.current().get(code="00070")
    assert hoan_kiem.parent.name == "Thành phố Hà Nội"
    assert hoan_kiem.path == f"{hoan_kiem.parent.path}{hoan_kiem.pk}/"


def test_load_units_twice_changes_nothing(db, capsys):
    call_command("load_units")
    before = list(Unit.objects.values_list("pk", "code", "name", "path").order_by("pk"))
    call_command("load_units")
    assert list(Unit.objects.values_list("pk", "code", "name", "path").order_by("pk")) == before


def test_load_units_without_package_says_so_and_writes_nothing(db, monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "vietnam_provinces":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(CommandError, match="vietnam-provinces"):
        call_command("load_units")
    assert not Unit.objects.exists()
