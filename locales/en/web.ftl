## Bansō web interface (web/). Every key starts with "web-".
## Labels of enum values (role-*, locale-*, organisation-kind-*, taxonomy-kind-*)
## are defined once in enums.ftl and used from there.

## Frame

web-app-name = Bansō
web-app-tagline = Support desks for healthcare startups
# Document title: $page is the page heading, $app the service name.
web-document-title = { $page } | { $app }
web-skip-to-content = Skip to main content
web-language-switcher-label = Display language
web-nav-label = Main menu
web-nav-home = Home
web-nav-login = Log in
web-nav-signup = Sign up
web-nav-account = Account
web-nav-logout = Log out
web-nav-admin-users = Users
web-nav-admin-desks = Desks
web-nav-admin-taxonomy = Taxonomy
web-footer-desks = InnoHub · MEDISO · CARISO: public support desks for healthcare innovation in Japan
web-loading = Loading…
web-dialog-close = Close
# Joins items of a short list, e.g. desk names.
web-list-separator = {", "}
web-table-actions = Actions
web-select-placeholder = Please choose
# Badge next to the label of a required field.
web-field-required = Required
web-action-save = Save
web-action-cancel = Cancel
web-action-edit = Edit

## Errors

web-error-network = The server could not be reached. Please check your connection and try again.
web-error-check-fields = Please check the fields marked below.
# $id is the request ID that support staff can look up in the logs.
web-error-request-id = Reference number: { $id }
web-error-page-title = Something went wrong
web-forbidden-title = You cannot open this page
web-forbidden-body = Your account does not have permission to view this page. If you need access, please contact an administrator.
web-not-found-title = Page not found
web-not-found-body = The page you are looking for does not exist or has moved.
web-not-found-home = Go to the home page

## Checks made before a form is sent

web-validation-required = Please fill in this field.
web-validation-password-mismatch = The two passwords do not match.
web-validation-desk-required = Choose at least one desk for advisors and staff.
web-validation-positive-integer = Enter a whole number of 1 or more.
web-validation-position = Enter a whole number of 0 or more.

## Form fields

web-field-email = Email address
web-field-password = Password
web-password-hint = Choose a long password that you do not use for any other service.
web-field-new-password = New password
web-field-confirm-password = New password (again)
web-field-current-password = Current password
web-field-display-name = Display name
web-field-display-name-hint = Shown to the advisors and staff of the desks you consult.
web-field-locale = Language
web-field-locale-hint = Emails and messages to you are written in this language.
web-field-organisation = Organisation
web-field-organisation-name = Organisation name
web-field-organisation-name-hint = Your company, university or group. If you have not founded a company yet, enter your own name.
web-field-organisation-kind = Type of organisation
web-field-country = Country or region
web-field-role = Role
web-field-desks = Desks
web-field-name-en = Name (English)
web-field-name-ja = Name (Japanese)
web-field-description-en = Description (English)
web-field-description-ja = Description (Japanese)
web-field-first-response-days = First response due (business days)
web-field-first-response-days-hint = Counted in Japanese business days; weekends and national holidays are excluded.
web-field-contact-email = Contact email address
web-field-desk-active = This desk accepts consultations
web-field-desk-active-hint = Desks that do not accept consultations are not offered to requesters.
web-field-code = Code
web-field-code-hint = Lower-case letters, digits and underscores, starting with a letter (for example, medical_dx). It cannot be changed later.
web-field-label-en = Label (English)
web-field-label-ja = Label (Japanese)
web-field-position = Display order
web-field-position-hint = Smaller numbers are listed first. Leave empty to add the term at the end.
web-field-synonyms = Synonyms
web-field-synonyms-hint = Words searchers may use for this term, in English or Japanese, separated by commas or line breaks. Directory search treats them as meaning the same.
web-field-term-active = In use
web-field-term-active-hint = Terms no longer in use stay on existing records but cannot be chosen for new ones.

## Statuses

web-status-active = Active
web-status-inactive = Inactive
web-status-inactive-suffix = (inactive)
web-status-deactivated = Deactivated
web-status-invitation-pending = Invitation pending
web-status-email-unverified = Email not confirmed

## Notices after an action

web-notice-logged-out = You have logged out.
web-notice-logged-out-everywhere =
    { $count ->
        [one] You have been logged out of 1 session. Please log in again.
       *[other] You have been logged out of { $count } sessions. Please log in again.
    }
web-notice-password-set = Your password has been set. Please log in.
web-notice-verification-resent = If this address is waiting for confirmation, a new confirmation email has been sent.
web-notice-saved = Your changes have been saved.
web-notice-password-changed = Your password has been changed. You have been logged out on your other devices.
web-notice-session-revoked = The session has been ended.

## Home

web-home-welcome-title = Welcome to Bansō
web-home-welcome-lead = Bansō is where healthcare startups consult the public support desks InnoHub, MEDISO and CARISO, and where advisors accompany them from the first question to introductions and partnerships.
web-home-signup-cta = Create an account
web-home-login-cta = Log in
web-home-desks-public-heading = Our support desks
web-home-greeting = Welcome, { $name }
web-home-profile-heading = Your account
web-home-role = Role
web-home-organisation = Organisation
# $kind is the organisation type, $country the country or region.
web-home-organisation-detail = ({ $kind }, { $country })
web-home-desks-heading = Your desks
web-home-no-desks = You are not assigned to a desk yet.
web-home-admin-heading = Administration
web-home-account-link = Account settings

## Log in

web-login-title = Log in
web-login-submit = Log in
web-login-forgot-link = Forgotten your password?
web-login-signup-link = No account yet? Create one
web-login-resend-verification = Send the confirmation email again

## Sign up

web-signup-title = Create an account
web-signup-lead = Create an account to consult the support desks. We will send you an email to confirm your address.
web-signup-account-legend = About you
web-signup-organisation-legend = Your organisation
web-signup-submit = Create account
web-signup-login-link = Already have an account? Log in
web-signup-done-title = Please confirm your email address
web-signup-done-body = We have sent an email to { $email }. Open the link in it to confirm your address and complete your registration.
web-signup-done-hint = If the email has not arrived within a few minutes, please check your spam folder or send it again.
web-signup-resend = Send the email again
web-signup-go-to-login = Go to log in

## Email confirmation (/verify-email)

web-verify-title = Confirming your email address
web-verify-done-title = Your email address is confirmed
web-verify-done-body = { $email } has been confirmed. You can now log in.
web-verify-login = Log in
web-verify-failed-title = Your email address could not be confirmed
web-verify-missing-token = This link is incomplete. Please open the link in the email again, or request a new email below.
web-verify-resend-heading = Send a new confirmation email
web-verify-resend-lead = Enter the email address you registered with.
web-verify-resend-submit = Send

## Setting a password (/set-password, from an invitation or a reset email)

web-set-password-title = Set your password
web-set-password-lead = Choose the password you will use to log in.
web-set-password-submit = Set password
web-set-password-missing-token = This link is incomplete. Please open the link in the email again.
web-set-password-request-new = Request a new link

## Forgotten password

web-forgot-title = Reset your password
web-forgot-lead = Enter the email address of your account and we will send you a link to set a new password.
web-forgot-submit = Send the link
web-forgot-done-title = Please check your email
web-forgot-done-body = If an account exists for { $email }, we have sent it an email with a link to reset the password.
web-forgot-back-to-login = Back to log in

## Account

