"""The 2025 reorganisation: the pre-July-2025 tree and the links from each old unit to its new one.

The source is the data of the `vietnamadminunits` package (MIT): ``parser_legacy.json`` holds the
63 provinces, their districts and communes with official codes; ``converter_2025.json`` maps every
new commune to the old ones it was formed from (``DICT_PROVINCE_WARD_NO_DIVIDED``) and every old
commune that was divided between several new ones to those (``DICT_PROVINCE_WARD_DIVIDED``, one of
them the default); ``parser_from_2025.json`` names the new communes behind the converter's keys.
Only these JSON files are read, found without importing the package (its modules pull in shapely
and geopy).

The current units come from `vietnam-provinces` (units.services). The two packages spell a few
new communes differently and disagree on about 130 of their codes, so a new commune of the
converter is matched to a current unit by its name within its province first (tone marks placed
either way, any apostrophe or dash), then by its name without diacritics, and by code last.
"""

import importlib.util
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from pathlib import Path

from core.matching import fold

from .models import COMMUNE_LEVEL, PROVINCE_LEVEL, Unit, UnitKind, UnitSuccession
from .services import REORGANISATION_DAY, UnitSourceMissing, Upsert

LAST_DAY = date(2025, 6, 30)  # the old units' last day
assert (REORGANISATION_DAY - LAST_DAY).days == 1

PROVINCE_PREFIX = {"Tỉnh": UnitKind.PROVINCE, "Thành phố": UnitKind.CITY}
DISTRICT_TYPES = {"Huyện": UnitKind.DISTRICT, "Quận": UnitKind.URBAN_DISTRICT, "Thị xã": UnitKind.TOWN,
                  "Thành phố": UnitKind.PROVINCIAL_CITY}
COMMUNE_TYPES = {"Phường": UnitKind.WARD, "Xã": UnitKind.COMMUNE, "Thị trấn": UnitKind.TOWNSHIP}
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def name_key(name):
    """A name as compared across sources: case, spacing, apostrophes, dashes and the placement of
    the tone mark ("Hoà" / "Hòa") do not count; the letters and the tones themselves do."""
    text = unicodedata.normalize("NFD", name.replace("’", "'").replace("–", "-").replace("—", "-"))
    words = []
    for word in text.casefold().split():
        tones = "".join(sorted(ch for ch in word if ch in TONES))
        words.append(unicodedata.normalize("NFC", "".join(ch for ch in word if ch not in TONES)) + tones)
    return " ".join(words)


def _clean(name):
    return " ".join(name.split())


@dataclass
class Reorganisation:
    """The old tree and the links, as plain data: codes, names and kinds."""

    provinces: list = field(default_factory=list)   # (code, name, kind)
    districts: list = field(default_factory=list)   # (code, name, kind, province code)
    communes: list = field(default_factory=list)    # (code, name, kind, district code)
    # (old commune code, new province code, new commune name, new code as the converter has it,
    #  divided, is_default)
    links: list = field(default_factory=list)
    province_links: list = field(default_factory=list)  # (old province code, new province code)
    # districts without communes (the islands) that became a special zone: (district code, new
    # province code, name)
    island_links: list = field(default_factory=list)


def _data_dir():
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise UnitSourceMissing("Chưa cài gói vietnamadminunits (dữ liệu đơn vị hành chính trước 1/7/2025). "
                                "Chạy `make setup` (hoặc `pip install vietnamadminunits`) rồi thử lại.")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _read(directory, name):
    with open(directory / name, encoding="utf-8") as fh:
        return json.load(fh)


def _nested(*trees, depth):
    """Merge the package's accent-free and accented dictionaries (the latter hold the names that
    would collide without their diacritics) into one {key: {key: ... record}} tree."""
    out = {}
    for tree in trees:
        for key, value in tree.items():
            if depth == 1:
                out.setdefault(key, {}).update(value)
            else:
                for key2, value2 in value.items():
                    out.setdefault(key, {}).setdefault(key2, {}).update(value2)
    return out


