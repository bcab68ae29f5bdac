from django.urls import path, register_converter

from . import import_views, lineage_views, sheet_views, task_views, views


class DirectionConverter:
    regex = "up|down"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(DirectionConverter, "direction")


class PeriodConverter:
    regex = "m1[0-2]|m[1-9]|q[1-4]|h1|9m|y"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PeriodConverter, "period")

app_name = "plans"
urlpatterns = [
    # /plans/new/ and the live target preview
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/target-preview/", views.target_preview, name="target_preview"),
    path("plans/import/", import_views.plan_import, name="plan_import"),
    path("plans/import/review/", import_views.plan_import_review, name="plan_import_review"),
    path("plans/template.xlsx", sheet_views.blank_template, name="blank_template"),
    path("plans/<int:pk>/template.xlsx", sheet_views.sheet_template, name="sheet_template"),
    path("plans/<int:pk>/sheet/", sheet_views.sheet_upload, name="sheet_upload"),
    path("plans/<int:pk>/sheet/confirm/", sheet_views.sheet_confirm, name="sheet_confirm"),
    # /plans/<pk>/
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/history/", views.plan_history, name="plan_history"),
    path("plans/<int:pk>/baselines/", lineage_views.carried_baselines, name="carried_baselines"),
    path("plans/<int:pk>/baselines/<int:indicator_pk>/accept/", lineage_views.accept_baseline,
         name="accept_baseline"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/revise/", views.plan_revise, name="plan_revise"),
    path("plans/<int:pk>/copy/", views.plan_copy, name="plan_copy"),
    # /plans/<pk>/sections/
    path("plans/<int:pk>/sections/", views.section_list, name="section_list"),
    path("plans/<int:pk>/sections/<int:section_pk>/", views.section_edit, name="section_edit"),
    path("plans/<int:pk>/sections/<int:section_pk>/move/<direction:direction>/", views.section_move,
         name="section_move"),
    path("plans/<int:pk>/sections/<int:section_pk>/delete/", views.section_delete, name="section_delete"),
    # /plans/<pk>/indicators/
    path("plans/<int:pk>/indicators/", views.indicator_list, name="indicator_list"),
    path("plans/<int:pk>/indicators/<int:indicator_pk>/", views.indicator_edit, name="indicator_edit"),
    path("plans/<int:pk>/indicators/<int:indicator_pk>/move/<direction:direction>/", views.indicator_move,
         name="indicator_move"),
    path("plans/<int:pk>/indicators/<int:indicator_pk>/delete/", views.indicator_delete,
         name="indicator_delete"),
    # /plans/<pk>/results/
    path("plans/<int:pk>/results/", views.result_list, name="result_list"),
    path("plans/<int:pk>/results/<period:period>/<int:indicator_pk>/", views.result_save, name="result_save"),
    path("plans/<int:pk>/results/<period:period>/submit/", views.period_submit, name="period_submit"),
    path("plans/<int:pk>/results/<period:period>/reopen/", views.period_reopen, name="period_reopen"),
    # /units/<pk>/: a unit's history across the 2025 reorganisation (here: it links to plans)
    path("units/<int:pk>/", lineage_views.unit_history, name="unit_history"),
    # /plans/<pk>/tasks/
    path("plans/<int:pk>/tasks/", views.task_list, name="task_list"),
    path("plans/<int:pk>/tasks/<int:task_pk>/", views.task_edit, name="task_edit"),
    # /plans/<pk>/tasks/compose/  (a draft's tasks as the plan writes them)
    path("plans/<int:pk>/tasks/compose/", task_views.task_compose, name="task_compose"),
    path("plans/<int:pk>/tasks/compose/<int:task_pk>/", task_views.task_draft_edit, name="task_draft_edit"),
    path("plans/<int:pk>/tasks/compose/<int:task_pk>/move/<direction:direction>/", task_views.task_move,
         name="task_move"),
    path("plans/<int:pk>/tasks/compose/<int:task_pk>/delete/", task_views.task_delete, name="task_delete"),
]
