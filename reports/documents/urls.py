from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    # /reports/plans/<plan_pk>/<doc>.<fmt>?period=q1
    path("plans/<int:plan_pk>/<slug:doc>.<slug:fmt>", views.download, name="download"),
]
