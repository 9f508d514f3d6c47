"""The Wagtail admin in Vietnamese (docs/i18n.md, "Wagtail admin in Vietnamese").

The per-app catalogues in i18n/upstream carry exactly the installed packages' msgids, every entry is
translated (none fuzzy) and keeps its placeholders, their headers are fit to send upstream, one msgid
reads the same in every app, and the runtime catalogue the project loads (i18n/runtime) is compiled
from them. At run time that catalogue wins over Wagtail's incomplete Vietnamese — in the templates
and in the JavaScript catalogue — without touching the project's own strings or its English.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from config.admin_login import LoginForm
from tests.factories import UserFactory

ROOT = Path(settings.BASE_DIR)
_spec = importlib.util.spec_from_file_location("wagtail_vi", ROOT / "ops" / "wagtail_vi.py")
wagtail_vi = sys.modules.setdefault("wagtail_vi", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(wagtail_vi)

SOURCES = wagtail_vi.sources(list(settings.INSTALLED_APPS))
CATALOGUES = wagtail_vi.load_catalogues(SOURCES)
PROJECT_PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _ids(sources):
    return [s.label for s in sources]


# --- the catalogues --------------------------------------------------------------------------


def test_every_admin_app_has_a_catalogue():
    labels = set(_ids(SOURCES))
    assert {"wagtail/admin:django", "wagtail/admin:djangojs", "wagtail:django", "wagtail/users:django",
            "wagtail/snippets:django", "wagtail/images:django", "wagtail/documents:django",
            "django/conf:django", "django/contrib/auth:django", "django/contrib/humanize:django",
            "taggit:django"} <= labels
    # Every installed Wagtail/Django/taggit app with strings is covered, except those never shown.
    for app in settings.INSTALLED_APPS:
        if app.split(".")[0] in wagtail_vi.PACKAGES and app not in wagtail_vi.NOT_SHOWN:
            module_dir = Path(importlib.util.find_spec(app).submodule_search_locations[0])
            if (module_dir / "locale" / "en" / "LC_MESSAGES" / "django.po").exists():
                assert any(s.app_dir == module_dir for s in SOURCES), app
    missing = [s.label for s in SOURCES if s not in CATALOGUES]
    assert missing == [], "run: .venv/bin/python ops/wagtail_vi.py update"


@pytest.mark.parametrize("source", SOURCES, ids=_ids(SOURCES))
def test_catalogue_has_exactly_the_installed_packages_msgids(source):
    """Upstream-ready: the same msgids as the package's own catalogue (after an upgrade: `update`)."""
    template = {(e.msgctxt, e.msgid, e.msgid_plural) for e in polib.pofile(str(source.template)) if not e.obsolete}
    ours = {(e.msgctxt, e.msgid, e.msgid_plural) for e in CATALOGUES[source] if not e.obsolete}
    assert ours == template, "run: .venv/bin/python ops/wagtail_vi.py update"
    assert not [e for e in CATALOGUES[source] if e.obsolete]


@pytest.mark.parametrize("source", SOURCES, ids=_ids(SOURCES))
def test_no_entry_is_untranslated_or_fuzzy(source):
    found = wagtail_vi.problems(CATALOGUES[source])
    assert found["untranslated"] == []
    assert found["fuzzy"] == []


@pytest.mark.parametrize("source", SOURCES, ids=_ids(SOURCES))
def test_translations_keep_every_placeholder(source):
    assert wagtail_vi.problems(CATALOGUES[source])["placeholders"] == []


