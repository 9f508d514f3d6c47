"""Benchmark: logins per second per core, before (PBKDF2-SHA256, 1,000,000 iterations: Django 5.2's
default) and after (Argon2id, config/hashers.py: 19 MiB, 2 iterations, 1 lane — OWASP's
recommendation).

    .venv/bin/python benchmarks/logins.py [--n 40] [--no-append]

Two measures per hasher, in one process (one core):
- the hash check alone (`check_password`), the part of a login that the hasher decides;
- a whole login: POST /dang-nhap/ through Django's test client (the login form, the agency rule,
  django-axes, the session), against a fresh SQLite database.
CPU time (`time.process_time`) gives logins per second per core on an idle core; the wall clock
is shown too, since the machine is shared. The result is appended to docs/benchmarks.md ("Logins").
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PASSWORD = "Mat-khau-rieng-2026"
HASHERS = {
    "PBKDF2-SHA256, 1,000,000 iterations (before)": "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "Argon2id, m=19 MiB, t=2, p=1 (after)": "config.hashers.Argon2idPasswordHasher",
}


def setup_django(scratch: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def measure(hasher: str, n: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.test import Client, override_settings

    from org.models import Employee, OrgUnit, OrgUnitKind

    with override_settings(PASSWORD_HASHERS=[hasher], AXES_ENABLED=True, ALLOWED_HOSTS=["testserver"]):
        encoded = make_password(PASSWORD)
        user = get_user_model()
        start_cpu, start = time.process_time(), time.perf_counter()
        for _ in range(n):
            assert user(password=encoded).check_password(PASSWORD)
        check = (time.process_time() - start_cpu, time.perf_counter() - start)

        agency = OrgUnit.objects.filter(depth=1).first() or OrgUnit.add_root(
            code="SCT", name="Sở Công Thương Tây Ninh", kind=OrgUnitKind.AGENCY)
        account = user.objects.create(username=f"bench{user.objects.count()}", password=encoded)
        Employee.objects.create(agency=agency, unit=agency, user=account, employee_code=account.username.upper(),
                                full_name="Nguyễn Thị Thử", category="cong_chuc")
        client = Client()
        start_cpu, start = time.process_time(), time.perf_counter()
        for _ in range(n):
            response = client.post("/dang-nhap/", {"username": account.username.upper(), "password": PASSWORD})
            assert response.status_code == 302, response.status_code
            client.cookies.clear()
        login = (time.process_time() - start_cpu, time.perf_counter() - start)
    return {"check": check, "login": login}


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    from importlib.metadata import version

    return (f"{model}, {os.cpu_count()} cores, load {load:.1f}; Python {platform.python_version()}, "
            f"Django {version('django')}, argon2-cffi {version('argon2-cffi')}, SQLite")


def report(results: dict, n: int) -> str:
    now = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).strftime("%Y-%m-%d %H:%M +07")
    lines = [f"### Logins, {now} — {n} logins per hasher, one process", f"- machine: {machine()}",
             "", "| hasher | hash check: CPU ms | logins/s per core (check) | whole login: CPU ms | "
             "logins/s per core (login) | whole login: wall ms |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, result in results.items():
        check_cpu = result["check"][0] / n
        login_cpu, login_wall = result["login"][0] / n, result["login"][1] / n
        lines.append(f"| {label} | {check_cpu * 1000:.1f} | {1 / check_cpu:.1f} | {login_cpu * 1000:.1f} | "
                     f"**{1 / login_cpu:.1f}** | {login_wall * 1000:.1f} |")
    before, after = (r["login"][0] for r in results.values())
    lines += ["", f"- Argon2id serves **{before / after:.1f}×** the logins per core of PBKDF2 (whole login, CPU)."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--no-append", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        setup_django(Path(scratch))
        results = {label: measure(hasher, args.n) for label, hasher in HASHERS.items()}
    text = report(results, args.n)
    print(text)
    if not args.no_append:
        doc = ROOT / "docs" / "benchmarks.md"
        body = doc.read_text(encoding="utf-8")
        if "## Logins (`benchmarks/logins.py`)" not in body:
            body = body.rstrip("\n") + "\n\n" + SECTION_INTRO
        doc.write_text(body.rstrip("\n") + "\n\n" + text, encoding="utf-8")


SECTION_INTRO = """## Logins (`benchmarks/logins.py`)
A login's cost is almost all its password hash. Before: PBKDF2-SHA256 with Django 5.2's 1,000,000
iterations. After: Argon2id (argon2-cffi) with OWASP's recommended parameters — 19 MiB of memory,
2 iterations, 1 lane (config/hashers.py); old hashes are rehashed at the next login. Measured in
one process (one core): the hash check alone, and a whole login through the login form (agency
rule, django-axes, session) on SQLite. Run: `.venv/bin/python benchmarks/logins.py` (appends here).
"""


if __name__ == "__main__":
    main()