web-account-title = Account settings
web-account-profile-heading = Profile
web-account-password-heading = Change password
web-account-password-submit = Change password
web-account-sessions-heading = Where you are logged in
web-account-sessions-lead = These are the browsers and devices where you are logged in. End any session you do not recognise.
web-session-device = Device
web-session-signed-in = Logged in at
web-session-last-seen = Last active
web-session-expires = Expires
web-session-current = This device
web-session-unknown-device = Unknown device
web-session-revoke = End session
web-account-logout-everywhere = Log out on all devices
web-account-logout-everywhere-confirm = You will be logged out everywhere, including on this device.
web-account-logout-everywhere-submit = Log out everywhere

## Administration: users

web-admin-users-title = Users
web-users-invite = Invite a user
web-users-invite-title = Invite a user
web-users-invite-submit = Send invitation
web-users-invited = An invitation has been sent to { $email }.
web-users-invitation-resent = The invitation has been sent to { $email } again.
web-users-role-hint = Advisors and staff belong to desks; requesters and members of supporter organisations or VCs belong to an organisation.
web-users-locale-hint = The invitation email is written in this language.
web-users-org-existing = Existing organisation
web-users-org-new = New organisation
web-users-org-search = Search organisations
web-users-org-none-found = No matching organisation
web-users-filter-heading = Search
web-users-filter-query = Name or email address
web-users-filter-desk = Desk
web-users-filter-all-roles = All roles
web-users-filter-all-desks = All desks
web-users-filter-include-deactivated = Include deactivated users
web-users-filter-apply = Search
web-users-list-heading = Results
web-users-count =
    { $count ->
        [one] 1 user
       *[other] { $count } users
    } · page { $page }
web-users-empty = No users match these conditions.
web-users-col-name = Name
web-users-col-affiliation = Organisation or desks
web-users-col-status = Status
web-users-col-created = Registered
web-users-edit-named = Edit { $name }
web-users-edit-title = Edit { $name }
web-users-deactivate = Deactivate
web-users-deactivate-named = Deactivate { $name }
web-users-deactivate-title = Deactivate { $name }?
web-users-deactivate-confirm = { $name } will be logged out and can no longer log in. Their records are kept, and the account can be reactivated later.
web-users-deactivated = { $name } has been deactivated.
web-users-reactivate = Reactivate
web-users-reactivate-named = Reactivate { $name }
web-users-reactivate-title = Reactivate { $name }?
web-users-reactivate-confirm = { $name } will be able to log in again.
web-users-reactivated = { $name } has been reactivated.
web-users-resend-invitation = Resend invitation
web-users-resend-invitation-named = Resend invitation to { $name }
web-pagination-label = Pages
web-pagination-previous = Previous page
web-pagination-next = Next page

## Administration: desks, and the desk page

web-admin-desks-title = Desks
web-admin-desks-lead = Names, descriptions and contact details of each desk, in English and Japanese.
web-admin-desks-open = Open the desk page
web-admin-desks-save = Save { $desk }
web-desk-code = Code
web-desk-reference-prefix = Reference number prefix
web-desk-title-loading = Desk
web-desk-details-heading = About this desk
web-desk-first-response =
    { $days ->
        [one] Within 1 business day
       *[other] Within { $days } business days
    }
web-desk-members-heading = Members
web-desk-members-advisors = Advisors
web-desk-members-staff = Staff
web-desk-members-empty = No advisors or staff belong to this desk yet.
web-desk-members-unavailable = You do not have permission to see the members of this desk.
web-desk-not-found-title = Desk not found
web-desk-not-found-body = There is no such desk.

## Administration: taxonomy

web-admin-taxonomy-title = Taxonomy
web-admin-taxonomy-lead = Domains, development stages and topics classify consultations and match them with advisors. With languages, regions and services, they also tag the entries of the directory.
web-admin-taxonomy-tabs-label = Kind of term
web-taxonomy-empty = No terms yet.
web-taxonomy-add-heading = Add a term to “{ $kind }”
web-taxonomy-add-submit = Add
web-taxonomy-added = “{ $label }” has been added.
web-taxonomy-edit-named = Edit { $label }
web-taxonomy-edit-title = Edit term { $code }
web-taxonomy-routing-desk = Desk receiving new consultations
web-taxonomy-routing-desk-hint = New consultations in this domain go to this desk. Consultations already filed stay where they are.
web-taxonomy-not-routed = Not routed

## Consultations: navigation and home

web-nav-my-consultations = My consultations
web-nav-new-consultation = New consultation
web-nav-queue = Queue
web-home-consultations-heading = Your consultations
web-home-consultations-lead = Consult the support desks about regulation, reimbursement, funding, partners or expansion abroad. You read the desks' answers and reply to them here.
web-home-queue-heading = Consultation queue
web-home-queue-lead = Consultations received by the desks: triage them, take them on and answer the requesters.
web-home-queue-link = Open the queue

## Consultations: what they are made of

web-consultation-reference = Reference number
web-consultation-title = Title
web-consultation-description = Details
web-consultation-kind = Type
web-consultation-status = Status
web-consultation-desk = Desk
web-consultation-priority = Priority
web-consultation-assignee = Assignee
web-consultation-unassigned = Unassigned
web-consultation-confidentiality = Who may read it
web-consultation-domain = Domain
web-consultation-stage = Development stage
web-consultation-topics = Topics
web-consultation-answer-language = Language for answers
web-consultation-shared-fields = May be shown to introduced partners
web-consultation-competitors = Competitors
web-consultation-organisation = Organisation
web-consultation-requester = Requester
web-consultation-filed = Filed
web-consultation-received = Received
web-consultation-first-response = First response
web-consultation-overseas = Based outside Japan
web-consultation-overseas-question = Based outside Japan
web-consultation-yes = Yes
web-consultation-no = No
web-consultation-none = None
web-consultation-your-advisor = Your contact at the desk
web-status-all = All
# $date is a day, e.g. the day a first response is due.
web-sla-due = Due { $date }
web-sla-days-left =
    { $count ->
        [one] 1 business day left
       *[other] { $count } business days left
    }
web-sla-days-overdue =
    { $count ->
        [one] 1 business day overdue
       *[other] { $count } business days overdue
    }
web-sla-answered = Answered { $date }
# Under a list: $shown rows of $count are on the page.
web-list-showing = Showing { $shown } of { $count }
web-list-load-more = Load more

## Consultations: the requester's list (/consultations)

web-my-consultations-title = My consultations
web-my-consultations-lead = The consultations your organisation has filed with the support desks, newest first.
web-my-consultations-new = File a new consultation
web-my-consultations-empty-heading = No consultations yet
web-my-consultations-empty-body = When you file a consultation, it appears here with its reference number, and you can follow the desk's answers.
web-my-consultations-none-in-status = No consultations have this status.

## Consultations: filing one (/consultations/new)

web-intake-title = New consultation
web-intake-lead = Tell the desks what you need. The desk for your consultation's domain receives it and contacts you within its first-response period.
web-intake-kind = Type of request
web-intake-kind-consultation-hint = Help with your own business, research or product.
web-intake-kind-policy-request-hint = A request to change a rule or system, such as reimbursement or staffing standards (要望).
web-intake-title-hint = One line that sums up your consultation.
web-intake-description-hint = Your product or research, where you stand now, and what you would like help with. Please do not include patients' personal information.
web-intake-domain-hint = The desk for this domain receives your consultation.
web-intake-domain-routed = Your consultation will be received by { $desk }.
web-intake-stage-hint = Where your product or research stands now.
web-intake-topics-hint = Choose the topics your questions are about (up to 10).
web-intake-answer-language-hint = The desk answers you, and emails you, in this language.
web-intake-overseas = Our organisation is based outside Japan
web-intake-overseas-hint = The desks count consultations from abroad separately and can support you in English.
web-intake-shared-fields-hint = Before introducing you to an advisor, supporter organisation or VC, the desk always asks for your consent, and then shares only what you tick here.
web-intake-corporate-number = Corporate number (法人番号)
web-intake-corporate-number-hint = 13 digits, if your organisation has one. Optional.
web-intake-competitors = Competitors
web-intake-competitors-hint = Optional. Companies you compete with, separated by commas or line breaks (up to 10). The desk will not suggest VCs that have invested in these companies.
web-intake-submit = File consultation

