from django.urls import path

from learning.views import checkin, evidence, home

urlpatterns = [
    path("", home.home, name="home"),
    path("diem-danh/<str:token>/", checkin.checkin, name="checkin"),
    path("hoi-nghi/<int:pk>/trinh-chieu/", checkin.projector, name="session_projector"),
    path("hoi-nghi/<int:pk>/trinh-chieu/ma/", checkin.projector_code, name="session_projector_code"),
    path("minh-chung/<int:pk>/tep/", evidence.proof, name="manual_evidence_proof"),
]
