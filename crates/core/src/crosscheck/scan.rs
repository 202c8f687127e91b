//! Reading the figures out of a written report.
//!
//! Policy: the report text is compacted first — whitespace and line breaks are dropped (a report
//! copied from a PDF breaks lines mid-word; Chinese needs no spaces), except a single space
//! between two Latin letters or digits — and full-width digits, ．and ％ are read as their ASCII
//! forms. Every compacted character remembers its byte offset in the original, so a figure can
//! be highlighted where the officer wrote it. A figure is a number followed by a unit that makes
//! it one: 万元/万/亿元/元 (an amount; 万 alone counts when no other word follows), % (a
//! percentage), 个百分点 (percentage points), 分 (a score, but not 分钟/分别/分之/分析/分段…), or the
//! unit of one of the document's indicators (人, 个, 节次…). Thousands separators (`,` or `，`)
//! are accepted only between groups of exactly three digits. Years, dates and bare numbers are
//! not figures.

use rust_decimal::Decimal;
use std::str::FromStr;

use super::table::{self, Line};

/// The report text, compacted, with each character's byte offset in the original.
pub struct Norm {
    /// Compacted characters.
    pub chars: Vec<char>,
    /// Byte offset in the original text of each character.
    pub pos: Vec<usize>,
    /// Byte length in the original of each character.
    pub len: Vec<usize>,
}

impl Norm {
    /// The compacted text of chars `a..b`.
    pub fn slice(&self, a: usize, b: usize) -> String {
        self.chars[a.min(self.chars.len())..b.min(self.chars.len())].iter().collect()
    }

    /// The characters of `a..b` the officer wrote (without the words read into a table row).
    pub fn written(&self, a: usize, b: usize) -> String {
        let (a, b) = (a.min(self.chars.len()), b.min(self.chars.len()));
        (a..b).filter(|&k| self.len[k] > 0).map(|k| self.chars[k]).collect()
    }

    /// The original byte range of chars `a..b`.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        if a >= b || b > self.chars.len() {
            let p = self.pos.get(a).copied().unwrap_or(0);
            return (p, p);
        }
        (self.pos[a], self.pos[b - 1] + self.len[b - 1])
    }
}

fn ascii_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Compacts `text` (see the module policy); a table's rows are read as sentences
/// ([`super::table`]).
pub fn normalize(text: &str) -> Norm {
    let mut n = Norm { chars: Vec::with_capacity(text.len() / 2), pos: Vec::new(), len: Vec::new() };
    let mut space: Option<(usize, usize)> = None;
    // The line's text and the line break after it.
    let with_break = |e: usize| (e + 1).min(text.len());
    for (s, e, line) in table::read(text) {
        match line {
            Line::Prose => n.push_text(text, s, with_break(e), &mut space),
            Line::Header => {
                n.push_text(text, s, e, &mut space);
                n.end_sentence(e);
            }
            Line::Row(cells) => {
                n.end_sentence(s);
                for c in &cells {
                    n.push_synthetic(&c.prefix, c.start);
                    n.push_text(text, c.start, c.end, &mut None);
                    n.push_synthetic(c.unit, c.end);
                    n.push_synthetic("；", c.end);
                }
                n.end_sentence(e);
            }
        }
    }
    n
}

