"""factory_boy factories with boring defaults."""

import datetime

import factory
from django.contrib.auth import get_user_model

from indicators.models import PlanIndicator, PlanSector, Result, Sector
from indicators.services import apply_evaluation
from plans.models import PeriodReport, Plan, Section, Task
from units.models import Department, Role, Unit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("matkhau-thu-nghiem")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Phường {n}")
    kind = "ward"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    unit = factory.SubFactory(UnitFactory)
    name = factory.Sequence(lambda n: f"Bộ phận {n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = "editor"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        skip_postgeneration_save = True

    unit = factory.SubFactory(UnitFactory)
    year = 2024
    title = "Phát triển kinh tế - xã hội năm 2024"
    place = "Thử Nghiệm"

    @factory.post_generation
    def created_at(obj, create, extracted, **kwargs):
        """Made before its year, as plans usually are (the to-do list asks a plan created during its
        year only for the reports due since: plans.schedule.first_asked); ``created_at=`` sets it."""
        obj.created_at = extracted or datetime.datetime(obj.year - 1, 12, 1, tzinfo=datetime.UTC)
        if create:
            Plan.objects.filter(pk=obj.pk).update(created_at=obj.created_at)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    heading = factory.Sequence(lambda n: f"{n}. Mục")
    body = "Nội dung."
    order = factory.Sequence(int)


class PlanSectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanSector

    plan = factory.SubFactory(PlanFactory)
    name = "KINH TẾ"
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="kinh-te"))
    order = factory.Sequence(int)


class PlanIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanIndicator

    plan = factory.SubFactory(PlanFactory)
    plan_sector = factory.SubFactory(PlanSectorFactory, plan=factory.SelfAttribute("..plan"))
    name = factory.Sequence(lambda n: f"Chỉ tiêu {n}")
    stt = factory.Sequence(lambda n: str(n + 1))
    order = factory.Sequence(int)
    target_text = "90% trở lên"
    target_kind = "at_least"
    target_value = 90
    target_unit = "%"


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    indicator = factory.SubFactory(PlanIndicatorFactory)
    period = "y"
    value = 95

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Like every writer of results: the stored evaluation is computed before the save.
        result = model_class(*args, **kwargs)
        apply_evaluation(result)
        result.save()
        return result


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Nhiệm vụ {n}")
    order = factory.Sequence(int)


class PeriodReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeriodReport

    plan = factory.SubFactory(PlanFactory)
    period = "q1"
