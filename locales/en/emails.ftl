## Emails. Each template has .subject and .body, and may have .action (the button) and .note.

email-greeting = Dear { $name },
email-signature =
    Bansō — consultation and matching for healthcare startups
    InnoHub · MEDISO · CARISO
    This email was sent automatically; replies are not read.
email-link-hint = If the button does not work, copy this address into your browser:

email-verify-email =
    .subject = Please confirm your email address
    .body =
        Thank you for signing up to Bansō, the consultation service of InnoHub, MEDISO and CARISO.

        Please confirm that this is your email address to start using your account.
    .action = Confirm my email address
    .note = This link can be used once and expires on { DATETIME($expiresAt) }. If you did not sign up, you can ignore this email.

email-account-exists =
    .subject = You already have a Bansō account
    .body =
        Someone, probably you, tried to sign up to Bansō with this email address, which already has an account.

        You can log in with your password. If you have forgotten it, you can choose a new one: { $resetLink }
    .action = Log in
    .note = If this was not you, you can ignore this email; your account has not changed.

email-invitation =
    .subject = You are invited to Bansō
    .body =
        An administrator has created a Bansō account for you as { $role }.

        Please choose a password to start using your account.
    .action = Choose my password
    .note = This link can be used once and expires on { DATETIME($expiresAt) }. If you were not expecting this invitation, please let the desk know.

email-password-reset =
    .subject = Choose a new password for Bansō
    .body =
        We received a request to reset the password of your Bansō account.

        Choose a new password with the link below. Your current password stays valid until you do.
    .action = Choose a new password
    .note = This link can be used once and expires on { DATETIME($expiresAt) }. If you did not ask for this, you can ignore this email.

email-password-changed =
    .subject = Your Bansō password was changed
    .body =
        The password of your Bansō account has just been changed, and you have been logged out of your other sessions.

        If you did not do this, choose a new password at once ({ $resetLink }) and contact the desk.

email-consultation-received =
    .subject = We have received your consultation ({ $reference })
    .body =
        Thank you for your consultation "{ $title }". { $desk } has received it under the reference number { $reference }.

        The desk will reply by { DATE($dueOn) }. You can follow its progress and answer the desk's messages in Bansō.
    .action = View your consultation
    .note = Please quote { $reference } whenever you contact the desk about it.

email-consultation-message =
    .subject = A message from the desk about { $reference }
    .body =
        The desk has written to you about your consultation "{ $title }" ({ $reference }):

        { $message }

        Please reply in Bansō so that everything about your consultation stays in one place.
    .action = Read and reply

email-consultation-closed =
    .subject = Your consultation { $reference } has been closed
    .body =
        The desk has closed your consultation "{ $title }" ({ $reference }). Outcome: { $resolution }.{ $hasMessage ->
            [yes] {"\u000A"}{"\u000A"}{ $message }
           *[no] {""}
        }
    .action = View your consultation
    .note = If you need more help, you can file a new consultation or ask the desk to reopen this one.

email-consultation-transferred =
    .subject = Your consultation { $reference } is now handled by { $to }
    .body =
        Your consultation "{ $title }" ({ $reference }) has been handed over from { $from } to { $to }, which is better placed to help you. Everything you have written so far goes with it.

        { $to } will reply by { DATE($dueOn) }.
    .action = View your consultation

email-consultation-assigned =
    .subject = You have been assigned { $reference }
    .body = The consultation "{ $title }" ({ $reference }) at { $desk } has been assigned to you.
    .action = Open the consultation

email-consultation-reply =
    .subject = The requester has replied on { $reference }
    .body =
        The requester has written about "{ $title }" ({ $reference }):

        { $message }
    .action = Open the consultation

email-referral-requested =
    .subject = { $from } asks your desk to take over { $reference }
    .body =
        { $from } asks your desk to take over the consultation "{ $title }" ({ $reference }).

        Reason: { $reason }

        Please accept or decline the referral in Bansō.
    .action = Review the referral

email-referral-declined =
    .subject = { $to } did not take over { $reference }
    .body =
        { $to } declined to take over the consultation "{ $title }" ({ $reference }); it stays with your desk.

        Reason: { $reason }
    .action = Open the consultation

email-introduction-consent-requested =
    .subject = May we introduce you to { $target }? ({ $reference })
    .body =
        For your consultation "{ $title }" ({ $reference }), the desk proposes an introduction to { $target } ({ $channel }).{ $hasMessage ->
            [yes] {"\u000A"}{"\u000A"}{ $message }
           *[no] {""}
        }

        Nothing about you reaches { $target } unless you agree, and then only the items you choose. Please answer by { DATE($dueOn) }.
    .action = Review the introduction

email-introduction-consented =
    .subject = The requester consented to the introduction to { $target } ({ $reference })
    .body = The requester of "{ $title }" ({ $reference }) consented to the introduction to { $target } and chose what to share. You can now send it.
    .action = Open the consultation

