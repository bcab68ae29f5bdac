"""A small 2025 reorganisation for tests: three old wards A, B, C of one old district merged into
the new Phường Hợp Nhất; old Xã D divided between the new Xã Tách (the default) and Phường Bên;
old Phường E, in the same old district, joined Xã Tách."""

from types import SimpleNamespace

from tests import factories as f
from units.models import UnitSuccession
from units.reorganisation import LAST_DAY
from units.services import REORGANISATION_DAY


def reorganisation():
    old_province = f.UnitFactory(name="Tỉnh Cũ", kind="province", code="98", valid_to=LAST_DAY)
    district = f.UnitFactory(name="Thành phố Cũ", kind="provincial_city", code="998", parent=old_province,
                             valid_to=LAST_DAY)
    old = {key: f.UnitFactory(name=name, kind=kind, code=code, parent=district, valid_to=LAST_DAY)
           for key, name, kind, code in (("a", "Phường A", "ward", "99001"), ("b", "Phường B", "ward", "99002"),
                                         ("c", "Xã C", "commune", "99003"), ("d", "Xã D", "commune", "99004"),
                                         ("e", "Phường E", "ward", "99005"))}
    province = f.UnitFactory(name="Tỉnh Mới", kind="province", code="97", valid_from=REORGANISATION_DAY)
    merged = f.UnitFactory(name="Phường Hợp Nhất", kind="ward", code="99001", parent=province,
                           valid_from=REORGANISATION_DAY)
    split = f.UnitFactory(name="Xã Tách", kind="commune", code="99005", parent=province,
                          valid_from=REORGANISATION_DAY)
    side = f.UnitFactory(name="Phường Bên", kind="ward", code="99004", parent=province,
                         valid_from=REORGANISATION_DAY)
    links = [(old["a"], merged, False, True), (old["b"], merged, False, True), (old["c"], merged, False, True),
             (old["d"], split, True, True), (old["d"], side, True, False), (old["e"], split, False, True),
             (old_province, province, False, True)]
    UnitSuccession.objects.bulk_create([UnitSuccession(predecessor=p, successor=s, divided=d, is_default=i)
                                        for p, s, d, i in links])
    return SimpleNamespace(old_province=old_province, district=district, merged=merged, split=split, side=side,
                           province=province, **old)


def person(username, unit, role="editor"):
    """A user holding ``role`` on ``unit``."""
    user = f.UserFactory(username=username)
    f.RoleFactory(user=user, unit=unit, role=role)
    return user
