## 相談案件：種別、ステータス、対応結果、優先度、経過記録、窓口間の連携。

consultation-kind-consultation = 相談
consultation-kind-policy-request = 要望

consultation-status-received = 受付
consultation-status-triaged = 振り分け済み
consultation-status-in-progress = 対応中
consultation-status-waiting-on-requester = 相談者の回答待ち
consultation-status-closed = 完了
consultation-status-with-resolution = { $status }（{ $resolution }）

# 相談者に表示するステータス。
consultation-requester-status-received = 受付済み
consultation-requester-status-triaged = 内容確認中
consultation-requester-status-in-progress = 対応中
consultation-requester-status-waiting-on-requester = ご回答をお待ちしています
consultation-requester-status-closed = 対応終了

resolution-resolved = 解決
resolution-referred-out = 他機関へ紹介
resolution-withdrawn = 取り下げ
resolution-out-of-scope = 対象外

priority-low = 低
priority-normal = 通常
priority-high = 高
priority-urgent = 緊急

confidentiality-standard = 通常（窓口のアドバイザー・職員が閲覧）
confidentiality-confidential = 機密（担当アドバイザーと窓口職員のみ閲覧）

shared-field-organisation-name = 組織名
shared-field-title = 件名
shared-field-description = 相談内容
shared-field-domain = 領域
shared-field-stage = 開発段階
shared-field-topics = 相談分野
shared-field-contact = ご担当者の氏名・メールアドレス

referral-status-requested = 回答待ち
referral-status-accepted = 受入れ
referral-status-declined = 受入れ不可
referral-status-cancelled = 取消し

sla-state-on-track = 期限内
sla-state-due-today = 本日期限
sla-state-overdue = 期限超過
sla-state-met = 期限内に回答
sla-state-missed = 期限後に回答
sla-state-not-applicable = 対象外

consultation-action-triage = 振り分け済みにする
consultation-action-start = 対応を開始する
consultation-action-wait-for-requester = 相談者に確認する
consultation-action-resume = 対応を再開する
consultation-action-close = 完了にする
consultation-action-withdraw = 取り下げる
consultation-action-reopen = 再開する

consultation-nobody = 未設定

consultation-event-filed = 受付
consultation-event-status-changed = ステータス変更
consultation-event-assigned = 担当者変更
consultation-event-priority-changed = 優先度変更
consultation-event-taxonomy-changed = 分類変更
consultation-event-rerouted = 窓口の振り替え
consultation-event-message = 相談者へのメッセージ
consultation-event-reply = 相談者からのメッセージ
consultation-event-note = 内部メモ
consultation-event-referral-requested = 連携依頼
consultation-event-referral-accepted = 連携受入れ
consultation-event-referral-declined = 連携受入れ不可
consultation-event-referral-cancelled = 連携依頼の取消し
consultation-event-introduction-proposed = 紹介の提案
consultation-event-introduction-consent-requested = 紹介への同意依頼
consultation-event-introduction-consented = 紹介への同意
consultation-event-introduction-withdrawn = 紹介の取下げ
consultation-event-introduction-sent = 紹介の実施
consultation-event-introduction-accepted = 紹介先の承諾
consultation-event-introduction-declined = 紹介先の辞退
consultation-event-introduction-meeting-held = 面談実施
consultation-event-introduction-matched = マッチング成立
consultation-event-introduction-not-matched = マッチング不成立
consultation-event-introduction-expired = 紹介の期限切れ

consultation-event-filed-summary = { $desk }で受け付けました
consultation-event-status-changed-summary = ステータス：{ $before } → { $after }
consultation-event-assigned-summary = 担当者：{ $before } → { $after }
consultation-event-priority-changed-summary = 優先度：{ $before } → { $after }
consultation-event-taxonomy-changed-summary = 領域・開発段階・相談分野を変更しました
consultation-event-rerouted-summary = 窓口を{ $from }から{ $to }へ振り替えました
consultation-event-message-summary = 相談者へメッセージを送りました
consultation-event-reply-summary = 相談者からメッセージが届きました
consultation-event-note-summary = 内部メモを記録しました
consultation-event-referral-requested-summary = { $to }へ連携を依頼しました
consultation-event-referral-accepted-summary = { $from }から{ $to }へ引き継ぎました
consultation-event-referral-declined-summary = { $to }は連携を受け入れませんでした
consultation-event-referral-cancelled-summary = { $to }への連携依頼を取り消しました
consultation-event-introduction-proposed-summary = { $target }への紹介を提案しました
consultation-event-introduction-consent-requested-summary = { $target }への紹介について相談者に同意を依頼しました
consultation-event-introduction-consented-summary = 相談者が{ $target }への紹介に同意しました
consultation-event-introduction-withdrawn-summary = { $target }への紹介を取り下げました
consultation-event-introduction-sent-summary = { $target }に紹介しました
consultation-event-introduction-accepted-summary = { $target }が紹介を承諾しました
consultation-event-introduction-declined-summary = { $target }が紹介を辞退しました
consultation-event-introduction-meeting-held-summary = { $target }との面談を実施しました
consultation-event-introduction-matched-summary = { $target }とのマッチングが成立しました
consultation-event-introduction-not-matched-summary = { $target }とのマッチングは不成立でした
consultation-event-introduction-expired-summary = 回答期限までに回答がなく、{ $target }への紹介は期限切れとなりました
