from django.urls import path

from . import search, views

app_name = "guide"
urlpatterns = [
    path("huong-dan/", views.guide, name="guide"),
    path("huong-dan/<slug:role>/", views.guide, name="guide_role"),
    path("tim-kiem/", search.search, name="search"),
]
