"""ops/backup.sh and ops/restore.sh on PostgreSQL: back up the test database with a media file,
restore into a fresh database and folder, compare; a non-empty target is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import EmployeeFactory, make_agency, make_unit

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")),
                       reason="needs the PostgreSQL client tools (pg_dump, pg_restore, psql)"),
]


def _url(name: str) -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(_url("postgres"), autocommit=True) as conn:
        conn.execute(sql)


def _count(url: str, table: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(f'select count(*) from "{table}"').fetchone()[0]


def _script(name: str, *args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment.update(PYTHON=sys.executable, DJANGO_SETTINGS_MODULE="config.settings.test", **env)
    return subprocess.run(["bash", str(ROOT / "ops" / name), *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def target_db():
    name = f"{connection.settings_dict['NAME']}_restore"
    _admin(f'DROP DATABASE IF EXISTS "{name}"')
    _admin(f'CREATE DATABASE "{name}"')
    yield _url(name)
    _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_then_restore_into_an_empty_database(tmp_path, target_db):
    agency = make_agency()
    unit = make_unit(agency, "VP", "Văn phòng Sở")
    for _ in range(3):
        EmployeeFactory(agency=agency, unit=unit)
    media = tmp_path / "media"
    (media / "evidence").mkdir(parents=True)
    (media / "evidence" / "biên-bản.txt").write_text("Hội nghị quán triệt", encoding="utf-8")
    source = _url(connection.settings_dict["NAME"])

    backup = _script("backup.sh", str(tmp_path / "backups"), DATABASE_URL=source, MEDIA_ROOT=str(media))
    assert backup.returncode == 0, backup.stderr
    folder = Path(backup.stdout.strip().splitlines()[-1])
    assert sorted(p.name for p in folder.iterdir()) == ["SHA256SUMS", "db.dump", "media.tar.gz"]
    assert oct((folder / "db.dump").stat().st_mode & 0o777) == "0o600"

    restored_media = tmp_path / "restored-media"
    restore = _script("restore.sh", str(folder), DATABASE_URL=target_db, MEDIA_ROOT=str(restored_media))
    assert restore.returncode == 0, restore.stderr + restore.stdout
    for table in ("learning_employee", "learning_orgunit", "auth_user", "django_migrations"):
        assert _count(target_db, table) == _count(source, table), table
    assert _count(target_db, "learning_employee") == 3
    assert (restored_media / "evidence" / "biên-bản.txt").read_text(encoding="utf-8") == "Hội nghị quán triệt"

    again = _script("restore.sh", str(folder), DATABASE_URL=target_db, MEDIA_ROOT=str(tmp_path / "other"))
    assert again.returncode != 0 and "already has" in again.stderr


def test_a_corrupted_backup_is_refused(tmp_path, target_db):
    make_agency()
    backup = _script("backup.sh", str(tmp_path / "b"), DATABASE_URL=_url(connection.settings_dict["NAME"]),
                     MEDIA_ROOT=str(tmp_path / "none"))
    folder = Path(backup.stdout.strip().splitlines()[-1])
    with open(folder / "db.dump", "ab") as dump:
        dump.write(b"tampered")
    restore = _script("restore.sh", str(folder), DATABASE_URL=target_db, MEDIA_ROOT=str(tmp_path / "m"))
    assert restore.returncode != 0 and "FAILED" in (restore.stderr + restore.stdout)
    import psycopg

    with psycopg.connect(target_db) as conn:  # nothing was restored
        assert conn.execute("select count(*) from pg_tables where schemaname = 'public'").fetchone()[0] == 0
