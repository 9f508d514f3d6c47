"""Wagtail's migrations create a default moderation workflow and task named "Moderators approval"; editors
read it in the page editor's menu ("Gửi duyệt theo quy trình Moderators approval"). Give both a Vietnamese
name — only while they still carry Wagtail's default name, so a name an administrator chose is kept."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
WORKFLOW_NAME = "Kiểm duyệt nội dung"
TASK_NAME = "Người kiểm duyệt phê duyệt"


def rename(apps, schema_editor, names):
    workflow_name, task_name, old = names
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old[0]).update(name=workflow_name)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old[1]).update(name=task_name)


def to_vietnamese(apps, schema_editor):
    rename(apps, schema_editor, (WORKFLOW_NAME, TASK_NAME, (WAGTAIL_NAME, WAGTAIL_NAME)))


def to_english(apps, schema_editor):
    rename(apps, schema_editor, (WAGTAIL_NAME, WAGTAIL_NAME, (WORKFLOW_NAME, TASK_NAME)))


class Migration(migrations.Migration):

    dependencies = [
        ("courses", "0005_directivepage_original"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_vietnamese, to_english)]
