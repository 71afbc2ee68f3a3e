## 列挙値の表示名

role-requester = 相談者
role-advisor = アドバイザー
role-supporter-member = サポーター団体担当者
role-vc-member = VC担当者
role-staff = 窓口スタッフ
role-admin = システム管理者

locale-en = English
locale-ja = 日本語

organisation-kind-startup = スタートアップ
organisation-kind-corporate = 企業の新規事業部門
organisation-kind-university = 大学・研究室
organisation-kind-investor = 投資家
organisation-kind-individual = 個人（起業準備中）
organisation-kind-supporter = サポーター団体
organisation-kind-vc = ベンチャーキャピタル

taxonomy-kind-domain = 領域
taxonomy-kind-stage = 開発段階
taxonomy-kind-topic = 相談テーマ
taxonomy-kind-language = 対応言語
taxonomy-kind-region = 地域
taxonomy-kind-service = 提供サービス

## ディレクトリ
directory-kind-advisor = アドバイザー
directory-kind-supporter = サポーター団体
directory-kind-vc = VC
directory-kind-programme = 支援施策
supporter-type-trading-house = 商社
supporter-type-bank = 銀行
supporter-type-pharma = 製薬企業
supporter-type-medical-device-maker = 医療機器メーカー
supporter-type-cro = CRO
supporter-type-hospital = 医療機関
supporter-type-university = 大学
supporter-type-municipality = 自治体
supporter-type-accelerator = アクセラレーター
supporter-type-law-firm = 法律事務所
supporter-type-patent-firm = 特許事務所
supporter-type-consultancy = コンサルティング会社
supporter-type-it-company = IT企業
supporter-type-insurer = 保険会社
supporter-type-other = その他
programme-body-national = 国
programme-body-municipal = 自治体
programme-body-private = 民間

## マッチング
match-feature-domain = 領域
match-feature-stage = 開発段階
match-feature-topics = 相談テーマ
match-feature-text = 記載内容の一致
match-feature-language = 対応言語
match-feature-region = 地域
match-feature-load = 受け入れ余力
match-feature-outcomes = 過去の紹介実績
unassigned-reason-no-eligible-advisor = この案件を担当できるアドバイザーが窓口にいません
unassigned-reason-no-capacity-left = 担当できるアドバイザーの受け入れ枠に空きがありません
