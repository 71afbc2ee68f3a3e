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
