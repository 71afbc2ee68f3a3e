# 相談案件に対して候補を提案する理由。
match-reason-covers = { $items }に対応
match-reason-stage = 開発段階「{ $stage }」のスタートアップを支援
match-reason-speaks = { $language }で対応可能
match-reason-region = { $region }に対応
match-reason-wording = 相談内容の記載と一致
match-reason-slots = 受け入れ枠{ $capacity }件のうち{ $free }件に空きあり
match-reason-outcomes = 類似テーマの過去の紹介{ $total }件のうち{ $matched }件でマッチング成立
