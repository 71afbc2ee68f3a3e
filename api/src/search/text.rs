//! Text as both engines see it: NFKC-normalised (full-width letters and digits become
//! ASCII, half-width katakana become full-width), and, for the embedded engine, cut into
//! words (Latin script) and character unigrams and bigrams (Japanese and Chinese script),
//! folded to lower case and hiragana so that カタカナ and ひらがな spellings meet.

use crate::validate;

/// NFKC with runs of white space collapsed to one space, trimmed.
pub fn normalise(text: &str) -> String {
    validate::nfkc(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Japanese and Chinese script: kanji, hiragana, katakana and the prolonged sound mark.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{3096}'   // hiragana
        | '\u{309D}'..='\u{309F}'
        | '\u{30A1}'..='\u{30FA}' // katakana
        | '\u{30FC}'..='\u{30FF}' // ー and iteration marks
        | '\u{3005}'              // 々
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}')
}

/// Katakana to hiragana; everything else to lower case.
pub fn fold(c: char) -> String {
    match c {
        '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c).to_string(),
        '\u{30FD}' | '\u{30FE}' => char::from_u32(c as u32 - 0x60).unwrap_or(c).to_string(),
        _ => c.to_lowercase().collect(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    /// A Latin-script word (letters and digits).
    Word,
    /// One Japanese character.
    Unigram,
    /// Two adjacent Japanese characters.
    Bigram,
}

/// A token with its byte range in the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub from: usize,
    pub to: usize,
    pub kind: PieceKind,
    /// How many characters the Japanese run this piece belongs to has (0 for words).
    pub run_len: usize,
}

/// Cuts `text` into pieces, in order: every word, and for each run of Japanese script
/// every character and every pair of adjacent characters.
pub fn analyse(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut word: Option<(usize, String)> = None;
    let mut run: Vec<(usize, char)> = Vec::new();
    for (at, c) in text.char_indices() {
        if is_cjk(c) {
            if let Some((start, folded)) = word.take() {
                pieces.push(word_piece(folded, start, at));
            }
            run.push((at, c));
        } else if c.is_alphanumeric() {
            flush_run(&mut run, &mut pieces, at);
            let entry = word.get_or_insert_with(|| (at, String::new()));
            entry.1.push_str(&fold(c));
        } else {
            if let Some((start, folded)) = word.take() {
                pieces.push(word_piece(folded, start, at));
            }
            flush_run(&mut run, &mut pieces, at);
        }
    }
    if let Some((start, folded)) = word.take() {
        pieces.push(word_piece(folded, start, text.len()));
    }
    flush_run(&mut run, &mut pieces, text.len());
    pieces
}

fn word_piece(text: String, from: usize, to: usize) -> Piece {
    Piece {
        text,
        from,
        to,
        kind: PieceKind::Word,
        run_len: 0,
    }
}

fn flush_run(run: &mut Vec<(usize, char)>, pieces: &mut Vec<Piece>, run_end: usize) {
    let len = run.len();
    for (i, &(at, c)) in run.iter().enumerate() {
        let next = run.get(i + 1).map_or(run_end, |(next_at, _)| *next_at);
        pieces.push(Piece {
            text: fold(c),
            from: at,
            to: next,
            kind: PieceKind::Unigram,
            run_len: len,
        });
        if let Some(&(_, next_c)) = run.get(i + 1) {
            let to = run.get(i + 2).map_or(run_end, |(after, _)| *after);
            pieces.push(Piece {
                text: format!("{}{}", fold(c), fold(next_c)),
                from: at,
                to,
                kind: PieceKind::Bigram,
                run_len: len,
            });
        }
    }
    run.clear();
}

/// The pieces a query must match: its words, and for each Japanese run its bigrams (or
/// its one character).
pub fn query_pieces(text: &str) -> Vec<Piece> {
    analyse(text)
        .into_iter()
        .filter(|piece| match piece.kind {
            PieceKind::Word | PieceKind::Bigram => true,
            PieceKind::Unigram => piece.run_len == 1,
        })
        .collect()
}

/// Where `word` occurs in `text` as a whole word (Latin script) or anywhere (Japanese).
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text.get(from..)?.find(word) {
        let at = from + found;
        let end = at + word.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        let latin_edge = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
        let starts_latin = word.chars().next().is_some_and(|c| !is_cjk(c));
        let ends_latin = word.chars().next_back().is_some_and(|c| !is_cjk(c));
        let inside_a_word =
            (starts_latin && latin_edge(before)) || (ends_latin && latin_edge(after));
        if !inside_a_word {
            return Some(at);
        }
        from = at + word.chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn normalises_full_width_and_half_width_kana() {
        assert_eq!(normalise("  ＰＭＤＡ　対応 "), "PMDA 対応");
        assert_eq!(normalise("ﾃﾞｼﾞﾀﾙﾍﾙｽ"), "デジタルヘルス");
    }

    #[test]
    fn words_are_lower_case_and_japanese_runs_become_bigrams() {
        let pieces = query_pieces("PMDA対応の薬事");
        assert_eq!(texts(&pieces), vec!["pmda", "対応", "応の", "の薬", "薬事"]);
        let all = analyse("SaMD 承認");
        assert_eq!(texts(&all), vec!["samd", "承", "承認", "認"]);
        assert_eq!(&"SaMD 承認"[all[2].from..all[2].to], "承認");
    }

    #[test]
    fn katakana_folds_to_hiragana() {
        assert_eq!(
            texts(&query_pieces("デジタル")),
            texts(&query_pieces("でじたる"))
        );
        assert_eq!(
            texts(&query_pieces("ロボット")),
            vec!["ろぼ", "ぼっ", "っと"]
        );
    }

    #[test]
    fn a_lone_character_is_searched_as_itself() {
        assert_eq!(texts(&query_pieces("薬")), vec!["薬"]);
    }
}
