//! The words of synthetic history: organisation, person and supporter names, and the
//! titles and messages of consultations, in Japanese and English.

use super::Rng;

/// The first half of a company name, as (Japanese, English).
const STEMS: &[(&str, &str)] = &[
    ("メディ", "Medi"),
    ("ヘルス", "Health"),
    ("ケア", "Care"),
    ("バイオ", "Bio"),
    ("ニューロ", "Neuro"),
    ("カルディオ", "Cardio"),
    ("ジーン", "Gene"),
    ("セラ", "Thera"),
    ("ライフ", "Life"),
    ("オンコ", "Onco"),
    ("ルミナ", "Lumina"),
    ("さくら", "Sakura"),
    ("あおば", "Aoba"),
    ("ひかり", "Hikari"),
    ("みらい", "Mirai"),
    ("つばさ", "Tsubasa"),
];

/// The second half of a startup's name.
const TAILS: &[(&str, &str)] = &[
    ("テック", "Tech"),
    ("ラボ", "Labs"),
    ("ソリューションズ", "Solutions"),
    ("ファーマ", "Pharma"),
    ("デバイス", "Devices"),
    ("ロボティクス", "Robotics"),
    ("ゲノミクス", "Genomics"),
    ("ネクスト", "Next"),
];

/// Countries of overseas startups, with a name stem of their own.
const OVERSEAS: &[(&str, &str)] = &[
    ("US", "Boston"),
    ("SG", "Lion City"),
    ("GB", "Thames"),
    ("DE", "Rhein"),
    ("IL", "Negev"),
    ("KR", "Han River"),
    ("TW", "Formosa"),
    ("FR", "Seine"),
];

/// Family and given names, as (kanji, romaji).
const FAMILY: &[(&str, &str)] = &[
    ("佐藤", "Sato"),
    ("鈴木", "Suzuki"),
    ("高橋", "Takahashi"),
    ("田中", "Tanaka"),
    ("伊藤", "Ito"),
    ("渡辺", "Watanabe"),
    ("山本", "Yamamoto"),
    ("中村", "Nakamura"),
    ("小林", "Kobayashi"),
    ("加藤", "Kato"),
    ("吉田", "Yoshida"),
    ("山田", "Yamada"),
    ("松本", "Matsumoto"),
    ("井上", "Inoue"),
    ("木村", "Kimura"),
    ("林", "Hayashi"),
];
const GIVEN: &[(&str, &str)] = &[
    ("健", "Ken"),
    ("陽子", "Yoko"),
    ("誠", "Makoto"),
    ("美咲", "Misaki"),
    ("大輔", "Daisuke"),
    ("恵", "Megumi"),
    ("拓也", "Takuya"),
    ("直子", "Naoko"),
    ("翔", "Sho"),
    ("由美", "Yumi"),
    ("浩", "Hiroshi"),
    ("彩", "Aya"),
];

/// Supporter organisations by type: (supporter type, Japanese pattern, English pattern);
/// `{}` takes the stem.
pub const SUPPORTERS: &[(&str, &str, &str)] = &[
    ("pharma", "{}製薬株式会社", "{} Pharmaceutical Co., Ltd."),
    (
        "medical_device_maker",
        "{}メディカル株式会社",
        "{} Medical Corporation",
    ),
    ("trading_house", "{}商事株式会社", "{} Trading Corporation"),
    ("bank", "{}銀行", "{} Bank"),
    ("cro", "株式会社{}リサーチ", "{} Research Inc."),
    ("hospital", "{}総合病院", "{} General Hospital"),
    ("university", "{}大学", "{} University"),
    (
        "insurer",
        "{}生命保険株式会社",
        "{} Life Insurance Co., Ltd.",
    ),
    ("it_company", "{}システムズ株式会社", "{} Systems Inc."),
    (
        "patent_firm",
        "{}国際特許事務所",
        "{} International Patent Firm",
    ),
];

