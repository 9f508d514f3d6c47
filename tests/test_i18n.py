"""Vietnamese first, English available: the committed English catalogue is complete and compiled,
choosing English changes the pages, and Vietnamese stays the default."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil

import polib
import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from core import exporters
from learning.models import Campaign
from learning.services.campaigns import campaign_load
from tests.factories import EmployeeFactory, give_role, make_agency, make_unit, roles
from tests.learning.campaign_fixtures import make_directive

PO_PATH = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
# %(name)s / %(n)d / %% (python-format) and HTML tags must survive translation unchanged.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%%|</?(?:b|code|strong|em|br)\b[^>]*>")
# Folders makemessages must not scan (docs/i18n.md): tests, tooling, generated and collected files.
NOT_SCANNED = ("locale", "i18n", "tests", "benchmarks", "staticfiles", "media", "test-artifacts")
TODAY = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
PLAN = """\
slug: chuyen-de-2026
title: Học tập chuyên đề năm 2026
start: 2026-10-01
due: 2026-12-31
requirements:
  - directive: 59/2023/NĐ-CP
  - directive: 33/CT-TTg
"""


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _incomplete(po: polib.POFile) -> list[str]:
    return [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


# --- (a) the catalogue ------------------------------------------------------------------------


def test_english_catalogue_has_no_untranslated_or_fuzzy_entry():
    po = polib.pofile(str(PO_PATH))
    assert len(po) > 500, "the catalogue looks truncated"
    assert not po.metadata_is_fuzzy, "a fuzzy header makes msgfmt drop the charset"
    assert po.metadata["Plural-Forms"].startswith("nplurals=2;")
    assert _incomplete(po) == []


def test_translations_keep_every_placeholder():
    po = polib.pofile(str(PO_PATH))
    wrong = []
    for entry in po:
        if entry.msgid_plural:
            pairs = [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        wrong += [(source, text) for source, text in pairs if _placeholders(source) != _placeholders(text)]
    assert wrong == []


def test_committed_mo_is_compiled_from_the_committed_po():
    """`make run`/`make test` need no gettext: the .mo is committed, so it must match the .po."""
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(MO_PATH)) if e.msgid}
    source = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(PO_PATH))
              if not e.obsolete and e.translated()}
    assert compiled == source, "run: .venv/bin/python manage.py compilemessages -l en"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext tools not installed (apt-get install gettext)")
def test_every_marked_string_in_the_code_is_in_the_catalogue(settings, tmp_path, monkeypatch):
    """makemessages over the code, into a scratch copy of the catalogue, finds nothing new or changed.

    makemessages writes next to the sources it walks, so it walks a scratch tree of symlinks to the
    project's folders (the same ones docs/i18n.md tells to scan) with the scratch catalogue beside them."""
    (tmp_path / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(PO_PATH, tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")
    for entry in settings.BASE_DIR.iterdir():
        if entry.is_dir() and not entry.name.startswith(".") and entry.name not in NOT_SCANNED:
            (tmp_path / entry.name).symlink_to(entry)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["en"], verbosity=0, symlinks=True, no_obsolete=True,
                 ignore_patterns=list(NOT_SCANNED))
    missing = _incomplete(polib.pofile(str(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")))
    assert missing == [], "new or changed strings: update the catalogue as docs/i18n.md says"


# --- (b) English when chosen, (c) Vietnamese by default ----------------------------------------


@pytest.mark.django_db
def test_vietnamese_is_the_default(client):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in html
    assert "Mật khẩu" in html and "Mã cán bộ hoặc email" in html
    # A browser asking for a language the product does not offer still gets Vietnamese.
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content.decode()
    assert '<html lang="vi">' in html and "Mật khẩu" in html


@pytest.mark.django_db
def test_language_switch_shows_the_login_page_in_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in html
    assert "Password" in html and "Staff code or email" in html and "Mật khẩu" not in html
    # The switch back offers Vietnamese.
    assert 'value="vi"' in html and "Tiếng Việt" in html


@pytest.mark.django_db
def test_an_english_browser_still_gets_vietnamese_until_the_switch_is_used(client):
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html and "Mật khẩu" in html
    client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="vi-VN,vi;q=0.9").content.decode()
    assert '<html lang="en">' in html and "Log in" in html


@pytest.fixture
def learner():
    agency = make_agency()
    unit = make_unit(agency, "QLCN", "Phòng Quản lý Công nghiệp")
    make_directive("59/2023/NĐ-CP")
    make_directive("33/CT-TTg")
    campaign_load(agency=agency, data=PLAN)
    employee = EmployeeFactory(agency=agency, unit=unit, employee_code="SCT0011", full_name="Lê Văn Hùng")
    give_role(employee.user, roles.LEARNER)
    return employee


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_learner_home_in_english(client, learner):
    client.force_login(learner.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("home")).content.decode()
    assert "My learning" in html and "Hello, Lê Văn Hùng" in html
    assert "35 days left" in html and "0 of 2 documents completed" in html
    assert "Việc học của tôi" not in html and "còn 35 ngày" not in html
    # Content entered by the agency (plan titles, directive numbers) is data, shown as entered.
    assert "Học tập chuyên đề năm 2026" in html and "59/2023/NĐ-CP" in html


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_learner_home_stays_vietnamese_without_a_choice(client, learner):
    client.force_login(learner.user)
    html = client.get(reverse("home")).content.decode()
    assert "Việc học của tôi" in html and "còn 35 ngày" in html and "My learning" not in html


@pytest.mark.django_db
def test_admin_follows_the_chosen_language(client, learner):
    hr = EmployeeFactory(agency=learner.agency, unit=learner.unit, employee_code="HR01")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="en"' in html
    assert "Study and dissemination progress" in html  # the compliance panel on the admin home
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tình hình học tập, quán triệt" in html


# --- official documents stay Vietnamese ---------------------------------------------------------


def test_an_exporter_renders_in_vietnamese_whatever_the_ui_language():
    class Probe(exporters.Exporter):  # not registered: subclassing alone is enough
        identifier = "i18n-probe"
        verbose_name = "probe"

        def render(self, **kwargs):
            return exporters.Rendered("probe.txt", "text/plain", str(gettext_lazy("Hoàn thành")).encode())

    with translation.override("en"):
        assert str(gettext_lazy("Hoàn thành")) == "Completed"  # the UI is English…
        assert Probe().render().content.decode() == "Hoàn thành"  # …the document is not
        assert translation.get_language() == "en"  # and the UI language is restored afterwards


@pytest.mark.django_db
@time_machine.travel(TODAY)
def test_compliance_workbook_downloaded_from_an_english_ui_is_vietnamese(learner):
    campaign = Campaign.objects.get(slug="chuyen-de-2026")
    with translation.override("en"):
        rendered = exporters.get("compliance-xlsx").render(campaign=campaign, as_of=TODAY.date())
    cells = {str(value) for sheet in load_workbook(io.BytesIO(rendered.content), read_only=True).worksheets
             for row in sheet.iter_rows(values_only=True) for value in row if value is not None}
    assert {"Chưa hoàn thành (còn hạn)", "Công chức", "Hoàn thành muộn"} <= cells
    assert not {"Not completed (before deadline)", "Civil servant", "Completed late"} & cells
