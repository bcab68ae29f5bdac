from django.urls import path

from . import views

app_name = "units"
urlpatterns = [
    path("<int:unit_pk>/departments/", views.department_list, name="department_list"),
    path("<int:unit_pk>/departments/<int:department_pk>/", views.department_edit, name="department_edit"),
    path("<int:unit_pk>/departments/<int:department_pk>/move/<str:direction>/", views.department_move,
         name="department_move"),
    path("<int:unit_pk>/departments/<int:department_pk>/active/", views.department_active,
         name="department_active"),
]
