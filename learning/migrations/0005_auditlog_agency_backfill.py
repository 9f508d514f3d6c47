"""Fill AuditLog.agency for the entries written before it existed: the agency of the object when it
still exists (followed as org.services.audit.agency_id_of does), else the actor's agency; an
entry with neither (a command's entry about a deleted object) stays without, for superusers only."""

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import migrations

RELATIONS = ("employee", "campaign", "session", "criterion", "target", "score")


def _fk(obj, name):
    try:
        return obj._meta.get_field(name).many_to_one
    except FieldDoesNotExist:
        return False


def _agency_id(obj, depth=0):
    if obj is None or depth > 3:
        return None
    if obj._meta.label_lower == "learning.orgunit":
        steplen = len(obj.path) // obj.depth
        root = type(obj)._default_manager.filter(depth=1, path=obj.path[:steplen]).first()
        return root.pk if root else None
    if _fk(obj, "agency") and obj.agency_id is not None:
        return obj.agency_id
    for name in RELATIONS:
        if _fk(obj, name):
            try:
                found = _agency_id(getattr(obj, name), depth + 1)
            except ObjectDoesNotExist:
                continue
            if found is not None:
                return found
    return None


def _object(apps, entry):
    if entry.content_type_id is None or not entry.object_id:
        return None
    try:
        model = apps.get_model(entry.content_type.app_label, entry.content_type.model)
        return model._default_manager.filter(pk=entry.object_id).first()
    except (LookupError, ValueError, ValidationError):
        return None


def backfill(apps, schema_editor):
    AuditLog = apps.get_model("learning", "AuditLog")
    Employee = apps.get_model("learning", "Employee")
    actor_agency = dict(Employee.objects.filter(user__isnull=False).values_list("user_id", "agency_id"))
    for entry in AuditLog.objects.filter(agency__isnull=True).select_related("content_type").iterator():
        agency_id = _agency_id(_object(apps, entry)) or actor_agency.get(entry.actor_id)
        if agency_id is not None:
            # update(), not save(): the model refuses to save an existing (append-only) entry
            AuditLog.objects.filter(pk=entry.pk).update(agency_id=agency_id)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0004_auditlog_agency"),
        ("certificates", "0002_quizcertificate_certificate_quiz_and_more"),
        ("quizzes", "0003_alter_quiz_exam_paper"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
