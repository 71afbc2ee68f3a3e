## 伴走 Web 画面（web/）の文言。キーはすべて "web-" で始まります。
## 列挙値の表示名（role-*, locale-*, organisation-kind-*, taxonomy-kind-*）は
## enums.ftl で定義されたものを使います。

## 画面の枠

web-app-name = 伴走
web-app-tagline = ヘルスケアスタートアップ支援窓口
# 文書タイトル。$page は見出し、$app はサービス名です。
web-document-title = { $page } | { $app }
web-skip-to-content = 本文へ移動
web-language-switcher-label = 表示言語
web-nav-label = メインメニュー
web-nav-home = ホーム
web-nav-login = ログイン
web-nav-signup = 新規登録
web-nav-account = アカウント
web-nav-logout = ログアウト
web-nav-admin-users = ユーザー管理
web-nav-admin-desks = 窓口管理
web-nav-admin-taxonomy = 分類管理
web-footer-desks = InnoHub・MEDISO・CARISO：ヘルスケア分野のイノベーションを支援する公的相談窓口
web-loading = 読み込んでいます…
web-dialog-close = 閉じる
# 窓口名などの短い列挙をつなぐ記号です。
web-list-separator = 、
web-table-actions = 操作
web-select-placeholder = 選択してください
# 必須項目のラベル横に表示するバッジです。
web-field-required = 必須
web-action-save = 保存する
web-action-cancel = キャンセル
web-action-edit = 編集

## エラー

web-error-network = サーバーに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。
web-error-check-fields = 入力内容をご確認ください。
# $id は、問い合わせ時にログを確認するための受付番号です。
web-error-request-id = 問い合わせ番号：{ $id }
web-error-page-title = エラーが発生しました
web-forbidden-title = このページは表示できません
web-forbidden-body = お使いのアカウントには、このページを表示する権限がありません。必要な場合は管理者にお問い合わせください。
web-not-found-title = ページが見つかりません
web-not-found-body = お探しのページは存在しないか、移動した可能性があります。
web-not-found-home = ホームへ戻る

## 送信前の入力チェック

web-validation-required = この項目を入力してください。
web-validation-password-mismatch = 2つのパスワードが一致しません。
web-validation-desk-required = アドバイザーと窓口スタッフには、窓口を1つ以上選択してください。
web-validation-positive-integer = 1以上の整数を入力してください。
web-validation-position = 0以上の整数を入力してください。

## 入力項目

web-field-email = メールアドレス
web-field-password = パスワード
web-password-hint = 他のサービスで使っていない、十分に長いパスワードを設定してください。
web-field-new-password = 新しいパスワード
web-field-confirm-password = 新しいパスワード（確認用）
web-field-current-password = 現在のパスワード
web-field-display-name = 氏名
web-field-display-name-hint = ご相談先の窓口のアドバイザー・スタッフに表示されます。
web-field-locale = 使用言語
web-field-locale-hint = お送りするメールやメッセージは、この言語で表示されます。
web-field-organisation = 所属組織
web-field-organisation-name = 組織名
web-field-organisation-name-hint = 企業・大学・団体などの名称を入力してください。創業前の個人の方は、ご自身の氏名を入力してください。
web-field-organisation-kind = 組織の種別
web-field-country = 国・地域
web-field-role = 役割
web-field-desks = 窓口
web-field-name-en = 名称（英語）
web-field-name-ja = 名称（日本語）
web-field-description-en = 説明（英語）
web-field-description-ja = 説明（日本語）
web-field-first-response-days = 初回対応期限（営業日）
web-field-first-response-days-hint = 土日・祝日を除いた営業日で数えます。
web-field-contact-email = 問い合わせ先メールアドレス
web-field-desk-active = 相談を受け付ける
web-field-desk-active-hint = 受付を停止している窓口は、相談者には表示されません。
web-field-code = コード
web-field-code-hint = 半角の英小文字・数字・アンダースコアで、英字から始めてください（例：medical_dx）。登録後は変更できません。
web-field-label-en = 表示名（英語）
web-field-label-ja = 表示名（日本語）
web-field-position = 表示順
web-field-position-hint = 数字が小さいほど上に表示されます。空欄の場合は末尾に追加されます。
web-field-synonyms = 同義語
web-field-synonyms-hint = この項目を探すときに使われそうな言葉を、日本語・英語で入力してください。複数ある場合は読点（、）・カンマ・改行で区切ります。ディレクトリ検索では、これらを同じ意味の言葉として扱います。
web-field-term-active = 使用中
web-field-term-active-hint = 使用を停止した項目は、既存の記録には残りますが、新たに選択することはできません。

## 状態

web-status-active = 有効
web-status-inactive = 停止中
web-status-inactive-suffix = （停止中）
web-status-deactivated = 利用停止
web-status-invitation-pending = 招待中
web-status-email-unverified = メール未確認

## 操作後のお知らせ

web-notice-logged-out = ログアウトしました。
web-notice-logged-out-everywhere = { $count } 件のセッションからログアウトしました。再度ログインしてください。
web-notice-password-set = パスワードを設定しました。ログインしてください。
web-notice-verification-resent = このメールアドレスが確認待ちの場合は、確認メールを再送信しました。
web-notice-saved = 変更を保存しました。
web-notice-password-changed = パスワードを変更しました。ほかの端末ではログアウトしました。
web-notice-session-revoked = セッションを終了しました。

## ホーム

web-home-welcome-title = 伴走へようこそ
web-home-welcome-lead = 伴走は、ヘルスケア分野のスタートアップが公的支援窓口（InnoHub・MEDISO・CARISO）にご相談いただき、アドバイザーが最初のご相談から紹介・連携まで伴走支援を行うためのサービスです。
web-home-signup-cta = 新規登録
web-home-login-cta = ログイン
web-home-desks-public-heading = 支援窓口のご案内
web-home-greeting = { $name } さん、ようこそ
web-home-profile-heading = アカウント情報
web-home-role = 役割
web-home-organisation = 所属組織
# $kind は組織の種別、$country は国・地域です。
web-home-organisation-detail = （{ $kind }・{ $country }）
web-home-desks-heading = 担当窓口
web-home-no-desks = まだ担当窓口が割り当てられていません。
web-home-admin-heading = 管理
web-home-account-link = アカウント設定

## ログイン

web-login-title = ログイン
web-login-submit = ログイン
web-login-forgot-link = パスワードをお忘れの方
web-login-signup-link = アカウントをお持ちでない方（新規登録）
web-login-resend-verification = 確認メールを再送信する

## 新規登録

web-signup-title = 新規登録
web-signup-lead = 支援窓口へのご相談には、アカウントの登録が必要です。ご登録後、メールアドレスの確認メールをお送りします。
web-signup-account-legend = ご本人の情報
web-signup-organisation-legend = 所属組織の情報
web-signup-submit = 登録する
web-signup-login-link = アカウントをお持ちの方（ログイン）
web-signup-done-title = メールアドレスの確認をお願いします
web-signup-done-body = { $email } 宛てに確認メールをお送りしました。メールに記載のリンクを開き、登録を完了してください。
web-signup-done-hint = 数分たってもメールが届かない場合は、迷惑メールフォルダをご確認いただくか、再送信してください。
web-signup-resend = 確認メールを再送信する
web-signup-go-to-login = ログイン画面へ

## メールアドレスの確認（/verify-email）

web-verify-title = メールアドレスを確認しています
web-verify-done-title = メールアドレスの確認が完了しました
web-verify-done-body = { $email } の確認が完了しました。ログインしてご利用ください。
web-verify-login = ログインする
web-verify-failed-title = メールアドレスを確認できませんでした
web-verify-missing-token = リンクが正しくありません。メールに記載のリンクをもう一度開くか、下のフォームから確認メールを再送信してください。
web-verify-resend-heading = 確認メールの再送信
web-verify-resend-lead = ご登録のメールアドレスを入力してください。
web-verify-resend-submit = 送信する

## パスワードの設定（/set-password：招待メール・再設定メールから）

web-set-password-title = パスワードの設定
web-set-password-lead = ログインに使用するパスワードを設定してください。
web-set-password-submit = パスワードを設定する
web-set-password-missing-token = リンクが正しくありません。メールに記載のリンクをもう一度開いてください。
web-set-password-request-new = 新しいリンクを申請する

## パスワード再設定

web-forgot-title = パスワード再設定
web-forgot-lead = ご登録のメールアドレスを入力してください。新しいパスワードを設定するためのリンクをお送りします。
web-forgot-submit = 再設定用のリンクを送信する
web-forgot-done-title = メールをご確認ください
web-forgot-done-body = { $email } のアカウントが登録されている場合は、パスワード再設定用のリンクを記載したメールをお送りしました。
web-forgot-back-to-login = ログイン画面に戻る

