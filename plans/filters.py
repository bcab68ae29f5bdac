"""django-filter FilterSets of the plan pages. Each receives its plan and narrows its choices to it."""


import django_filters
from django import forms

from .models import Task, TaskStatus


class TaskFilter(django_filters.FilterSet):
    lead = django_filters.ModelChoiceFilter(label="Bộ phận chủ trì", queryset=None, empty_label="(tất cả)")
    status = django_filters.ChoiceFilter(label="Trạng thái", choices=TaskStatus.choices, empty_label="(tất cả)")
    overdue = django_filters.BooleanFilter(label="Chỉ nhiệm vụ quá hạn", method="filter_overdue",
                                           widget=forms.CheckboxInput)

    class Meta:
        model = Task
        fields = ["lead", "status", "overdue"]

    def __init__(self, data=None, queryset=None, *, plan):
        super().__init__(data, queryset=queryset)
        self.filters["lead"].queryset = plan.unit.departments.order_by("order", "name")
        form = self.form
        form.fields["lead"].widget.attrs["class"] = "form-select form-select-sm"
        form.fields["status"].widget.attrs["class"] = "form-select form-select-sm"
        form.fields["overdue"].widget.attrs["class"] = "form-check-input"

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.overdue()
