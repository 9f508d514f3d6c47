"""The database cache's table (settings.CACHES), so that `migrate` alone leaves a working site:
without it every cached call fails with "no such table: cache_table" until someone runs
`createcachetable`. The command is idempotent and does nothing for caches that are not in the database."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=False)]
