from .certificate import Certificate, CertificateStatus
from .jobs import CertificateJob, JobKind
from .quiz_certificates import QuizCertificate
from .serials import SerialCounter
from .template import CertificateTemplateSettings

__all__ = [
    "Certificate",
    "CertificateJob",
    "CertificateStatus",
    "CertificateTemplateSettings",
    "JobKind",
    "QuizCertificate",
    "SerialCounter",
]
