from django.urls import path

from reflections.views import learner

app_name = "reflections"

urlpatterns = [
    path("", learner.mine, name="mine"),
    path("<int:campaign_id>/<int:directive_id>/", learner.write, name="write"),
    path("bai/<int:pk>/tep/", learner.file_download, name="file"),
]
