from django.urls import path

from . import views

app_name = "todo"
urlpatterns = [
    # /viec-can-lam/
    path("viec-can-lam/", views.todo, name="todo"),
    path("viec-can-lam/nhac-viec/", views.reminder_settings, name="reminder_settings"),
]