## アカウント

web-account-title = アカウント設定
web-account-profile-heading = プロフィール
web-account-password-heading = パスワードの変更
web-account-password-submit = パスワードを変更する
web-account-sessions-heading = ログイン中の端末
web-account-sessions-lead = 現在ログインしているブラウザや端末の一覧です。心当たりのないものがあれば、セッションを終了してください。
web-session-device = 端末
web-session-signed-in = ログイン日時
web-session-last-seen = 最終利用日時
web-session-expires = 有効期限
web-session-current = この端末
web-session-unknown-device = 不明な端末
web-session-revoke = セッションを終了
web-account-logout-everywhere = すべての端末からログアウト
web-account-logout-everywhere-confirm = この端末を含む、すべての端末からログアウトします。
web-account-logout-everywhere-submit = すべてログアウトする

## 管理：ユーザー

web-admin-users-title = ユーザー管理
web-users-invite = ユーザーを招待
web-users-invite-title = ユーザーの招待
web-users-invite-submit = 招待メールを送信する
web-users-invited = { $email } 宛てに招待メールを送信しました。
web-users-invitation-resent = { $email } 宛てに招待メールを再送信しました。
web-users-role-hint = アドバイザーと窓口スタッフは窓口に、相談者とサポーター団体・VCのメンバーは組織に所属します。
web-users-locale-hint = 招待メールはこの言語でお送りします。
web-users-org-existing = 登録済みの組織
web-users-org-new = 新しい組織
web-users-org-search = 組織を検索
web-users-org-none-found = 該当する組織がありません
web-users-filter-heading = 検索条件
web-users-filter-query = 氏名・メールアドレス
web-users-filter-desk = 窓口
web-users-filter-all-roles = すべての役割
web-users-filter-all-desks = すべての窓口
web-users-filter-include-deactivated = 利用停止中のユーザーを含める
web-users-filter-apply = 検索する
web-users-list-heading = 検索結果
web-users-count = { $count } 件（{ $page } ページ目）
web-users-empty = 条件に一致するユーザーはいません。
web-users-col-name = 氏名
web-users-col-affiliation = 所属（組織・窓口）
web-users-col-status = 状態
web-users-col-created = 登録日時
web-users-edit-named = { $name } さんを編集
web-users-edit-title = { $name } さんの編集
web-users-deactivate = 利用停止
web-users-deactivate-named = { $name } さんを利用停止
web-users-deactivate-title = { $name } さんを利用停止にしますか
web-users-deactivate-confirm = { $name } さんはログアウトされ、以後ログインできなくなります。記録は保持され、後から利用を再開できます。
web-users-deactivated = { $name } さんを利用停止にしました。
web-users-reactivate = 利用再開
web-users-reactivate-named = { $name } さんを利用再開
web-users-reactivate-title = { $name } さんの利用を再開しますか
web-users-reactivate-confirm = { $name } さんは再びログインできるようになります。
web-users-reactivated = { $name } さんの利用を再開しました。
web-users-resend-invitation = 招待を再送信
web-users-resend-invitation-named = { $name } さんに招待を再送信
web-pagination-label = ページ送り
web-pagination-previous = 前のページ
web-pagination-next = 次のページ

## 管理：窓口、窓口ページ

web-admin-desks-title = 窓口管理
web-admin-desks-lead = 各窓口の名称・説明・連絡先を、英語と日本語で管理します。
web-admin-desks-open = 窓口ページを開く
web-admin-desks-save = { $desk } を保存する
web-desk-code = コード
web-desk-reference-prefix = 受付番号の接頭辞
web-desk-title-loading = 窓口
web-desk-details-heading = 窓口の概要
web-desk-first-response = { $days } 営業日以内
web-desk-members-heading = 所属メンバー
web-desk-members-advisors = アドバイザー
web-desk-members-staff = 窓口スタッフ
web-desk-members-empty = この窓口に所属するアドバイザー・スタッフはまだいません。
web-desk-members-unavailable = この窓口のメンバーを閲覧する権限がありません。
web-desk-not-found-title = 窓口が見つかりません
web-desk-not-found-body = 指定された窓口は存在しません。

## 管理：分類

web-admin-taxonomy-title = 分類管理
web-admin-taxonomy-lead = 相談案件の分類やアドバイザーとのマッチングに使う領域・開発段階・相談テーマと、これらとあわせてディレクトリの掲載情報に付ける対応言語・地域・提供サービスを管理します。
web-admin-taxonomy-tabs-label = 分類の種類
web-taxonomy-empty = 登録された項目はありません。
web-taxonomy-add-heading = 「{ $kind }」に項目を追加
web-taxonomy-add-submit = 追加する
web-taxonomy-added = 「{ $label }」を追加しました。
web-taxonomy-edit-named = { $label } を編集
web-taxonomy-edit-title = 項目 { $code } の編集
web-taxonomy-routing-desk = 受付窓口
web-taxonomy-routing-desk-hint = この領域の新しいご相談は、この窓口で受け付けます。受付済みのご相談は移動しません。
web-taxonomy-not-routed = 未設定

## 相談案件：メニューとホーム

web-nav-my-consultations = ご相談一覧
web-nav-new-consultation = 新規相談
web-nav-queue = 相談案件一覧
web-home-consultations-heading = ご相談
web-home-consultations-lead = 薬事、保険償還、資金調達、提携先探し、海外展開などについて、支援窓口にご相談いただけます。窓口からの回答の確認やご返信も、こちらで行えます。
web-home-queue-heading = 相談案件一覧
web-home-queue-lead = 窓口に寄せられた相談案件の振り分け、担当の設定、相談者への回答を行います。
web-home-queue-link = 相談案件一覧を開く

## 相談案件：項目

web-consultation-reference = 受付番号
web-consultation-title = 件名
web-consultation-description = 相談内容
web-consultation-kind = 種別
web-consultation-status = 対応状況
web-consultation-desk = 窓口
web-consultation-priority = 優先度
web-consultation-assignee = 担当者
web-consultation-unassigned = 未設定
web-consultation-confidentiality = 閲覧範囲
web-consultation-domain = 領域
web-consultation-stage = 開発段階
web-consultation-topics = 相談分野
web-consultation-answer-language = 回答を希望する言語
web-consultation-shared-fields = 紹介先に開示してよい項目
web-consultation-competitors = 競合企業
web-consultation-organisation = 組織
web-consultation-requester = 相談者
web-consultation-filed = 相談日
web-consultation-received = 窓口受付日
web-consultation-first-response = 初回対応
web-consultation-overseas = 海外拠点
web-consultation-overseas-question = 海外を拠点としている
web-consultation-yes = はい
web-consultation-no = いいえ
web-consultation-none = なし
web-consultation-your-advisor = 担当者
web-status-all = すべて
# $date は日付です（初回対応の期限など）。
web-sla-due = 期限：{ $date }
web-sla-days-left = 残り { $count } 営業日
web-sla-days-overdue = { $count } 営業日超過
web-sla-answered = { $date } 初回対応済み
# 一覧の下に表示します。$count 件中 $shown 件を表示しています。
web-list-showing = { $count } 件中 { $shown } 件を表示
web-list-load-more = さらに表示する

## 相談案件：相談者のご相談一覧（/consultations）

web-my-consultations-title = ご相談一覧
web-my-consultations-lead = 所属組織から支援窓口にお寄せいただいたご相談を、新しい順に表示しています。
web-my-consultations-new = 新たに相談する
web-my-consultations-empty-heading = ご相談はまだありません
web-my-consultations-empty-body = ご相談をお申し込みいただくと、受付番号とともにここに表示され、窓口からの回答を確認できます。
web-my-consultations-none-in-status = この対応状況のご相談はありません。

## 相談案件：相談の申込み（/consultations/new）

web-intake-title = 新規相談
web-intake-lead = ご相談の内容をお知らせください。選択された領域を担当する窓口で受け付け、所定の期間内に窓口からご連絡いたします。
web-intake-kind = 相談の種別
web-intake-kind-consultation-hint = 自社の事業・研究・製品についてのご相談です。
web-intake-kind-policy-request-hint = 診療報酬や人員配置基準など、制度・ルールの見直しを求めるご要望です。
web-intake-title-hint = ご相談の内容を一行でご記入ください。
web-intake-description-hint = 製品・研究の概要、現在の状況、支援を希望する内容をご記入ください。患者さんの個人情報は記載しないでください。
web-intake-domain-hint = 選択された領域を担当する窓口で受け付けます。
web-intake-domain-routed = このご相談は{ $desk }で受け付けます。
web-intake-stage-hint = 製品・研究の現在の段階を選択してください。
web-intake-topics-hint = ご相談に関係する分野を選択してください（10件まで）。
web-intake-answer-language-hint = 窓口からの回答やメールは、この言語でお送りします。
web-intake-overseas = 海外を拠点とする組織です
web-intake-overseas-hint = 海外からのご相談として集計し、英語での支援にも対応します。
web-intake-shared-fields-hint = 窓口がアドバイザー・サポーター団体・VCへのご紹介を提案する際は、必ず事前に同意を確認します。紹介先には、ここで選択した項目のみを開示します。
web-intake-corporate-number = 法人番号
web-intake-corporate-number-hint = 13桁の数字です。法人番号をお持ちの場合にご記入ください（任意）。
web-intake-competitors = 競合企業
web-intake-competitors-hint = 任意。競合する企業の名称を、読点（、）・カンマ・改行で区切ってご記入ください（10社まで）。ここに入力した企業に出資しているVCは、紹介候補から除外されます。
web-intake-submit = 相談を申し込む