impl Norm {
    /// Appends `text[a..b]` compacted; `space` carries a pending whitespace across calls.
    fn push_text(&mut self, text: &str, a: usize, b: usize, space: &mut Option<(usize, usize)>) {
        for (k, c) in text[a..b].char_indices() {
            let (i, l) = (a + k, c.len_utf8());
            if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
                if space.is_none() {
                    *space = Some((i, l));
                }
                continue;
            }
            let m = match c {
                '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32).unwrap_or(c),
                '\u{FF0E}' => '.',
                '\u{FF05}' => '%',
                '\u{FF1A}' => '：',
                _ => c,
            };
            if let Some((si, sl)) = space.take() {
                if self.chars.last().is_some_and(|p| ascii_alnum(*p) && p.is_ascii_alphabetic()) && m.is_ascii_alphabetic() {
                    self.chars.push(' ');
                    self.pos.push(si);
                    self.len.push(sl);
                }
            }
            self.chars.push(m);
            self.pos.push(i);
            self.len.push(l);
        }
    }

    /// Appends words that are not in the original (a table's row and column names), placed at
    /// byte `at` with no length, so a figure's span stays on what the officer wrote.
    fn push_synthetic(&mut self, words: &str, at: usize) {
        for c in words.chars() {
            self.chars.push(c);
            self.pos.push(at);
            self.len.push(0);
        }
    }

    /// Ends the sentence so far (a table row is a sentence of its own): replaces a trailing
    /// `；` with `。`, or appends one.
    fn end_sentence(&mut self, at: usize) {
        match self.chars.last() {
            None => {}
            Some(c) if is_sentence_end(*c) => {}
            Some('；') if self.len.last() == Some(&0) => *self.chars.last_mut().unwrap_or(&mut '。') = '。',
            Some(_) => self.push_synthetic("。", at),
        }
    }
}

/// What a figure's unit makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Money: the unit's value in 元 (1, 10 000, 100 000 000).
    Amount(u64),
    /// A percentage.
    Percent,
    /// Percentage points.
    Points,
    /// A score.
    Score,
    /// An indicator's own unit (index into the list passed to [`scan`]).
    Count(usize),
}

/// A number with its unit, as found in the compacted text.
#[derive(Clone, Debug)]
pub struct Token {
    /// First char of the number.
    pub start: usize,
    /// End of the number (exclusive).
    pub num_end: usize,
    /// End of the unit (exclusive).
    pub end: usize,
    /// The number.
    pub value: Decimal,
    /// The unit.
    pub unit: Unit,
    /// The unit as written (万元, 万, %, 个百分点, 分, 节次, 万元/生…).
    pub unit_text: String,
}

const NOT_SCORE_AFTER: &str = "钟别之类析配段期年批摊解散布享工";

fn starts(chars: &[char], at: usize, s: &str) -> bool {
    (at..).zip(s.chars()).all(|(k, c)| chars.get(k) == Some(&c))
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Finds every figure. `count_units` are the indicators' own units (longest first is not
/// required; the longest match wins).
pub fn scan(n: &Norm, count_units: &[String]) -> Vec<Token> {
    let c = &n.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if !c[i].is_ascii_digit() || (i > 0 && (c[i - 1].is_ascii_alphanumeric() || c[i - 1] == '.' || c[i - 1] == '+' || c[i - 1] == '-'))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut j = i;
        while j < c.len() && c[j].is_ascii_digit() {
            digits.push(c[j]);
            j += 1;
        }
        // Thousands groups.
        if digits.len() <= 3 {
            while j + 3 < c.len()
                && (c[j] == ',' || c[j] == '，')
                && c[j + 1..j + 4].iter().all(char::is_ascii_digit)
                && c.get(j + 4).is_none_or(|d| !d.is_ascii_digit())
            {
                digits.extend(&c[j + 1..j + 4]);
                j += 4;
            }
        }
        if j < c.len() && c[j] == '.' && c.get(j + 1).is_some_and(char::is_ascii_digit) {
            digits.push('.');
            j += 1;
            while j < c.len() && c[j].is_ascii_digit() {
                digits.push(c[j]);
                j += 1;
            }
            // "1.2.3": a version or a section number, not a figure.
            if c.get(j) == Some(&'.') && c.get(j + 1).is_some_and(char::is_ascii_digit) {
                while j < c.len() && (c[j].is_ascii_digit() || c[j] == '.') {
                    j += 1;
                }
                i = j;
                continue;
            }
        }
        let num_end = j;
        let Ok(value) = Decimal::from_str(&digits) else {
            i = j;
            continue;
        };
        let unit = if starts(c, j, "万元") {
            Some((Unit::Amount(10_000), 2))
        } else if starts(c, j, "亿元") {
            Some((Unit::Amount(100_000_000), 2))
        } else if starts(c, j, "元") {
            Some((Unit::Amount(1), 1))
        } else if starts(c, j, "万") && c.get(j + 1).is_none_or(|d| !is_cjk(*d)) {
            Some((Unit::Amount(10_000), 1))
        } else if starts(c, j, "%") {
            Some((Unit::Percent, 1))
        } else if starts(c, j, "个百分点") {
            Some((Unit::Points, 4))
        } else if starts(c, j, "百分点") {
            Some((Unit::Points, 3))
        } else if starts(c, j, "分") && c.get(j + 1).is_none_or(|d| !NOT_SCORE_AFTER.contains(*d)) {
            Some((Unit::Score, 1))
        } else {
            count_units
                .iter()
                .enumerate()
                .filter(|(_, u)| !u.is_empty() && starts(c, j, u))
                .max_by_key(|(_, u)| u.chars().count())
                .map(|(k, u)| (Unit::Count(k), u.chars().count()))
        };
        let Some((mut unit, ulen)) = unit else {
            i = j;
            continue;
        };
        let mut end = j + ulen;
        // 万元/生: a value per head, one of the indicators' units when it is one.
        if matches!(unit, Unit::Amount(_)) && c.get(end) == Some(&'/') {
            let mut e = end + 1;
            while e < c.len() && e < end + 3 && is_cjk(c[e]) {
                e += 1;
            }
            let text: String = c[j..e].iter().collect();
            match count_units.iter().position(|u| *u == text) {
                Some(k) => unit = Unit::Count(k),
                None => {
                    i = e;
                    continue;
                }
            }
            end = e;
        }
        out.push(Token { start, num_end, end, value, unit, unit_text: c[j..end].iter().collect() });
        i = end;
    }
    out
}

