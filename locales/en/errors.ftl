## Error messages. Each error code FOO_BAR has the message error-foo-bar.

error-internal = Something went wrong on our side. Please try again; if it keeps happening, contact the desk and quote the request ID.
error-unauthenticated = Please log in to continue.
error-forbidden = You do not have permission to do this.
error-not-found = We could not find what you were looking for.
error-invalid-id = This ID is not valid.
error-validation-failed = Some of the information you entered needs correcting.
error-bad-user-input = A value in the request has the wrong type.
error-graphql-parse-failed = The request is not valid GraphQL.
error-graphql-validation-failed = The request does not match the API.
error-query-too-deep = The request nests fields too deeply.
error-query-too-complex = The request asks for too much at once. Please ask for fewer fields or smaller pages.
error-batching-not-supported = Send one operation per request; batches are not accepted.
error-unsupported-media-type = Send the request as JSON (Content-Type: application/json).
error-method-not-allowed = This method is not allowed here. Use GET or POST.
error-mutation-over-get = Changes must be sent with POST, not GET.
error-body-too-large = The request is too large.
error-malformed-request = The request could not be read. Send a JSON object with a "query".
error-request-timeout = The request took too long. Please try again.
error-page-size-too-large = Ask for at most { $max } items per page.
error-invalid-cursor = This page cursor is not valid. Start again from the first page.

error-invalid-credentials = The email address or password is incorrect.
error-email-not-verified = Please confirm your email address first. We have sent you a link; you can ask for a new one.
error-account-deactivated = This account has been deactivated. Please contact the desk.
error-login-throttled = Too many unsuccessful attempts. Please try again in { $retryAfterMinutes ->
        [one] one minute
       *[other] { $retryAfterMinutes } minutes
    }.
error-token-invalid = This link is not valid or has already been used.
error-token-expired = This link has expired. Please ask for a new one.
error-cannot-deactivate-self = You cannot deactivate your own account.
error-cannot-change-own-role = You cannot change your own role.
error-role-change-not-allowed = A desk role cannot be changed into an organisation role or back. Create a new account instead.
error-invitation-not-pending = This person has already accepted their invitation.

error-required = Please fill in this field.
error-too-long = Please use at most { $max } characters.
error-out-of-range = Please enter a number from { $min } to { $max }.
error-email-invalid = Please enter a valid email address.
error-email-taken = An account with this email address already exists.
error-password-too-short = Please use at least { $min } characters.
error-password-too-long = Please use at most { $max } characters.
error-password-contains-email = Please choose a password that does not contain your email address.
error-current-password-wrong = Your current password is incorrect.
error-country-code-invalid = Please choose a country.
error-organisation-kind-not-allowed = This kind of organisation does not fit this role.
error-organisation-required = Please choose an organisation.
error-organisation-not-allowed = This role does not belong to an organisation.
error-desk-required = Please choose at least one desk.
error-desks-not-allowed = This role does not belong to a desk.
error-unknown-desk = One of the chosen desks does not exist.
error-unknown-organisation = The chosen organisation does not exist.
error-code-invalid = Use lower-case letters, digits and underscores, starting with a letter.
error-code-taken = This code is already in use.
error-introspection-disabled = Schema introspection is turned off on this server.

error-edit-conflict = Someone else changed this record while you were working on it. Reload it to see their change, then make yours again.
error-invalid-transition = This step is not possible while the consultation is in its current status. Reload it to see where it stands.
error-consultation-closed = This consultation is closed. Staff of the desk can reopen it.
error-assignee-required = Assign someone to the consultation before starting work on it.
error-referral-pending = A referral of this consultation to another desk is already waiting for a decision.
error-referral-not-pending = This referral has already been decided or cancelled.
error-resolution-not-allowed = This outcome cannot be chosen here.
error-assignee-not-eligible = Choose an active advisor or staff member of the consultation's desk.
error-unknown-term = Please choose from the list.
error-too-many = Please choose at most { $max }.
error-corporate-number-invalid = Please enter the 13-digit corporate number exactly as registered; this one is not valid.
error-same-desk = The consultation is already at this desk.
error-desk-inactive = This desk is not taking consultations at the moment.
error-date-invalid = The end date must not be before the start date.
error-search-unavailable = Search is not available at the moment. Please try again shortly; changes you save are kept.
error-directory-entry-exists = This person or organisation already has an entry in the directory.
error-details-required = Please fill in the details for this kind of entry.
error-not-applicable = This does not apply to this kind of entry.
error-user-not-advisor = Please choose the account of an advisor.
error-url-invalid = Please enter a web address starting with https:// or http://.
error-min-above-max = The minimum must not be above the maximum.
error-introduction-exists = This consultation already has an introduction to them in progress.
error-introduction-not-eligible = They cannot be introduced to this consultation: a conflict of interest, a language they do not work in, no free slot, an inactive or dismissed entry, or not an advisor, supporter organisation or VC.
error-introduction-step-not-allowed = This step is not possible at this point of the introduction. Reload it to see where it stands.
error-introduction-target-unreachable = Nobody would receive this introduction: the organisation has no member account in Bansō and no contact address in the directory. Add a contact address to its directory entry first, or send it as a newsletter feature.
error-date-out-of-range = This date is not possible here: it may not lie in the future or before the step it follows.
error-outcome-details-required = Please fill in the details this outcome needs: the amount, round and date of an investment, or who adopted the product.
error-outcome-details-not-applicable = This detail does not belong to the chosen outcome.
