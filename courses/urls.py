from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("thu-vien/", views.library, name="library"),
    path("tim-kiem/", views.search, name="search"),
    path("bai-hoc/<int:lesson_id>/da-doc/", views.acknowledge, name="lesson_acknowledge"),
]
