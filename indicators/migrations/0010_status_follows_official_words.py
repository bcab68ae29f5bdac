from django.db import migrations


def refill(apps, schema_editor):
    """Stored statuses follow the rule of indicators.counting (README "What counts"): the official's
    typed evaluation when it says a status; a ratio or words for a qualitative target are a result.
    Historical models have no methods: the rule of indicators.assess.assess is applied here."""
    from core.evaluation import evaluate, official_status
    from core.periods import is_final
    from core.phrases import Target

    Result = apps.get_model("indicators", "Result")
    changed = []
    # Rows with typed words, or of a qualitative target (exclude() drops only rows with neither).
    rows = Result.objects.select_related("indicator").exclude(evaluation_text="", indicator__target_kind__in=[
        "exact", "at_least", "above", "below", "at_most", "range", "ratio", "increase_by", "decrease_by"])
    for r in rows.iterator(chunk_size=2000):
        final = is_final(r.period)
        status, percent = r.status, r.percent
        if r.indicator.target_kind == "qualitative":
            i = r.indicator
            target = Target(kind="qualitative", unit=i.target_unit or None)
            status = evaluate(target, numerator=r.numerator, denominator=r.denominator, final=final,
                              judgement=r.judgement or "").status
            if status == "no_data" and (r.value is not None or r.numerator is not None or r.text.strip()):
                status = "in_progress"
        official = official_status(r.evaluation_text, final=final)
        if official is not None:
            status = official.status
            percent = official.percent if official.percent is not None else percent
        if (status, percent) != (r.status, r.percent):
            r.status, r.percent = status, percent
            changed.append(r)
        if len(changed) >= 2000:
            Result.objects.bulk_update(changed, ["status", "percent"])
            changed = []
    if changed:
        Result.objects.bulk_update(changed, ["status", "percent"])


class Migration(migrations.Migration):

    dependencies = [
        ("indicators", "0009_historicalplansector"),
    ]

    operations = [
        migrations.RunPython(refill, migrations.RunPython.noop),
    ]
