from django.urls import path

from . import views

app_name = "plans"
urlpatterns = [
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
]
