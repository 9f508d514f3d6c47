"""Public verification, the learner's page and downloads."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from certificates.services import certificate_issue, certificate_revoke
from tests.certificates.conftest import D
from tests.factories import give_role, make_agency, make_unit, roles


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def nhung(scenario):
    person = scenario.person("SCT011", "Nguyễn Thị Hồng Nhung")
    person.position = "Phó Chánh Văn phòng"
    person.email = "nhung.private@sct.tayninh.gov.vn"
    person.save()
    scenario.study(person)
    certificate, _ = certificate_issue(employee=person, campaign=scenario.campaign, as_of=D(2024, 11, 15))
    return certificate


def test_verify_shows_holder_title_date_issuer_and_valid_status(client, nhung):
    response = client.get(f"/verify/{nhung.display_code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Thị Hồng Nhung" in html
    assert nhung.title in html
    assert "10/05/2024" in html  # the day she completed the campaign
    assert "SỞ CÔNG THƯƠNG" in html
    assert "hợp lệ" in html and "Còn hiệu lực" in html


@pytest.mark.parametrize("form", [str.lower, lambda c: c.replace("-", ""), lambda c: c.lower().replace("-", "")])
def test_verify_accepts_any_case_and_with_or_without_dashes(client, nhung, form):
    response = client.get(f"/verify/{form(nhung.display_code)}/")
    assert response.status_code == 200
    assert "Nguyễn Thị Hồng Nhung" in response.content.decode()


def test_public_page_tells_nothing_else_about_the_person(client, nhung):
    html = client.get(nhung.verify_path()).content.decode()
    person = nhung.employee
    for private in (person.email, person.employee_code, person.position, person.unit.name, "Văn phòng Sở",
                    person.get_category_display(), nhung.serial):
        assert private not in html, private


def test_unknown_and_malformed_codes_are_404(client, nhung):
    assert client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/").status_code == 404
    assert client.get("/verify/not-a-code/").status_code == 404
    response = client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/")
    assert "Không tìm thấy" in response.content.decode()


def test_revoked_certificate_shows_revoked_with_date(client, nhung):
    certificate_revoke(certificate=nhung, reason="Minh chứng không hợp lệ")
    html = client.get(nhung.verify_path()).content.decode()
    assert "đã bị thu hồi" in html and "Đã thu hồi" in html
    nhung.refresh_from_db()
    from django.utils import timezone
    assert timezone.localtime(nhung.revoked_at).strftime("%d/%m/%Y") in html
    assert "Minh chứng không hợp lệ" not in html  # the reason stays in the register


def test_verify_form_redirects_a_typed_code(client, nhung):
    assert client.get("/verify/").status_code == 200
    response = client.get("/verify/", {"code": nhung.display_code.lower().replace("-", " ")})
    assert response.status_code == 302 and response["Location"] == nhung.verify_path()
    bad = client.get("/verify/", {"code": "12345"})
    assert bad.status_code == 200 and "không đúng định dạng" in bad.content.decode()


def test_lookups_are_rate_limited_per_ip(client, nhung, settings):
    settings.VERIFY_RATE_LIMIT = 5
    for _ in range(5):
        assert client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/").status_code == 404
    blocked = client.get(nhung.verify_path())
    assert blocked.status_code == 429
    assert "quá nhiều lần" in blocked.content.decode()
    assert blocked["Retry-After"] == "600"
    other_ip = client.get(nhung.verify_path(), REMOTE_ADDR="10.1.2.3")
    assert other_ip.status_code == 200


def test_learner_sees_and_downloads_own_certificate(client, nhung):
    client.force_login(nhung.employee.user)
    html = client.get("/chung-nhan/").content.decode()
    assert "Chứng nhận của tôi" in html and nhung.serial in html
    response = client.get(reverse("certificates:download", args=[nhung.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "attachment" in response["Content-Disposition"]


def test_learner_page_issues_an_earned_certificate_on_demand(client, scenario):
    person = scenario.person("SCT020", "Đặng Văn Ưng")
    scenario.study(person)
    client.force_login(person.user)
    html = client.get("/chung-nhan/").content.decode()
    assert person.certificates.count() == 1
    assert person.certificates.get().serial in html


def test_others_cannot_download_but_hr_of_the_agency_can(client, scenario, nhung):
    colleague = scenario.person("SCT012", "Lê Văn Tám")
    client.force_login(colleague.user)
    assert client.get(reverse("certificates:download", args=[nhung.pk])).status_code == 404

    hr = scenario.person("SCT013", "Trần Thị Thu Hương")
    give_role(hr.user, roles.HR)
    client.force_login(hr.user)
    assert client.get(reverse("certificates:download", args=[nhung.pk])).status_code == 200

    other_agency = make_agency("SYT", "Sở Y tế Tây Ninh")
    from tests.factories import EmployeeFactory
    foreign_hr = EmployeeFactory(agency=other_agency, unit=make_unit(other_agency, "VPY"), employee_code="SYT001")
    give_role(foreign_hr.user, roles.HR)
    client.force_login(foreign_hr.user)
    assert client.get(reverse("certificates:download", args=[nhung.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, nhung):
    response = client.get(reverse("certificates:download", args=[nhung.pk]))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    assert client.get("/chung-nhan/").status_code == 302


def test_an_office_can_click_through_its_register_but_guessing_is_stopped(client, nhung, settings):
    """Genuine lookups have their own, larger budget per address; misses (what guessing makes) a small one."""
    settings.VERIFY_RATE_LIMIT = 3
    settings.VERIFY_FOUND_LIMIT = 50
    assert all(client.get(nhung.verify_path()).status_code == 200 for _ in range(40))
    assert [client.get("/verify/AAAA-BBBB-CCCC-DDDD-EEEE/").status_code for _ in range(4)] == [404, 404, 404, 429]
    assert client.get(nhung.verify_path()).status_code == 429  # the guesser's address waits


def test_genuine_lookups_are_limited_too_and_higher_for_signed_in_staff(client, nhung, settings):
    settings.VERIFY_FOUND_LIMIT = 2
    assert [client.get(nhung.verify_path()).status_code for _ in range(3)] == [200, 200, 429]
    staff = nhung.employee.user
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert all(client.get(nhung.verify_path(), REMOTE_ADDR="10.9.9.9").status_code == 200 for _ in range(15))
