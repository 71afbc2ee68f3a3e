# ヘルステック・チャレンジ（マイルストーン型開発支援）
grant-fiscal-year = { $year }年度

grant-theme-rare-diseases = 難病・希少疾患
grant-theme-infection-crisis = 薬剤耐性（AMR）を含む感染症危機に対応する医薬品等
grant-theme-unmet-needs-devices = アンメット・メディカル・ニーズに基づく革新的な医療機器
grant-theme-ai-samd = AI技術を活用したプログラム医療機器（SaMD）

grant-application-status-draft = 下書き
grant-application-status-submitted = 申請済み
grant-application-status-awarded = 採択
grant-application-status-rejected = 不採択
grant-application-status-withdrawn = 取下げ

milestone-status-locked = 未着手
milestone-status-active = 実施中
milestone-status-evidence-submitted = 証憑提出済み
milestone-status-approved = 達成
milestone-status-rejected = 追加証憑待ち
milestone-status-failed = 未達成

milestone-step-activate = 開始
milestone-step-submit-evidence = 証憑を提出
milestone-step-approve = 達成を承認
milestone-step-reject = 追加の証憑を求める
milestone-step-fail = 未達成と判断

grant-award-status-active = 実施中
grant-award-status-completed = 完了
grant-award-status-ended = 終了

disbursement-status-awaiting-match = 民間投資の確認待ち
disbursement-status-disbursed = 交付済み

grant-recommendation-fund = 採択を推薦
grant-recommendation-do-not-fund = 不採択を推薦

ledger-kind-commitment = 交付決定
ledger-kind-disbursement = 交付
ledger-kind-release = 予算への戻入

grant-ledger-break-sequence = 記録{ $expected }があるべき位置に記録{ $found }があります。記録が削除または挿入されています。
grant-ledger-break-link = 記録{ $sequence }に、直前の記録のハッシュ値が含まれていません。
grant-ledger-break-hash = 記録{ $sequence }は、記録された後に変更されています。
grant-ledger-break-totals = 記録の合計が、事業の交付決定額・交付額と一致しません。
