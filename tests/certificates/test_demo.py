from certificates.demo import seed_certificates
from certificates.models import Certificate
from core.demo import DemoContext


def test_demo_issues_to_completers_once(scenario):
    scenario.study(scenario.person("SCT001"))
    scenario.person("SCT002")
    ctx = DemoContext(agency=scenario.agency)
    assert seed_certificates(ctx).startswith("1 certificates issued")
    assert seed_certificates(ctx).startswith("0 certificates issued")
    assert Certificate.objects.count() == 1