/// Sentence ends: 。！？ and their ASCII forms.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Clause boundaries inside a sentence (besides sentence ends).
pub fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '、') || is_sentence_end(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(t: &str) -> Vec<(String, String)> {
        let n = normalize(t);
        scan(&n, &["节次".into(), "个".into(), "万元/生".into()]).into_iter().map(|k| (k.value.to_string(), k.unit_text)).collect()
    }

    #[test]
    fn amounts_rates_scores_and_counts() {
        assert_eq!(
            figs("全年预算数 35,408.62 万，执行数 33,814.57 万元，完成预算的 95.68%；总分 93.53分，听课 395节次，专业 5个，增加 3 个百分点，投入大于1.2万元/生"),
            [
                ("35408.62".into(), "万".into()),
                ("33814.57".into(), "万元".into()),
                ("95.68".into(), "%".into()),
                ("93.53".into(), "分".into()),
                ("395".into(), "节次".into()),
                ("5".into(), "个".into()),
                ("3".into(), "个百分点".into()),
                ("1.2".into(), "万元/生".into()),
            ]
        );
    }

    #[test]
    fn full_width_and_broken_lines() {
        assert_eq!(figs("执行数３３，８１４．５７万\n\n元"), [("33814.57".to_string(), "万元".to_string())]);
        assert_eq!(figs("完成 95.\n68％"), [("95.68".to_string(), "%".to_string())]);
    }

    #[test]
    fn not_figures() {
        assert!(figs("2021 年 9 月 1 日，三二分段，1+X 证书，第 3.2.1 节，10分钟，14 处").is_empty());
        // A comma after a short group of digits is punctuation, not a separator.
        assert_eq!(figs("录取 3532人，952 人"), Vec::<(String, String)>::new());
        assert_eq!(figs("分别为 5，10%"), [("10".to_string(), "%".to_string())]);
    }

    #[test]
    fn spans_point_into_the_original() {
        let t = "执行率　95.50 %。";
        let n = normalize(t);
        let k = &scan(&n, &[])[0];
        let (a, b) = n.span(k.start, k.end);
        assert_eq!(&t[a..b], "95.50 %");
    }
}
