from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("thu-vien/", views.library, name="library"),
    path("tim-kiem/", views.search, name="search"),
    path("bai-hoc/<int:lesson_id>/da-doc/", views.acknowledge, name="lesson_acknowledge"),
    path("bai-hoc/<int:lesson_id>/video/", views.lesson_video, name="lesson_video"),
    path("bai-hoc/<int:lesson_id>/phu-de.vtt", views.lesson_captions, name="lesson_captions"),
    path("bai-hoc/<int:lesson_id>/video/tien-do/", views.lesson_video_beat, name="lesson_video_beat"),
]
