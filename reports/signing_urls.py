from django.urls import path

from . import signing_views as views

app_name = "signing"

urlpatterns = [
    # /verify/  public verification by code or by file
    path("", views.verify, name="verify"),
    # /verify/plans/<plan_pk>/...  the issued plan's PDFs and signatures
    path("plans/<int:plan_pk>/", views.plan_status, name="plan_status"),
    path("plans/<int:plan_pk>/ban-phat-hanh.pdf", views.download_frozen, name="download_frozen"),
    path("plans/<int:plan_pk>/ban-ky-so.pdf", views.download_signed, name="download_signed"),
    path("plans/<int:plan_pk>/freeze/", views.freeze, name="freeze"),
    path("plans/<int:plan_pk>/sign/", views.sign, name="sign"),
    path("plans/<int:plan_pk>/upload/", views.upload_signed, name="upload_signed"),
]
