# 相談案件のアドバイザー・サポーター団体・VCへの紹介。
introduction-status-proposed = 提案中
introduction-status-consent-requested = 相談者の同意待ち
introduction-status-consented = 同意済み
introduction-status-sent = 紹介済み（回答待ち）
introduction-status-accepted = 紹介先が承諾
introduction-status-declined = 紹介先が辞退
introduction-status-meeting-held = 面談実施
introduction-status-matched = マッチング成立
introduction-status-not-matched = マッチング不成立
introduction-status-expired = 期限切れ
introduction-status-withdrawn = 取下げ

introduction-channel-individual = 個別紹介
introduction-channel-newsletter = 通信紹介

outcome-type-joint-research = 共同研究
outcome-type-proof-of-concept = 実証（PoC）
outcome-type-investment = 出資
outcome-type-partnership = 業務提携
outcome-type-adoption = 導入・採用
outcome-type-other = その他

adopter-hospital = 医療機関
adopter-insurer = 保険者
adopter-care-operator = 介護事業者

investment-round-seed = シード
investment-round-series-a = シリーズA
investment-round-series-b = シリーズB
investment-round-series-c-or-later = シリーズC以降
investment-round-other = その他

introduction-step-request-consent = 相談者に同意を依頼する
introduction-step-consent = 同意する
introduction-step-decline-consent = 同意しない
introduction-step-withdraw = 取り下げる
introduction-step-send = 紹介を送る
introduction-step-accept = 承諾する
introduction-step-decline = 辞退する
introduction-step-record-meeting = 面談実施を記録する
introduction-step-record-match = マッチング成立を記録する
introduction-step-record-no-match = 不成立を記録する
introduction-step-expire = 期限切れにする
