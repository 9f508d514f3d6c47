from django.urls import path

from learning.views import home

urlpatterns = [
    path("", home.home, name="home"),
]
