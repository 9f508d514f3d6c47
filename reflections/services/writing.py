"""A learner writes a reflection: saves a draft, submits it, and after a return (or a "Chưa đạt")
changes it and submits again. Only for oneself, only where the campaign asks for one."""

from __future__ import annotations

from pathlib import PurePath

from django.db import transaction
from django.utils import timezone

from core.errors import DomainError, PermissionDenied
from core.files import upload_matches_name
from learning.selectors.audience import campaign_audience
from org.scoping import agency_object_required
from org.selectors.access import employee_of
from org.services.audit import audit_log
from reflections.models import FILE_EXTENSIONS, Reflection, ReflectionStatus
from reflections.models.reflections import validate_file_size
from reflections.originality import document_text, signature
from reflections.selectors.prompts import prompt_for

MAX_TEXT_CHARS = 60_000  # about 10,000 Vietnamese words: far beyond any bài thu hoạch


class ReflectionRefused(DomainError):
    code = "reflection_refused"


def reflection_snapshot(reflection: Reflection) -> dict:
    return {
        "employee": reflection.employee.employee_code,
        "campaign": reflection.campaign.slug,
        "directive": reflection.directive.number,
        "status": reflection.status,
        "words": len(reflection.text.split()),
        "file": reflection.file.name if reflection.file else "",
        "submitted_on": reflection.submitted_on.isoformat() if reflection.submitted_on else "",
        "score": str(reflection.score) if reflection.score is not None else "",
    }


def _upload_required_valid(upload) -> None:
    name = getattr(upload, "name", "") or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in FILE_EXTENSIONS:
        raise ReflectionRefused(f"the file {name!r} is not one of {', '.join(FILE_EXTENSIONS)}", code="file_type")
    if not upload_matches_name(upload):
        raise ReflectionRefused(f"the file {name!r} is not what its extension says", code="file_content")
    try:
        validate_file_size(upload)
    except Exception as exc:  # ValidationError: the message names the limit
        raise ReflectionRefused(str(getattr(exc, "messages", [exc])[0]), code="file_size") from exc


def _writer_required(*, actor, campaign, directive):
    """The actor's staff record, when the campaign asks them for a reflection on this directive."""
    agency_object_required(actor=actor, agency=campaign.agency_id)  # another agency's: not found
    employee = employee_of(actor)
    if employee is None:
        raise PermissionDenied("only a member of staff writes a reflection, for themself")
    prompt = prompt_for(campaign=campaign, directive=directive)
    if prompt is None:
        raise ReflectionRefused("this requirement asks for no reflection", code="not_asked")
    if not campaign_audience(campaign=campaign).filter(pk=employee.pk).exists():
        raise ReflectionRefused("you are not in the audience of this campaign", code="not_in_audience")
    return employee


def reflection_save(*, campaign, directive, actor, text: str = "", upload=None, remove_file: bool = False,
                    submit: bool = False) -> Reflection:
    """Save the actor's own reflection for (campaign, directive) as a draft, or submit it
    (`submit=True`: dated today, waiting for a grader). A submitted or passed one cannot change;
    a returned or failed one can, and is submitted again."""
    employee = _writer_required(actor=actor, campaign=campaign, directive=directive)
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_TEXT_CHARS:
        raise ReflectionRefused(f"the text is longer than {MAX_TEXT_CHARS} characters", code="too_long")
    if upload:
        _upload_required_valid(upload)
    with transaction.atomic():
        reflection, _ = Reflection.objects.select_for_update().get_or_create(
            employee=employee, campaign=campaign, directive=directive)
        if not reflection.is_editable:
            raise ReflectionRefused("this reflection is submitted or graded: it cannot change", code="not_editable")
        before = reflection_snapshot(reflection)
        replaced = reflection.file.name if reflection.file and (upload or remove_file) else ""
        reflection.text = text
        if upload:
            reflection.file = upload
        elif remove_file:
            reflection.file = ""
        if submit:
            if not text and not reflection.file:
                raise ReflectionRefused("write the reflection or attach a file before submitting", code="empty")
            extension = PurePath(reflection.file.name).suffix if reflection.file else ""
            uploaded_text = document_text(upload, extension) if upload else (
                _stored_text(reflection, extension) if reflection.file else "")
            reflection.status = ReflectionStatus.SUBMITTED
            reflection.submitted_at = timezone.now()
            reflection.submitted_on = timezone.localdate()
            reflection.signature = signature(f"{text}\n{uploaded_text}")
        reflection.save()
        if replaced and replaced != reflection.file.name:
            storage = Reflection._meta.get_field("file").storage
            transaction.on_commit(lambda: storage.delete(replaced))
        audit_log(actor=actor, action="reflection.submit" if submit else "reflection.save", obj=reflection,
                  before=before, after=reflection_snapshot(reflection))
    return reflection


def _stored_text(reflection: Reflection, extension: str) -> str:
    try:
        with reflection.file.open("rb") as handle:
            return document_text(handle, extension)
    except (FileNotFoundError, OSError):
        return ""