/// A startup's name and country; one in ten is from overseas.
pub fn organisation(rng: &mut Rng, n: u64) -> (String, &'static str) {
    if rng.chance(0.1) {
        let (country, stem) = *rng.pick(OVERSEAS);
        let (_, tail) = *rng.pick(TAILS);
        return (format!("{stem} {tail} {n}"), country);
    }
    let (stem, _) = *rng.pick(STEMS);
    let (tail, _) = *rng.pick(TAILS);
    (format!("株式会社{stem}{tail}{n}"), "JP")
}

/// A person's name, as (Japanese, English).
pub fn person(rng: &mut Rng) -> (String, String) {
    let (family_ja, family_en) = *rng.pick(FAMILY);
    let (given_ja, given_en) = *rng.pick(GIVEN);
    (
        format!("{family_ja} {given_ja}"),
        format!("{given_en} {family_en}"),
    )
}

/// A supporter organisation's names and type.
pub fn supporter(rng: &mut Rng, n: u64) -> (String, String, &'static str) {
    let (kind, ja, en) = *rng.pick(SUPPORTERS);
    let (stem_ja, stem_en) = *rng.pick(STEMS);
    (
        ja.replace("{}", &format!("{stem_ja}{n}")),
        en.replace("{}", &format!("{stem_en}{n}")),
        kind,
    )
}

/// A venture capital firm's names.
pub fn vc(rng: &mut Rng, n: u64) -> (String, String) {
    let (stem_ja, stem_en) = *rng.pick(STEMS);
    (
        format!("{stem_ja}{n}キャピタル株式会社"),
        format!("{stem_en} {n} Capital"),
    )
}

/// What consultations ask, as (Japanese, English); `{}` takes the domain.
const ASKS: &[(&str, &str)] = &[
    (
        "{}分野の製品の薬事承認の進め方について",
        "How to approach regulatory approval for our {} product",
    ),
    (
        "{}分野のサービスの保険償還に向けた相談",
        "Towards reimbursement for our {} service",
    ),
    (
        "{}分野の製品の海外展開と規制対応について",
        "Taking our {} product overseas: regulatory questions",
    ),
    (
        "{}分野のシード期の資金調達について",
        "Seed fundraising for a {} startup",
    ),
    (
        "{}分野の臨床研究・治験の計画について",
        "Planning clinical research for our {} product",
    ),
    (
        "{}分野の知的財産戦略について",
        "Intellectual property strategy in {}",
    ),
    (
        "{}分野の医療機関での実証（PoC）先の紹介希望",
        "Looking for a hospital to run a {} proof of concept",
    ),
    (
        "{}分野の事業提携先の紹介希望",
        "Looking for a partner company in {}",
    ),
];

/// A consultation's title and description in the requester's language.
pub fn consultation(rng: &mut Rng, japanese: bool, domain: (&str, &str)) -> (String, String) {
    let (ask_ja, ask_en) = *rng.pick(ASKS);
    if japanese {
        let title = ask_ja.replace("{}", domain.0);
        let description = format!(
            "{title}。現在の開発状況と今後の計画を踏まえ、進め方について助言をいただきたく相談いたします。"
        );
        (title, description)
    } else {
        let title = ask_en.replace("{}", domain.1);
        let description = format!(
            "{title}. We would value the desk's advice on how to proceed, given where our development stands and what we plan next."
        );
        (title, description)
    }
}

/// The desk's first answer to a requester.
pub fn first_response(japanese: bool) -> &'static str {
    if japanese {
        "ご相談ありがとうございます。担当アドバイザーより、面談の候補日をご連絡いたします。"
    } else {
        "Thank you for your consultation. Your advisor will write with dates for a first meeting."
    }
}

/// Why the desk proposes an introduction.
pub fn introduction_message(japanese: bool) -> &'static str {
    if japanese {
        "ご相談の内容を踏まえ、知見をお持ちの方をご紹介したく存じます。"
    } else {
        "Given what you asked, we would like to introduce you to someone who knows this field."
    }
}

/// Why a consultation went to another desk.
pub fn referral_reason(japanese: bool) -> &'static str {
    if japanese {
        "ご相談の内容が先方の窓口の支援範囲に近いため、引き継ぎをお願いします。"
    } else {
        "The request is closer to the other desk's remit; please take it over."
    }
}
