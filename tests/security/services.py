"""Every public function of every services module, classified (issue 13, item 2).

`tests/security/test_attack_services.py` enumerates the functions of `<app>/services/*.py` (and
`core/jobs/*.py`) and fails when one is missing here or listed but gone.

- WRITES: writes rows of an agency on behalf of an actor. Each has an attack in
  test_attack_services.ATTACKS: HR, a unit head and a learner of agency B call it on agency A's
  objects and must get the NotFound a missing object gives, with nothing written.
- READS: computes or reads only; the caller passes objects it found through its scope.
- SYSTEM: runs without a user (a background task, a command, an event receiver, a data step);
  the reason says where its input comes from.
- QUIZZES: the quiz engine's services (every function of quizzes/services/), owned by the quizzes
  work of issue 13 (H1, M4, another branch) and tested there.
"""

from __future__ import annotations

WRITES, READS, SYSTEM, QUIZZES = "writes", "reads", "system", "quizzes"

SERVICES: dict[str, tuple[str, str]] = {
    # --- org
    "org.services.agencies.agency_ensure": (SYSTEM, "commands and the demo create agencies; no screen does"),
    "org.services.audit.agency_id_of": (READS, "derives an entry's agency from its object"),
    "org.services.audit.audit_log": (SYSTEM, "called by the services below after their own checks"),
    "org.services.documents.agency_collection_ensure": (SYSTEM, "agency_ensure, roles_ensure and the demo: an "
                                                        "agency's document collection and HR's grants on it"),
    "org.services.documents.library_collection_ensure": (SYSTEM, "roles_ensure: the shared library's collection"),
    "org.services.documents.document_collections_ensure": (SYSTEM, "roles_ensure: every agency's collection"),
    "org.services.employees.employee_save": (SYSTEM, "the admin form's save: its unit field offers the actor's "
                                             "agency's units only, the edit view finds the row through its scope"),
    "org.services.employees.initial_password_hash": (READS, "a hash of a setting"),
    "org.services.employees.pick_username": (READS, "a name for a new account"),
    "org.services.employees.sync_user_fields": (SYSTEM, "copies an employee's fields to its own account"),
    "org.services.employees.taken_usernames": (READS, "usernames in use"),
    "org.services.employees.username_candidates": (READS, "names for a new account"),
    "org.services.provinces.province_access_grant": (WRITES, ""),
    "org.services.provinces.province_access_revoke": (WRITES, ""),
    "org.services.provinces.province_ensure": (SYSTEM, "the create_province command (the operator)"),
    "org.services.provinces.province_officer_ensure": (SYSTEM, "the add_province_officer command (the operator)"),
    "org.services.provinces.province_person_read_log": (SYSTEM, "logs a read the caller's grant allowed"),
    "org.services.roles.roles_ensure": (SYSTEM, "creates the role groups (migrations, commands)"),
    "org.services.roster.roster_import": (WRITES, ""),
    "org.services.roster.roster_read": (READS, "reads an uploaded table"),
    # --- learning
    "learning.services.attendance.attendance_import": (WRITES, ""),
    "learning.services.attendance.attendance_mark_remaining_absent": (WRITES, ""),
    "learning.services.attendance.attendance_record": (WRITES, ""),
    "learning.services.attendance.attendance_validate": (READS, "the preview of attendance_import (codes of the "
                                                         "session's agency only; attacked through the upload)"),
    "learning.services.attendance.status_parse": (READS, "a word to a status"),
    "learning.services.campaigns.campaign_delete": (WRITES, ""),
    "learning.services.campaigns.campaign_export": (READS, "the YAML of a campaign found through its scope"),
    "learning.services.campaigns.campaign_load": (WRITES, ""),
    "learning.services.campaigns.campaign_parse": (READS, "YAML text to data"),
    "learning.services.campaigns.campaign_save": (WRITES, ""),
    "learning.services.campaigns.campaign_snapshot": (READS, "audit snapshot"),
    "learning.services.campaigns.campaign_validate": (READS, "units resolved within the given agency only"),
    "learning.services.checkin.checkin_attempt_log": (SYSTEM, "logs a scan checkin_submit/the view inspected"),
    "learning.services.checkin.checkin_code": (READS, "the projector's code of a session found through its scope"),
    "learning.services.checkin.checkin_inspect": (READS, "checks a signed code against the scanner's audience"),
    "learning.services.checkin.checkin_qr_svg": (READS, "draws a QR code"),
    "learning.services.checkin.checkin_submit": (WRITES, ""),
    "learning.services.checkin.checkin_ticket_save": (SYSTEM, "keeps a scan in the scanner's own session"),
    "learning.services.checkin.checkin_ticket_time": (READS, "reads the scanner's own session"),
    "learning.services.checkin.checkin_window": (READS, "times of a session"),
    "learning.services.checkin.checkin_window_open": (READS, "times of a session"),
    "learning.services.checkin.slot_of": (READS, "a time slot number"),
    "learning.services.evidence.manual_evidence_delete": (WRITES, ""),
    "learning.services.evidence.manual_evidence_record": (WRITES, ""),
    "learning.services.evidence.manual_evidence_update": (WRITES, ""),
    "learning.services.exemptions.exemption_grant": (WRITES, ""),
    "learning.services.exemptions.exemption_lift": (WRITES, ""),
    "learning.services.kept.Drift": (READS, "a result"),
    "learning.services.kept.kept_campaign_lock": (SYSTEM, "called by the campaign services before an edit, after their "
                                                          "checks"),
    "learning.services.kept.kept_catch_up": (SYSTEM, "the background rebuild task after a campaign edit"),
    "learning.services.kept.kept_campaign_changed": (SYSTEM, "called by the campaign services after their checks"),
    "learning.services.kept.kept_compare": (READS, "compares a campaign's kept rows with the computation"),
    "learning.services.kept.kept_people_changed": (SYSTEM, "called inside the writing services and the evidence "
                                                   "and roster events, after their checks"),
    "learning.services.kept.kept_rebuild": (SYSTEM, "reconcile_compliance (the operator) and the campaign services"),
    "learning.services.kept.kept_reconcile": (SYSTEM, "the nightly reconcile_compliance command, every agency"),
    "learning.services.kept.kept_refresh": (SYSTEM, "called by kept_people_changed and the exemption services"),
    "learning.services.province_campaigns.province_campaign_load": (SYSTEM, "load_campaign --province (the "
                                                                   "operator); each agency's copy goes through "
                                                                   "campaign_save and its checks"),
    "learning.services.rollover.campaign_rollover": (WRITES, ""),
    "learning.services.rollover.rollover_slug": (READS, "a slug for the next year"),
    "learning.services.records.record_content_type": (READS, "a type from magic bytes"),
    "learning.services.records.record_max_bytes": (READS, "a setting"),
    "learning.services.records.record_snapshot": (READS, "audit snapshot"),
    "learning.services.records.session_record_attach": (WRITES, ""),
    "learning.services.records.session_record_delete": (WRITES, ""),
    "learning.services.sessions.session_audit_change": (WRITES, ""),
    "learning.services.sessions.session_create": (WRITES, ""),
    "learning.services.sessions.session_snapshot": (READS, "audit snapshot"),
    "learning.services.sessions.session_validate": (READS, "refuses units outside the campaign's agency"),
    # --- courses (shared content; the reading is the learner's own)
    "courses.services.reading.lesson_acknowledge": (WRITES, ""),
    "courses.services.reading.lesson_open": (WRITES, ""),
    "courses.services.reading.reading_cap_seconds": (READS, "a number of a lesson"),
    "courses.services.video.video_beat": (WRITES, ""),
    # --- reports
    "reports.services.annual_report.annual_report_compose": (READS, "the text of a campaign found through its "
                                                              "scope"),
    "reports.services.annual_report.annual_report_docx": (READS, "renders a report found through its scope"),
    "reports.services.annual_report.annual_report_for": (READS, "the report of a campaign found through its scope"),
    "reports.services.annual_report.annual_report_freeze": (WRITES, ""),
    "reports.services.annual_report.annual_report_pdf": (READS, "renders a report found through its scope"),
    "reports.services.annual_report.annual_report_save": (WRITES, ""),
    "reports.services.annual_report.pct": (READS, "formats a rate"),
    "reports.services.annual_report.units_block": (READS, "figures per unit of a campaign found through its scope"),
    "reports.services.scoring.criteria_read": (READS, "reads an uploaded workbook"),
    "reports.services.scoring.dossier_for": (SYSTEM, "gets or creates the dossier of the agency the caller "
                                             "scoped (its admin view; the attacks on dossier_submit)"),
    "reports.services.scoring.dossier_submit": (WRITES, ""),
    "reports.services.scoring.self_score_check_override": (READS, "a rule on numbers"),
    "reports.services.evidence_pack.evidence_pack_build": (SYSTEM, "the task of export_job_request / a command"),
    "reports.services.evidence_pack.evidence_pack_parts": (READS, "the parts of a pack"),
    "reports.services.evidence_pack.SheetRenderer": (SYSTEM, "evidence_pack_build's attendance lists, rendered by worker "
                                                     "processes from the sessions it found"),
    "reports.services.evidence_pack.export_job_request": (WRITES, ""),
    "reports.services.evidence_pack.export_job_run": (SYSTEM, "the task; its job id comes from the queue"),
    "reports.services.evidence_verify.evidence_verify": (READS, "checks a pack file given on the command line"),
    "reports.services.reminders.email_of": (READS, "an address"),
    "reports.services.reminders.last_reminders": (READS, "reminders of a campaign found through its scope"),
    "reports.services.reminders.reminder_send_manual": (WRITES, ""),
    "reports.services.reminders.reminders_send": (SYSTEM, "the daily command, for every agency on purpose"),
    "reports.services.reminders.unit_heads": (READS, "heads of the campaign's own agency"),
    "reports.services.scoring.criteria_import": (WRITES, ""),
    "reports.services.submissions.province_reviewer_required": (READS, "the check the province's services make"),
    "reports.services.submissions.results_publish": (WRITES, ""),
    "reports.services.submissions.review_save": (WRITES, ""),
    "reports.services.submissions.submission_finalise": (WRITES, ""),
    "reports.services.submissions.submission_pack_read_log": (SYSTEM, "logs a download the view allowed (an "
                                                              "officer of the agency's province)"),
    "reports.services.submissions.submission_return": (WRITES, ""),
    "reports.services.submissions.submission_send": (WRITES, ""),
    "reports.services.scoring.self_score_save": (WRITES, ""),
    "reports.services.scoring.self_score_validate": (READS, "a number against a maximum"),
    "reports.services.targets.campaign_targets_progress": (READS, "figures of a campaign found through its scope"),
    "reports.services.targets.target_save": (WRITES, ""),
    # --- certificates
    "certificates.services.issuing.agency_head_name": (READS, "a name of the certificate's own agency"),
    "certificates.services.issuing.completion_date": (READS, "a person's completion date"),
    "certificates.services.issuing.certificate_issue": (WRITES, ""),
    "certificates.services.issuing.certificate_issue_for_quiz": (WRITES, ""),
    "certificates.services.issuing.certificates_issue_due": (WRITES, ""),
    "certificates.services.issuing.certificates_issue_due_for": (SYSTEM, "the evidence_recorded receiver's task: "
                                                               "ids of people whose evidence was just recorded"),
    "certificates.services.issuing.certificates_issue_for_campaign": (WRITES, ""),
    "certificates.services.issuing.certificates_issue_if_complete": (WRITES, ""),
    "certificates.services.issuing.write_pdfs": (SYSTEM, "files of certificates just issued, into a job folder"),
    "certificates.services.jobs.certificate_job_run": (SYSTEM, "the task; its job id comes from the queue"),
    "certificates.services.jobs.certificate_job_start": (WRITES, ""),
    "certificates.services.jobs.zip_name": (READS, "a file name"),
    "certificates.services.revocation.certificate_revoke": (WRITES, ""),
    "certificates.services.serials.serial_counter_lock": (SYSTEM, "inside certificate_issue*, after their checks"),
    "certificates.services.serials.serial_text": (READS, "formats a serial"),
    "certificates.services.serials.serials_take": (SYSTEM, "inside certificate_issue*, after their checks"),
    # --- the kernel's background jobs (no agency of their own: each app's job model is scoped)
    "core.jobs.files.scratch_root": (READS, "a setting"),
    "core.jobs.files.scratch_dir": (SYSTEM, "a job's own scratch folder"),
    "core.jobs.files.publish": (SYSTEM, "a job publishing its own file"),
    "core.jobs.files.leftovers_remove": (SYSTEM, "the cleaning of a job's own leftovers"),
    "core.jobs.run.heartbeat_every": (READS, "a setting"),
    "core.jobs.run.JobRun": (SYSTEM, "a task running its own job (id from the queue)"),
    "core.jobs.stale.stale_after": (READS, "a setting"),
    "core.jobs.stale.stale_jobs_fail": (SYSTEM, "marks dead jobs failed, every agency's on purpose"),
    "core.jobs.stale.job_models": (READS, "the job models"),
    "core.jobs.stale.stale_jobs_fail_all": (SYSTEM, "the fail_stale_jobs command, every agency on purpose"),
    "core.jobs.views.file_ready": (READS, "whether a job's file exists"),
    "core.jobs.views.jobs_context": (READS, "a list of jobs the caller scoped"),
    "core.jobs.views.job_file_response": (READS, "the file of a job among those the caller scoped (404 otherwise)"),
    # --- reflections (bài thu hoạch)
    "reflections.services.writing.reflection_save": (WRITES, ""),
    "reflections.services.writing.reflection_snapshot": (READS, "audit snapshot"),
    "reflections.services.grading.grader_required": (READS, "the check the two grading services make"),
    "reflections.services.grading.reflection_grade": (WRITES, ""),
    "reflections.services.grading.reflection_return": (WRITES, ""),
    "reflections.services.prompts.prompt_snapshot": (READS, "audit snapshot"),
    "reflections.services.prompts.reflection_prompt_delete": (WRITES, ""),
    "reflections.services.prompts.reflection_prompt_save": (WRITES, ""),
}

# The quiz engine's functions change with its own work (issue 13 H1/M4/M5, #19): every function of
# quizzes/services/ is classified QUIZZES by its module; its isolation is tested there.
QUIZ_MODULE_PREFIX = "quizzes.services."


def classification(name: str) -> tuple[str, str] | None:
    if name.startswith(QUIZ_MODULE_PREFIX):
        return QUIZZES, "the quiz engine (issue 13 H1, M4: another branch)"
    return SERVICES.get(name)
