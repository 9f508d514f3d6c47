"""`migrate` alone creates the database cache's table (a newcomer's set-up needs no extra step)."""

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

DB_CACHE = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache_table"}}


def test_core_migration_creates_the_database_cache_table(transactional_db):
    with override_settings(CACHES=DB_CACHE):
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS cache_table")
        call_command("migrate", "core", "zero", verbosity=0)
        call_command("migrate", "core", verbosity=0)
        assert "cache_table" in connection.introspection.table_names()
        caches["default"].set("k", "v")
        assert caches["default"].get("k") == "v"
