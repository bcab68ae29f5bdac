"""Result.plan: the indicator's plan, copied onto each result (the dashboard counts results per plan
without a join). Added empty, filled from the indicators here, made required in 0014 (PostgreSQL
refuses to alter a table with pending deferred constraint checks in the transaction that filled it)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0012_vietnamese_field_names'),
        ('plans', '0009_vietnamese_field_names'),
        ('units', '0007_vietnamese_field_names'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalresult',
            name='plan',
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='plans.plan', verbose_name='kế hoạch'),
        ),
        migrations.AddField(
            model_name='result',
            name='plan',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='plans.plan', verbose_name='kế hoạch'),
        ),
        migrations.RunSQL(
            "UPDATE indicators_result SET plan_id = (SELECT i.plan_id FROM indicators_planindicator i"
            " WHERE i.id = indicators_result.indicator_id)",
            migrations.RunSQL.noop, elidable=True),
        migrations.RunSQL(
            "UPDATE indicators_historicalresult SET plan_id = (SELECT i.plan_id FROM indicators_planindicator i"
            " WHERE i.id = indicators_historicalresult.indicator_id)",
            migrations.RunSQL.noop, elidable=True),
        migrations.AddIndex(
            model_name='planindicator',
            index=models.Index(condition=models.Q(('parent__isnull', True)), fields=['plan', 'id'], name='indicator_counted_idx'),
        ),
        migrations.AddIndex(
            model_name='result',
            index=models.Index(fields=['period', 'is_estimate', 'plan', 'status', 'updated_at'], name='result_period_plan_idx'),
        ),
    ]
