"""Manual-evidence proofs move to the private storage (no URL; served by a checking view), each under
a random folder so that its path cannot be guessed. Files already uploaded are copied from the
public media storage and removed there once the migration has committed."""

import secrets
from pathlib import PurePosixPath

from django.core.files.storage import storages
from django.db import migrations, models, transaction

import learning.models.evidence
import core.storage


def _private_name(old: str) -> str:
    path = PurePosixPath(old)
    return str(path.parent / secrets.token_urlsafe(16) / path.name)


def move_proofs(apps, schema_editor):
    ManualEvidence = apps.get_model("learning", "ManualEvidence")
    public, private = storages["default"], storages["private"]
    for pk, old in ManualEvidence.objects.exclude(proof="").values_list("pk", "proof").iterator():
        if private.exists(old) or not public.exists(old):
            continue  # already private, or lost before (the view answers 404 for it)
        with public.open(old, "rb") as handle:
            new = private.save(_private_name(old), handle)
        ManualEvidence.objects.filter(pk=pk).update(proof=new)
        transaction.on_commit(lambda old=old: public.delete(old))


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0006_exportjob_heartbeat_at'),
    ]

    operations = [
        migrations.AlterField(
            model_name='manualevidence',
            name='proof',
            field=models.FileField(blank=True, max_length=255, storage=core.storage.private_storage, upload_to=learning.models.evidence.proof_upload_to, verbose_name='minh chứng đính kèm'),
        ),
        migrations.RunPython(move_proofs, migrations.RunPython.noop),
    ]
