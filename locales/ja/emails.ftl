## メール。各テンプレートには .subject と .body があり、.action（ボタン）と .note を持つものがあります。

email-greeting = { $name } 様
email-signature =
    伴走（Bansō）ヘルスケアスタートアップ相談・マッチングシステム
    InnoHub・MEDISO・CARISO
    このメールは送信専用アドレスから自動送信しています。ご返信いただいても対応できませんのでご了承ください。
email-link-hint = ボタンが機能しない場合は、次のURLをブラウザに貼り付けてください。

email-verify-email =
    .subject = 【伴走】メールアドレスの確認のお願い
    .body =
        InnoHub・MEDISO・CARISOの相談窓口システム「伴走（Bansō）」にご登録いただき、ありがとうございます。

        アカウントの利用を開始するため、以下のボタンからメールアドレスの確認を完了してください。
    .action = メールアドレスを確認する
    .note = このリンクは1回のみ有効で、有効期限は{ DATETIME($expiresAt) }です。お心当たりのない場合は、このメールを破棄してください。

email-account-exists =
    .subject = 【伴走】このメールアドレスはすでに登録されています
    .body =
        このメールアドレスで伴走（Bansō）への新規登録のお申し込みがありましたが、すでにアカウントが登録されています。

        登録済みのパスワードでログインしてください。パスワードをお忘れの場合は、こちらから再設定できます：{ $resetLink }
    .action = ログインする
    .note = お心当たりのない場合は、このメールを破棄してください。アカウントの内容は変更されていません。

email-invitation =
    .subject = 【伴走】アカウント登録のご案内
    .body =
        システム管理者が、あなたの伴走（Bansō）アカウントを「{ $role }」として作成しました。

        以下のボタンからパスワードを設定し、利用を開始してください。
    .action = パスワードを設定する
    .note = このリンクは1回のみ有効で、有効期限は{ DATETIME($expiresAt) }です。お心当たりのない場合は、お手数ですが窓口までご連絡ください。

email-password-reset =
    .subject = 【伴走】パスワード再設定のご案内
    .body =
        伴走（Bansō）アカウントのパスワード再設定のお申し込みを受け付けました。

        以下のボタンから新しいパスワードを設定してください。再設定が完了するまでは、現在のパスワードを引き続きご利用いただけます。
    .action = 新しいパスワードを設定する
    .note = このリンクは1回のみ有効で、有効期限は{ DATETIME($expiresAt) }です。お心当たりのない場合は、このメールを破棄してください。

email-password-changed =
    .subject = 【伴走】パスワードが変更されました
    .body =
        伴走（Bansō）アカウントのパスワードが変更されました。安全のため、他の端末ではログアウトしています。

        お心当たりのない場合は、ただちにパスワードを再設定のうえ（{ $resetLink }）、窓口までご連絡ください。

email-consultation-received =
    .subject = 【伴走】ご相談を受け付けました（{ $reference }）
    .body =
        「{ $title }」についてのご相談を、{ $desk }で受け付けました。受付番号は{ $reference }です。

        { DATE($dueOn) }までに窓口からご連絡いたします。進捗の確認や窓口からのメッセージへのご返信は、伴走（Bansō）上で行えます。
    .action = 相談内容を確認する
    .note = 窓口へお問い合わせの際は、受付番号{ $reference }をお知らせください。

email-consultation-message =
    .subject = 【伴走】窓口からメッセージが届いています（{ $reference }）
    .body =
        ご相談「{ $title }」（{ $reference }）について、窓口からメッセージが届いています。

        { $message }

        ご返信は、経緯を一か所で確認できるよう伴走（Bansō）上でお願いいたします。
    .action = メッセージを確認して返信する

email-consultation-closed =
    .subject = 【伴走】ご相談への対応を終了しました（{ $reference }）
    .body =
        ご相談「{ $title }」（{ $reference }）への対応を終了しました。対応結果：{ $resolution }{ $hasMessage ->
            [yes] {"\u000A"}{"\u000A"}{ $message }
           *[no] {""}
        }
    .action = 相談内容を確認する
    .note = 引き続き支援が必要な場合は、新たにご相談いただくか、窓口に再開をご依頼ください。