def test_the_placeholder_check_catches_a_lost_or_changed_placeholder():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Delete %(title)s", msgstr="Xóa"))  # lost
    po.append(polib.POEntry(msgid="<b>'{title}' is locked</b>.", msgstr="<b>'{tieu_de}' đang bị khóa</b>."))  # renamed
    po.append(polib.POEntry(msgid="Page %s", msgstr="Trang %d"))  # changed type
    po.append(polib.POEntry(msgid="Why not <a href=\"%(url)s\">add one</a>?", msgstr="<a href=\"%(url)s\">Thêm mới</a>"))
    po.append(polib.POEntry(msgid="%(num)s min", msgid_plural="%(num)s mins", msgstr_plural={0: "%(num)s phút"}))
    po.append(polib.POEntry(msgid="1 page", msgid_plural="%(count)s pages", msgstr_plural={0: "1 trang"}))  # plural lost it
    po.append(polib.POEntry(msgid="Save", msgstr=""))
    po.append(polib.POEntry(msgid="Edit", msgstr="Sửa", flags=["fuzzy"]))
    found = wagtail_vi.problems(po)
    assert found["placeholders"] == ["Delete %(title)s", "<b>'{title}' is locked</b>.", "Page %s", "1 page"]
    assert found["untranslated"] == ["Save"]
    assert found["fuzzy"] == ["Edit"]


@pytest.mark.parametrize("source", SOURCES, ids=_ids(SOURCES))
def test_header_is_fit_to_send_upstream(source):
    po = CATALOGUES[source]
    assert wagtail_vi.header_problems(po) == []
    assert po.metadata["Language"] == "vi"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert po.metadata["Project-Id-Version"] == wagtail_vi.TEAMS[source.package][0]
    assert po.metadata["Language-Team"].startswith("Vietnamese")
    # Mirrors the package's tree, so it can be copied into a checkout as it is.
    assert source.ours == ROOT / "i18n" / "upstream" / source.relative / "locale" / "vi" / "LC_MESSAGES" / f"{source.domain}.po"


@pytest.mark.parametrize("domain", wagtail_vi.DOMAINS)
def test_a_msgid_reads_the_same_in_every_app(domain):
    """One runtime catalogue holds one translation per msgid, so the apps must agree."""
    _, conflicts = wagtail_vi.merged(domain, CATALOGUES)
    assert conflicts == []


@pytest.mark.parametrize("domain", wagtail_vi.DOMAINS)
def test_committed_mo_is_compiled_from_the_po_files(domain):
    """`make run`/`make test` need no gettext: the .mo is committed, so it must match i18n/upstream."""
    mo_path = wagtail_vi.RUNTIME / f"{domain}.mo"
    expected = wagtail_vi.expected_entries(wagtail_vi.runtime_catalogue(domain, CATALOGUES))
    assert len(expected) > (1500 if domain == "django" else 80)
    assert wagtail_vi.compiled_entries(mo_path) == expected, "run: .venv/bin/python ops/wagtail_vi.py compile"
    assert polib.mofile(str(mo_path)).metadata["Plural-Forms"] == "nplurals=1; plural=0;"


def test_check_command_reports_nothing_left(capsys):
    assert wagtail_vi.main(["check"]) == 0
    out = capsys.readouterr().out
    assert "wagtail/admin:django" in out and "untranslated" not in out