## 相談案件：個別の案件（/consultations/:id）

web-consultation-loading-title = 相談案件
web-consultation-not-found-title = 相談案件が見つかりません
web-consultation-not-found-body = 指定された相談案件は存在しないか、閲覧する権限がありません。
web-consultation-filed-notice = ご相談を受け付けました。受付番号は{ $reference }です。受付確認のメールをお送りしました。
web-consultation-summary-heading = 概要
web-consultation-details-heading = 相談内容
web-consultation-your-details-heading = お寄せいただいた内容
web-consultation-reload = 最新の内容を読み込む
web-consultation-status-changed = 対応状況を変更しました。
web-consultation-no-actions = 現在変更できる対応状況はありません。
web-consultation-waiting-notice = メッセージを送信しました。相談者の回答待ちになりました。
web-consultation-closed-notice = 相談案件を完了にし、相談者に通知しました。
web-consultation-wait-lead = 確認したい事項を相談者にお伝えください。メッセージはメールで相談者に届き、案件は相談者の回答待ちになります。
web-consultation-wait-submit = 送信して回答を待つ
web-consultation-close-title = { $reference } を完了にする
web-consultation-resolution = 対応結果
web-consultation-close-message = 相談者へのメッセージ（任意）
web-consultation-close-message-hint = 対応終了のお知らせとともに、メールでお送りします。
web-consultation-close-submit = 完了にする
web-thread-heading = メッセージ
web-thread-empty = メッセージはまだありません。
web-thread-you = あなた
web-timeline-heading = 経過記録
web-timeline-requester-lead = これまでのご相談の経過です。
# 窓口の職員のみが見られるものに付けるバッジです。
web-timeline-internal = 内部限定
# 伴走が自動で行った変更の実施者として表示します。
web-timeline-system = 伴走（自動記録）
web-timeline-by = 実施者：{ $name }
# 変更された値です。$field は項目名、$before と $after は変更前後の値です。
web-timeline-change = { $field }：{ $before } → { $after }
web-composer-message-heading = 相談者への連絡
web-composer-message-badge = 相談者に表示
web-composer-message-label = 相談者へのメッセージ
web-composer-message-hint = 相談者にメールで通知され、相談者の画面に表示されます。
web-composer-message-submit = 相談者に送信する
web-composer-message-done = 相談者にメッセージを送信しました。
web-composer-note-heading = 内部メモ
web-composer-note-label = メモの内容
web-composer-note-hint = 内部メモは窓口のアドバイザー・職員のみが閲覧できます。相談者には一切表示されません。
web-composer-note-submit = 内部メモを記録する
web-composer-note-done = 内部メモを記録しました。
web-composer-reply-heading = 窓口への返信
web-composer-reply-label = 返信内容
web-composer-reply-hint = 窓口の担当者にメールで通知されます。
web-composer-reply-submit = 返信する
web-composer-reply-done = 窓口に返信しました。
web-withdraw-heading = ご相談の取り下げ
web-withdraw-lead = 窓口の支援が不要になった場合は、ご相談を取り下げることができます。取り下げたご相談は対応終了となります。
web-withdraw-open = ご相談を取り下げる…
web-withdraw-title = { $reference } を取り下げますか
web-withdraw-confirm = 窓口での対応を終了します。新たなご相談は、いつでもお申し込みいただけます。
web-withdraw-reason = 取り下げの理由（任意）
web-withdraw-reason-hint = 今後の支援の改善に活用いたします。
web-withdraw-submit = 取り下げる
web-withdraw-done = ご相談を取り下げました。

## 相談案件：窓口での対応

web-assignment-take = この案件を担当する
web-assignment-give-back = 担当を外れる
web-assignment-taken = { $reference } の担当者になりました。
web-assignment-given-back = { $reference } の担当を外れました。
web-assignment-assign-to = 担当者の選択
web-assignment-assign = 担当者を設定する
web-assignment-saved = 担当者を変更しました。
# 窓口のメンバーです。$name は氏名、$role は役割（アドバイザー・窓口スタッフ）です。
web-assignment-member = { $name }（{ $role }）
web-triage-heading = 振り分け
web-triage-save = 振り分け内容を保存する
web-triage-saved = 振り分け内容を保存しました。
web-referrals-heading = 他窓口との連携
web-referrals-pending = { $desk }の回答待ち
web-referrals-request-heading = 他の窓口に引き継ぎを依頼する
web-referrals-to-desk = 依頼先の窓口
web-referrals-reason = 依頼理由
web-referrals-reason-hint = 依頼先の窓口の方が適切に支援できる理由をご記入ください。依頼先の職員が判断に用います。相談者には表示されません。
web-referrals-request-submit = 連携を依頼する
web-referrals-requested = { $desk }へ連携を依頼しました。
web-referrals-history = 連携の履歴
web-referrals-col-desks = 依頼元 → 依頼先
web-referrals-col-reason = 理由
web-referrals-from-to = { $from } → { $to }
web-referrals-requested-by = 依頼者：{ $name }（{ $date }）
web-referrals-decided-by = 回答者：{ $name }（{ $date }）
web-referrals-none = 連携の履歴はありません。
web-referral-accept = 受け入れる
web-referral-accept-named = { $desk }からの{ $reference }を受け入れる
web-referral-accept-title = { $reference } を受け入れますか
web-referral-accept-confirm = { $reference } を{ $desk }から引き継ぎ、新たに受け付けた案件として窓口の一覧に加えます。これまでの経過記録もすべて引き継がれます。
web-referral-accepted = { $desk }から{ $reference } を引き継ぎました。
web-referral-decline = 受け入れない
web-referral-decline-named = { $desk }からの{ $reference }を受け入れない
web-referral-decline-title = { $reference } の受入れを見送る
web-referral-decline-reason = 受け入れられない理由
web-referral-decline-reason-hint = 依頼元の窓口に通知されます。案件は依頼元の窓口に残ります。
web-referral-declined = { $reference } の受入れを見送りました。案件は{ $desk }に残ります。
web-referral-reason-from = { $desk }からの依頼理由
web-reroute-heading = 受付窓口の振り替え
web-reroute-lead = 誤った窓口に振り分けられ、まだ振り分け済みになっていない案件を、正しい窓口へ移します。他窓口への連携としては集計されません。
web-reroute-desk = 振り替え先の窓口
web-reroute-reason = 振り替えの理由
web-reroute-submit = この窓口へ振り替える
web-reroute-done = { $reference } を{ $desk }へ振り替えました。

## 候補の提案：相談に役立ちそうなディレクトリの掲載先（窓口の担当者のみ）

web-suggestions-heading = 候補の提案
web-suggestions-lead = この相談に合うディレクトリの掲載先を、適合度の高い順に表示しています。非公開の掲載先、除外済みの候補、利益相反のある候補、相談者の競合企業に出資しているVCは表示されません。相談者にはこの一覧は表示されません。
web-suggestions-kinds = 候補の種類
web-suggestions-empty = この相談に提案できるこの種類の候補はありません。
web-suggestions-score = 適合度 { $score }
web-suggestions-reasons = 提案の理由
web-suggestions-breakdown = スコアの内訳
web-suggestions-breakdown-caption = { $name } のスコア（{ $score }）の内訳
web-suggestions-feature = 評価項目
web-suggestions-weight = 重み
web-suggestions-value = 充足度
web-suggestions-points = 点数（100点満点）
web-suggestions-total = 合計
web-suggestions-dismiss = 除外
web-suggestions-dismiss-named = { $name } を候補から除外
web-suggestions-dismiss-title = { $name } を候補から除外しますか？
web-suggestions-dismiss-lead = この相談では、今後 { $name } を候補として提案しません。
web-suggestions-dismiss-reason = 除外の理由
web-suggestions-dismiss-reason-hint = この相談に適さない理由をご記入ください。相談者には表示されません。
web-suggestions-dismiss-submit = 除外する
web-suggestions-dismissed = { $name } をこの相談の候補から除外しました。