email-consultation-transferred =
    .subject = 【伴走】ご相談を{ $to }に引き継ぎました（{ $reference }）
    .body =
        ご相談「{ $title }」（{ $reference }）は、より適切にご支援できる{ $to }へ{ $from }から引き継ぎました。これまでにいただいた内容もすべて引き継いでいます。

        { DATE($dueOn) }までに{ $to }からご連絡いたします。
    .action = 相談内容を確認する

email-consultation-assigned =
    .subject = 【伴走】相談案件の担当になりました（{ $reference }）
    .body = { $desk }の相談案件「{ $title }」（{ $reference }）の担当者に設定されました。
    .action = 相談案件を開く

email-consultation-reply =
    .subject = 【伴走】相談者から返信がありました（{ $reference }）
    .body =
        相談案件「{ $title }」（{ $reference }）について、相談者からメッセージが届いています。

        { $message }
    .action = 相談案件を開く

email-referral-requested =
    .subject = 【伴走】{ $from }から連携依頼が届いています（{ $reference }）
    .body =
        { $from }から、相談案件「{ $title }」（{ $reference }）の引き継ぎ依頼が届いています。

        依頼理由：{ $reason }

        伴走（Bansō）上で受入れの可否をご回答ください。
    .action = 連携依頼を確認する

email-referral-declined =
    .subject = 【伴走】{ $to }は連携を受け入れませんでした（{ $reference }）
    .body =
        相談案件「{ $title }」（{ $reference }）について、{ $to }は引き継ぎを受け入れませんでした。引き続き貴窓口で対応をお願いします。

        理由：{ $reason }
    .action = 相談案件を開く

email-introduction-consent-requested =
    .subject = 【伴走】{ $target }へのご紹介について同意のお願い（{ $reference }）
    .body =
        ご相談「{ $title }」（{ $reference }）について、窓口より{ $target }へのご紹介（{ $channel }）をご提案します。{ $hasMessage ->
            [yes] {"\u000A"}{"\u000A"}{ $message }
           *[no] {""}
        }

        ご同意いただくまで、{ $target }に貴社の情報をお伝えすることはありません。ご同意いただいた場合も、お選びいただいた項目のみを開示します。{ DATE($dueOn) }までにご回答ください。
    .action = ご紹介の内容を確認する

email-introduction-consented =
    .subject = 【伴走】{ $target }への紹介に相談者が同意しました（{ $reference }）
    .body = 相談案件「{ $title }」（{ $reference }）の相談者が{ $target }への紹介に同意し、開示する項目を選択しました。紹介を送ることができます。
    .action = 相談案件を開く

email-introduction-consent-declined =
    .subject = 【伴走】{ $target }への紹介に相談者が同意しませんでした（{ $reference }）
    .body =
        相談案件「{ $title }」（{ $reference }）の相談者は、{ $target }への紹介に同意しませんでした。紹介は取り下げられました。{ $hasReason ->
            [yes] {"\u000A"}{"\u000A"}理由：{ $reason }
           *[no] {""}
        }
    .action = 相談案件を開く

email-introduction-sent =
    .subject = 【伴走】{ $desk }からスタートアップのご紹介
    .body =
        { $desk }より、スタートアップをご紹介します（{ $channel }）。{ $shown ->
            [both] {"\u000A"}{"\u000A"}{ $organisation }「{ $title }」
            [organisation] {"\u000A"}{"\u000A"}{ $organisation }
            [title] {"\u000A"}{"\u000A"}「{ $title }」
           *[none] {""}
        }

        詳細は、スタートアップが開示に同意した範囲で、下記のリンクからご覧いただけます。{ DATE($dueOn) }までに、お受けいただけるかどうかをご回答ください。
    .action = 紹介内容を確認して回答する
    .note = 伴走（Bansō）のアカウントをお持ちの方は、ログインして回答することもできます。

email-introduction-answered =
    .subject = { $answer ->
        [accepted] 【伴走】{ $target }が紹介を承諾しました（{ $reference }）
       *[declined] 【伴走】{ $target }が紹介を辞退しました（{ $reference }）
    }
    .body =
        { $answer ->
            [accepted] 相談案件「{ $title }」（{ $reference }）について、{ $target }が紹介を承諾しました。面談の日程調整は窓口がお手伝いします。
           *[declined] 相談案件「{ $title }」（{ $reference }）について、{ $target }は紹介を辞退しました。
        }{ $hasNote ->
            [yes] {"\u000A"}{"\u000A"}{ $note }
           *[no] {""}
        }
    .action = 相談案件を開く

