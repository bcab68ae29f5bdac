from django.urls import path

from . import views

app_name = "indicators"
urlpatterns = [
    # /dashboard/catalog-links/  (reached from the dashboard, where supervisors and administrators work)
    path("dashboard/catalog-links/", views.catalog_link_list, name="catalog_link_list"),
]
