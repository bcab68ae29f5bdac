from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config import views as edge_views
from plans import views as plans_views

handler400 = "config.views.bad_request"

urlpatterns = [
    path("", include("plans.urls")),
    path("", plans_views.home, name="home"),
    path("units/", include("units.urls")),
    path("", include("indicators.urls")),
    path("", include("reports.urls")),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("healthz", edge_views.healthz, name="healthz"),
]