## Consultations: one consultation (/consultations/:id)

web-consultation-loading-title = Consultation
web-consultation-not-found-title = Consultation not found
web-consultation-not-found-body = This consultation does not exist, or you do not have access to it.
web-consultation-filed-notice = Your consultation has been received. Its reference number is { $reference }. We have sent you an email to confirm it.
web-consultation-summary-heading = Summary
web-consultation-details-heading = The consultation
web-consultation-your-details-heading = What you told us
web-consultation-reload = Reload the consultation
web-consultation-status-changed = The status has been changed.
web-consultation-no-actions = No status change is open to you now.
web-consultation-waiting-notice = Your message has been sent. The consultation now waits for the requester's reply.
web-consultation-closed-notice = The consultation has been closed and the requester informed.
web-consultation-wait-lead = Ask the requester what you need to know. They receive your message by email, and the consultation waits for their reply.
web-consultation-wait-submit = Send and wait for the reply
web-consultation-close-title = Close { $reference }
web-consultation-resolution = Outcome
web-consultation-close-message = Message to the requester (optional)
web-consultation-close-message-hint = Sent by email with the notice that the consultation is closed.
web-consultation-close-submit = Close the consultation
web-thread-heading = Messages
web-thread-empty = No messages yet.
web-thread-you = You
web-timeline-heading = History
web-timeline-requester-lead = What has happened to your consultation so far.
# Badge on what only desk people see.
web-timeline-internal = Internal
# The actor of changes Bansō made by itself.
web-timeline-system = Bansō
web-timeline-by = By { $name }
# One changed value: $field is its name, $before and $after its values.
web-timeline-change = { $field }: { $before } → { $after }
web-composer-message-heading = Write to the requester
web-composer-message-badge = Seen by the requester
web-composer-message-label = Message to the requester
web-composer-message-hint = The requester receives this by email and reads it on their consultation page.
web-composer-message-submit = Send to the requester
web-composer-message-done = Your message has been sent to the requester.
web-composer-note-heading = Internal note
web-composer-note-label = Note for the desk
web-composer-note-hint = Only advisors and staff of the desk can read notes. The requester never sees them.
web-composer-note-submit = Add internal note
web-composer-note-done = Your internal note has been added.
web-composer-reply-heading = Reply to the desk
web-composer-reply-label = Your reply
web-composer-reply-hint = The desk's advisor is told by email.
web-composer-reply-submit = Send reply
web-composer-reply-done = Your reply has been sent to the desk.
web-withdraw-heading = Withdraw this consultation
web-withdraw-lead = If you no longer need the desk's help, you can withdraw your consultation. It is then closed.
web-withdraw-open = Withdraw the consultation…
web-withdraw-title = Withdraw { $reference }?
web-withdraw-confirm = The desk will stop working on your consultation. You can file a new one at any time.
web-withdraw-reason = Reason (optional)
web-withdraw-reason-hint = It helps the desks improve their support.
web-withdraw-submit = Withdraw
web-withdraw-done = Your consultation has been withdrawn.

## Consultations: desk work on one consultation

web-assignment-take = Take this case
web-assignment-give-back = Give it back
web-assignment-taken = You are now the assignee of { $reference }.
web-assignment-given-back = You have given back { $reference }.
web-assignment-assign-to = Assign to
web-assignment-assign = Assign
web-assignment-saved = The assignee has been changed.
# A desk member: $name, with $role (advisor or desk staff).
web-assignment-member = { $name } ({ $role })
web-triage-heading = Triage
web-triage-save = Save triage
web-triage-saved = The triage has been saved.
web-referrals-heading = Referrals to other desks
web-referrals-pending = Awaiting the decision of { $desk }
web-referrals-request-heading = Ask another desk to take over
web-referrals-to-desk = Desk
web-referrals-reason = Reason
web-referrals-reason-hint = Why the other desk can help better. Its staff read this before deciding; the requester does not see it.
web-referrals-request-submit = Request referral
web-referrals-requested = The referral to { $desk } has been requested.
web-referrals-history = Referral history
web-referrals-col-desks = From → to
web-referrals-col-reason = Reason
web-referrals-from-to = { $from } → { $to }
web-referrals-requested-by = Requested by { $name }, { $date }
web-referrals-decided-by = Decided by { $name }, { $date }
web-referrals-none = No referrals yet.
web-referral-accept = Accept
web-referral-accept-named = Accept { $reference } from { $desk }
web-referral-accept-title = Take over { $reference }?
web-referral-accept-confirm = { $reference } moves from { $desk } into your desk's queue as a newly received case. Its whole history comes with it.
web-referral-accepted = You have taken over { $reference } from { $desk }.
web-referral-decline = Decline
web-referral-decline-named = Decline { $reference } from { $desk }
web-referral-decline-title = Decline { $reference }
web-referral-decline-reason = Why your desk cannot take it over
web-referral-decline-reason-hint = The desk that asked is told. The consultation stays with it.
web-referral-declined = You have declined { $reference }. It stays with { $desk }.
web-referral-reason-from = Reason given by { $desk }
web-reroute-heading = Correct the desk
web-reroute-lead = For a case routed to the wrong desk that nobody has triaged yet. It moves to the other desk's queue and is not counted as a referral.
web-reroute-desk = Correct desk
web-reroute-reason = Reason
web-reroute-submit = Move to this desk
web-reroute-done = { $reference } has been moved to { $desk }.

## Suggestions: directory entries that could help with a consultation (desk people only)

web-suggestions-heading = Suggestions
web-suggestions-lead = Directory entries that match this consultation, best first. Inactive entries, dismissed candidates, conflicts of interest and VCs invested in the requester's competitors are left out. The requester does not see this list.
web-suggestions-kinds = Kind of candidate
web-suggestions-empty = There are no suggestions of this kind for this consultation.
web-suggestions-score = Match { $score }
web-suggestions-reasons = Why this candidate
web-suggestions-breakdown = How the score is made
web-suggestions-breakdown-caption = How the score of { $name } ({ $score }) is made
web-suggestions-feature = Criterion
web-suggestions-weight = Weight
web-suggestions-value = Met
web-suggestions-points = Points (of 100)
web-suggestions-total = Total
web-suggestions-dismiss = Dismiss
web-suggestions-dismiss-named = Dismiss { $name }
web-suggestions-dismiss-title = Dismiss { $name }?
web-suggestions-dismiss-lead = { $name } will no longer be suggested for this consultation.
web-suggestions-dismiss-reason = Reason
web-suggestions-dismiss-reason-hint = Why this candidate does not fit this consultation. The requester does not see it.
web-suggestions-dismiss-submit = Dismiss
web-suggestions-dismissed = { $name } will no longer be suggested for this consultation.

## Consultations: the desk queue (/queue)

