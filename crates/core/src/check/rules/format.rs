//! Checks of the document's own structure (what the file format requires of it).

use std::collections::HashSet;

use super::catalogue::fire;
use super::Context;
use crate::check::finding::Finding;
use crate::document::format::path;

/// Row ids that are blank, repeated or hold a `.`: findings and field paths name rows by id
/// (`tasks.<task>.indicators.<id>.actual`), so such an id makes them point at the wrong row or
/// at none. The page gives such rows fresh ids when it loads a file (`core::ids::repair`), so
/// this fires for files checked elsewhere (the CLI, a script); one finding per offending row,
/// at its name (or, for an adjustment, its reason).
pub fn bad_ids(ctx: &Context) -> Vec<Finding> {
    /// A row with an id, described only when it is reported (most documents have none).
    enum Row<'a> {
        Budget(&'a str),
        Task(&'a str),
        Indicator(&'a str, &'a str),
        Adjustment,
    }
    let d = ctx.doc;
    let mut rows: Vec<(&str, Row)> = Vec::with_capacity(d.budget.rows.len() + d.tasks.len() * 8);
    rows.extend(d.budget.rows.iter().map(|r| (r.id.as_str(), Row::Budget(&r.name))));
    for t in &d.tasks {
        rows.push((&t.id, Row::Task(&t.name)));
        rows.extend(t.indicators.iter().map(|i| (i.id.as_str(), Row::Indicator(&t.id, &i.name))));
    }
    rows.extend(d.stated.adjustments.iter().map(|a| (a.id.as_str(), Row::Adjustment)));
    let mut seen: HashSet<&str> = HashSet::with_capacity(rows.len() + 1);
    seen.insert("total");
    let mut out = Vec::new();
    for (id, row) in &rows {
        let problem = if id.trim().is_empty() {
            ("为空", "is blank")
        } else if id.contains('.') {
            ("含有“.”", "contains '.'")
        } else if !seen.insert(id) {
            ("与其他行重复", "is used by another row too")
        } else {
            continue;
        };
        let (at, zh, en) = match row {
            Row::Budget(name) => (path::budget_row(id, "name"), format!("预算执行表“{name}”行"), format!("budget row '{name}'")),
            Row::Task(name) => (format!("tasks.{id}.name"), format!("任务“{name}”"), format!("task '{name}'")),
            Row::Indicator(task, name) => (path::indicator(task, id, "name"), format!("指标“{name}”"), format!("indicator '{name}'")),
            Row::Adjustment => (path::adjustment(id, "reason"), "一个加减分项".to_string(), "an adjustment".to_string()),
        };
        out.push(fire(
            "format.bad_id",
            &at,
            &[("id", id.to_string()), ("row_zh", zh), ("row_en", en), ("problem_zh", problem.0.into()), ("problem_en", problem.1.into())],
        ));
    }
    out
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
        let from: String = before.chars().rev().take(6).collect::<Vec<char>>().into_iter().rev().collect();
        let to: String = text[at - 4..].chars().take(12).collect();
        return Some((y, format!("{from}{to}").trim().to_string()));
    }
    None
}

/// A year earlier than the year evaluated where the form's own year belongs: a deadline in an
/// indicator ("2021年11月30日前完成" in a 2022 project) or a year in the rubric's criteria ("以2015年
/// 完工的…为评价内容" in a 2022 rubric). References (较2021年, 2019年以来, 上年结转) are not stale.
pub fn stale_year(ctx: &Context) -> Vec<Finding> {
    let Some(year) = ctx.doc.unit.year.trim().trim_end_matches('年').trim_end_matches('度').parse::<u32>().ok() else { return vec![] };
    let mut out = Vec::new();
    let mut push = |at: String, where_zh: String, where_en: String, (y, quote): (u32, String)| {
        out.push(fire(
            "format.stale_year",
            &at,
            &[("where_zh", where_zh), ("where_en", where_en), ("quote", quote), ("year", year.to_string()), ("year_old", y.to_string())],
        ));
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