## 相談案件：窓口の相談案件一覧（/queue）

web-queue-title = 相談案件一覧
web-queue-lead = 担当窓口で受け付けた相談案件です。絞り込み条件と並び順はアドレスに保存されるため、ブックマークや共有ができます。
web-queue-desk-picker = 窓口
web-queue-my-desks = 担当窓口すべて
web-queue-all-desks = すべての窓口
web-queue-filter-heading = 絞り込み
web-queue-search = キーワード
web-queue-search-hint = 受付番号・件名・相談内容の一部を入力してください。
web-queue-any = 指定なし
web-queue-topic = 相談分野
web-queue-assignee-me = 自分（{ $name }）
web-queue-assignee-unknown = リンクで指定された担当者
web-queue-based = 拠点
web-queue-based-overseas = 海外
web-queue-based-japan = 国内
web-queue-sort = 並び順
web-queue-sort-received-newest = 受付日の新しい順
web-queue-sort-received-oldest = 受付日の古い順
web-queue-sort-filed-newest = 申込日の新しい順
web-queue-sort-due-soonest = 初回対応期限の近い順
web-queue-sort-priority-highest = 優先度の高い順
web-queue-sort-updated-newest = 更新日時の新しい順
web-queue-overdue-only = 期限超過のみ表示
web-queue-apply = 絞り込む
web-queue-clear = 条件をクリア
web-queue-results-heading = 相談案件
web-queue-overdue-count = 期限超過 { $count } 件
web-queue-overdue-none = 期限超過の案件はありません。
web-queue-empty = この一覧に相談案件はありません。
web-queue-empty-filtered = 条件に一致する相談案件はありません。
web-queue-confidential = 機密
web-queue-referrals-heading = 回答待ちの連携依頼
web-queue-referrals-none = 回答待ちの連携依頼はありません。
web-queue-plan-assignments = 担当の一括割り当て

## 相談案件：窓口の担当割り当て計画（/desks/:id/assign、窓口職員・管理者のみ）

web-assign-plan-title = 担当の一括割り当て
web-assign-plan-title-desk = 担当の一括割り当て：{ $desk }
web-assign-plan-lead = この窓口の未対応かつ担当者未定の相談案件について、アドバイザーごとの適合度と受け入れ可能な件数をもとに、担当の割り当て案を作成しました。「選択した案件を割り当てる」を押すまで、担当者は変更されません。
web-assign-plan-back = 相談案件一覧に戻る
web-assign-plan-empty = この窓口には、担当者が未定の対応中の相談案件はありません。
web-assign-plan-figures-heading = 割り当て案の評価
web-assign-plan-fit-share = 適合度の達成率
web-assign-plan-fit-share-hint = すべての案件に受け入れ件数を考慮せず最適なアドバイザーを割り当てた場合と比べた、割り当て案全体の適合度の割合です。100%の場合、受け入れ件数の上限によって適合度が下がった案件はありません。
web-assign-plan-load-spread = 負荷のばらつき
web-assign-plan-load-spread-hint = 割り当て後の各アドバイザーの受け入れ枠の使用率について、最も高い人と最も低い人の差です。低いほど、業務が均等に分担されています。
web-assign-plan-violations = 制約違反
web-assign-plan-violations-hint = 担当できないアドバイザーや受け入れ枠に空きのないアドバイザーへの割り当ての件数です。割り当て案では常に0件です。
web-assign-plan-proposed-heading = 割り当て案
web-assign-plan-proposed-caption = 割り当て案（割り当てない案件はチェックを外してください）
web-assign-plan-proposed-none = 割り当てできる案件はありません。下記の案件は現時点では割り当てできません。
web-assign-plan-col-include = 割り当て
web-assign-plan-col-advisor = 担当候補のアドバイザー
web-assign-plan-col-fit = 適合度
web-assign-plan-include = { $reference } を { $name } に割り当てる
web-assign-plan-selected-count = { $count } 件中 { $shown } 件を選択中
web-assign-plan-apply = 選択した案件を割り当てる
web-assign-plan-again = 割り当て案を再作成
web-assign-plan-none-selected = 割り当てる案件を1件以上選択してください。
web-assign-plan-replan-hint = 割り当て案の作成後に、案件またはアドバイザーの状況が変更されました。割り当て案を再作成し、内容をご確認のうえ、改めて割り当ててください。
web-assign-plan-applied = { $count } 件の案件に担当者を割り当てました。
web-assign-plan-unassigned-heading = 割り当てできなかった案件
web-assign-plan-unassigned-none = 担当者未定の対応中の案件は、すべて割り当て案に含まれています。
web-assign-plan-unassigned-reason = （{ $label }）

## ディレクトリ：アドバイザー・サポーター団体・VC・支援施策（/directory）

web-nav-directory = ディレクトリ
web-nav-my-directory-profile = プロフィールの編集
web-nav-our-directory-entry = 自社の掲載情報
web-directory-title = ディレクトリ
web-directory-lead = アドバイザー、サポーター団体、VC、支援施策を探せます。日本語・英語のどちらでも検索できます。検索条件はURLに保存されるため、ブックマークや共有にご利用いただけます。
web-directory-add = 掲載情報を追加
web-directory-kind-choice-lead = 追加する掲載情報の種別を選んでください。
web-directory-own-advisor-heading = ディレクトリのプロフィール
web-directory-own-advisor-lead = ディレクトリにプロフィールがまだ登録されていません。登録すると、窓口スタッフが相談案件とアドバイザーをマッチングする際に見つけやすくなります。
web-directory-own-organisation-heading = 自社のディレクトリ掲載
web-directory-own-organisation-lead = 貴社はディレクトリにまだ掲載されていません。掲載すると、スタートアップや各窓口が貴社の支援内容を見つけやすくなります。
web-directory-own-create = 登録する
web-directory-search = キーワード
web-directory-search-hint = 名称・紹介文・分類を日本語または英語で検索できます（例：「薬事」「regulatory affairs」）。
web-directory-search-submit = 検索
web-directory-clear = 検索条件をクリア
web-directory-kinds = 掲載種別
web-directory-all-kinds = すべて
web-directory-filters-heading = 絞り込み
web-directory-conditions = 条件
web-directory-overseas-only = 海外拠点のみ
web-directory-certified-only = 認定VCのみ
web-directory-open-only = 募集中の支援施策のみ
web-directory-domains = 領域
web-directory-stages = 開発段階
web-directory-topics = 相談テーマ
web-directory-languages = 対応言語
web-directory-regions = 地域
web-directory-services = 提供サービス
web-directory-supporter-types = サポーター団体の種別
web-directory-staff-options = スタッフ向けオプション
web-directory-show-inactive = 非公開の掲載情報も表示
web-directory-explain = 順位の根拠を表示
web-directory-results-heading = 検索結果
web-directory-total = { $count }件
web-directory-sort = 並び順
web-directory-sort-relevance = 関連度の高い順
web-directory-sort-name = 名称順
web-directory-sort-recently-updated = 更新日の新しい順
web-directory-sort-closing-soon = 締切の近い順
web-directory-empty = ディレクトリにはまだ掲載情報がありません。
web-directory-empty-filtered = 条件に一致する掲載情報はありません。キーワードを変えるか、絞り込み条件を減らしてお試しください。
web-directory-page-empty = このページには検索結果がありません。
web-directory-first-page = 最初のページへ
web-directory-page-of = { $count }ページ中 { $page }ページ目
web-directory-page-link = { $page }ページ目
# 長い文の一部を抜き出したときに、前後が省略されていることを示します。
web-directory-snippet-ellipsis = …
web-directory-certified = 認定VC
web-directory-overseas = 海外拠点
# 検索結果に表示されない掲載情報のバッジ。
web-directory-hidden = 非公開
web-directory-open-now = 募集中
web-directory-closed-now = 募集期間外
# 支援施策の実施機関（$name）と募集期間（$date）。
web-directory-programme-line = { $name }・{ $date }
web-directory-window-range = { $from }～{ $to }
web-directory-window-until = { $date }まで
web-directory-window-from = { $date }から
web-directory-window-always = 通年募集
# $score は検索エンジンが算出した一致度です。
web-directory-score = スコア { $score }
web-directory-score-none = スコアなし（キーワード未入力）
web-directory-explanation-none = 検索エンジンから根拠は返されませんでした。
web-directory-new-tab = （新しいタブで開きます）

## ディレクトリ：掲載情報の詳細（/directory/:id）

