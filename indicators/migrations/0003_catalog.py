from django.db import migrations


def load(apps, schema_editor):
    from indicators.catalog_data import CATALOG, SECTORS

    Sector = apps.get_model("indicators", "Sector")
    Catalog = apps.get_model("indicators", "CatalogIndicator")
    by_code = {}
    for code, name, order in SECTORS:
        by_code[code], _ = Sector.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for code, name, sector, unit, aggregation, direction in CATALOG:
        Catalog.objects.update_or_create(code=code, defaults={
            "name": name, "sector": by_code[sector], "unit_of_measure": unit,
            "aggregation": aggregation, "direction": direction})


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
