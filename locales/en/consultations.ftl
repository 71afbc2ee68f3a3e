## Consultations: kinds, statuses, outcomes, priorities, the timeline and referrals.

consultation-kind-consultation = Consultation
consultation-kind-policy-request = Policy request

consultation-status-received = Received
consultation-status-triaged = Triaged
consultation-status-in-progress = In progress
consultation-status-waiting-on-requester = Waiting on requester
consultation-status-closed = Closed
consultation-status-with-resolution = { $status } ({ $resolution })

# The same statuses as the requester reads them.
consultation-requester-status-received = Received
consultation-requester-status-triaged = Under review
consultation-requester-status-in-progress = In progress
consultation-requester-status-waiting-on-requester = Waiting for your reply
consultation-requester-status-closed = Closed

resolution-resolved = Resolved
resolution-referred-out = Referred to another body
resolution-withdrawn = Withdrawn
resolution-out-of-scope = Out of scope

priority-low = Low
priority-normal = Normal
priority-high = High
priority-urgent = Urgent

confidentiality-standard = Standard: all advisors and staff of the desk
confidentiality-confidential = Confidential: the assigned advisor and desk staff only

shared-field-organisation-name = Organisation name
shared-field-title = Title
shared-field-description = Description
shared-field-domain = Domain
shared-field-stage = Development stage
shared-field-topics = Topics
shared-field-contact = Contact person (name and email)

referral-status-requested = Awaiting decision
referral-status-accepted = Accepted
referral-status-declined = Declined
referral-status-cancelled = Cancelled

sla-state-on-track = On track
sla-state-due-today = Due today
sla-state-overdue = Overdue
sla-state-met = Answered in time
sla-state-missed = Answered late
sla-state-not-applicable = Not applicable

consultation-action-triage = Mark as triaged
consultation-action-start = Start work
consultation-action-wait-for-requester = Ask the requester
consultation-action-resume = Resume work
consultation-action-close = Close
consultation-action-withdraw = Withdraw
consultation-action-reopen = Reopen

consultation-nobody = nobody

consultation-event-filed = Filed
consultation-event-status-changed = Status change
consultation-event-assigned = Assignment
consultation-event-priority-changed = Priority change
consultation-event-taxonomy-changed = Classification change
consultation-event-rerouted = Desk corrected
consultation-event-message = Message to the requester
consultation-event-reply = Message from the requester
consultation-event-note = Internal note
consultation-event-referral-requested = Referral requested
consultation-event-referral-accepted = Referral accepted
consultation-event-referral-declined = Referral declined
consultation-event-referral-cancelled = Referral cancelled
consultation-event-introduction-proposed = Introduction proposed
consultation-event-introduction-consent-requested = Consent requested
consultation-event-introduction-consented = Introduction consented
consultation-event-introduction-withdrawn = Introduction withdrawn
consultation-event-introduction-sent = Introduction sent
consultation-event-introduction-accepted = Introduction accepted
consultation-event-introduction-declined = Introduction declined
consultation-event-introduction-meeting-held = Meeting held
consultation-event-introduction-matched = Match established
consultation-event-introduction-not-matched = No match
consultation-event-introduction-expired = Introduction expired

consultation-event-filed-summary = Received by { $desk }
consultation-event-status-changed-summary = Status: { $before } → { $after }
consultation-event-assigned-summary = Assignee: { $before } → { $after }
consultation-event-priority-changed-summary = Priority: { $before } → { $after }
consultation-event-taxonomy-changed-summary = Domain, stage or topics changed
consultation-event-rerouted-summary = Moved from { $from } to { $to }
consultation-event-message-summary = Message to the requester
consultation-event-reply-summary = Message from the requester
consultation-event-note-summary = Internal note
consultation-event-referral-requested-summary = Referral to { $to } requested
consultation-event-referral-accepted-summary = Handed over from { $from } to { $to }
consultation-event-referral-declined-summary = { $to } declined the referral
consultation-event-referral-cancelled-summary = Referral to { $to } cancelled
consultation-event-introduction-proposed-summary = Introduction to { $target } proposed
consultation-event-introduction-consent-requested-summary = The requester was asked to consent to an introduction to { $target }
consultation-event-introduction-consented-summary = The requester consented to the introduction to { $target }
consultation-event-introduction-withdrawn-summary = Introduction to { $target } withdrawn
consultation-event-introduction-sent-summary = Introduced to { $target }
consultation-event-introduction-accepted-summary = { $target } accepted the introduction
consultation-event-introduction-declined-summary = { $target } declined the introduction
consultation-event-introduction-meeting-held-summary = Met { $target }
consultation-event-introduction-matched-summary = Match established with { $target }
consultation-event-introduction-not-matched-summary = No match with { $target }
consultation-event-introduction-expired-summary = The introduction to { $target } expired without an answer