web-directory-entry-loading-title = 掲載情報
web-directory-entry-not-found-title = 掲載情報が見つかりません
web-directory-entry-not-found-body = この掲載情報は存在しないか、現在ディレクトリに公開されていません。
web-directory-entry-inactive = この掲載情報は非公開のため、検索結果には表示されません。窓口スタッフと掲載者のみが閲覧できます。
web-directory-entry-summary = 紹介
web-directory-entry-details = 詳細
web-directory-entry-tags = 対応分野・地域
web-directory-entry-contact = 連絡先
web-directory-affiliation = 所属
web-directory-capacity = 同時に担当できる案件数
web-directory-capacity-value = { $count }件
web-directory-conflicts = 利益相反
web-directory-supporter-type = 団体の種別
web-directory-certification = 認定
web-directory-not-certified = 認定なし
web-directory-based = 拠点
web-directory-based-japan = 国内
web-directory-based-overseas = 海外
web-directory-ticket = 1社あたりの投資額
web-directory-portfolio = 投資先
web-directory-body = 実施機関
# $kind は実施機関の種別（国・自治体・民間）、$name はその名称です。
web-directory-body-value = { $name }（{ $kind }）
web-directory-eligibility = 対象
web-directory-window = 募集期間
web-directory-programme-link = 施策のページ
web-directory-contact-email = 連絡先メールアドレス
web-directory-website = ウェブサイト
web-directory-updated = 最終更新日：{ $date }
web-directory-back = ディレクトリに戻る

## ディレクトリ：掲載情報の追加・編集（/directory/new、/directory/:id/edit）

web-directory-new-title = 掲載情報の追加：{ $kind }
web-directory-edit-title = { $name } の編集
web-directory-view-profile = 掲載情報を表示
web-directory-form-lead = 各項目は英語と日本語の両方で入力してください。閲覧者には、その方の表示言語で表示されます。
web-directory-own-exists-title = 掲載情報は登録済みです
web-directory-own-exists-body = ディレクトリの掲載情報はすでに登録されています。内容はいつでも編集できます。
web-directory-own-exists-edit = 掲載情報を編集
web-directory-form-texts = 名称と紹介文
web-directory-form-summary-en = 紹介文（英語）
web-directory-form-summary-ja = 紹介文（日本語）
web-directory-form-summary-hint-advisor = これまでの経歴と、スタートアップに対してどのような支援ができるかを記載してください。
web-directory-form-summary-hint-organisation = 団体の事業内容と、スタートアップへの支援内容を記載してください。
web-directory-form-summary-hint-programme = 支援の内容、金額、期間を記載してください。
web-directory-form-advisor = アドバイザー情報
web-directory-account = アドバイザーのアカウント
web-directory-form-account-hint = このアカウントのプロフィールとして登録します。プロフィールはアドバイザー1人につき1件です。
web-directory-form-affiliation-en = 所属（英語）
web-directory-form-affiliation-ja = 所属（日本語）
web-directory-form-capacity-hint = 同時に担当できる相談案件の数を1～50で入力してください。窓口スタッフとアドバイザー本人のみに表示されます。
web-directory-form-conflicts-hint = 利益相反のある団体です。これらの団体からの相談案件にはマッチングされません。窓口スタッフとアドバイザー本人のみに表示されます。
web-directory-form-organisations-readonly = この一覧は窓口スタッフが管理しています。変更が必要な場合は窓口スタッフにご連絡ください。
web-directory-form-supporter = サポーター団体情報
web-directory-form-vc = VC情報
web-directory-form-certified = 認定VC（AMED）
web-directory-form-certified-hint = 認定の有無は窓口スタッフのみが変更できます。
web-directory-form-ticket-min = 投資額の下限（円）
web-directory-form-ticket-max = 投資額の上限（円）
web-directory-form-yen-hint = 円単位の整数で入力してください（例：100,000,000）。任意項目です。
web-directory-validation-yen = 金額は円単位の整数で入力してください（例：100,000,000）。
web-directory-form-new-organisation = 保存時に日本語の名称で団体として登録されます。
web-directory-form-programme = 支援施策情報
web-directory-form-body = 実施機関の種別
web-directory-form-body-name-en = 実施機関名（英語）
web-directory-form-body-name-ja = 実施機関名（日本語）
web-directory-form-eligibility-en = 対象（英語）
web-directory-form-eligibility-ja = 対象（日本語）
web-directory-form-opens-on = 募集開始日
web-directory-form-opens-on-hint = 日本時間の日付です。通年で募集している場合は空欄にしてください。
web-directory-form-closes-on = 募集締切日
web-directory-form-closes-on-hint = 日本時間の最終日です。締切がない場合は空欄にしてください。
web-directory-form-overseas = 海外に拠点がある
web-directory-form-website-hint = https:// から始まるURLを入力してください。
web-directory-form-find-organisation = 団体名で検索
web-directory-form-found = 検索結果の団体
web-directory-form-none-found = この名称の団体は見つかりませんでした。
web-directory-form-add = 追加
web-directory-form-add-named = { $name } を追加
web-directory-form-remove = 削除
web-directory-form-remove-named = { $name } を削除
web-directory-create = ディレクトリに追加
web-directory-created = ディレクトリに掲載情報を追加しました。
web-directory-saved = 変更を保存しました。
web-directory-reload = 掲載情報を再読み込み
web-directory-visibility = 公開設定
web-directory-visibility-shown = ディレクトリと検索結果に表示されています。
web-directory-visibility-hidden = 非公開：検索結果には表示されず、窓口スタッフと掲載者のみが閲覧できます。
web-directory-activate = ディレクトリに公開
web-directory-deactivate = ディレクトリから非公開にする
web-directory-deactivate-title = { $name } を非公開にしますか？
web-directory-deactivate-confirm = 検索結果やマッチングに表示されなくなります。掲載情報は削除されず、いつでも再公開できます。
web-directory-activated = 掲載情報を再公開しました。
web-directory-deactivated = 掲載情報を非公開にしました。

## 紹介：相談案件のアドバイザー・サポーター団体・VCへの紹介。
## 状況・紹介方法・操作・成果の種類・導入先・ラウンドの表示名は introductions.ftl
## （introduction-status-*, introduction-channel-*, introduction-step-*, outcome-type-*,
## adopter-*, investment-round-*）のものを使います。

web-nav-introductions = 紹介一覧
web-home-introductions-heading = 紹介
web-home-introductions-lead = 支援窓口から、相談者の同意を得てご紹介するスタートアップです。相談者が開示に同意した内容をご確認のうえ、ご回答ください。
web-home-introductions-link = 紹介一覧を開く

## 紹介：相談案件の画面

