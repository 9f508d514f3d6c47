"""courses/migrations/0006: Wagtail's default workflow and task get a Vietnamese name, unless renamed."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from wagtail.models import GroupApprovalTask, Workflow

migration = importlib.import_module("courses.migrations.0006_vietnamese_default_workflow")


@pytest.mark.django_db
def test_the_migrated_database_has_the_vietnamese_default_workflow():
    # Wagtail's 0048 creates them from the publish permission of its "Moderators" group.
    assert list(Workflow.objects.values_list("name", flat=True)) == ["Kiểm duyệt nội dung"]
    assert list(GroupApprovalTask.objects.values_list("name", flat=True)) == ["Người kiểm duyệt phê duyệt"]


@pytest.mark.django_db
def test_a_name_an_administrator_chose_is_kept_and_the_migration_reverses():
    Workflow.objects.create(name="Moderators approval")
    chosen = Workflow.objects.create(name="Duyệt văn bản chỉ đạo")
    migration.to_vietnamese(apps, None)
    assert sorted(Workflow.objects.values_list("name", flat=True)) == [
        "Duyệt văn bản chỉ đạo", "Kiểm duyệt nội dung", "Kiểm duyệt nội dung"]
    chosen.refresh_from_db()
    assert chosen.name == "Duyệt văn bản chỉ đạo"
    migration.to_english(apps, None)
    assert sorted(Workflow.objects.values_list("name", flat=True)) == [
        "Duyệt văn bản chỉ đạo", "Moderators approval", "Moderators approval"]
    assert list(GroupApprovalTask.objects.values_list("name", flat=True)) == ["Moderators approval"]
