"""Result.plan required, once 0013 filled it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('indicators', '0013_result_plan'),
    ]

    operations = [
        migrations.AlterField(
            model_name='result',
            name='plan',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='plans.plan', verbose_name='kế hoạch'),
        ),
    ]
