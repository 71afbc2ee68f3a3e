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
web-admin-taxonomy-lead = 相談案件の分類やアドバイザーとのマッチングに使う、領域・開発段階・相談テーマを管理します。
web-admin-taxonomy-tabs-label = 分類の種類
web-taxonomy-empty = 登録された項目はありません。
web-taxonomy-add-heading = 「{ $kind }」に項目を追加
web-taxonomy-add-submit = 追加する
web-taxonomy-added = 「{ $label }」を追加しました。
web-taxonomy-edit-named = { $label } を編集
web-taxonomy-edit-title = 項目 { $code } の編集
