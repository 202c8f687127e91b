//! `format.stale_year`: a year earlier than the year evaluated where the form's own year belongs.
//!
//! - **What**: a deadline in an indicator ("2021年11月30日前完成" in a 2022 project) or a year in
//!   the rubric's criteria ("以2015年完工的…为评价内容" in a 2022 rubric). References (较2021年,
//!   2019年以来, 上年结转) are not stale.
//! - **Why**: it is most likely an old template left unchanged.
//! - **Source**: 《项目支出绩效评价管理办法》（财预〔2020〕10号）：绩效自评以当年度绩效目标为依据；期限和评价内容应与评价年度一致.

use crate::check::finding::{Finding, Params, Show, Violation};
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::lang::{Lang, Text};

/// A stale year.
#[derive(Debug)]
pub struct StaleYear {
    /// Where it is written.
    pub r#where: Text,
    /// The words around it.
    pub quote: String,
    /// The year evaluated.
    pub year: u32,
    /// The earlier year.
    pub year_old: u32,
}

impl Violation for StaleYear {
    const RULE: &'static str = "format.stale_year";
}

impl Params for StaleYear {
    fn param(&self, name: &str, lang: Lang, out: &mut String) -> bool {
        match name {
            "where" => self.r#where.show(lang, out),
            "quote" => self.quote.show(lang, out),
            "year" => self.year.show(lang, out),
            "year_old" => self.year_old.show(lang, out),
            _ => return false,
        }
        true
    }
}

/// Words before a year that make it a reference, not a deadline or subject (较2021年, 比2021年,
/// 2019年以来 …).
const REFERENCE_BEFORE: &[&str] = &["较", "比", "同比", "相比", "对比", "基期", "基数", "自", "从", "截至上"];
const REFERENCE_AFTER: &[&str] = &["以来", "起", "至今", "度结转", "结转", "基数", "同期", "水平", "—", "-", "～", "~", "至"];

/// Each year ("2015年") in `text` earlier than `year`, with its quote, when it is no reference (see
/// [`REFERENCE_BEFORE`]); `dated` asks for a date after it (年11月, 年底, 年末, 年前): a deadline.
/// Works on the bytes around each "年" (most texts have none), without allocating.
fn stale_years(text: &str, year: u32, dated: bool) -> Option<(u32, String)> {
    let b = text.as_bytes();
    // No "年" (its last UTF-8 byte is 0xB4): nothing to look at.
    if b.len() < 7 || !b.contains(&0xB4) {
        return None;
    }
    for (at, _) in text.match_indices('年') {
        if at < 4 || !b[at - 4..at].iter().all(u8::is_ascii_digit) || (at > 4 && b[at - 5].is_ascii_digit()) {
            continue;
        }
        let y = b[at - 4..at].iter().fold(0u32, |v, d| v * 10 + u32::from(d - b'0'));
        if !(1990..year).contains(&y) {
            continue;
        }
        let before = &text[..at - 4];
        let after = &text[at + '年'.len_utf8()..];
        let reference = REFERENCE_BEFORE.iter().any(|w| before.ends_with(w)) || REFERENCE_AFTER.iter().any(|w| after.starts_with(w));
        let date = after.starts_with(|x: char| x.is_ascii_digit()) || ["底", "末", "前", "内"].iter().any(|w| after.starts_with(w));
        if reference || (dated && !date) {
            continue;
        }
        // Up to six characters before the year, from the start of its clause ("明：该指标以" → "该指标以").
        let from: String = before
            .chars()
            .rev()
            .take(6)
            .take_while(|c| !matches!(c, '：' | ':' | '，' | ',' | '。' | '；' | ';' | '\n'))
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        let to: String = text[at - 4..].chars().take(12).collect();
        return Some((y, format!("{from}{to}").trim().to_string()));
    }
    None
}

/// A year earlier than the year evaluated where the form's own year belongs: a deadline in an
/// indicator ("2021年11月30日前完成" in a 2022 project) or a year in the rubric's criteria ("以2015年
/// 完工的…为评价内容" in a 2022 rubric). References (较2021年, 2019年以来, 上年结转) are not stale.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let Some(year) = ctx.doc.unit.year.trim().trim_end_matches('年').trim_end_matches('度').parse::<u32>().ok() else { return vec![] };
    let mut out = Vec::new();
    let mut push = |at: String, where_zh: String, where_en: String, (y, quote): (u32, String)| {
        out.push(Finding::of(at, StaleYear { r#where: Text::new(where_zh, where_en), quote, year, year_old: y }));
    };
    if ctx.doc.rubric.inline.is_some() {
        for (_, _, n) in ctx.rubric.walk() {
            for (text, field) in [(&n.criteria, "criteria"), (&n.name, "name")] {
                if let Some(hit) = stale_years(text, year, false) {
                    push(format!("rubric.{}.{field}", n.id), format!("评分标准“{}”", n.name), format!("The rubric item '{}'", n.name), hit);
                    break;
                }
            }
        }
    }
    for t in &ctx.doc.tasks {
        for i in &t.indicators {
            for (text, field) in [(&i.name, "name"), (&i.target, "target")] {
                // Most names and targets hold no "年" (its last UTF-8 byte is 0xB4).
                if text.len() < 7 || !text.as_bytes().contains(&0xB4) {
                    continue;
                }
                if let Some(hit) = stale_years(text, year, true) {
                    push(
                        path::indicator(&t.id, &i.id, field),
                        format!("指标“{}”", i.name.trim()),
                        format!("The indicator '{}'", i.name.trim()),
                        hit,
                    );
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::stale_years;
    use crate::check::rules::testing::*;

    #[test]
    fn fires_on_an_old_deadline() {
        let f = with(|d| i1(d).name = "2021年11月30日前完成体检".into());
        fires(&f, "format.stale_year", "tasks.t1.indicators.i1.name", &["2021年11月30日前", "2023", "2021"]);
    }

    #[test]
    fn the_quote_starts_at_its_clause() {
        let (_, quote) = stale_years("指标说明：该指标以2015年完工的新建楼堂馆所为评价内容", 2022, false).unwrap();
        assert!(quote.starts_with("该指标以2015年"), "{quote}");
    }

    #[test]
    fn quiet_on_this_years_deadline() {
        quiet(&with(|d| i1(d).name = "2023年11月30日前完成体检".into()), "format.stale_year");
    }
}