web-queue-title = Consultation queue
web-queue-lead = Consultations received by your desks. The address keeps the filters and the sort order, so you can bookmark or share a view.
web-queue-desk-picker = Desk
web-queue-my-desks = All my desks
web-queue-all-desks = All desks
web-queue-filter-heading = Filters
web-queue-search = Search
web-queue-search-hint = Part of the reference number, title or description.
web-queue-any = Any
web-queue-topic = Topic
web-queue-assignee-me = Me ({ $name })
web-queue-assignee-unknown = The person named in the link
web-queue-based = Based
web-queue-based-overseas = Outside Japan
web-queue-based-japan = In Japan
web-queue-sort = Sort by
web-queue-sort-received-newest = Newest received first
web-queue-sort-received-oldest = Oldest received first
web-queue-sort-filed-newest = Newest filed first
web-queue-sort-due-soonest = First response due soonest
web-queue-sort-priority-highest = Highest priority first
web-queue-sort-updated-newest = Recently updated first
web-queue-overdue-only = Only overdue cases
web-queue-apply = Apply
web-queue-clear = Clear filters
web-queue-results-heading = Consultations
web-queue-overdue-count =
    { $count ->
        [one] 1 case overdue
       *[other] { $count } cases overdue
    }
web-queue-overdue-none = No case is overdue.
web-queue-empty = There are no consultations in this queue.
web-queue-empty-filtered = No consultations match these filters.
web-queue-confidential = Confidential
web-queue-referrals-heading = Referrals awaiting your decision
web-queue-referrals-none = No referrals await your decision.
web-queue-plan-assignments = Plan assignments

## Consultations: planning a desk's assignments (/desks/:id/assign, desk staff and admins)

web-assign-plan-title = Plan assignments
web-assign-plan-title-desk = Plan assignments: { $desk }
web-assign-plan-lead = A proposal for assigning this desk's open, unassigned consultations to its advisors, weighing how well each advisor fits each case against the cases they can still take. Nothing changes until you assign the selected cases.
web-assign-plan-back = Back to the queue
web-assign-plan-empty = There are no open, unassigned consultations at this desk.
web-assign-plan-figures-heading = Quality of the plan
web-assign-plan-fit-share = Fit share
web-assign-plan-fit-share-hint = The plan's total fit compared with every case getting its best advisor regardless of capacity. 100% means no case loses out because an advisor is full.
web-assign-plan-load-spread = Load spread
web-assign-plan-load-spread-hint = The difference between the busiest and the least busy advisor's share of their capacity after the plan. The lower, the more evenly the work is shared.
web-assign-plan-violations = Constraint violations
web-assign-plan-violations-hint = Assignments to an advisor who may not take the case or has no free capacity. The plan never makes any.
web-assign-plan-proposed-heading = Proposed assignments
web-assign-plan-proposed-caption = Proposed assignments; uncheck a case to leave it out.
web-assign-plan-proposed-none = The plan proposes no assignment. The cases below cannot be assigned now.
web-assign-plan-col-include = Assign
web-assign-plan-col-advisor = Proposed advisor
web-assign-plan-col-fit = Fit
web-assign-plan-include = Assign { $reference } to { $name }
web-assign-plan-selected-count = { $shown } of { $count } selected
web-assign-plan-apply = Assign the selected cases
web-assign-plan-again = Plan again
web-assign-plan-none-selected = Select at least one case to assign.
web-assign-plan-replan-hint = Cases or advisors have changed since this plan was made. Plan again, check the new proposal and assign once more.
web-assign-plan-applied =
    { $count ->
        [one] 1 case has been assigned.
       *[other] { $count } cases have been assigned.
    }
web-assign-plan-unassigned-heading = Left unassigned
web-assign-plan-unassigned-none = The plan assigns every open, unassigned case.
web-assign-plan-unassigned-reason = ({ $label })

## The directory: advisors, supporter organisations, VCs and support programmes (/directory)

web-nav-directory = Directory
web-nav-my-directory-profile = Edit my profile
web-nav-our-directory-entry = Our directory entry
web-directory-title = Directory
web-directory-lead = Find advisors, supporter organisations, VCs and support programmes. Search in English or Japanese; the address keeps your search, so you can bookmark or share it.
web-directory-add = Add an entry
web-directory-kind-choice-lead = Choose what the new entry describes.
web-directory-own-advisor-heading = Your directory profile
web-directory-own-advisor-lead = You do not have a profile in the directory yet. With one, desk staff can find you when they match consultations with advisors.
web-directory-own-organisation-heading = Your organisation's directory entry
web-directory-own-organisation-lead = Your organisation is not in the directory yet. With an entry, startups and the desks can find what you offer.
web-directory-own-create = Create it now
web-directory-search = Keywords
web-directory-search-hint = Names, descriptions and tags, in English or Japanese, such as “regulatory affairs” or “薬事”.
web-directory-search-submit = Search
web-directory-clear = Clear search and filters
web-directory-kinds = Kind of entry
web-directory-all-kinds = All kinds
web-directory-filters-heading = Filters
web-directory-conditions = Conditions
web-directory-overseas-only = Based outside Japan only
web-directory-certified-only = Certified VCs (認定VC) only
web-directory-open-only = Programmes open for applications only
web-directory-domains = Domains
web-directory-stages = Development stages
web-directory-topics = Topics
web-directory-languages = Languages
web-directory-regions = Regions
web-directory-services = Services offered
web-directory-supporter-types = Types of supporter organisation
web-directory-staff-options = Staff options
web-directory-show-inactive = Show inactive entries
web-directory-explain = Explain the ranking
web-directory-results-heading = Results
web-directory-total =
    { $count ->
        [one] 1 result
       *[other] { $count } results
    }
web-directory-sort = Sort by
web-directory-sort-relevance = Best match first
web-directory-sort-name = Name
web-directory-sort-recently-updated = Recently updated first
web-directory-sort-closing-soon = Application deadline soonest
web-directory-empty = The directory has no entries yet.
web-directory-empty-filtered = Nothing matches this search. Try other words or fewer filters.
web-directory-page-empty = This page has no results.
web-directory-first-page = Go to the first page
web-directory-page-of = Page { $page } of { $count }
web-directory-page-link = Page { $page }
# Marks where an extract of a longer text starts or stops.
web-directory-snippet-ellipsis = …
web-directory-certified = Certified VC (認定VC)
web-directory-overseas = Based outside Japan
# Badge of an entry left out of searches.
web-directory-hidden = Hidden
web-directory-open-now = Accepting applications
web-directory-closed-now = Not accepting applications now
# A programme's implementing body ($name) and when it takes applications ($date).
web-directory-programme-line = { $name } · { $date }
web-directory-window-range = { $from } – { $to }
web-directory-window-until = Until { $date }
web-directory-window-from = From { $date }
web-directory-window-always = Open all year
# $score is how well the entry matched, as the search engine counts it.
web-directory-score = Score { $score }
web-directory-score-none = No score: there are no search words
web-directory-explanation-none = The search engine gave no explanation.
web-directory-new-tab = (opens in a new tab)

## The directory: one entry (/directory/:id)

web-directory-entry-loading-title = Directory entry
web-directory-entry-not-found-title = Entry not found
web-directory-entry-not-found-body = This entry does not exist, or it is not shown in the directory at the moment.
web-directory-entry-inactive = This entry is hidden from searches. Only desk staff and its owner can open it.
web-directory-entry-summary = About
web-directory-entry-details = Details
web-directory-entry-tags = Fields and coverage
web-directory-entry-contact = Contact
web-directory-affiliation = Affiliation
web-directory-capacity = Capacity (open cases at once)
web-directory-capacity-value =
    { $count ->
        [one] 1 case
       *[other] { $count } cases
    }
