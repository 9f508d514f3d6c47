from .certificate import Certificate, CertificateStatus
from .jobs import CertificateJob, JobKind, JobStatus
from .serials import SerialCounter
from .template import CertificateTemplateSettings

__all__ = [
    "Certificate",
    "CertificateJob",
    "CertificateStatus",
    "CertificateTemplateSettings",
    "JobKind",
    "JobStatus",
    "SerialCounter",
]