web-introductions-heading = 紹介
web-introductions-desk-lead = この相談のアドバイザー・サポーター団体・VCへの紹介です（古い順）。紹介先に送る前に必ず相談者の同意を得ます。開示する項目は相談者が選択し、同意前に紹介先へ情報が伝わることはありません。
web-introductions-requester-lead = 窓口から、アドバイザー・サポーター団体・VCへのご紹介をご提案することがあります。ご同意いただくまで紹介先には一切お伝えせず、ご同意後も、お選びいただいた項目のみを開示します。
web-introductions-empty = 現在、窓口からご提案している紹介はありません。
web-introductions-empty-desk = 紹介はまだありません。候補の提案から紹介を提案できます。
web-introduction-propose = 紹介を提案
web-introduction-propose-named = { $name } への紹介を提案
web-introduction-propose-title = { $name } への紹介を提案する
web-introduction-propose-lead = { $name } に情報を送る前に、相談者に同意を依頼します。開示する項目は相談者が最終的に選択します。
web-introduction-channel = 紹介の方法
web-introduction-channel-individual-hint = 窓口から紹介先へ、メールで個別にご紹介します。
web-introduction-channel-newsletter-hint = 窓口の通信（ニュースレター）に掲載してご紹介します。
web-introduction-propose-message = 相談者へのメッセージ
web-introduction-propose-message-hint = 任意。この紹介を提案する理由をご記入ください。同意の依頼とともに相談者にお送りします。
web-introduction-propose-fields = 開示を提案する項目
web-introduction-propose-fields-hint = 相談の申込み時に相談者が開示を認めた項目を、あらかじめ選択しています。最終的には相談者が選択します。
web-introduction-propose-submit = 紹介を提案する
web-introduction-proposed = { $name } への紹介を提案しました。「紹介」欄から相談者に同意を依頼してください。
web-introduction-fields-required = 開示する項目を1つ以上選択してください。
web-introduction-target = 紹介先
web-introduction-status = 状況
web-introduction-consultation = 相談案件
web-introduction-proposed-at = 提案日時
web-introduction-consent-requested-at = 同意依頼日時
web-introduction-consented-at = 同意日時
web-introduction-sent-at = 紹介日時
web-introduction-answered-at = 回答日時
web-introduction-answer-due-at = 回答期限
web-introduction-meeting-held-on = 面談日
web-introduction-closed-at = 終了日時
web-introduction-shared-fields = 開示に同意された項目
web-introduction-proposed-fields = 開示を提案した項目
web-introduction-message = 窓口からのメッセージ
web-introduction-outcome = 成果
# $label は導入先（医療機関・保険者・介護事業者）です。
web-introduction-outcome-adopter = （導入先：{ $label }）
web-introduction-investment-value = { $label }（{ $kind }、{ $date }）
web-introduction-outcome-note = 成果に関するメモ
web-introduction-answer-note = コメント・理由
web-introduction-details-named = { $name } への紹介の詳細
web-introduction-reload = 最新の紹介状況を読み込む
web-introduction-open-consent = 内容を確認して回答する
web-introduction-consent-requested = { $name } への紹介について、相談者にメールで同意を依頼しました。
web-introduction-send-title = { $name } に紹介を送りますか
web-introduction-send-confirm = { $name } に、下記の項目の閲覧と回答のためのリンクをメールでお送りします。相談案件のその他の内容は開示されません。
web-introduction-sent = { $name } に紹介を送りました。
web-introduction-withdraw-title = { $name } への紹介を取り下げる
web-introduction-withdraw-lead = 紹介を終了し、紹介先には送りません。相談者に同意を依頼済みの場合は、取下げとその理由が相談者に表示されます。
web-introduction-withdraw-reason = 取下げの理由
web-introduction-withdraw-reason-hint = 相談案件の経過記録に残ります。
web-introduction-withdrawn = { $name } への紹介を取り下げました。
web-introduction-meeting-title = { $name } との面談を記録する
web-introduction-meeting-hint = 相談者と{ $name }が面談した日（日本時間）です。未来の日付は指定できません。
web-introduction-meeting-recorded = { $name } との面談実施を記録しました。
web-introduction-validation-future = 未来の日付は指定できません。
web-introduction-validation-before-sent = 紹介を送った日（{ $date }）より前の日付は指定できません。
web-introduction-record-outcome = 成果を記録する
web-introduction-outcome-title = { $name } への紹介の成果
web-introduction-outcome-matched = マッチングは成立しましたか
web-introduction-outcome-matched-yes = はい：マッチング成立
web-introduction-outcome-matched-no = いいえ：マッチング不成立
web-introduction-outcome-no-meeting-hint = マッチング成立は、面談実施を記録した後に記録できます。
web-introduction-outcome-type = 成果の種類
web-introduction-outcome-adopter-label = 導入先
web-introduction-investment = 出資
web-introduction-investment-hint = スタートアップへの民間出資の確定額として集計します。
web-introduction-investment-amount = 出資額（円）
web-introduction-investment-amount-hint = 円単位の整数でご記入ください（例：50,000,000）。
web-introduction-investment-round = ラウンド
web-introduction-investment-date = 出資日
web-introduction-outcome-note-hint = 任意。出資の場合は、確認の根拠をご記入ください。
web-introduction-matched = { $name } とのマッチング成立を記録しました。
web-introduction-not-matched = { $name } とのマッチング不成立を記録しました。
web-introduction-record-answer = 紹介先の回答を記録する
web-introduction-answer-title = { $name } の回答を記録する
web-introduction-answer-lead = { $name } から電話やメールで回答があった場合に、紹介先に代わって回答を記録します。
web-introduction-answer-choice = 紹介先の回答
web-introduction-answer-note-desk-hint = 任意。回答の際に紹介先から伝えられた内容をご記入ください。
web-introduction-accepted-for = { $name } の承諾を記録しました。
web-introduction-declined-for = { $name } の辞退を記録しました。

## 紹介：個別の紹介（/introductions/:id）と紹介先にメールで送るリンク

web-introduction-loading-title = 紹介
web-introduction-not-found-title = 紹介が見つかりません
web-introduction-not-found-body = 指定された紹介は存在しないか、閲覧する権限がありません。
web-introduction-title = { $name } への紹介
web-introduction-back-to-consultation = 相談案件 { $reference } に戻る
web-introduction-overview-heading = 紹介の概要
web-introduction-consented-notice = ご同意いただき、ありがとうございます。お選びいただいた項目のみを、窓口から{ $name }にお伝えします。
web-introduction-consent-title = ご紹介への同意のお願い
web-introduction-consent-lead = 支援窓口から、{ $name }へのご紹介をご提案しております。内容をご確認のうえ、ご同意いただけるかどうかご回答ください。
web-introduction-consent-heading = ご回答
web-introduction-consent-promise = ご同意いただくまで、貴社およびご相談の内容が{ $name }に伝わることはありません。ご同意いただいた場合も、以下で選択された項目のみを開示します。
web-introduction-consent-by = { $date } までにご回答ください。
web-introduction-consent-fields = { $name }に開示する項目
web-introduction-consent-fields-hint = 窓口が提案した項目をあらかじめ選択しています。1つ以上選択してください。
web-introduction-consent-submit = 選択した項目の開示に同意する
web-introduction-decline-consent-title = { $name }へのご紹介に同意しませんか
web-introduction-decline-consent-confirm = ご紹介は取下げとなり、{ $name }には一切お伝えしません。窓口にはその旨をお知らせします。
web-introduction-decline-consent-reason = 理由（任意）
web-introduction-decline-consent-reason-hint = 今後のご紹介の参考にいたします。
web-introduction-response-title = 支援窓口からのご紹介
web-introduction-received-title = ご紹介
web-introduction-response-lead = ヘルスケアスタートアップ支援窓口から、{ $name }にスタートアップをご紹介いたします。以下は、相談者が開示に同意した項目のみです。
web-introduction-shared-heading = 相談者が開示に同意した内容
web-introduction-shared-lead = 開示に同意された時点の内容です。これ以外の情報は開示されません。
web-introduction-nothing-shared = 開示された項目はまだありません。
web-introduction-answer-heading = ご回答
web-introduction-answer-by = { $date } までにご回答ください。
web-introduction-answer-comment = 窓口へのコメント（任意）
web-introduction-answer-note-hint = ご回答とともに窓口にお伝えします（ご担当者の連絡先、辞退の理由など）。
web-introduction-response-accepted = ご紹介をお受けいただき、ありがとうございます。今後の進め方について、窓口よりご連絡いたします。
web-introduction-response-declined = ご紹介の辞退を承りました。ご回答いただき、ありがとうございました。
web-introduction-link-invalid-title = このリンクはご利用いただけません
web-introduction-link-invalid-body = リンクが正しくありません。お送りしたメールのリンクをそのまま開いてください。
web-introduction-link-invalid-hint = 解決しない場合は、メールを送信した支援窓口にお問い合わせください。

## 紹介：アドバイザー・団体に届いた紹介（/introductions）

web-my-introductions-title = 紹介一覧
web-my-introductions-lead = 支援窓口から貴職・貴社にご紹介したスタートアップの一覧です。いずれも相談者の同意を得ています。各紹介を開き、開示された内容をご確認のうえご回答ください。
web-my-introductions-col-consultation = 相談の件名
# $date は窓口が紹介を送った日時です。相談者が件名を開示していない場合に表示します。
web-my-introductions-untitled = { $date } のご紹介
web-my-introductions-not-shared = 非開示
web-my-introductions-empty = まだ紹介は届いていません。
web-my-introductions-none-in-status = この状況の紹介はありません。

## ヘルステック・チャレンジ：マイルストーン型補助金（/grants）

web-nav-grants = 補助金
web-grant-list-title = ヘルステック・チャレンジ（補助金）
web-grant-list-lead = マイルストーン型の開発支援です。開発計画に定めたマイルストーンを達成するごとに、補助金を段階的に交付します。
web-grant-list-new-programme = 補助事業を新規作成
web-grant-list-empty = 補助事業はまだありません。
web-grant-list-apply = 申請する
web-grant-list-open-my-application = 自社の申請を開く
web-grant-list-my-applications = 自社の申請
web-grant-list-my-applications-lead = 貴社の申請（下書きを含む）を、古い順に表示しています。
web-grant-list-my-applications-empty = まだ申請はありません。上の一覧から、申請受付中の補助事業をお選びください。
web-grant-list-to-review = 審査を担当する申請
web-grant-list-to-review-lead = 窓口から審査を依頼された申請を、古い順に表示しています。
web-grant-list-to-review-empty = 審査を依頼された申請はありません。
web-grant-list-received = 受け付けた申請
web-grant-list-received-lead = 運営する補助事業に提出された申請と、審査を依頼された申請を、古い順に表示しています。
web-grant-list-received-empty = 提出された申請はまだありません。

## 補助金：補助事業