email-introduction-expired =
    .subject = 【伴走】{ $target }への紹介が期限切れになりました（{ $reference }）
    .body =
        { $waitedFor ->
            [requester] 相談案件「{ $title }」（{ $reference }）の相談者から期限までに同意の回答がなかったため、{ $target }への紹介は期限切れとなりました。
           *[target] 相談案件「{ $title }」（{ $reference }）について、{ $target }から期限までに回答がなかったため、紹介は期限切れとなりました。
        }
    .action = 相談案件を開く

email-grant-application-received =
    .subject = 【伴走】{ $programme }への申請を受け付けました
    .body =
        { $programme }への申請「{ $title }」（申請額合計 { $amount }）を受け付けました。

        { $desk }にて審査のうえ、結果をメールでお知らせします。
    .action = 申請内容を確認する

email-grant-review-requested =
    .subject = 【伴走】補助金申請の審査のお願い：{ $title }
    .body =
        { $programme }に{ $organisation }から提出された申請「{ $title }」の審査をお願いします。

        各評価項目の採点と推薦をご入力ください。申請者との間に利益相反がある場合は、速やかに事務局へお知らせください。
    .action = 申請を審査する

email-grant-decided =
    .subject = { $decision ->
        [awarded] 【伴走】申請「{ $title }」が採択されました
       *[rejected] 【伴走】申請「{ $title }」の審査結果のお知らせ
    }
    .body =
        { $decision ->
            [awarded] { $programme }への申請「{ $title }」が採択され、交付決定額は{ $amount }となりました。補助金はマイルストーンの達成ごとに{ $milestones }回に分けて交付します。最初のマイルストーン「{ $firstMilestone }」が開始されましたので、達成後に伴走（Bansō）から達成状況の証憑を提出してください。
           *[rejected] { $programme }への申請「{ $title }」は、誠に残念ながら不採択となりました。
        }{ $hasNote ->
            [yes] {"\u000A"}{"\u000A"}{ $note }
           *[no] {""}
        }
    .action = 申請内容を確認する

email-grant-milestone-decided =
    .subject = { $outcome ->
        [disbursed] 【伴走】マイルストーン達成：{ $milestone }
        [awaiting_match] 【伴走】マイルストーン達成：{ $milestone }（民間投資の確認待ち）
        [rejected] 【伴走】追加の証憑をお願いします：{ $milestone }
       *[failed] 【伴走】マイルストーン未達成：{ $milestone }
    }
    .body =
        { $outcome ->
            [disbursed] 「{ $title }」（{ $programme }）のマイルストーン「{ $milestone }」の達成が承認され、{ $amount }の交付を決定しました。次のマイルストーンが開始されました。
            [awaiting_match] 「{ $title }」（{ $programme }）のマイルストーン「{ $milestone }」の達成が承認されました。本事業のマッチング要件により、{ $amount }は民間（VC）からの出資額が確認された時点で交付します。次のマイルストーンが開始されました。
            [rejected] 「{ $title }」（{ $programme }）のマイルストーン「{ $milestone }」について、提出された証憑では達成を確認できませんでした。{ DATE($dueOn) }までに再提出できます。
           *[failed] 「{ $title }」（{ $programme }）のマイルストーン「{ $milestone }」は未達成と判断されました。交付決定はここで終了し、未交付分は事業予算に戻ります。
        }{ $hasNote ->
            [yes] {"\u000A"}{"\u000A"}{ $note }
           *[no] {""}
        }
    .action = 申請内容を確認する

email-grant-tranche-released =
    .subject = 【伴走】補助金の交付：{ $milestone }
    .body =
        民間からの出資が確認されたため、「{ $title }」（{ $programme }）のマイルストーン「{ $milestone }」に係る{ $amount }の交付を決定しました。
    .action = 申請内容を確認する

email-grant-awaiting-decision =
    .subject = { $what ->
        [evidence] 【伴走】マイルストーンの証憑が提出されました：{ $title }
       *[application] 【伴走】補助金の新規申請：{ $title }
    }
    .body =
        { $what ->
            [evidence] { $organisation }から、「{ $title }」（{ $programme }）のマイルストーン「{ $milestone }」の証憑が提出されました。達成の承認、追加証憑の依頼、または未達成の判断をお願いします。
           *[application] { $organisation }から、{ $programme }への申請「{ $title }」が提出されました。審査担当者の割当てをお願いします。
        }
    .action = 申請内容を確認する