web-directory-conflicts = Conflicts of interest
web-directory-supporter-type = Type of organisation
web-directory-certification = Certification
web-directory-not-certified = Not certified
web-directory-based = Based
web-directory-based-japan = In Japan
web-directory-based-overseas = Outside Japan
web-directory-ticket = Investment per company
web-directory-portfolio = Portfolio
web-directory-body = Implementing body
# $kind is the kind of body (national government, local government, private), $name its name.
web-directory-body-value = { $name } ({ $kind })
web-directory-eligibility = Who can apply
web-directory-window = Application period
web-directory-programme-link = Programme page
web-directory-contact-email = Contact email
web-directory-website = Website
web-directory-updated = Last updated { $date }
web-directory-back = Back to the directory

## The directory: adding and editing an entry (/directory/new, /directory/:id/edit)

web-directory-new-title = New directory entry: { $kind }
web-directory-edit-title = Edit { $name }
web-directory-view-profile = View the entry
web-directory-form-lead = Write each text in both English and Japanese: readers see the one in their language.
web-directory-own-exists-title = You already have an entry
web-directory-own-exists-body = Your directory entry exists already. You can edit it at any time.
web-directory-own-exists-edit = Edit your entry
web-directory-form-texts = Name and description
web-directory-form-summary-en = Description (English)
web-directory-form-summary-ja = Description (Japanese)
web-directory-form-summary-hint-advisor = Your background and what you can help startups with.
web-directory-form-summary-hint-organisation = What your organisation does and how it supports startups.
web-directory-form-summary-hint-programme = What the programme offers, how much and for how long.
web-directory-form-advisor = Advisor
web-directory-account = Advisor account
web-directory-form-account-hint = The profile belongs to this account. Each advisor has one profile.
web-directory-form-affiliation-en = Affiliation (English)
web-directory-form-affiliation-ja = Affiliation (Japanese)
web-directory-form-capacity-hint = How many consultations the advisor can take on at once, from 1 to 50. Only desk staff and the advisor see it.
web-directory-form-conflicts-hint = Organisations the advisor has a conflict of interest with: they are not matched with those organisations' consultations. Only desk staff and the advisor see them.
web-directory-form-organisations-readonly = Desk staff keep this list. Please ask them if it needs to change.
web-directory-form-supporter = Supporter organisation
web-directory-form-vc = Venture capital
web-directory-form-certified = AMED-certified VC (認定VC)
web-directory-form-certified-hint = Only desk staff can change the certification.
web-directory-form-ticket-min = Smallest investment (yen)
web-directory-form-ticket-max = Largest investment (yen)
web-directory-form-yen-hint = A whole number of yen, such as 100,000,000. Optional.
web-directory-validation-yen = Enter an amount in yen as a whole number, such as 100,000,000.
web-directory-form-new-organisation = Registered under the Japanese name when you save.
web-directory-form-programme = Support programme
web-directory-form-body = Kind of implementing body
web-directory-form-body-name-en = Implementing body (English)
web-directory-form-body-name-ja = Implementing body (Japanese)
web-directory-form-eligibility-en = Who can apply (English)
web-directory-form-eligibility-ja = Who can apply (Japanese)
web-directory-form-opens-on = Applications open
web-directory-form-opens-on-hint = A date in Japan. Leave empty if applications are always accepted.
web-directory-form-closes-on = Applications close
web-directory-form-closes-on-hint = The last day, in Japan. Leave empty if there is no deadline.
web-directory-form-overseas = Based outside Japan
web-directory-form-website-hint = A full address starting with https://.
web-directory-form-find-organisation = Find an organisation by name
web-directory-form-found = Organisations found
web-directory-form-none-found = No organisation has this name.
web-directory-form-add = Add
web-directory-form-add-named = Add { $name }
web-directory-form-remove = Remove
web-directory-form-remove-named = Remove { $name }
web-directory-create = Add to the directory
web-directory-created = The entry has been added to the directory.
web-directory-saved = Your changes have been saved.
web-directory-reload = Reload the entry
web-directory-visibility = Visibility
web-directory-visibility-shown = Shown in the directory and its searches.
web-directory-visibility-hidden = Hidden: it is left out of searches, and only desk staff and its owner can open it.
web-directory-activate = Show in the directory
web-directory-deactivate = Hide from the directory
web-directory-deactivate-title = Hide { $name }?
web-directory-deactivate-confirm = The entry will no longer appear in searches or matches. Nothing is deleted, and you can show it again at any time.
web-directory-activated = The entry is shown in the directory again.
web-directory-deactivated = The entry is now hidden from the directory.

## Introductions (紹介) of a consultation to advisors, supporter organisations and VCs.
## Labels of statuses, channels, steps, outcome types, adopters and rounds come from
## introductions.ftl (introduction-status-*, introduction-channel-*, introduction-step-*,
## outcome-type-*, adopter-*, investment-round-*).

web-nav-introductions = Introductions
web-home-introductions-heading = Introductions
web-home-introductions-lead = Startups that the support desks introduce to you or your organisation, with the startups' consent. Read what they chose to share and give your answer.
web-home-introductions-link = Open your introductions

## Introductions: on a consultation