web-grant-programme = 補助事業
web-grant-programme-open = 申請受付中
web-grant-programme-closed = 受付期間外
web-grant-programme-loading-title = 補助事業
web-grant-programme-not-found-title = 補助事業が見つかりません
web-grant-programme-not-found-body = 指定された補助事業は存在しないか、閲覧する権限がありません。
web-grant-programme-overview = 補助事業の概要
web-grant-programme-my-application = 貴社の申請：
web-grant-programme-applications = 申請一覧
web-grant-programme-applications-empty = この補助事業に提出された申請はまだありません。
web-grant-programme-applications-none-in-status = この状況の申請はありません。
web-grant-fiscal-year = 年度
web-grant-fiscal-year-hint = 4月から翌年3月までの年度を西暦で入力してください（例：2026 は令和8年度、2026年4月〜2027年3月）。
web-grant-themes = 対象となる開発テーマ
web-grant-themes-hint = 申請者はこの中から1つを選択します。
web-grant-theme = 開発テーマ
# $from と $to は申請受付期間の初日と最終日です。
web-grant-window-value = { $from }～{ $to }
web-grant-window = 申請受付期間
web-grant-window-hint = 受付期間は年度内に終了するよう設定してください。開始日は年度開始の1年前まで遡れます。
web-grant-opens-on = 受付開始日
web-grant-closes-on = 受付終了日
web-grant-ceiling = 1件あたりの補助上限額
web-grant-ceiling-hint = 1件の交付決定額の上限（円）です。
web-grant-match-ratio = VCマッチング倍率
web-grant-match-ratio-hint = 任意（0.1～10）。倍率を2とすると、累計交付額はスタートアップが受けた民間投資の確認額の2倍までとなります。マッチングを行わない場合は空欄のままにしてください。
# $count は倍率（例：2）です。
web-grant-match-ratio-value = 累計交付額は民間投資確認額の{ $count }倍まで
web-grant-match-ratio-none = なし
web-grant-criteria = 評価項目
web-grant-criteria-lead = 審査員は各項目を1～5の5段階で評価します。評価点は、各項目の重みによる加重平均です。
web-grant-criteria-hint = 審査員は各項目を1～5の5段階で評価します。重みは相対値（1～100）で、重み30の項目は重み10の項目の3倍の比重となります。
web-grant-criterion = 評価項目
web-grant-criterion-number = 評価項目{ $count }
web-grant-criterion-weight = 重み
web-grant-criterion-weight-hint = 1～100の整数で入力してください。
web-grant-criterion-add = 評価項目を追加
web-grant-desk = 担当窓口
# $desk は補助事業を実施する窓口の名称です。
web-grant-run-by = 実施窓口：{ $desk }
web-grant-budget = 予算執行状況
web-grant-budget-lead = 予算額は、交付決定額の合計と残額の合計です。交付決定額には、交付済みの額、民間投資の確認待ちの額、今後のマイルストーン達成時に交付する額が含まれます。
web-grant-budget-total = 予算額
web-grant-budget-committed = 交付決定額
web-grant-budget-disbursed = 交付済み
web-grant-budget-awaiting-match = 民間投資の確認待ち
web-grant-budget-remaining = 残額
web-grant-ledger-intact = 台帳：改ざんなし
web-grant-ledger-broken = 台帳：不整合あり
web-grant-ledger-entries = { $count }件の記録を確認
web-grant-yen-hint = 円単位の整数で入力してください（例：100,000,000）。
web-grant-validation-yen = 1円以上の金額を、円単位の整数で入力してください（例：100,000,000）。
web-grant-validation-fiscal-year = 年度は西暦で入力してください（例：2026）。
web-grant-validation-ratio = 0.1～10の数値（例：2）を入力するか、空欄にしてください。
web-grant-validation-weight = 1～100の整数で入力してください。
web-grant-validation-criteria = 評価項目を1つ以上追加してください。
web-grant-validation-milestones = マイルストーンを1つ以上追加してください。
web-grant-validation-milestone-order = 各マイルストーンの期日は、前のマイルストーンより後の日付にしてください。
# $label は行の名前です（例：「マイルストーン2」）。
web-grant-row-up = { $label }を上へ移動
web-grant-row-down = { $label }を下へ移動
web-grant-row-remove = { $label }を削除
web-grant-row-up-short = 上へ
web-grant-row-down-short = 下へ
web-grant-row-remove-short = 削除

## 補助金：補助事業の作成・編集

web-grant-programme-new-title = 補助事業の新規作成
web-grant-programme-edit-title = { $name }の編集
web-grant-programme-form-lead = 名称と説明は、申請者の表示言語で表示されます。日本語・英語の両方をご記入ください。
web-grant-programme-form-outline = 補助事業の内容
web-grant-programme-form-money = 予算・交付条件
web-grant-programme-no-desk = 窓口に所属していないため、補助事業を作成できません。
web-grant-programme-create = 補助事業を作成する
web-grant-programme-created = 補助事業を作成しました。
web-grant-programme-saved = 補助事業を保存しました。
web-grant-programme-view = 補助事業を表示

## 補助金：申請

web-grant-apply-title = { $name }への申請
web-grant-apply-lead = 開発課題の内容と、期日の順に並べたマイルストーンをご記入ください。マイルストーンを達成するごとに、その交付予定額を交付します。まず下書きとして保存し、申請の画面から提出してください。
web-grant-apply-closed = この補助事業は現在、申請受付期間外です。下書きは作成できますが、提出は申請受付期間内に限ります。
web-grant-apply-exists = 貴社はこの補助事業に申請済みです。
web-grant-application-form-project = 開発課題
web-grant-application-title = 開発課題名
web-grant-summary = 開発課題の概要
web-grant-summary-hint = 対象とする医療ニーズ、開発する製品・技術、本補助金で達成する内容をご記入ください。
web-grant-milestones = マイルストーン
web-grant-milestones-hint = 期日の早い順にご記入ください。交付予定額の合計は、1件あたりの補助上限額以内としてください。
web-grant-milestone-number = マイルストーン{ $count }
web-grant-milestone-title = 達成目標
web-grant-milestone-criteria = 達成基準
web-grant-milestone-criteria-hint = 達成を確認できる成果・書類・承認等をご記入ください。
web-grant-milestone-due = 期日
web-grant-milestone-tranche = 交付予定額（円）
web-grant-milestone-tranche-amount = 交付予定額
web-grant-milestone-add = マイルストーンを追加
web-grant-plan-total = 交付予定額の合計
web-grant-plan-over-ceiling = 合計が1件あたりの補助上限額を超えています。
web-grant-application-save = 下書きを保存する
web-grant-application-saved = 下書きを保存しました。内容をご確認のうえ、下の「申請を提出する」から提出してください。
web-grant-application-edit-title = 申請内容の編集
web-grant-application-not-editable = 変更できるのは下書きのみです。この申請は提出済み、または終了しています。
web-grant-application-view = 申請を表示

## 補助金：個別の申請

web-grant-application-loading-title = 申請
web-grant-application-not-found-title = 申請が見つかりません
web-grant-application-not-found-body = 指定された申請は存在しないか、閲覧する権限がありません。
web-grant-application-overview = 申請内容
web-grant-application-edit = 下書きを編集
web-grant-applicant = 申請者
web-grant-status = 状況
web-grant-requested = 申請額
web-grant-submitted-at = 申請日時
web-grant-decided-at = 審査結果の決定日時
web-grant-decision-note-label = 審査結果の理由
web-grant-application-draft-hint = 下書きの段階です。提出するまで窓口からは閲覧できません。
web-grant-application-submit = 申請を提出する
web-grant-application-submit-title = 申請を提出しますか
web-grant-application-submit-confirm = 提出後は申請内容を変更できません。窓口の審査員が審査を行います。
web-grant-application-submitted = 申請を提出しました。審査結果は窓口からお知らせします。
web-grant-application-withdraw = 申請を取り下げる
web-grant-application-withdraw-title = 申請を取り下げますか
web-grant-application-withdraw-confirm = 取り下げた申請は審査の対象外となります。この操作は取り消せません。
web-grant-application-withdrawn = 申請を取り下げました。
web-grant-reload = 最新の申請内容を読み込む
# $count はマイルストーンの番号、$name は達成目標です。
web-grant-milestone-heading = マイルストーン{ $count }：{ $name }
web-grant-milestone-decided-at = 判断日時
web-grant-milestone-decision-note = 窓口からのコメント
web-grant-disbursement = 交付
web-grant-evidence = 証憑
web-grant-evidence-heading = 証憑の提出
web-grant-evidence-again = 窓口から追加の証憑を求められています。上記のコメントをご確認ください。
web-grant-evidence-hint = 達成基準に対して達成した内容と、それを示す書類をご記入ください。
web-grant-evidence-links = 書類のリンク
web-grant-evidence-links-hint = 任意。1行に1件ずつ、報告書やデータルーム等のURLをご記入ください。
web-grant-evidence-submitted-at = 証憑の提出日時
web-grant-evidence-sent = マイルストーン{ $count }の証憑を提出しました。窓口で確認いたします。
web-grant-decision-heading = 証憑の確認結果
web-grant-decision = 確認結果
web-grant-decision-note = 申請者へのコメント
web-grant-decision-note-hint = 追加の証憑を求める場合と、未達成と判断する場合は必須です。
web-grant-decision-note-required = 申請者に理由をお伝えください。
web-grant-decision-submit = 確認結果を記録する
web-grant-milestone-approved = マイルストーン{ $count }の達成を承認しました。
web-grant-milestone-rejected = マイルストーン{ $count }について、追加の証憑を求めました。
web-grant-milestone-failed = マイルストーン{ $count }を未達成と判断しました。交付は終了します。
web-grant-award = 交付決定
# $date は交付決定の日時です。
web-grant-awarded-at = { $date }に交付決定
web-grant-award-ended-at = { $date }に終了
web-grant-award-amount = 交付決定額
web-grant-award-disbursed = 交付済み
web-grant-award-awaiting-match = 民間投資の確認待ち
web-grant-award-returned = 予算への戻入額
web-grant-award-confirmed-investment = 民間投資の確認額
web-grant-award-match-cap = VCマッチングによる交付可能額
# $count は補助事業のVCマッチング倍率（例：2）です。
web-grant-award-match-hint = マッチング要件により、累計交付額はスタートアップへの民間投資の確認額の{ $count }倍までとなります。
web-grant-award-awaiting-match-notice = 達成が承認されたマイルストーンのうち、民間投資の確認待ちのものがあります。窓口が十分な民間投資を確認した時点で交付します。
web-grant-investments = 確認済みの民間投資
web-grant-investments-lead = 出資日の新しい順に表示しています。その合計が上記の「民間投資の確認額」です。窓口の紹介を受けたVCとのマッチングで成立した出資と、窓口が証憑を確認して記録した出資が含まれます。
web-grant-investments-empty = { $name }への民間投資の確認は、まだありません。
web-grant-investment-amount = 出資額
web-grant-investment-source = 確認方法
web-grant-investment-from-introduction = 窓口の紹介によるVCマッチング
web-grant-investment-from-desk = 窓口による確認・記録

