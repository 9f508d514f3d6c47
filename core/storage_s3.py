"""The private storage on S3 (production with AWS_STORAGE_BUCKET_NAME): same bucket, `private/`
prefix, no URLs (not even pre-signed ones). Imported only when configured: needs django-storages."""

from storages.backends.s3 import S3Storage

from core.storage import NoPublicUrl


class PrivateS3Storage(NoPublicUrl, S3Storage):
    location = "private"
