from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config import views as edge_views
from config.throttle import is_post, throttle
from plans import views as plans_views
from units.people_views import InvitationConfirmView, LoginView

handler400 = "config.views.bad_request"

urlpatterns = [
    path("", include("plans.urls")),
    path("", plans_views.home, name="home"),
    path("units/", include("units.urls")),
    path("", include("indicators.urls")),
    path("", include("reports.urls")),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", throttle("password_reset", counts=is_post)(auth_views.PasswordResetView.as_view()),
         name="password_reset"),
    path("password/reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("password/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(),
         name="password_reset_confirm"),
    path("password/invitation/<uidb64>/<token>/", InvitationConfirmView.as_view(), name="invitation_confirm"),
    path("password/reset/complete/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("admin/", admin.site.urls),
    path("healthz", edge_views.healthz, name="healthz"),
]