def read_reorganisation():
    """The old tree and the links from the `vietnamadminunits` data files."""
    directory = _data_dir()
    legacy = _read(directory, "parser_legacy.json")
    converter = _read(directory, "converter_2025.json")
    current = _read(directory, "parser_from_2025.json")
    data = Reorganisation()

    old_provinces = legacy["DICT_PROVINCE"]
    for record in old_provinces.values():
        name = _clean(record["province"])
        kind = UnitKind.CITY if name.startswith("Thành phố") else UnitKind.PROVINCE
        data.provinces.append((record["provinceCode"], name, kind))

    old_districts = legacy["DICT_PROVINCE_DISTRICT"]
    for pkey, districts in old_districts.items():
        for record in districts.values():
            data.districts.append((record["districtCode"], _clean(record["district"]),
                                   DISTRICT_TYPES[record["districtType"]], old_provinces[pkey]["provinceCode"]))

    wards = _nested(legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"],
                    legacy["DICT_PROVINCE_DISTRICT_WARD_ACCENTED"], depth=2)
    old_code = {}
    for pkey, districts in wards.items():
        for dkey, records in districts.items():
            for wkey, record in records.items():
                if not isinstance(record["wardCode"], str):  # an island district without communes
                    continue
                old_code[f"{pkey}_{dkey}_{wkey}"] = record["wardCode"]
                data.communes.append((record["wardCode"], _clean(record["ward"]),
                                      COMMUNE_TYPES[record["wardType"]], old_districts[pkey][dkey]["districtCode"]))

    new_provinces = current["DICT_PROVINCE"]
    new_wards = _nested(current["DICT_PROVINCE_WARD_NO_ACCENTED"], current["DICT_PROVINCE_WARD_ACCENTED"], depth=1)

    def new(pkey, wkey):
        record = new_wards[pkey][wkey]
        return new_provinces[pkey]["provinceCode"], _clean(record["ward"]), record["wardCode"]

    for pkey, formed in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in formed.items():
            for key in olds:
                if key in old_code:
                    data.links.append((old_code[key], *new(pkey, wkey), False, True))
    for pkey, divided in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for key, parts in divided.items():
            for part in parts:
                data.links.append((old_code[key], *new(pkey, part["newWardKey"]), True,
                                   bool(part["isDefaultNewWard"])))
    for pkey, olds in converter["DICT_PROVINCE"].items():
        for old in olds:
            data.province_links.append((old_provinces[old]["provinceCode"], new_provinces[pkey]["provinceCode"]))

    with_communes = {code for _, _, _, code in data.communes}
    new_of_old = dict(data.province_links)
    for code, name, _, province in data.districts:
        if code not in with_communes:
            data.island_links.append((code, new_of_old[province], "Đặc khu " + name.split(" ", 1)[1]))
    return data


def restrict(data, new_province_codes):
    """Only the old provinces that formed the given new provinces (to load a few for tests)."""
    olds = {old for old, new in data.province_links if new in new_province_codes}
    districts = [d for d in data.districts if d[3] in olds]
    kept = {d[0] for d in districts}
    communes = [c for c in data.communes if c[3] in kept]
    codes = {c[0] for c in communes}
    return Reorganisation(
        provinces=[p for p in data.provinces if p[0] in olds], districts=districts, communes=communes,
        links=[link for link in data.links if link[0] in codes and link[1] in new_province_codes],
        province_links=[link for link in data.province_links if link[1] in new_province_codes],
        island_links=[link for link in data.island_links if link[0] in kept])


# --- writing ---------------------------------------------------------------------------


def load_old_units(data):
    """Create or update the old provinces, districts and communes (valid until 30 June 2025);
    idempotent. A unit of that period stored without a code under the same parent, name and kind
    (a seed plan's ward) is given its official code rather than a twin.

    Side effects: inserts, updates, sets paths. Returns (provinces, districts, communes, created,
    updated).
    """
    ended = Unit.objects.filter(valid_to=LAST_DAY)
    upsert = Upsert({u.code: u for u in ended.filter(code__isnull=False)},
                    adoptable={(u.parent_id, u.name, u.kind): u for u in ended.filter(code__isnull=True)},
                    valid_to=LAST_DAY)
    provinces = {u.code: u for u in upsert.level([(code, name, kind, None) for code, name, kind in data.provinces])}
    districts = {u.code: u for u in upsert.level([(code, name, kind, provinces[p])
                                                  for code, name, kind, p in data.districts])}
    communes = upsert.level([(code, name, kind, districts[d]) for code, name, kind, d in data.communes])
    return len(provinces), len(districts), len(communes), upsert.created, upsert.updated


