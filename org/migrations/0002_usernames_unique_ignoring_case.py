"""Usernames unique ignoring case (docs/security.md, finding M3).

Logging in resolves what was typed — username, email or employee code — case-insensitively, and
asks for the agency when a code belongs to staff of several agencies (org.auth.login_resolve).
The agency cannot tell apart two accounts whose usernames differ only in case (`Admin`, `admin`),
so the one created later gets a free lower-case name with a number (`admin-2`); the rename is written
to the audit log. Accounts made by the roster (lower-case names, docs/roster.md) are never touched.
New accounts keep the rule: the roster picks lower-case names among the taken ones case-insensitively,
and Django's user creation form refuses a name that differs only in case."""

from django.conf import settings
from django.db import migrations


def rename_case_duplicates(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    AuditLog = apps.get_model("org", "AuditLog")
    Employee = apps.get_model("org", "Employee")
    taken = {name.lower() for name in User.objects.values_list("username", flat=True)}
    seen = set()
    for user in User.objects.order_by("pk").only("pk", "username"):
        key = user.username.lower()
        if key not in seen:
            seen.add(key)
            continue
        number = 2
        while f"{key}-{number}"[:150] in taken:
            number += 1
        new = f"{key}-{number}"[:150]
        taken.add(new)
        old, user.username = user.username, new
        user.save(update_fields=["username"])
        employee = Employee.objects.filter(user_id=user.pk).only("agency_id").first()
        AuditLog.objects.create(
            action="account.rename", object_id=str(user.pk), object_repr=new[:255],
            agency_id=employee.agency_id if employee else None,
            before={"username": old}, after={"username": new, "reason": "usernames unique ignoring case"},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(rename_case_duplicates, migrations.RunPython.noop)]
