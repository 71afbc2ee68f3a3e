# The Healthtech Challenge: milestone-based grants.
grant-fiscal-year = FY{ $year }

grant-theme-rare-diseases = Rare and intractable diseases
grant-theme-infection-crisis = Products for infection crises, including antimicrobial resistance (AMR)
grant-theme-unmet-needs-devices = Innovative medical devices for unmet medical needs
grant-theme-ai-samd = AI-based software as a medical device (SaMD)

grant-application-status-draft = Draft
grant-application-status-submitted = Submitted
grant-application-status-awarded = Awarded
grant-application-status-rejected = Not selected
grant-application-status-withdrawn = Withdrawn

milestone-status-locked = Not yet started
milestone-status-active = In progress
milestone-status-evidence-submitted = Evidence submitted
milestone-status-approved = Achieved
milestone-status-rejected = More evidence needed
milestone-status-failed = Not achieved

milestone-step-activate = Start
milestone-step-submit-evidence = Submit evidence
milestone-step-approve = Approve
milestone-step-reject = Ask for more evidence
milestone-step-fail = Mark as not achieved

grant-award-status-active = Under way
grant-award-status-completed = Completed
grant-award-status-ended = Ended

disbursement-status-awaiting-match = Waiting for private investment
disbursement-status-disbursed = Disbursed

grant-recommendation-fund = Fund
grant-recommendation-do-not-fund = Do not fund

ledger-kind-commitment = Commitment
ledger-kind-disbursement = Disbursement
ledger-kind-release = Released to the budget

grant-ledger-break-sequence = Entry { $found } stands where entry { $expected } should: an entry was removed or inserted.
grant-ledger-break-link = Entry { $sequence } does not carry the hash of the entry before it.
grant-ledger-break-hash = Entry { $sequence } was changed after it was written.
grant-ledger-break-totals = The entries add up to other totals than the programme's committed and disbursed amounts.
