from django.urls import path

from certificates.views import learner, verify

app_name = "certificates"

urlpatterns = [
    path("chung-nhan/", learner.my_certificates, name="mine"),
    path("chung-nhan/<int:pk>/tai-ve/", learner.download, name="download"),
    path("verify/", verify.verify_form, name="verify_form"),
    path("verify/<str:code>/", verify.verify, name="verify"),
]