web-introductions-heading = Introductions
web-introductions-desk-lead = Introductions of this consultation to advisors, supporter organisations and VCs, oldest first. The requester is always asked to consent first and chooses what is shared; nothing reaches the target before then.
web-introductions-requester-lead = The desk may propose to introduce you to an advisor, a supporter organisation or a VC. Nothing about you is passed on until you consent, and then only the items you choose.
web-introductions-empty = The desk has not proposed any introduction to you yet.
web-introductions-empty-desk = No introductions yet. You can propose one from the suggestions.
web-introduction-propose = Propose an introduction
web-introduction-propose-named = Propose an introduction to { $name }
web-introduction-propose-title = Propose an introduction to { $name }
web-introduction-propose-lead = The requester will be asked to consent before anything is sent to { $name }, and makes the final choice of the items shared.
web-introduction-channel = Channel
web-introduction-channel-individual-hint = The desk introduces the startup to them directly, by email.
web-introduction-channel-newsletter-hint = The startup is featured for them in the desk's newsletter.
web-introduction-propose-message = Message to the requester
web-introduction-propose-message-hint = Optional. Why you propose this introduction; sent to the requester with the request for consent.
web-introduction-propose-fields = Items to propose sharing
web-introduction-propose-fields-hint = Ticked to begin with: the items the requester allowed when filing. The requester makes the final choice.
web-introduction-propose-submit = Propose the introduction
web-introduction-proposed = The introduction to { $name } has been proposed. Ask the requester for consent in the Introductions section.
web-introduction-fields-required = Choose at least one item to share.
web-introduction-target = Introduced to
web-introduction-status = Status
web-introduction-consultation = Consultation
web-introduction-proposed-at = Proposed
web-introduction-consent-requested-at = Consent requested
web-introduction-consented-at = Consented
web-introduction-sent-at = Sent
web-introduction-answered-at = Answered
web-introduction-answer-due-at = Answer due by
web-introduction-meeting-held-on = Meeting date
web-introduction-closed-at = Closed
web-introduction-shared-fields = Items the requester consented to share
web-introduction-proposed-fields = Items proposed for sharing
web-introduction-message = Message from the desk
web-introduction-outcome = Outcome
# $label is who adopted the product (a hospital, an insurer or a care operator).
web-introduction-outcome-adopter = (adopted by: { $label })
web-introduction-investment-value = { $label }, { $kind }, { $date }
web-introduction-outcome-note = Note on the outcome
web-introduction-answer-note = Comment or reason
web-introduction-details-named = Details of the introduction to { $name }
web-introduction-reload = Reload the introduction
web-introduction-open-consent = Review and answer
web-introduction-consent-requested = The requester has been asked by email to consent to the introduction to { $name }.
web-introduction-send-title = Send the introduction to { $name }?
web-introduction-send-confirm = { $name } will receive an email with a link to read the items below and to answer. Nothing else about the consultation is shared.
web-introduction-sent = The introduction has been sent to { $name }.
web-introduction-withdraw-title = Withdraw the introduction to { $name }
web-introduction-withdraw-lead = The introduction ends and is not sent. If the requester was already asked to consent, they will see that it was withdrawn, and why.
web-introduction-withdraw-reason = Reason
web-introduction-withdraw-reason-hint = Recorded on the consultation's timeline.
web-introduction-withdrawn = The introduction to { $name } has been withdrawn.
web-introduction-meeting-title = Record the meeting with { $name }
web-introduction-meeting-hint = The day the requester and { $name } met (Japan time); it cannot be in the future.
web-introduction-meeting-recorded = The meeting with { $name } has been recorded.
web-introduction-validation-future = The date cannot be in the future.
web-introduction-validation-before-sent = The date cannot be before the introduction was sent ({ $date }).
web-introduction-record-outcome = Record the outcome
web-introduction-outcome-title = Outcome of the introduction to { $name }
web-introduction-outcome-matched = Was a match established?
web-introduction-outcome-matched-yes = Yes: match established
web-introduction-outcome-matched-no = No: no match
web-introduction-outcome-no-meeting-hint = A match can be recorded once the meeting has been recorded.
web-introduction-outcome-type = Type of match
web-introduction-outcome-adopter-label = Adopted by
web-introduction-investment = Investment
web-introduction-investment-hint = Counted as confirmed private investment in the startup.
web-introduction-investment-amount = Amount (yen)
web-introduction-investment-amount-hint = A whole number of yen, such as 50,000,000.
web-introduction-investment-round = Round
web-introduction-investment-date = Date of the investment
web-introduction-outcome-note-hint = Optional. For an investment, what confirms it.
web-introduction-matched = A match with { $name } has been recorded.
web-introduction-not-matched = No match with { $name } has been recorded.
web-introduction-record-answer = Record their answer
web-introduction-answer-title = Record the answer of { $name }
web-introduction-answer-lead = When { $name } answered by telephone or email, record their answer on their behalf.
web-introduction-answer-choice = Their answer
web-introduction-answer-note-desk-hint = Optional. What they said with their answer.
web-introduction-accepted-for = The acceptance of { $name } has been recorded.
web-introduction-declined-for = { $name } declining has been recorded.

## Introductions: one introduction (/introductions/:id) and the link emailed to its target

web-introduction-loading-title = Introduction
web-introduction-not-found-title = Introduction not found
web-introduction-not-found-body = This introduction does not exist, or you do not have permission to see it.
web-introduction-title = Introduction to { $name }
web-introduction-back-to-consultation = Back to consultation { $reference }
web-introduction-overview-heading = The introduction
web-introduction-consented-notice = Thank you for your consent. The desk will now send the introduction to { $name }, with only the items you chose.
web-introduction-consent-title = Your consent to an introduction
web-introduction-consent-lead = The support desk proposes to introduce you to { $name }. Please read the proposal and let us know whether you agree.
web-introduction-consent-heading = Your answer
web-introduction-consent-promise = Nothing about you or your consultation reaches { $name } before you consent. If you consent, they receive only the items you tick below.
web-introduction-consent-by = Please answer by { $date }.
web-introduction-consent-fields = Items { $name } may see
web-introduction-consent-fields-hint = Ticked to begin with: the items the desk suggests. Tick at least one.
web-introduction-consent-submit = Consent and share the ticked items
web-introduction-decline-consent-title = Decline the introduction to { $name }?
web-introduction-decline-consent-confirm = The introduction will be withdrawn and { $name } will learn nothing of it. The desk will be told.
web-introduction-decline-consent-reason = Reason (optional)
web-introduction-decline-consent-reason-hint = Helps the desk propose introductions that suit you better.
web-introduction-response-title = An introduction from the support desk
web-introduction-received-title = Introduction
web-introduction-response-lead = A public support desk for healthcare startups introduces a startup to { $name }. Below are only the items the startup consented to share.
web-introduction-shared-heading = What the startup shared
web-introduction-shared-lead = As it read when the startup consented. Nothing else was shared.
web-introduction-nothing-shared = Nothing has been shared yet.
web-introduction-answer-heading = Your answer
web-introduction-answer-by = Please answer by { $date }.
web-introduction-answer-comment = Comment to the desk (optional)
web-introduction-answer-note-hint = Sent to the desk with your answer: for example who will be in touch, or why you decline.
web-introduction-response-accepted = Thank you for accepting the introduction. The desk will contact you about the next steps.
web-introduction-response-declined = You have declined the introduction. Thank you for letting us know.
web-introduction-link-invalid-title = This link cannot be used
web-introduction-link-invalid-body = The link is not valid. Please open the link in the email exactly as it was sent.
web-introduction-link-invalid-hint = If the problem continues, please contact the support desk that sent you the email.

## Introductions: those addressed to an advisor or an organisation (/introductions)

web-my-introductions-title = Introductions
web-my-introductions-lead = Startups that the support desks have introduced to you or your organisation, each with the startup's consent. Open one to read what they shared and to answer.
web-my-introductions-col-consultation = Consultation
# $date is when the desk sent the introduction; shown when the startup did not share its title.
web-my-introductions-untitled = Introduction of { $date }
web-my-introductions-not-shared = Not shared
web-my-introductions-empty = No introductions have reached you yet.
web-my-introductions-none-in-status = There are no introductions with this status.

## Healthtech Challenge: milestone-based grants (/grants)

web-nav-grants = Grants
web-grant-list-title = Healthtech Challenge grants
web-grant-list-lead = Milestone-based development support: the grant is paid in tranches, one for each milestone of the development plan achieved.
web-grant-list-new-programme = New programme
web-grant-list-empty = No programmes have been set up yet.
web-grant-list-apply = Apply
web-grant-list-open-my-application = Open our application
web-grant-list-my-applications = Our applications
web-grant-list-my-applications-lead = Applications of your organisation, drafts included, oldest first.
web-grant-list-my-applications-empty = Your organisation has not applied yet. Choose a programme that is accepting applications above.
web-grant-list-to-review = Applications to review
web-grant-list-to-review-lead = Applications the desk assigned to you for review, oldest first.
web-grant-list-to-review-empty = No applications have been assigned to you for review.
web-grant-list-received = Applications received
web-grant-list-received-lead = Submitted applications to the programmes you run, and those assigned to you for review, oldest first.
web-grant-list-received-empty = No applications have been submitted yet.

## Grants: a programme

