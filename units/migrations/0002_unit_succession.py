# The 2025 reorganisation: codes shared by an old and a new unit, and the succession links.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("units", "0001_initial"),
    ]

    operations = [
        # The plain M2M had no rows (the lineage was unknown) and cannot gain a `through` in place.
        migrations.RemoveField(model_name="unit", name="successors"),
        migrations.CreateModel(
            name="UnitSuccession",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("divided", models.BooleanField(default=False, verbose_name="bị chia cho nhiều đơn vị mới")),
                ("is_default", models.BooleanField(default=True, verbose_name="đơn vị mới chính")),
                ("predecessor", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                  related_name="succession_links", to="units.unit",
                                                  verbose_name="đơn vị cũ")),
                ("successor", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                related_name="predecession_links", to="units.unit",
                                                verbose_name="đơn vị mới")),
            ],
            options={
                "verbose_name": "kế thừa đơn vị hành chính",
                "verbose_name_plural": "kế thừa đơn vị hành chính",
                "ordering": ["successor", "predecessor"],
                "constraints": [models.UniqueConstraint(fields=("predecessor", "successor"),
                                                        name="unit_succession_unique")],
            },
        ),
        migrations.AddField(
            model_name="unit",
            name="successors",
            field=models.ManyToManyField(blank=True, related_name="predecessors", through="units.UnitSuccession",
                                         through_fields=("predecessor", "successor"), to="units.unit",
                                         verbose_name="đơn vị kế thừa"),
        ),
        migrations.AlterField(
            model_name="unit",
            name="code",
            field=models.CharField(blank=True, db_index=True, help_text="Mã đơn vị hành chính (GSO) nếu có.",
                                   max_length=20, null=True, verbose_name="mã"),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(condition=models.Q(("valid_to__isnull", True)), fields=("code",),
                                               name="unit_unique_current_code"),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.UniqueConstraint(condition=models.Q(("valid_to__isnull", False)),
                                               fields=("code", "valid_to"), name="unit_unique_ended_code"),
        ),
    ]
