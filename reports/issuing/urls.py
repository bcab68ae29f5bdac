from django.urls import path

from . import views

app_name = "issuing"

# The issued plan's PDFs and signatures, for the people of the plan's unit.
PLAN_PAGES = [
    # /plans/<pk>/issue/
    path("plans/<int:pk>/issue/", views.issue, name="issue"),
    # /plans/<plan_pk>/ky-so/...
    path("plans/<int:plan_pk>/ky-so/", views.plan_status, name="plan_status"),
    path("plans/<int:plan_pk>/ky-so/ban-phat-hanh.pdf", views.download_frozen, name="download_frozen"),
    path("plans/<int:plan_pk>/ky-so/ban-ky-so.pdf", views.download_signed, name="download_signed"),
    path("plans/<int:plan_pk>/ky-so/freeze/", views.freeze, name="freeze"),
    path("plans/<int:plan_pk>/ky-so/sign/", views.sign, name="sign"),
    path("plans/<int:plan_pk>/ky-so/upload/", views.upload_signed, name="upload_signed"),
]

# Where those pages were until they left the public /verify/: a permanent redirect (308) each.
MOVED = [
    path(f"verify/plans/<int:plan_pk>/{old}", views.moved, {"to": f"issuing:{name}"}, name=f"moved_{name}")
    for old, name in (("", "plan_status"), ("ban-phat-hanh.pdf", "download_frozen"),
                      ("ban-ky-so.pdf", "download_signed"), ("freeze/", "freeze"), ("sign/", "sign"),
                      ("upload/", "upload_signed"))
]

urlpatterns = [
    *PLAN_PAGES,
    # /verify/  public verification by code or by file
    path("verify/", views.verify, name="verify"),
    *MOVED,
]
