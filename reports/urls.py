"""Every page of reports/: official documents, the supervisors' dashboard, issuing and verification, the to-do list."""

from django.urls import include, path

urlpatterns = [
    path("reports/", include("reports.documents.urls")),
    path("dashboard/", include("reports.dashboard.urls")),
    path("", include("reports.issuing.urls")),
    path("", include("reports.guide.urls")),
    path("", include("reports.todo.urls")),
]
