"""L1/L2 in the browser: HR of agency B opens the document chooser from a target's evidence and sees
its own agency's documents only, never agency A's; an upload from the chooser lands in B's collection."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document

from org.services.documents import agency_collection_ensure
from tests.e2e.conftest import login
from tests.factories import EmployeeFactory, give_role, make_agency, roles
from tests.learning.compliance_helpers import make_campaign, make_directive

pytestmark = pytest.mark.django_db(transaction=True)
SECRET = "Biên bản mật của Sở A"


@pytest.fixture
def agencies():
    a, b = make_agency("SCA", "Sở A"), make_agency("SCB", "Sở B")
    hr_a = EmployeeFactory(agency=a, unit=a, employee_code="HRA01")
    hr_b = EmployeeFactory(agency=b, unit=b, employee_code="HRB01")
    give_role(hr_a.user, roles.HR)
    give_role(hr_b.user, roles.HR)
    make_campaign(b, [make_directive("23-QĐ/TW")], slug="ke-hoach-b")
    Document.objects.create(title=SECRET, file=ContentFile(b"%PDF-1.4 a", name="mat.pdf"),
                            collection=agency_collection_ensure(agency=a), uploaded_by_user=hr_a.user)
    Document.objects.create(title="Kế hoạch của Sở B", file=ContentFile(b"%PDF-1.4 b", name="kh.pdf"),
                            collection=agency_collection_ensure(agency=b), uploaded_by_user=hr_b.user)
    return b


def test_the_chooser_of_hr_b_shows_only_bs_documents_and_uploads_into_bs_collection(page, live_server, agencies,
                                                                                   screenshot):
    login(page, live_server, "HRB01")
    page.goto(f"{live_server.url}{reverse('campaign_targets:add')}")
    page.click("#id_evidence-ADD")
    page.click("[data-chooser-action-choose]")
    modal = page.locator(".modal-content")
    modal.locator("text=Kế hoạch của Sở B").wait_for()
    assert SECRET not in modal.inner_text()
    screenshot(page, "document-chooser-hr-b")
    modal.locator("input[name=q]").fill("mật")
    page.wait_for_timeout(800)
    assert SECRET not in modal.inner_text()
    # the upload tab has no collection to pick: the upload goes to B's collection
    modal.locator("a[href='#tab-upload'], button:has-text('Tải lên')").first.click()
    assert modal.locator("select[name*=collection]").count() == 0
    modal.locator("input[name='document-chooser-upload-title']").fill("Báo cáo mới của B")
    modal.locator("input[name='document-chooser-upload-file']").set_input_files(
        files=[{"name": "bao-cao.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 new"}])
    modal.locator("button[type=submit]").first.click()
    page.wait_for_function("() => !document.querySelector('.modal-content')")
    assert Document.objects.get(title="Báo cáo mới của B").collection.agency == agencies
