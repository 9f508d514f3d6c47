"""Background job rows (the evidence pack's ExportJob, the certificates' CertificateJob): how a worker
runs one (`run`), how a job whose worker died is noticed and failed (`stale`), and where its
temporary files live (`files`). The models inherit `core.models.BackgroundJob`."""