web-grant-programme = Programme
web-grant-programme-open = Accepting applications
web-grant-programme-closed = Not accepting applications
web-grant-programme-loading-title = Programme
web-grant-programme-not-found-title = Programme not found
web-grant-programme-not-found-body = The programme does not exist, or you may not view it.
web-grant-programme-overview = About the programme
web-grant-programme-my-application = Your organisation's application:
web-grant-programme-applications = Applications
web-grant-programme-applications-empty = No applications have been submitted to this programme yet.
web-grant-programme-applications-none-in-status = There are no applications with this status.
web-grant-fiscal-year = Fiscal year
web-grant-fiscal-year-hint = The Japanese fiscal year, from April to March: 2026 is April 2026 to March 2027.
web-grant-themes = Themes funded
web-grant-themes-hint = Applicants choose one of these themes.
web-grant-theme = Theme
# $from and $to are the first and last days on which applications are accepted.
web-grant-window-value = { $from } to { $to }
web-grant-window = Application period
web-grant-window-hint = The period must end within the fiscal year; it may open up to a year before.
web-grant-opens-on = First day
web-grant-closes-on = Last day
web-grant-ceiling = Ceiling per award
web-grant-ceiling-hint = The most one award may be, in yen.
web-grant-match-ratio = VC match ratio
web-grant-match-ratio-hint = Optional, from 0.1 to 10. With a ratio of 2, the total paid to a startup never exceeds twice the private investment confirmed in it. Leave empty for no matching.
# $count is the ratio, e.g. 2.
web-grant-match-ratio-value = Payments up to { $count } times the confirmed private investment
web-grant-match-ratio-none = None
web-grant-criteria = Review criteria
web-grant-criteria-lead = Reviewers score each criterion from 1 to 5; a review's score is the mean weighted by these weights.
web-grant-criteria-hint = Reviewers score each criterion from 1 to 5. The weights are relative (1–100): a criterion of weight 30 counts three times as much as one of weight 10.
web-grant-criterion = Criterion
web-grant-criterion-number = Criterion { $count }
web-grant-criterion-weight = Weight
web-grant-criterion-weight-hint = A whole number from 1 to 100.
web-grant-criterion-add = Add a criterion
web-grant-desk = Desk
# $desk is the desk running the programme.
web-grant-run-by = Run by { $desk }
web-grant-budget = Budget
web-grant-budget-lead = The budget is what is committed to awards plus what remains. Committed covers what was disbursed, what waits for private investment and what is still to be earned.
web-grant-budget-total = Total budget
web-grant-budget-committed = Committed to awards
web-grant-budget-disbursed = Disbursed
web-grant-budget-awaiting-match = Waiting for private investment
web-grant-budget-remaining = Remaining
web-grant-ledger-intact = Ledger intact
web-grant-ledger-broken = Ledger broken
web-grant-ledger-entries =
    { $count ->
        [one] 1 entry checked
       *[other] { $count } entries checked
    }
web-grant-yen-hint = In yen, as a whole number, such as 100,000,000.
web-grant-validation-yen = Enter an amount in yen of 1 or more, as a whole number such as 100,000,000.
web-grant-validation-fiscal-year = Enter the fiscal year as a year, such as 2026.
web-grant-validation-ratio = Enter a number from 0.1 to 10, such as 2, or leave it empty.
web-grant-validation-weight = Enter a whole number from 1 to 100.
web-grant-validation-criteria = Add at least one review criterion.
web-grant-validation-milestones = Add at least one milestone.
web-grant-validation-milestone-order = Each milestone must fall due after the one before it.
# $label names the row, e.g. "Milestone 2".
web-grant-row-up = Move { $label } up
web-grant-row-down = Move { $label } down
web-grant-row-remove = Remove { $label }
web-grant-row-up-short = Up
web-grant-row-down-short = Down
web-grant-row-remove-short = Remove

## Grants: setting up a programme

web-grant-programme-new-title = New programme
web-grant-programme-edit-title = Edit { $name }
web-grant-programme-form-lead = Names and descriptions are shown to applicants in their language; fill in both.
web-grant-programme-form-outline = Outline
web-grant-programme-form-money = Money
web-grant-programme-no-desk = You do not belong to a desk, so you cannot set up a programme.
web-grant-programme-create = Create the programme
web-grant-programme-created = The programme has been created.
web-grant-programme-saved = The programme has been saved.
web-grant-programme-view = View the programme

## Grants: applying

web-grant-apply-title = Apply to { $name }
web-grant-apply-lead = Describe the project and plan it as milestones, in the order they fall due. Each milestone achieved releases its tranche. Save a draft first; you submit it from the application's page.
web-grant-apply-closed = This programme is not accepting applications now. You can prepare a draft, but it can only be submitted during the application period.
web-grant-apply-exists = Your organisation has already applied to this programme.
web-grant-application-form-project = Project
web-grant-application-title = Project title
web-grant-summary = Summary
web-grant-summary-hint = The medical need, what you will develop, and what the grant will achieve.
web-grant-milestones = Milestones
web-grant-milestones-hint = In the order they fall due, each after the one before. The tranches together may not exceed the programme's ceiling per award.
web-grant-milestone-number = Milestone { $count }
web-grant-milestone-title = Goal
web-grant-milestone-criteria = Success criteria
web-grant-milestone-criteria-hint = What will show that the goal was achieved: results, documents or approvals.
web-grant-milestone-due = Due date
web-grant-milestone-tranche = Tranche (yen)
web-grant-milestone-tranche-amount = Tranche
web-grant-milestone-add = Add a milestone
web-grant-plan-total = Total of the tranches
web-grant-plan-over-ceiling = The total is more than the ceiling per award.
web-grant-application-save = Save the draft
web-grant-application-saved = The draft has been saved. Check it, then submit it below.
web-grant-application-edit-title = Edit the application
web-grant-application-not-editable = Only a draft can be changed. This application has already been submitted or closed.
web-grant-application-view = View the application

## Grants: an application

web-grant-application-loading-title = Application
web-grant-application-not-found-title = Application not found
web-grant-application-not-found-body = The application does not exist, or you may not view it.
web-grant-application-overview = Application
web-grant-application-edit = Edit the draft
web-grant-applicant = Applicant
web-grant-status = Status
web-grant-requested = Amount requested
web-grant-submitted-at = Submitted
web-grant-decided-at = Decided
web-grant-decision-note-label = Reason for the decision
web-grant-application-draft-hint = This is a draft: the desk cannot see it until you submit it.
web-grant-application-submit = Submit the application
web-grant-application-submit-title = Submit the application?
web-grant-application-submit-confirm = Once submitted, the application can no longer be changed. It will be reviewed by the desk's reviewers.
web-grant-application-submitted = The application has been submitted. The desk will let you know the result of the review.
web-grant-application-withdraw = Withdraw the application
web-grant-application-withdraw-title = Withdraw the application?
web-grant-application-withdraw-confirm = The application will no longer be considered. This cannot be undone.
web-grant-application-withdrawn = The application has been withdrawn.
web-grant-reload = Reload the application
# $count is the milestone's number, $name its goal.
web-grant-milestone-heading = Milestone { $count }: { $name }
web-grant-milestone-decided-at = Decided
web-grant-milestone-decision-note = Note from the desk
web-grant-disbursement = Disbursement
web-grant-evidence = Evidence
web-grant-evidence-heading = Submit evidence
web-grant-evidence-again = The desk asked for more evidence; see its note above.
web-grant-evidence-hint = What was achieved against the success criteria, and which documents show it.
web-grant-evidence-links = Links to documents
web-grant-evidence-links-hint = Optional: one address per line (reports, data rooms, publications).
web-grant-evidence-submitted-at = Evidence submitted
web-grant-evidence-sent = Evidence for milestone { $count } has been submitted. The desk will review it.
web-grant-decision-heading = Decision on the evidence
web-grant-decision = Decision
web-grant-decision-note = Note to the applicant
web-grant-decision-note-hint = Required to ask for more evidence or to mark the milestone as not achieved.
web-grant-decision-note-required = Please say why, for the applicant.
web-grant-decision-submit = Record the decision
web-grant-milestone-approved = Milestone { $count } has been approved.
web-grant-milestone-rejected = More evidence has been asked for milestone { $count }.
web-grant-milestone-failed = Milestone { $count } has been marked as not achieved; the award has ended.
web-grant-award = Award
# $date is when the grant was awarded.
web-grant-awarded-at = Awarded on { $date }.
web-grant-award-ended-at = Ended on { $date }.
web-grant-award-amount = Amount awarded
web-grant-award-disbursed = Disbursed
web-grant-award-awaiting-match = Waiting for private investment
web-grant-award-returned = Returned to the budget
web-grant-award-confirmed-investment = Confirmed private investment
web-grant-award-match-cap = Most that may be disbursed under the VC match
# $count is the programme's VC match ratio, e.g. 2.
web-grant-award-match-hint = Under the VC match, the total disbursed never exceeds { $count } times the private investment confirmed in the startup.
web-grant-award-awaiting-match-notice = Approved tranches are waiting for private investment: they are paid once the desk confirms enough investment in the startup.
web-grant-investments = Private investment confirmed
web-grant-investments-lead = Newest first. Together they make the confirmed private investment above: investments that followed a VC introduction by the desk, and those the desk recorded after checking the documents.
web-grant-investments-empty = No private investment in { $name } has been confirmed yet.
web-grant-investment-amount = Amount
web-grant-investment-source = Confirmed through
web-grant-investment-from-introduction = Matched VC introduction
web-grant-investment-from-desk = Recorded by the desk