## 補助金：審査と交付決定（窓口スタッフ・審査員）

web-grant-reviewers = 審査員
web-grant-reviewers-lead = 窓口のアドバイザーとスタッフです。申請者と利益相反のある方は選択できません。
web-grant-reviewers-none = ほかに審査を依頼できるアドバイザー・スタッフはいません。
web-grant-reviewer = 審査を依頼する方
web-grant-reviewer-is-assigned = 審査依頼済み
web-grant-reviewer-conflict = 利益相反あり
web-grant-reviewer-conflict-hint = （この申請の審査はできません）
web-grant-reviewer-assign = 審査を依頼する
web-grant-reviewer-option = { $name }（{ $role }）
web-grant-reviewer-assigned = { $name }に審査を依頼しました。
web-grant-reviews = 審査結果
web-grant-reviews-none = まだ審査を依頼していません。
web-grant-review-pending = 未提出
web-grant-aggregate-score = 加重評価点の平均
web-grant-aggregate-none = 提出された審査はまだありません
# $score は小数点以下2桁の1～5の評価点です。
web-grant-score-value = { $score } / 5
web-grant-weighted-score = 加重評価点
web-grant-recommendation = 推薦
web-grant-score = 評価
web-grant-my-review = 審査
web-grant-my-review-lead = 各評価項目を1（不十分）～5（非常に優れている）で評価し、採択・不採択を推薦してください。審査結果が決定するまでは修正できます。
web-grant-criterion-with-weight = { $name }（重み { $count }）
web-grant-score-hint = 1：不十分、3：標準的、5：非常に優れている
web-grant-review-comment = コメント
web-grant-review-comment-hint = 任意。窓口のスタッフのみが閲覧します。
web-grant-review-submit = 審査結果を提出する
web-grant-review-sent = 審査結果を提出しました。
web-grant-decision-award-heading = 採択・不採択の決定
web-grant-award-lead = 交付決定額と各マイルストーンの交付額（申請どおりの額を入力済み）を確認して採択するか、不採択とします。
web-grant-award-amount-hint = 1件あたりの補助上限額と、予算の残額の範囲内です。
web-grant-award-tranches = マイルストーンごとの交付額
web-grant-decision-note-award = 決定の理由
web-grant-decision-note-award-hint = 任意。申請者に表示されます。
web-grant-award-submit = 採択して交付を決定する
web-grant-awarded = { $name }の申請を採択し、交付を決定しました。
web-grant-reject = 不採択とする
web-grant-reject-title = { $name }の申請を不採択とする
web-grant-reject-lead = 申請者に、不採択となったことを理由とともにお知らせします。
web-grant-reject-reason = 不採択の理由
web-grant-reject-reason-hint = 申請者に表示されます。
web-grant-rejected = { $name }の申請を不採択としました。
web-grant-investment = 民間投資の確認
web-grant-investment-lead = 株式引受契約書や払込の記録で確認した、{ $name }への民間投資（VC等からの出資）を記録します。民間投資の確認待ちの交付は、記録した額に応じて交付されます。
web-grant-investment-record = 民間投資を記録する
web-grant-investment-title = { $name }への民間投資の記録
web-grant-investor = 出資者
web-grant-investment-evidence = 確認した証憑
web-grant-investment-evidence-hint = 株式引受契約書、払込金保管証明書など、出資を確認した書類をご記入ください。
# $label は読み手の表記による金額です。
web-grant-investment-recorded = { $label }の民間投資を記録しました。
# $date は審査結果を最後に提出した日時、$score はその加重評価点です。
web-grant-my-review-submitted = { $date }に審査結果を提出済みです（加重評価点 { $score } / 5）。下記から修正できます。
web-grant-decision-without-evidence = このマイルストーンで交付を終了する
web-grant-decision-without-evidence-hint = 確認待ちの証憑はありません。期日を過ぎたなど、達成の見込みがない場合は未達成と判断できます。交付は終了し、未交付の額は予算に戻入されます。

## 実績報告

web-nav-reports = 実績報告
web-report-title = 実績報告
web-report-lead = 選択した期間の相談・紹介・マッチング・助成金交付の実績を、前期間の実績と並べて表示します。
web-report-pickers-heading = 集計条件
web-report-period-kind = 集計期間
web-report-kind-fiscal-year = 年度
web-report-kind-quarter = 四半期
web-report-kind-month = 月
web-report-kind-custom = 期間指定
web-report-fiscal-year = 年度
# $label は年度の始まる年（4月〜翌3月）です。
web-report-fiscal-year-option = { $label }年度
web-report-quarter = 四半期
web-report-quarter-1 = 第1四半期（4月〜6月）
web-report-quarter-2 = 第2四半期（7月〜9月）
web-report-quarter-3 = 第3四半期（10月〜12月）
web-report-quarter-4 = 第4四半期（1月〜3月）
web-report-month = 対象月
web-report-from = 開始日
web-report-to = 終了日
web-report-custom-order = 開始日には終了日以前の日付を指定してください。
web-report-desk = 窓口
web-report-desk-all-mine = 担当窓口すべて
web-report-desk-all = すべての窓口
web-report-domain = 領域
web-report-domain-all = すべての領域
web-report-download-csv = CSVをダウンロード
web-report-kpi-heading = 主要指標
web-report-figure = 指標
web-report-breakdown-referrals = 連携先窓口別の件数
web-report-breakdown-desk = 連携先窓口
web-report-count = 件数
web-report-breakdown-matches = 成果区分別のマッチング件数
web-report-outcome = 成果区分
web-report-breakdown-disbursed = マイルストーン別の助成金交付額
web-report-milestone = マイルストーン
web-report-milestone-position = 第{ $count }マイルストーン
web-report-amount = 交付額
web-report-chart-heading = 月別推移
# $label は「2026年度」などの集計期間です。
web-report-chart-label = { $label }の月別の相談案件・紹介・マッチング成立件数の棒グラフ
web-report-chart-table = グラフの数値を表で見る
web-report-month-column = 月
web-report-series-consultations = 相談案件
web-report-series-introductions = 紹介
web-report-series-matches = マッチング成立
web-report-records-column = 明細
web-report-records-open = 明細を見る
# $label は「相談案件」などの指標名です。
web-report-records-open-for = { $label }の明細を見る
web-report-records-close = 閉じる
web-report-records-csv = 明細をCSVでダウンロード
# $label は「2026年度」などの集計期間です。
web-report-records-total = { $label }の該当件数：{ $count }件
# $label は「相談案件」などの指標名です。
web-report-records-caption = { $label }の明細
web-report-records-reference = 受付番号
web-report-records-title = 件名
web-report-records-kind = 区分
web-report-records-date = 日付
web-report-records-amount = 金額
