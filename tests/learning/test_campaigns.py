"""load_campaign / export_campaign: validation with line numbers, updates, idempotency, round trip."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from core.errors import NotFound, PermissionDenied
from learning.models import Campaign, Requirement
from learning.selectors.audience import campaign_audience
from learning.services.campaigns import CampaignRefused, campaign_export, campaign_load, campaign_save
from org.models import AuditLog
from tests.factories import EmployeeFactory, UserFactory, give_role, make_agency, make_unit, roles
from tests.learning.campaign_fixtures import plan_directives

pytestmark = pytest.mark.django_db

YAML = """\
slug: dan-van-2024
title: Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024
start: 2024-04-01          # evidence dated before start does not count
due: 2024-10-31
audience:
  units: [TTRA, VP]
  categories: [vien_chuc, cong_chuc]
requirements:
  - directive: 23-QĐ/TW
  - directive: 33/CT-TTg
  - directive: 16/CT-TTg@2016-05-16
"""


@pytest.fixture
def org():
    agency = make_agency()
    units = {code: make_unit(agency, code) for code in ("VP", "TTRA", "QLCN")}
    units["VP-TH"] = make_unit(units["VP"], "VP-TH", "Tổ tổng hợp")
    return agency, units


@pytest.fixture
def directives():
    return plan_directives()


def refs(campaign: Campaign) -> list[str]:
    return [r.directive.number for r in campaign.requirements.select_related("directive").order_by("order")]


def test_load_creates_campaign_with_audience_and_ordered_requirements(org, directives):
    agency, units = org
    result = campaign_load(agency=agency, data=YAML, actor=None)
    campaign = result.campaign
    assert result.created and result.added == 3
    assert result.summary() == "created campaign dan-van-2024: 3 requirements"
    assert campaign.title.startswith("Học tập, quán triệt")
    assert (campaign.start, campaign.due, campaign.year) == (dt.date(2024, 4, 1), dt.date(2024, 10, 31), 2024)
    assert set(campaign.audience_units.values_list("code", flat=True)) == {"VP", "TTRA"}
    assert campaign.audience_categories == ["cong_chuc", "vien_chuc"]
    assert refs(campaign) == ["23-QĐ/TW", "33/CT-TTg", "16/CT-TTg"]
    assert campaign.requirements.get(order=3).directive == directives["16/CT-TTg@2016"]
    entry = AuditLog.objects.get(action="campaign.create")
    assert entry.before is None and entry.after["requirements"][0] == "23-QĐ/TW"


def test_reload_is_idempotent(org, directives):
    agency, _ = org
    campaign_load(agency=agency, data=YAML)
    result = campaign_load(agency=agency, data=YAML)
    assert not result.created and result.changed == []
    assert result.summary() == "campaign dan-van-2024 unchanged"
    assert Campaign.objects.count() == 1 and Requirement.objects.count() == 3
    assert AuditLog.objects.filter(action__startswith="campaign.").count() == 1


def test_reload_reorders_adds_removes_and_replaces_audience(org, directives):
    agency, _ = org
    first = campaign_load(agency=agency, data=YAML).campaign
    kept = first.requirements.get(directive=directives["33/CT-TTg"]).pk
    changed = YAML.replace("  units: [TTRA, VP]\n  categories: [vien_chuc, cong_chuc]\n", "  units: [QLCN]\n")
    changed = changed.replace(
        "  - directive: 23-QĐ/TW\n  - directive: 33/CT-TTg\n  - directive: 16/CT-TTg@2016-05-16\n",
        "  - directive: 59/2023/NĐ-CP\n  - directive: 33/CT-TTg\n  - directive: 23‑qđ/tw\n",
    ).replace("due: 2024-10-31", "due: 2024-11-01")
    result = campaign_load(agency=agency, data=changed)
    campaign = result.campaign
    assert (result.added, result.removed) == (1, 1)
    assert set(result.changed) == {"due", "audience_units", "audience_categories", "requirements"}
    assert refs(campaign) == ["59/2023/NĐ-CP", "33/CT-TTg", "23-QĐ/TW"]
    assert campaign.requirements.get(directive=directives["33/CT-TTg"]).pk == kept  # kept, not recreated
    assert list(campaign.audience_units.values_list("code", flat=True)) == ["QLCN"]
    assert campaign.audience_categories == [] and campaign.due == dt.date(2024, 11, 1)
    update = AuditLog.objects.get(action="campaign.update")
    assert update.before["requirements"] == ["23-QĐ/TW", "33/CT-TTg", "16/CT-TTg@2016-05-16"]
    assert update.after["audience_units"] == ["QLCN"]


def test_export_then_load_round_trips_to_identical_text(org, directives):
    agency, _ = org
    campaign = campaign_load(agency=agency, data=YAML).campaign
    exported = campaign_export(campaign=campaign)
    assert exported == (
        "slug: dan-van-2024\n"
        "title: Học tập, quán triệt văn bản về công tác dân vận chính quyền năm 2024\n"
        "start: 2024-04-01\n"
        "due: 2024-10-31\n"
        "audience:\n"
        "  units: [TTRA, VP]\n"  # tree order (units sort by name)
        "  categories: [cong_chuc, vien_chuc]\n"
        "requirements:\n"
        "  - directive: 23-QĐ/TW\n"
        "  - directive: 33/CT-TTg\n"
        "  - directive: 16/CT-TTg@2016-05-16\n"
    )
    # A fresh database (campaign deleted) loads the export back to the same campaign.
    Campaign.objects.all().delete()
    again = campaign_load(agency=agency, data=exported)
    assert again.created
    assert campaign_export(campaign=again.campaign) == exported
    assert campaign_load(agency=agency, data=exported).changed == []


def test_export_keeps_a_given_year_and_quotes_odd_titles(org, directives):
    agency, _ = org
    text = ("slug: hoc-2025\ntitle: 'Chuyên đề: dân chủ # cơ sở'\nyear: 2025\nstart: 2024-12-01\n"
            "due: 2025-03-31\nrequirements:\n  - 59/2023/NĐ-CP\n")
    campaign = campaign_load(agency=agency, data=text).campaign
    assert campaign.year == 2025 and campaign.title == "Chuyên đề: dân chủ # cơ sở"
    exported = campaign_export(campaign=campaign)
    assert "year: 2025\n" in exported and "audience" not in exported
    Campaign.objects.all().delete()
    assert campaign_export(campaign=campaign_load(agency=agency, data=exported).campaign) == exported


def test_unknown_and_ambiguous_directives_are_refused_with_number_and_line(org, directives, english):
    agency, _ = org
    bad = YAML.replace("  - directive: 33/CT-TTg\n", "  - directive: 99/CT-TTg\n  - directive: 16/CT-TTg\n")
    with pytest.raises(CampaignRefused) as caught:
        campaign_load(agency=agency, data=bad)
    messages = [str(p) for p in caught.value.problems]
    assert messages[0] == 'line 10: unknown directive "99/CT-TTg"'
    assert messages[1].startswith('line 11: directive "16/CT-TTg" is ambiguous')
    assert "16/CT-TTg@2016-05-16" in messages[1] and "16/CT-TTg@2020-03-31" in messages[1]
    assert not Campaign.objects.exists() and not AuditLog.objects.exists()


def test_every_problem_is_listed_and_nothing_written(org, directives, english):
    agency, _ = org
    bad = ("slug: x y\ntitle: ''\nstart: 2024-13-01\ndue: 2024-01-01\nowner: me\n"
           "audience:\n  units: [NOPE]\n  categories: [sinh_vien]\nrequirements:\n  - directive: 23-QĐ/TW\n"
           "  - directive: 23-QĐ/TW\n")
    with pytest.raises(CampaignRefused) as caught:
        campaign_load(agency=agency, data=bad)
    text = "\n".join(str(p) for p in caught.value.problems)
    for expected in ('line 5: unknown key "owner"', "line 1: slug", 'line 2: "title" is required',
                     'line 3: "start"', 'line 7: unknown unit code "NOPE"', 'line 8: unknown category "sinh_vien"',
                     'line 11: directive "23-QĐ/TW" is listed twice'):
        assert expected in text
    assert not Campaign.objects.exists()


def test_due_before_start_and_yaml_syntax_errors(org, directives, english):
    agency, _ = org
    with pytest.raises(CampaignRefused, match='line 4: "due" 01/03/2024 is before "start" 01/04/2024'):
        campaign_load(agency=agency, data=YAML.replace("due: 2024-10-31", "due: 01/03/2024"))
    with pytest.raises(CampaignRefused, match="line 3: not valid YAML"):
        campaign_load(agency=agency, data="slug: a\ntitle: b\n  - oops: [\n")


def test_dry_run_reports_without_writing(org, directives):
    agency, _ = org
    result = campaign_load(agency=agency, data=YAML, dry_run=True)
    assert result.created and result.summary().startswith("dry run: would have created")
    assert not Campaign.objects.exists() and not Requirement.objects.exists() and not AuditLog.objects.exists()


def test_same_slug_in_another_agency_is_its_own_campaign(org, directives):
    """Slugs are unique within an agency (docs/contract.md, "Several agencies in one database")."""
    agency, _ = org
    other = make_agency("SNV", "Sở Nội vụ")
    campaign_load(agency=other, data=YAML.replace("audience:\n  units: [TTRA, VP]\n", "audience:\n"))
    assert campaign_load(agency=agency, data=YAML).created
    assert Campaign.objects.filter(slug="dan-van-2024").count() == 2


def test_audience_includes_sub_units_and_filters_categories(org, directives):
    agency, units = org
    in_vp = EmployeeFactory(agency=agency, unit=units["VP"], category="cong_chuc")
    in_sub_unit = EmployeeFactory(agency=agency, unit=units["VP-TH"], category="vien_chuc")
    EmployeeFactory(agency=agency, unit=units["VP-TH"], category="nguoi_lao_dong")  # wrong category
    EmployeeFactory(agency=agency, unit=units["QLCN"], category="cong_chuc")  # unit not in audience
    in_ttra = EmployeeFactory(agency=agency, unit=units["TTRA"], category="cong_chuc")
    campaign = campaign_load(agency=agency, data=YAML).campaign
    audience = set(campaign_audience(campaign=campaign, as_of=dt.date(2024, 5, 1)))
    assert audience == {in_vp, in_sub_unit, in_ttra}


def test_default_audience_is_the_whole_agency(org, directives):
    agency, units = org
    people = {EmployeeFactory(agency=agency, unit=u) for u in units.values()}
    EmployeeFactory(agency=make_agency("SNV", "Sở Nội vụ"))
    text = YAML.replace("audience:\n  units: [TTRA, VP]\n  categories: [vien_chuc, cong_chuc]\n", "")
    campaign = campaign_load(agency=agency, data=text).campaign
    assert set(campaign_audience(campaign=campaign, as_of=dt.date(2024, 5, 1))) == people


def test_only_hr_of_the_agency_may_save(org, directives):
    agency, units = org
    learner = EmployeeFactory(agency=agency, unit=units["VP"])
    with pytest.raises(PermissionDenied):
        campaign_load(agency=agency, data=YAML, actor=learner.user)
    outsider = EmployeeFactory(agency=make_agency("SNV", "Sở Nội vụ"))
    give_role(outsider.user, roles.HR)
    with pytest.raises(NotFound):  # another agency: as if it did not exist (org.scoping)
        campaign_load(agency=agency, data=YAML, actor=outsider.user)
    hr = EmployeeFactory(agency=agency, unit=units["VP"])
    give_role(hr.user, roles.HR)
    result = campaign_save(agency=agency, data={"slug": "a", "title": "A", "start": "01/04/2024",
                                                 "due": "2024-05-01", "requirements": ["33/CT-TTg"]},
                           actor=hr.user)
    assert result.created
    assert AuditLog.objects.get(action="campaign.create").actor == hr.user
    assert UserFactory(is_superuser=True) and campaign_load(agency=agency, data=YAML,
                                                             actor=UserFactory(is_superuser=True)).created


# --- commands -------------------------------------------------------------------------------


def write(tmp_path, text, name="plan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_commands_load_export_and_dry_run(org, directives, tmp_path):
    path = write(tmp_path, YAML)
    out = StringIO()
    call_command("load_campaign", path, "--dry-run", stdout=out)
    assert out.getvalue().startswith("dry run: would have created campaign dan-van-2024")
    assert not Campaign.objects.exists()
    out = StringIO()
    call_command("load_campaign", path, "--agency", "sct", stdout=out)
    assert out.getvalue() == "created campaign dan-van-2024: 3 requirements\n"
    out = StringIO()
    call_command("export_campaign", "dan-van-2024", stdout=out)
    exported = out.getvalue()
    assert exported.startswith("slug: dan-van-2024\n") and exported.endswith("  - directive: 16/CT-TTg@2016-05-16\n")
    out = StringIO()
    call_command("load_campaign", write(tmp_path, exported, "again.yaml"), stdout=out)
    assert out.getvalue() == "campaign dan-van-2024 unchanged\n"


def test_load_command_refusal_goes_to_stderr_with_nonzero_exit(org, directives, tmp_path):
    path = write(tmp_path, YAML.replace("33/CT-TTg", "33/CT-XX"))
    err = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("load_campaign", path, stderr=err)
    assert caught.value.returncode == 1
    assert err.getvalue() == 'plan.yaml: line 10: unknown directive "33/CT-XX"\n'
    assert "nothing was written" in str(caught.value)
    assert not Campaign.objects.exists()


def test_command_errors_for_unknown_agency_campaign_and_file(org, directives, tmp_path):
    with pytest.raises(CommandError, match='unknown agency "XYZ"'):
        call_command("load_campaign", write(tmp_path, YAML), "--agency", "XYZ")
    make_agency("SNV", "Sở Nội vụ")
    with pytest.raises(CommandError, match="several agencies"):
        call_command("load_campaign", write(tmp_path, YAML))
    with pytest.raises(CommandError, match="cannot read"):
        call_command("load_campaign", str(tmp_path / "missing.yaml"), "--agency", "SCT")
    with pytest.raises(CommandError, match='unknown campaign "nope"'):
        call_command("export_campaign", "nope")



# --- the Wagtail admin form ---------------------------------------------------------------


@pytest.fixture
def hr_client(client, org, directives):
    agency, units = org
    hr = EmployeeFactory(agency=agency, unit=units["VP"])
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    return client, hr


def form_data(units, **extra):
    data = {"title": "Học tập chuyên đề 2026", "slug": "chuyen-de-2026", "year": "", "start": "01/10/2026",
            "due": "31/12/2026", "audience_units": [units["VP"].pk], "audience_categories": ["cong_chuc"],
            "requirements": "59/2023/NĐ-CP\n\n33/CT-TTg\n"}
    data.update(extra)
    return data


def test_admin_creates_and_edits_a_campaign_through_the_service(hr_client, org):
    from django.urls import reverse

    client, hr = hr_client
    agency, units = org
    response = client.post(reverse("learning_campaign:add"), form_data(units, agency=agency.pk))
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign = Campaign.objects.get(slug="chuyen-de-2026")
    assert refs(campaign) == ["59/2023/NĐ-CP", "33/CT-TTg"] and campaign.year == 2026
    assert list(campaign.audience_units.all()) == [units["VP"]] and campaign.audience_categories == ["cong_chuc"]
    assert AuditLog.objects.get(action="campaign.create").actor == hr.user

    edit = reverse("learning_campaign:edit", args=[campaign.pk])
    page = client.get(edit).content.decode()
    assert "59/2023/NĐ-CP\n33/CT-TTg" in page  # requirements shown one per line, in order
    response = client.post(edit, form_data(units, requirements="33/CT-TTg\n23-QĐ/TW", audience_units=[]))
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert refs(campaign) == ["33/CT-TTg", "23-QĐ/TW"] and not campaign.audience_units.exists()
    update = AuditLog.objects.get(action="campaign.update")
    assert update.actor == hr.user and update.before["requirements"] == ["59/2023/NĐ-CP", "33/CT-TTg"]


def test_admin_form_names_the_line_of_an_unknown_directive(hr_client, org):
    from django.urls import reverse

    client, _ = hr_client
    agency, units = org
    response = client.post(reverse("learning_campaign:add"),
                           form_data(units, agency=agency.pk, requirements="33/CT-TTg\n\n99/XX\n16/CT-TTg"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dòng 3: không có văn bản &quot;99/XX&quot;" in page
    assert "Dòng 4: văn bản &quot;16/CT-TTg&quot; chưa rõ" in page
    assert not Campaign.objects.exists()


def test_admin_campaign_writes_are_for_hr_and_lists_are_scoped(client, org, directives):
    from django.urls import reverse

    agency, units = org
    campaign = campaign_load(agency=agency, data=YAML).campaign
    campaign_load(agency=make_agency("SNV", "Sở Nội vụ"), data=YAML.replace("dan-van-2024", "snv-2024")
                  .replace("audience:\n  units: [TTRA, VP]\n", "audience:\n"))
    head = EmployeeFactory(agency=agency, unit=units["QLCN"])
    give_role(head.user, roles.UNIT_HEAD)
    client.force_login(head.user)
    listing = client.get(reverse("learning_campaign:index")).content.decode()
    assert "dan-van-2024" in listing or campaign.title in listing
    assert "snv-2024" not in listing
    assert client.get(reverse("learning_campaign:edit", args=[campaign.pk])).status_code in (302, 403)
    assert client.post(reverse("learning_campaign:add"), form_data(units, agency=agency.pk)).status_code in (302, 403)
    assert Campaign.objects.count() == 2
    yaml_response = client.get(reverse("learning_campaign:yaml", args=[campaign.pk]))
    assert yaml_response.status_code == 200 and yaml_response.content.decode() == campaign_export(campaign=campaign)
    other = Campaign.objects.get(slug="snv-2024")
    assert client.get(reverse("learning_campaign:yaml", args=[other.pk])).status_code == 404


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_loads_of_a_new_campaign_at_once_make_one_campaign():
    import threading

    from django.db import connection

    agency = make_agency()
    make_unit(agency, "VP")
    make_unit(agency, "TTRA")
    plan_directives()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def load():
        try:
            barrier.wait()
            results.append(campaign_load(agency=agency, data=YAML))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=load) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(r.created for r in results) == [False, True]
    assert Campaign.objects.count() == 1 and Requirement.objects.count() == 3
    assert AuditLog.objects.filter(action="campaign.create").count() == 1


def test_admin_upload_previews_with_a_dry_run_then_applies(hr_client, org):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client, hr = hr_client
    agency, _ = org
    url = reverse("learning_campaign:upload")
    assert "Nạp tệp YAML" in client.get(reverse("learning_campaign:index")).content.decode()
    bad = SimpleUploadedFile("plan.yaml", YAML.replace("33/CT-TTg", "33/XX").encode())
    page = client.post(url, {"action": "preview", "agency": agency.pk, "file": bad}).content.decode()
    assert "dòng 10 của tệp: không có văn bản &quot;33/XX&quot;" in page and not Campaign.objects.exists()

    good = SimpleUploadedFile("plan.yaml", YAML.encode())
    page = client.post(url, {"action": "preview", "agency": agency.pk, "file": good}).content.decode()
    assert "Tạo kế hoạch dan-van-2024 với 3 văn bản phải học." in page
    assert not Campaign.objects.exists() and not AuditLog.objects.exists()
    token = client.session["upload:campaign"]["token"]  # the confirmation applies the previewed file only
    assert client.post(url, {"action": "apply", "token": "forged"}).status_code == 302
    assert not Campaign.objects.exists()
    response = client.post(url, {"action": "apply", "token": token})
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response.url == reverse("learning_campaign:audience", args=[campaign.pk])
    assert refs(campaign) == ["23-QĐ/TW", "33/CT-TTg", "16/CT-TTg"]
    assert AuditLog.objects.get(action="campaign.create").actor == hr.user
    assert client.post(url, {"action": "apply", "token": token}).status_code == 302  # nothing pending any more
    assert Campaign.objects.count() == 1


def test_admin_upload_is_for_hr_only(client, org, directives):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    agency, units = org
    head = EmployeeFactory(agency=agency, unit=units["QLCN"])
    give_role(head.user, roles.UNIT_HEAD)
    client.force_login(head.user)
    response = client.post(reverse("learning_campaign:upload"),
                           {"action": "preview", "agency": agency.pk,
                            "file": SimpleUploadedFile("plan.yaml", YAML.encode())})
    assert response.status_code in (302, 403) and not Campaign.objects.exists()


def test_delete_is_refused_once_the_campaign_has_sessions(org, directives):
    from learning.models import StudySession
    from learning.services.campaigns import CampaignInUse, campaign_delete

    agency, _ = org
    campaign = campaign_load(agency=agency, data=YAML).campaign
    StudySession.objects.create(campaign=campaign, title="Hội nghị quán triệt", date=dt.date(2024, 5, 10))
    with pytest.raises(CampaignInUse):
        campaign_delete(campaign=campaign)
    assert Campaign.objects.filter(pk=campaign.pk).exists()
    assert not AuditLog.objects.filter(action="campaign.delete").exists()