## Grants: review and decision (desk staff and reviewers)

web-grant-reviewers = Reviewers
web-grant-reviewers-lead = Advisors and staff of the desk. Those with a conflict of interest with the applicant cannot be chosen.
web-grant-reviewers-none = No one else at the desk can be asked to review this application.
web-grant-reviewer = Reviewer to ask
web-grant-reviewer-is-assigned = Assigned
web-grant-reviewer-conflict = Conflict of interest
web-grant-reviewer-conflict-hint = (cannot review this application)
web-grant-reviewer-assign = Ask to review
web-grant-reviewer-option = { $name } ({ $role })
web-grant-reviewer-assigned = { $name } has been assigned to review the application.
web-grant-reviews = Reviews
web-grant-reviews-none = No reviewers have been asked yet.
web-grant-review-pending = Not yet submitted
web-grant-aggregate-score = Mean weighted score
web-grant-aggregate-none = No reviews submitted yet
# $score is a score from 1 to 5 with two decimals.
web-grant-score-value = { $score } / 5
web-grant-weighted-score = Weighted score
web-grant-recommendation = Recommendation
web-grant-score = Score
web-grant-my-review = Your review
web-grant-my-review-lead = Score every criterion from 1 (poor) to 5 (excellent) and recommend. You can change your review until the application is decided.
web-grant-criterion-with-weight = { $name } (weight { $count })
web-grant-score-hint = 1 = poor, 3 = adequate, 5 = excellent.
web-grant-review-comment = Comment
web-grant-review-comment-hint = Optional. Read by the desk's staff only.
web-grant-review-submit = Submit the review
web-grant-review-sent = Your review has been submitted.
web-grant-decision-award-heading = Decision
web-grant-award-lead = Award the application with the amount and each milestone's tranche, prefilled as the applicant planned them, or reject it.
web-grant-award-amount-hint = At most the ceiling per award and what remains of the budget.
web-grant-award-tranches = Tranches
web-grant-decision-note-award = Reason for the decision
web-grant-decision-note-award-hint = Optional. Shown to the applicant.
web-grant-award-submit = Award the grant
web-grant-awarded = The grant has been awarded to { $name }.
web-grant-reject = Reject
web-grant-reject-title = Reject the application of { $name }
web-grant-reject-lead = The applicant will be told that the application was not selected, with your reason.
web-grant-reject-reason = Reason
web-grant-reject-reason-hint = Shown to the applicant.
web-grant-rejected = The application of { $name } has been rejected.
web-grant-investment = Private investment
web-grant-investment-lead = Record an investment in { $name } once you have confirmed it from the share subscription agreement and the payment record. Tranches waiting for private investment are then paid as far as it allows.
web-grant-investment-record = Record an investment
web-grant-investment-title = Record an investment in { $name }
web-grant-investor = Investor
web-grant-investment-evidence = Evidence checked
web-grant-investment-evidence-hint = The documents that confirm the investment, such as the share subscription agreement and the payment record.
# $label is the amount, written as the reader writes yen.
web-grant-investment-recorded = The investment of { $label } has been recorded.
# $date is when the reviewer last submitted their review, $score its weighted score.
web-grant-my-review-submitted = You submitted your review on { $date }: weighted score { $score } / 5. You may change it below.
web-grant-decision-without-evidence = End the award at this milestone
web-grant-decision-without-evidence-hint = No evidence is waiting for review. If the milestone can no longer be achieved (for example, its due date has passed), you may mark it as not achieved: the award ends and what was not paid returns to the budget.

## Reports

web-nav-reports = Reports
web-report-title = Performance report
web-report-lead = Consultations, introductions, matches and grant payments for the period you choose, beside the previous period's figures.
web-report-pickers-heading = Period and scope
web-report-period-kind = Period
web-report-kind-fiscal-year = Fiscal year
web-report-kind-quarter = Quarter
web-report-kind-month = Month
web-report-kind-custom = Custom dates
web-report-fiscal-year = Fiscal year
# $label is the year the fiscal year starts in (April to March).
web-report-fiscal-year-option = FY{ $label }
web-report-quarter = Quarter
web-report-quarter-1 = Q1 (April–June)
web-report-quarter-2 = Q2 (July–September)
web-report-quarter-3 = Q3 (October–December)
web-report-quarter-4 = Q4 (January–March)
web-report-month = Month
web-report-from = From
web-report-to = To
web-report-custom-order = The start date must be on or before the end date.
web-report-desk = Desk
web-report-desk-all-mine = All my desks
web-report-desk-all = All desks
web-report-domain = Domain
web-report-domain-all = All domains
web-report-download-csv = Download CSV
web-report-kpi-heading = Key figures
web-report-figure = Figure
web-report-breakdown-referrals = Referrals by desk
web-report-breakdown-desk = Desk referred to
web-report-count = Number
web-report-breakdown-matches = Matches by outcome
web-report-outcome = Outcome
web-report-breakdown-disbursed = Grant money disbursed by milestone
web-report-milestone = Milestone
web-report-milestone-position = Milestone { $count }
web-report-amount = Amount disbursed
web-report-chart-heading = Month by month
# $label is the period, such as "FY2026".
web-report-chart-label = Bar chart of consultations, introductions and matches per month, { $label }
web-report-chart-table = The chart's figures as a table
web-report-month-column = Month
web-report-series-consultations = Consultations
web-report-series-introductions = Introductions
web-report-series-matches = Matches
web-report-records-column = Records
web-report-records-open = Show records
# $label is the figure, such as "Consultations received".
web-report-records-open-for = Show records for { $label }
web-report-records-close = Close
web-report-records-csv = Download these records as CSV
# $label is the period, such as "FY2026".
web-report-records-total =
    { $count ->
        [0] No records in { $label }.
        [one] 1 record in { $label }.
       *[other] { $count } records in { $label }.
    }
# $label is the figure, such as "Consultations received".
web-report-records-caption = The records behind { $label }
web-report-records-reference = Reference
web-report-records-title = Title
web-report-records-kind = Record
web-report-records-date = Date
web-report-records-amount = Amount
