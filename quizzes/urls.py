from django.urls import path

from quizzes.views import learner

app_name = "quizzes"

urlpatterns = [
    path("", learner.index, name="index"),
    path("luot/<int:pk>/", learner.take, name="take"),
    path("luot/<int:pk>/nop-bai/", learner.submit, name="submit"),
    path("luot/<int:pk>/ket-qua/", learner.result, name="result"),
    path("<slug:slug>/", learner.detail, name="detail"),
    path("<slug:slug>/bat-dau/", learner.start, name="start"),
]
