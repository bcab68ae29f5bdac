from django.urls import path

from . import people_views, views

app_name = "units"
urlpatterns = [
    path("<int:unit_pk>/departments/", views.department_list, name="department_list"),
    path("<int:unit_pk>/departments/<int:department_pk>/", views.department_edit, name="department_edit"),
    path("<int:unit_pk>/departments/<int:department_pk>/move/<str:direction>/", views.department_move,
         name="department_move"),
    path("<int:unit_pk>/departments/<int:department_pk>/active/", views.department_active,
         name="department_active"),
    # /units/nguoi-dung/ and /units/<pk>/nguoi-dung/: the people of the units one manages
    path("nguoi-dung/", people_views.people_index, name="people_index"),
    path("<int:unit_pk>/nguoi-dung/", people_views.people_list, name="people_list"),
    path("<int:unit_pk>/nguoi-dung/them-tai-khoan-da-co/", people_views.person_existing, name="person_existing"),
    path("<int:unit_pk>/nguoi-dung/<int:person_pk>/vai-tro/", people_views.person_role, name="person_role"),
    path("<int:unit_pk>/nguoi-dung/<int:person_pk>/bo-phan/", people_views.person_department,
         name="person_department"),
    path("<int:unit_pk>/nguoi-dung/<int:person_pk>/trang-thai/", people_views.person_active, name="person_active"),
    path("<int:unit_pk>/nguoi-dung/<int:person_pk>/mat-khau/", people_views.person_password,
         name="person_password"),
    # after a one-time password: setting one's own
    path("mat-khau/", people_views.password_set, name="password_set"),
]
