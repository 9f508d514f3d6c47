"""Demo steps are registered by each app and run in data-flow order; the kernel names no app."""

from __future__ import annotations

from core.demo import ACTIVITY, CONTENT, SCALE, STAFF, steps


def test_steps_run_in_data_flow_order():
    assert [s.name for s in steps(CONTENT)] == [
        "org.demo.org.seed_org", "courses.demo.seed_content", "courses.demo.seed_video", "quizzes.demo.seed_quizzes",
        "learning.demo.campaigns.seed_campaigns", "reports.demo.dossier.seed_dossier"]
    assert [s.name for s in steps(STAFF)] == ["org.demo.staff.seed_staff"]
    assert [s.name for s in steps(ACTIVITY)] == [
        "learning.demo.sessions.seed_sessions", "quizzes.demo.seed_attempts",
        "learning.demo.campaigns.seed_evidence", "certificates.demo.seed_certificates",
        "reflections.demo.seed_reflections", "reports.demo.dossier.seed_self_scores",
        "learning.demo.kept.kept_after_activity"]
    assert [s.name for s in steps(SCALE)] == ["reports.demo.scale.seed_scale", "learning.demo.kept.kept_after_scale"]
    assert [s.phase for s in steps(CONTENT, STAFF, ACTIVITY)][-1] == ACTIVITY
