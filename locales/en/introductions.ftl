# Introductions of a consultation to an advisor, supporter organisation or VC.
introduction-status-proposed = Proposed
introduction-status-consent-requested = Awaiting the requester's consent
introduction-status-consented = Consented
introduction-status-sent = Sent
introduction-status-accepted = Accepted
introduction-status-declined = Declined
introduction-status-meeting-held = Meeting held
introduction-status-matched = Match established
introduction-status-not-matched = No match
introduction-status-expired = Expired
introduction-status-withdrawn = Withdrawn

introduction-channel-individual = Individual introduction
introduction-channel-newsletter = Newsletter feature

outcome-type-joint-research = Joint research
outcome-type-proof-of-concept = Proof of concept
outcome-type-investment = Investment
outcome-type-partnership = Business partnership
outcome-type-adoption = Adoption
outcome-type-other = Other

adopter-hospital = Hospital
adopter-insurer = Insurer
adopter-care-operator = Care operator

investment-round-seed = Seed
investment-round-series-a = Series A
investment-round-series-b = Series B
investment-round-series-c-or-later = Series C or later
investment-round-other = Other

introduction-step-request-consent = Ask the requester to consent
introduction-step-consent = Consent
introduction-step-decline-consent = Do not consent
introduction-step-withdraw = Withdraw
introduction-step-send = Send the introduction
introduction-step-accept = Accept
introduction-step-decline = Decline
introduction-step-record-meeting = Record the meeting
introduction-step-record-match = Record a match
introduction-step-record-no-match = Record no match
introduction-step-expire = Expire
