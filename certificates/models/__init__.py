from .certificate import Certificate, CertificateStatus
from .jobs import CertificateJob, JobKind, JobStatus
from .quiz_certificates import QuizCertificate
from .serials import SerialCounter
from .template import CertificateTemplateSettings

__all__ = [
    "Certificate",
    "CertificateJob",
    "CertificateStatus",
    "CertificateTemplateSettings",
    "JobKind",
    "JobStatus",
    "QuizCertificate",
    "SerialCounter",
]