email-introduction-consent-declined =
    .subject = The requester did not consent to the introduction to { $target } ({ $reference })
    .body =
        The requester of "{ $title }" ({ $reference }) did not consent to the introduction to { $target }. It has been withdrawn.{ $hasReason ->
            [yes] {"\u000A"}{"\u000A"}Reason: { $reason }
           *[no] {""}
        }
    .action = Open the consultation

email-introduction-sent =
    .subject = { $desk } introduces a startup to you
    .body =
        { $desk } introduces a startup to you ({ $channel }).{ $shown ->
            [both] {"\u000A"}{"\u000A"}{ $organisation }: "{ $title }"
            [organisation] {"\u000A"}{"\u000A"}{ $organisation }
            [title] {"\u000A"}{"\u000A"}"{ $title }"
           *[none] {""}
        }

        The startup agreed to share the details you will find through the link below. Please accept or decline by { DATE($dueOn) }.
    .action = Read the introduction and answer
    .note = If you have a Bansō account, you can also answer after signing in.

email-introduction-answered =
    .subject = { $answer ->
        [accepted] { $target } accepted the introduction ({ $reference })
       *[declined] { $target } declined the introduction ({ $reference })
    }
    .body =
        { $answer ->
            [accepted] { $target } accepted the introduction for "{ $title }" ({ $reference }). The desk will help arrange a meeting.
           *[declined] { $target } declined the introduction for "{ $title }" ({ $reference }).
        }{ $hasNote ->
            [yes] {"\u000A"}{"\u000A"}{ $note }
           *[no] {""}
        }
    .action = Open the consultation

email-introduction-expired =
    .subject = The introduction to { $target } expired ({ $reference })
    .body =
        { $waitedFor ->
            [requester] The requester of "{ $title }" ({ $reference }) did not answer the request for consent in time, so the introduction to { $target } has expired.
           *[target] { $target } did not answer the introduction for "{ $title }" ({ $reference }) in time, so it has expired.
        }
    .action = Open the consultation

email-grant-application-received =
    .subject = Your application to { $programme } was received
    .body =
        We received your application "{ $title }" to { $programme }, requesting { $amount } in total.

        { $desk } will review it with its reviewers and let you know the decision by email.
    .action = Open the application

email-grant-review-requested =
    .subject = Please review a grant application: { $title }
    .body =
        You have been asked to review the application "{ $title }" from { $organisation } to { $programme }.

        Please score each criterion and give your recommendation. Tell the programme staff at once if you have a conflict of interest with the applicant.
    .action = Review the application

email-grant-decided =
    .subject = { $decision ->
        [awarded] Your application "{ $title }" was awarded
       *[rejected] The decision on your application "{ $title }"
    }
    .body =
        { $decision ->
            [awarded] Your application "{ $title }" to { $programme } was awarded { $amount }, paid in { $milestones } tranches as its milestones are achieved. Your first milestone, "{ $firstMilestone }", is now active: submit its evidence in Bansō once it is achieved.
           *[rejected] We regret that your application "{ $title }" to { $programme } was not selected.
        }{ $hasNote ->
            [yes] {"\u000A"}{"\u000A"}{ $note }
           *[no] {""}
        }
    .action = Open the application

email-grant-milestone-decided =
    .subject = { $outcome ->
        [disbursed] Milestone achieved: { $milestone }
        [awaiting_match] Milestone achieved: { $milestone } (tranche waiting for private investment)
        [rejected] More evidence needed: { $milestone }
       *[failed] Milestone not achieved: { $milestone }
    }
    .body =
        { $outcome ->
            [disbursed] The milestone "{ $milestone }" of "{ $title }" ({ $programme }) was approved, and its tranche of { $amount } has been released for payment. The next milestone is now active.
            [awaiting_match] The milestone "{ $milestone }" of "{ $title }" ({ $programme }) was approved. Its tranche of { $amount } will be released once enough private (VC) investment is confirmed, as the programme's matching rule requires. The next milestone is now active.
            [rejected] The evidence for the milestone "{ $milestone }" of "{ $title }" ({ $programme }) was not yet sufficient. You may submit evidence again until { DATE($dueOn) }.
           *[failed] The milestone "{ $milestone }" of "{ $title }" ({ $programme }) was judged not achieved. The award has ended, and tranches not yet paid return to the programme's budget.
        }{ $hasNote ->
            [yes] {"\u000A"}{"\u000A"}{ $note }
           *[no] {""}
        }
    .action = Open the application

email-grant-tranche-released =
    .subject = Tranche released: { $milestone }
    .body =
        The private investment now confirmed covers the tranche of the milestone "{ $milestone }" of "{ $title }" ({ $programme }). { $amount } has been released for payment.
    .action = Open the application

email-grant-awaiting-decision =
    .subject = { $what ->
        [evidence] Milestone evidence to review: { $title }
       *[application] New grant application: { $title }
    }
    .body =
        { $what ->
            [evidence] { $organisation } submitted evidence for the milestone "{ $milestone }" of "{ $title }" ({ $programme }). Please approve it, ask for more evidence or mark it as not achieved.
           *[application] { $organisation } submitted the application "{ $title }" to { $programme }. Please assign reviewers.
        }
    .action = Open the application
