from django.urls import path

from . import reorganisation_views, views

app_name = "dashboard"

urlpatterns = [
    # /dashboard/
    path("", views.overview, name="overview"),
    path("export.xlsx", views.overview_export, name="overview_export"),
    # /dashboard/compare/
    path("compare/", views.compare, name="compare"),
    path("compare/export.xlsx", views.compare_export, name="compare_export"),
    # /dashboard/reorganisation/: a province before and after 1 July 2025
    path("reorganisation/", reorganisation_views.reorganisation, name="reorganisation"),
    # /dashboard/plans/<pk>/comments/
    path("plans/<int:plan_pk>/comments/", views.comment_create, name="comment_create"),
]
