# 実績報告：窓口のKPI
report-period-fiscal-year = 年度
report-period-quarter = 四半期
report-period-month = 月
report-period-custom = 期間指定

report-period-label-fiscal-year = { $year }年度
report-period-label-quarter = { $year }年度 第{ $quarter }四半期
report-period-label-month = { $year }年{ $month }月
report-period-label-custom = { $from }〜{ $to }

report-figure-consultations-received = 相談案件
report-figure-from-overseas = うち、海外からの相談
report-figure-referrals = 他窓口への連携
report-figure-advisor-introductions = アドバイザー紹介
report-figure-newsletter-introductions = 通信紹介
report-figure-newsletter-matches = うち、マッチング成立
report-figure-supporter-introductions = サポーター団体個別紹介
report-figure-supporter-matches = うち、マッチング成立
report-figure-vc-introductions = VC紹介
report-figure-vc-matches = うち、マッチング成立
report-figure-vc-investments = VC紹介による出資件数
report-figure-vc-invested-yen = VC紹介による出資額
report-figure-matches = マッチング成立件数
report-figure-open-backlog = 期末時点の対応中案件
report-figure-response-days-median = 初回回答までの日数（中央値）
report-figure-response-days-p90 = 初回回答までの日数（90パーセンタイル）
report-figure-sla-compliance = 期限内の初回回答率
report-figure-grant-applications = ヘルステック・チャレンジ申請件数
report-figure-grant-awards = ヘルステック・チャレンジ採択件数
report-figure-grant-committed-yen = 交付決定額
report-figure-grant-disbursed-yen = 交付額
report-business-days = { $days }営業日
report-csv-figure = 指標
report-csv-referrals-to = 連携先
report-csv-matches-by-outcome = マッチング成立（成果別）
report-csv-disbursed-by-milestone = マイルストーン{ $position }の交付額