def _current_index():
    """Current units by (province code, name key), by (province code, name without diacritics)
    when that is unique, and by code."""
    provinces = dict(Unit.objects.current().filter(kind__in=PROVINCE_LEVEL, code__isnull=False)
                     .values_list("pk", "code"))
    by_name, by_fold, by_code = {}, {}, {}
    rows = Unit.objects.current().filter(kind__in=COMMUNE_LEVEL, parent_id__in=provinces).values_list(
        "pk", "name", "code", "parent_id")
    for pk, name, code, parent_id in rows:
        province = provinces[parent_id]
        by_name[(province, name_key(name))] = pk
        by_fold.setdefault((province, fold(name)), []).append(pk)
        by_code[code] = pk
    return ({code: pk for pk, code in provinces.items()}, by_name,
            {k: v[0] for k, v in by_fold.items() if len(v) == 1}, by_code)


def link_units(data):
    """Link each old commune to its successor(s) and each old province to its new province; an
    island district without communes to the special zone it became. Idempotent: only missing,
    changed and stale links of the loaded old units are written.

    Side effects: inserts, updates and deletes UnitSuccession rows. Returns (links, unmatched):
    unmatched lists the converter's new communes found among no current unit.
    """
    provinces, by_name, by_fold, by_code = _current_index()
    old = {code: pk for code, pk in Unit.objects.filter(valid_to=LAST_DAY, code__isnull=False)
           .values_list("code", "pk")}
    # Old province codes are two digits, district codes three, commune codes five: one namespace.
    wanted, unmatched = {}, set()

    def successor(province, name, code):
        pk = by_name.get((province, name_key(name))) or by_fold.get((province, fold(name)))
        return pk or (by_code.get(code) if code else None)

    for old_code, province, name, new_code, divided, is_default in data.links:
        pk = successor(province, name, new_code)
        if pk is None:
            unmatched.add(f"{name} ({province})")
        elif old_code in old:
            wanted[(old[old_code], pk)] = (divided, is_default)
    for old_code, new_code in data.province_links:
        if old_code in old and new_code in provinces:
            wanted[(old[old_code], provinces[new_code])] = (False, True)
    for old_code, province, name in data.island_links:
        pk = successor(province, name, None)
        if pk and old_code in old:
            wanted[(old[old_code], pk)] = (False, True)

    # The links this run owns: those of the old units in ``data`` (all of them but in tests).
    owned = {old[code] for code in chain((c[0] for c in data.communes), (p[0] for p in data.provinces),
                                         (i[0] for i in data.island_links)) if code in old}
    stored = {(link.predecessor_id, link.successor_id): link for link in UnitSuccession.objects.filter(
        predecessor__valid_to=LAST_DAY, predecessor__code__isnull=False) if link.predecessor_id in owned}
    new = [UnitSuccession(predecessor_id=p, successor_id=s, divided=d, is_default=i)
           for (p, s), (d, i) in wanted.items() if (p, s) not in stored]
    changed = []
    for key, link in stored.items():
        if key in wanted and (link.divided, link.is_default) != wanted[key]:
            link.divided, link.is_default = wanted[key]
            changed.append(link)
    stale = [link.pk for key, link in stored.items() if key not in wanted]
    UnitSuccession.objects.bulk_create(new, batch_size=1000)
    UnitSuccession.objects.bulk_update(changed, ["divided", "is_default"], batch_size=1000)
    if stale:
        UnitSuccession.objects.filter(pk__in=stale).delete()
    return len(wanted), sorted(unmatched)
