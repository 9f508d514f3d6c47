"""Sessions move to `org.LoginSession` (SESSION_ENGINE = "org.sessions"): the open sessions of
Django's own table are copied with their account, so that nobody is signed out by the upgrade."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def copy_open_sessions(apps, schema_editor):
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    if "django_session" not in schema_editor.connection.introspection.table_names():
        return
    Session = apps.get_model("sessions", "Session")
    LoginSession = apps.get_model("org", "LoginSession")
    accounts = set(apps.get_model(*settings.AUTH_USER_MODEL.split(".")).objects.values_list("pk", flat=True))
    decoder = SessionStore()  # its signing salt is the class name, the same as org.sessions'
    for old in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        user_id = decoder.decode(old.session_data).get("_auth_user_id")
        user_id = int(user_id) if str(user_id).isdigit() and int(user_id) in accounts else None
        LoginSession.objects.update_or_create(session_key=old.session_key, defaults={
            "session_data": old.session_data, "expire_date": old.expire_date, "user_id": user_id})


class Migration(migrations.Migration):

    dependencies = [
        ('org', '0005_agency_document_collections'),
        ('sessions', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='LoginSession',
            fields=[
                ('session_key', models.CharField(max_length=40, primary_key=True, serialize=False, verbose_name='session key')),
                ('session_data', models.TextField(verbose_name='session data')),
                ('expire_date', models.DateTimeField(db_index=True, verbose_name='expire date')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='tài khoản')),
            ],
            options={
                'verbose_name': 'phiên đăng nhập',
                'verbose_name_plural': 'phiên đăng nhập',
            },
        ),
        migrations.RunPython(copy_open_sessions, migrations.RunPython.noop),
    ]