def test_update_keeps_translations_and_flags_reworded_strings(tmp_path, monkeypatch):
    """After an upgrade: kept translations stay, a reworded msgid gets the old translation marked
    fuzzy (to review), a new one stays empty, a removed one goes; check then fails until fixed."""
    app_dir = tmp_path / "site-packages" / "wagtail" / "admin"
    template = polib.POFile()
    template.metadata = {"POT-Creation-Date": "2030-01-01 00:00+0000"}
    for msgid in ("Save draft", "Publish this page now", "Brand new string"):
        template.append(polib.POEntry(msgid=msgid, msgstr=""))
    (app_dir / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    template.save(str(app_dir / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    monkeypatch.setattr(wagtail_vi, "UPSTREAM", tmp_path / "upstream")
    source = wagtail_vi.Source("wagtail", app_dir, "django")
    previous = polib.POFile()
    previous.metadata = {"Language": "vi"}
    previous.append(polib.POEntry(msgid="Save draft", msgstr="Lưu bản nháp"))
    previous.append(polib.POEntry(msgid="Publish this page", msgstr="Xuất bản trang này"))
    previous.append(polib.POEntry(msgid="Gone in the new version", msgstr="Đã bỏ"))
    wagtail_vi.save(previous, source.ours)

    po = wagtail_vi.update(source)

    entries = {e.msgid: e for e in po}
    assert set(entries) == {"Save draft", "Publish this page now", "Brand new string"}
    assert entries["Save draft"].msgstr == "Lưu bản nháp" and not entries["Save draft"].flags
    assert entries["Publish this page now"].msgstr == "Xuất bản trang này"
    assert "fuzzy" in entries["Publish this page now"].flags
    assert entries["Publish this page now"].previous_msgid == "Publish this page"
    assert entries["Brand new string"].msgstr == ""
    assert po.metadata["Language"] == "vi" and po.metadata["POT-Creation-Date"] == "2030-01-01 00:00+0000"
    found = wagtail_vi.problems(po)
    assert found["fuzzy"] == ["Publish this page now"] and found["untranslated"] == ["Brand new string"]


# --- at run time ------------------------------------------------------------------------------


def test_runtime_catalogue_comes_after_the_projects_own():
    assert settings.LOCALE_PATHS == [ROOT / "locale", ROOT / "i18n" / "runtime"]


def test_project_strings_read_as_before():
    """Vietnamese source strings stay as written, English stays the project's English, and a msgid the
    project shares with Django/Wagtail ("English", "Email") reads as the packages' own Vietnamese has it."""
    runtime = wagtail_vi.compiled_entries(wagtail_vi.RUNTIME / "django.mo")
    project = [e for e in polib.pofile(str(PROJECT_PO)) if e.msgstr and not e.msgctxt and not e.obsolete]
    shared = [e.msgid for e in project if (None, e.msgid) in runtime]
    assert len(shared) <= 3, shared  # English words only: the project's msgids are Vietnamese
    shipped = {}
    for source in SOURCES:
        if source.shipped.exists():
            shipped.update({e.msgid: e.msgstr for e in polib.pofile(str(source.shipped)) if e.msgstr})
    for msgid in shared:
        assert runtime[(None, msgid)][0] in {msgid, shipped.get(msgid)}, msgid
    assert runtime[(None, "English")][0] == "Tiếng Anh"
    for entry in project:
        if entry.msgid in shared:
            continue
        with translation.override("vi"):
            assert translation.gettext(entry.msgid) == entry.msgid
        with translation.override("en"):
            assert translation.gettext(entry.msgid) == entry.msgstr


@pytest.mark.django_db
def test_admin_login_is_vietnamese(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    # Wagtail's own login page (the admin sends to the project's, WAGTAILADMIN_LOGIN_URL; its password
    # reset is off, so no "Quên mật khẩu?" here).
    for text in ("Đăng nhập trang quản trị", "Tên đăng nhập", "Mật khẩu", "Ghi nhớ đăng nhập",
                 'placeholder="Nhập tên đăng nhập của bạn"', 'placeholder="Nhập mật khẩu"',
                 "Chuyển đến nội dung chính"):
        assert text in html
    for english in ("Sign in", "Password", "Forgotten password", "Remember me", "Skip to main content",
                    "Nhập Tên đăng nhậpcủa"):
        assert english not in html


@pytest.mark.django_db
def test_admin_login_stays_english_in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Sign in to Wagtail" in html and "Password" in html and "Đăng nhập" not in html


def test_login_form_password_label_follows_the_language():
    """Wagtail declares the field without a label; ours takes Django's translated one."""
    assert LoginForm.__mro__[1].__module__ == "wagtail.admin.forms.auth"
    assert settings.WAGTAILADMIN_USER_LOGIN_FORM == "config.admin_login.LoginForm"
    with translation.override("vi"):
        assert str(LoginForm().fields["password"].label) == "Mật khẩu"
    with translation.override("en"):
        assert str(LoginForm().fields["password"].label) == "Password"
    assert LoginForm().fields["password"].label is AuthenticationForm.base_fields["password"].label


@pytest.mark.django_db
def test_javascript_catalogue_reaches_the_browser_in_vietnamese(client):
    """The admin's JS strings come from /admin/jsi18n/ (Django's JavaScriptCatalog for wagtail.admin,
    which merges LOCALE_PATHS last); wagtailConfig.STRINGS come from the Python catalogue."""
    js = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", js, re.S).group(1))
    expected = {e.msgid: e.msgstr or [e.msgstr_plural[0]] for e in CATALOGUES[next(s for s in SOURCES if s.label == "wagtail/admin:djangojs")]}
    assert catalog == expected
    assert catalog["Loading…"] == "Đang tải…" and catalog["%(num)s error"] == ["%(num)s lỗi"]
    assert "const v = 0;" in js  # nplurals=1: one form

    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    config = json.loads(re.search(r'<script id="wagtail-config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["STRINGS"]["BULK_ACTIONS"]["PAGE"]["PLURAL"] == "Đã chọn %(objects)s trang"
    assert config["STRINGS"]["WEEKDAYS"][1] == "Thứ Hai" and config["STRINGS"]["MONTHS"][0] == "Tháng 1"


@pytest.mark.django_db
def test_admin_home_menus_and_account_are_vietnamese(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    sidebar = json.loads(re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S).group(1))
    labels = re.findall(r'"label": "([^"]*)"', json.dumps(sidebar, ensure_ascii=False))
    assert {"Báo cáo", "Trợ giúp", "Cài đặt", "Trang", "Lịch sử hoạt động", "Trang lâu chưa cập nhật",
            "Quy trình duyệt", "Hướng dẫn biên tập", "Tài khoản", "Đăng xuất"} <= set(labels)
    assert not {"Reports", "Help", "Settings", "Pages", "Site history", "Aging pages", "Workflows", "Log out"} & set(labels)
    assert "Tìm trong tất cả các trang…" in html and "Search all pages" not in html

    html = client.get(reverse("wagtailadmin_account")).content.decode()
    for text in ("Hồ sơ", "Họ tên và email", "Ảnh đại diện", "Ngôn ngữ ưa dùng", "Múi giờ hiện tại", "Giao diện"):
        assert text in html
    for english in ("Name and Email", "Profile picture", "Preferred language", "Current time zone", "Theme preferences"):
        assert english not in html


def test_wagtail_templates_the_project_overrides_are_wagtails_own_with_one_fix():
    """templates/wagtailadmin/… override three Wagtail templates that print English whatever the
    language (an untranslated aria-label, "None"). Each is Wagtail's template with one change; after a
    Wagtail upgrade this fails until the override is copied afresh and the change made again."""
    wagtail_templates = Path(wagtail.__file__).parent / "admin" / "templates"
    overrides = {
        "wagtailadmin/shared/headers/_actions.html": (
            '<nav aria-label="Actions"', '{% load i18n %}<nav aria-label="{% translate "Thao tác" %}"'),
        "wagtailadmin/generic/inspect.html": (
            "{{ field.value|localize }}",
            '{% if field.value is None %}{% translate "Không có" %}{% else %}{{ field.value|localize }}{% endif %}'),
        "wagtailadmin/shared/user_avatar.html": ("{{ user }}", '{{ user|default_if_none:"" }}'),
    }
    for name, (old, new) in overrides.items():
        upstream = (wagtail_templates / name).read_text()
        assert upstream.count(old) == 1, f"{name} changed upstream: copy it again and redo the fix"
        assert (ROOT / "templates" / name).read_text() == upstream.replace(old, new)


def test_the_overrides_print_vietnamese_not_none():
    with translation.override("vi"):
        html = render_to_string("wagtailadmin/shared/headers/_actions.html", {"actions": ""})
        assert 'aria-label="Thao tác"' in html
        assert "None" not in render_to_string("wagtailadmin/shared/user_avatar.html", {"user": None})
    with translation.override("en"):
        assert 'aria-label="Actions"' in render_to_string("wagtailadmin/shared/headers/_actions.html", {"actions": ""})
