// The closed list of audited actions, each with its meaning. Use cases name one explicitly.
export const auditActions = {
  'user.created': 'An account was created',
  'user.updated': 'An account was changed (role, region, LA, disabled)',
  'user.password_changed': 'A password was changed',
  'user.signed_in': 'Someone signed in',
  'user.signed_out': 'Someone signed out',
  'la.reference_loaded': 'The local authority register was loaded or updated',
  'history.imported': 'Inspection history rows were imported',
  'activity.created': 'An activity was created',
  'activity.updated': 'An activity’s details were changed',
  'activity.state_changed': 'An activity moved to another state',
  'activity.rescheduled':
    'An activity’s planned dates were moved (with the scheduling rules checked)',
  'activity.team_member_added': 'Someone joined an activity’s team',
  'activity.team_member_removed': 'Someone left an activity’s team',
  'demo.seeded': 'The demo data was created',
  'evidence.recorded': 'An evidence record was added (typed or imported from a file)',
  'evidence.edited': 'An evidence record was changed (a new version; codings re-anchored)',
  'evidence.deleted': 'An evidence record was deleted (reversible)',
  'evidence.restored': 'A deleted evidence record was restored',
  'evidence.sync_conflict':
    'An edit made offline met a newer version of the record: kept as a conflict, nothing overwritten',
  'evidence.sync_conflict_resolved':
    'A sync conflict was resolved (the device’s text, the server’s, or a merge of both)',
  'offline.device_forgotten': 'A device’s offline copy was made unreadable (its key forgotten)',
  'attachment.uploaded':
    'A file was kept as an attachment (an evidence record’s original, or a document with a record or a factual-accuracy comment)',
  'attachment.downloaded': 'An attachment was downloaded',
  'attachment.deleted': 'An attachment was removed (its bytes are deleted)',
  'codebook.seeded': 'The codebook was seeded from the framework’s evaluation criteria',
  'code.created': 'A code was added to the codebook',
  'code.updated': 'A code was renamed, moved, recoloured or redescribed',
  'code.merged': 'A code was merged into another (its codings re-pointed)',
  'coding.created': 'A span of evidence was coded',
  'coding.deleted': 'A coding was removed',
  'case.created': 'A case (child, practitioner or team) was added',
  'case.updated': 'A case’s reference, description or attributes were changed',
  'memo.created': 'A memo was written',
  'memo.updated': 'A memo was changed',
  'memo.deleted': 'A memo was deleted',
  'line_of_enquiry.created': 'A line of enquiry was added',
  'line_of_enquiry.updated': 'A line of enquiry was changed (status, conclusion, wording)',
  'line_of_enquiry.focus_set':
    'What a line of enquiry or hypothesis is about was set (codes, search terms, direction)',
  'line_of_enquiry.status_changed':
    'A line of enquiry or hypothesis moved between open, exploring and closed (with a conclusion)',
  'line_of_enquiry.evidence_linked':
    'Evidence was linked to a line of enquiry as supporting or challenging it',
  'line_of_enquiry.evidence_unlinked': 'Evidence was unlinked from a line of enquiry',
  'line_of_enquiry.challenge_reviewed':
    'Challenging evidence the system found for a hypothesis was looked at (with a note)',
  'vignette.marked': 'A passage was marked as a candidate illustration for the report',
  'vignette.updated': 'A vignette was changed (status, title, note, anonymisation confirmed)',
  'vignette.unmarked': 'A passage was no longer a candidate illustration',
  'team_meeting.recorded': 'A team meeting (morning, evening) was recorded',
  'annex_a.imported': 'An Annex A file was imported for an activity (first, or replacing another)',
  'annex_a.retention_changed': 'The date after which an activity’s Annex A rows are purged changed',
  'job.enqueued':
    'Work was queued to run in the background (e.g. an Annex A import from the upload page), with its stored file',
  'job.abandoned':
    'A background job was failed because the server running it stopped and it could not safely run again',
  'annex_a.purged': 'An activity’s Annex A child-level rows were purged (retention date passed)',
  'refi.imported':
    'A REFI-QDA project or codebook was imported (counts, repairs and the file’s SHA-256)',
  'refi.exported': 'An evidence base or codebook was exported as REFI-QDA (QDPX or QDC)',
  'annex_a.population_set':
    'The 0-17 population an activity’s Annex A profile uses for rates was entered or cleared',
  'annex_a.sef_claim_recorded':
    'What the LA’s self-evaluation claims about a profile indicator was recorded, changed or cleared',
  'annex_a.candidate_accepted':
    'A candidate line of enquiry from the Annex A profile was accepted (the line created, the figures kept)',
  'annex_a.candidate_dismissed':
    'A candidate line of enquiry from the Annex A profile was dismissed (with a reason)',
  'sample.drawn': 'A case sample was drawn (seed, specification, cases), or redrawn replacing one',
  'sample.case_added': 'A case was added to the sample on site (entry route, criteria, remote)',
  'sample.case_removed': 'A case was taken out of the sample (with the reason)',
  'sample.la_audits_recorded': 'The list of children the LA recently audited was recorded',
  'sample.identifiers_viewed':
    "The team matched the sample's pseudonyms to the LA's child identifiers it supplied (shown, not stored)",
  'sample.identifiers_exported':
    "The team exported the sample's pseudonyms with the LA's child identifiers it supplied (not stored)",
  'judgement.updated':
    'A judgement’s grade, position, nearness, context, narrative, criteria or evidence changed (with the reason)',
  'judgement.case_rated':
    'An inspector rated a sampled case for a judgement area (grade, criteria met and not met)',
  'judgement.provisional_view_recorded':
    'A team member recorded their own provisional view of a judgement',
  'judgement.stage_changed':
    'An activity’s judgements moved stage (team provisional, consistency panel, QA, final)',
  'judgement.panel_member_assigned': 'An inspector was assigned to an activity’s consistency panel',
  'judgement.panel_member_removed': 'An inspector was removed from an activity’s consistency panel',
  'judgement.panel_comment_added':
    'A consistency panel member commented on or challenged judgements',
  'judgement.panel_comment_answered':
    'The lead inspector answered a consistency panel comment or challenge',
  'judgement.feedback_recorded':
    'What was said to the LA in a keeping-in-touch meeting or the final feedback was recorded',
  'judgement.divergence_explained':
    'A difference between on-site feedback and the grades was explained',
  'report.drafted':
    'A report or letter draft was assembled from the framework template (version 1)',
  'report.section_saved': 'A section of a report draft was edited (a new version)',
  'report.grades_updated':
    'A report draft’s grade table was brought into line with the judgements (a new version)',
  'report.version_restored': 'An earlier version of a report draft was restored (a new version)',
  'practice_qa.observation_recorded':
    'A quality assurance manager (or the lead) recorded an observation of an inspector’s practice',
  'practice_qa.observation_responded':
    'An inspector acknowledged an observation of their practice, with their response',
  'report.strength_linked':
    'A strength fed back at a keeping-in-touch meeting was linked by hand to a paragraph of the draft',
  'report.strength_explained':
    'The lead said why a strength fed back at a keeping-in-touch meeting is not in the draft',
  'report.released': 'A report draft was released to the LA for its factual accuracy check',
  'report.comment_added': 'The LA commented on the factual accuracy of a released draft',
  'report.comment_answered':
    'The team answered a factual accuracy comment (accepted with a change, or not with a reason)',
  'report.signed_off':
    'The quality assurance manager signed off an exact version of a report (before release or after the factual accuracy check)',
  'report.la_confirmed': 'The LA confirmed it has no more factual accuracy comments',
  'report.section_reviewed':
    'A report section flagged after a grade changed was read again and kept (a new version)',
  'notification.sent': 'Someone was told it is their turn (in the app, and by e-mail if set up)',
  'report.published': 'A report was published (its published version can never change)',
  'report.exported': 'A report version was exported (HTML, DOCX or PDF)',
  'national_statistics.imported':
    'DfE national statistics were imported (files, SHA-256, figures new and changed, changes raised as intelligence)',
  'intelligence.recorded':
    'An intelligence entry about an LA was recorded (kind, source, sensitivity, risk domains)',
  'risk.assessed':
    'An LA’s risk assessment was recorded (a new version: ratings, overall level, any override)',
  'intelligence.outcome_recorded':
    'An inspection or visit outcome became an intelligence entry (a publication in Triangulate, or the inspection history)',
  'risk.review_requested':
    'An LA’s risk assessment was made due for review (an inspection or visit was published)',
  'line_of_enquiry.source_linked':
    'A line of enquiry was made from a week-zero item (intelligence, a risk rating, an area for improvement) and stays linked to it',
  'consistency.panel_convened':
    'A consistency panel across inspections was convened (scope, period, members named)',
  'consistency.view_recorded':
    'A consistency panel member recorded a view of an inspection (consistent, or a query sent to the lead and QAM)',
  'study.created':
    'A reliability study was set up: published activities picked, each evidence base copied redacted',
  'study.pair_assigned': 'A pair of reviewers was assigned to an evidence base of a study',
  'study.pair_refused':
    'A pairing was refused: a reviewer has a link to the LA (team, region, LA staff)',
  'study.review_recorded': 'A pair recorded its blind review of an evidence base',
  'study.results_exported': 'A reliability study’s results were exported (CSV, XLSX or DOCX)',
  'calibration.vignette_added':
    'A vignette was added to the calibration bank with the reference grade a national panel agreed',
  'calibration.vignette_retired':
    'A vignette was retired from the calibration bank (kept in past exercises, no longer offered)',
  'calibration.exercise_created':
    'A calibration exercise was set up (its vignettes and the inspectors invited)',
  'calibration.rated': 'An inspector rated a calibration vignette blind (or changed their rating)',
  'calibration.submitted':
    'An inspector submitted their calibration ratings (the spread and reference grade then shown)',
  'calibration.note_added': 'A discussion note was added to a calibration vignette',
  'double_coding.assigned':
    'Evidence records were assigned to two or more inspectors to code blind (double coding)',
  'double_coding.coded': 'A coder coded a span in a blind double coding (their own layer)',
  'double_coding.uncoded': 'A coder removed one of their codings in a blind double coding',
  'double_coding.finished': 'A coder finished their blind double coding',
  'double_coding.reconciled':
    'The agreed coding of a double-coded record was decided and written into the evidence base',
  'research.queried':
    'A cross-inspection research query was run, a cell opened or results exported (its definition is kept)',
  'research.definition_saved':
    'A research query or analysis definition was saved, to be run again by its id',
  'research.study_created': 'A research study (a thematic review workspace) was created',
  'research.study_coded': 'A passage of a study record was coded with a thematic code',
  'research.study_coding_removed': 'A coding was removed from a study',
  'research.study_corpus_coded':
    'A passage of a published report (the corpus) was coded with a thematic code in a study',
  'research.study_corpus_coding_removed': 'A coding of a published report was removed from a study',
  'research.study_updated': 'A research study’s question or selection of inspections was changed',
  'research.la_identity_set': 'A national user decided whether a study shows LA identity',
  'research.memo_added': 'A memo was written in a research study',
  'thematic.code_added': 'A code was added to the national thematic codebook',
  'thematic.mapping_versioned':
    'A new version of the thematic codebook’s mappings (criteria and emergent codes to themes) was made',
  'corpus.imported': 'A folder of published reports was imported into the corpus',
  'research.deprivation_loaded': 'A deprivation index was loaded for local authorities',
  'self_evaluation.draft_saved': 'An LA saved the draft of its self-evaluation',
  'self_evaluation.file_added':
    'A document (improvement plan, reform programme or other) was added to an LA’s self-evaluation draft',
  'self_evaluation.file_removed': 'A document was taken out of an LA’s self-evaluation draft',
  'self_evaluation.file_downloaded': 'A self-evaluation document was downloaded',
  'self_evaluation.submitted':
    'An LA submitted its self-evaluation (a new version, logged as intelligence)',
  'self_evaluation.acknowledged': 'The region acknowledged receipt of an LA’s self-evaluation',
  'engagement.recorded':
    'An annual engagement meeting was recorded (date, attendees, agenda, notes, actions)',
  'engagement.updated': 'An annual engagement meeting’s record was changed',
  'engagement.released': 'The notes of an annual engagement meeting were released to the LA',
  'burden.recorded':
    'An LA recorded (or corrected) its effort on an inspection: link person hours and staff days by kind',
  'inspector.profile_set':
    'An inspector’s scheduling profile was set (role, home region, working days, lead-qualified, limits)',
  'inspector.absence_added': 'Leave or training was recorded for an inspector',
  'inspector.absence_removed': 'An inspector’s leave or training was removed',
  'inspector.conflict_added': 'A conflict of interest with an LA was recorded for an inspector',
  'inspector.conflict_removed': 'An inspector’s conflict of interest was removed',
  'programme.run_saved': 'A solved programme (a plan run) was saved',
  'programme.published':
    'A plan run was published as the next version of its region’s programme (planned activities and teams created, changed or cancelled)',
  'action_plan.action_added': 'An LA added an action to an item of its action plan (draft)',
  'action_plan.action_changed': 'An LA changed an action of its action plan (draft)',
  'action_plan.action_removed': 'An LA took an action out of its action plan (draft)',
  'action_plan.update_added': 'An LA recorded dated progress on an item of its action plan (draft)',
  'action_plan.submitted': 'An LA submitted its action plan (a new version)',
  'action_plan.acknowledged': 'The region acknowledged a version of an LA’s action plan',
  'action_plan.returned': 'The region returned a version of an LA’s action plan with comments',
  'monitoring.view_recorded':
    'A visit’s lead recorded a view on progress against an item of the LA’s action plan',
  'reform_programme.added': 'An LA recorded a reform or improvement programme',
  'reform_programme.updated': 'An LA changed a reform or improvement programme',
  'fieldwork.expectations_set':
    'The lead set the fieldwork expectations (remote share, time per case, observation)',
  'fieldwork.case_allocated': 'A sampled case was allocated to an inspector in the fieldwork plan',
  'fieldwork.conversation_planned':
    'A conversation with a child, young person, parent or carer was planned',
  'fieldwork.observation_planned': 'An observation of practice was planned',
  'fieldwork.item_marked':
    'A planned case visit, conversation or observation was marked done or cancelled',
} as const;

export type AuditAction = keyof typeof auditActions;
