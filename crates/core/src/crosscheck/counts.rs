//! Counts in a report's prose, in any words (no budget row or indicator is involved):
//!
//! - "共15个……其中8个……8个": the parts after 其中 (same measure word, outside parentheses and
//!   "含…" clauses) cannot add up to more than the whole (`report.sum_mismatch`). Parts that add up
//!   to less may list only some of the whole, and are left alone.
//! - "3项：甲、乙、丙" / "4个，分别是甲、乙、丙和丁": the count and the items of its list
//!   (`report.count_mismatch`); "甲、乙和丙" may be two or three items, and a list ending in 等 is
//!   not the whole.
//! - "共40个……32个，占80%": a share recomputed from its counts, the whole being the nearest
//!   "共/合计/总计…" count of the same measure word in the sentence or the one before it, and
//!   compared at the stated precision.

use rust_decimal::Decimal;
use std::str::FromStr;

use super::scan::Norm;
use crate::check::finding::Finding;
use crate::check::rules::catalogue::fire;
use crate::text::rounding::{exact_percent, matches_at_stated_precision, round_to};

/// Measure words that make a number a count.
const MEASURE: &str = "个项家户所座处次名台套条件辆批宗类种间篇场支";
/// What a measure word followed by these is not a count of things (个月, 个百分点, 次年…).
const NOT_AFTER: &[&str] =
    &["个月", "个百分点", "个工作日", "个小时", "个季度", "次年", "次日", "个人所得", "项目", "名称", "类别", "件事"];
/// Words before a count that make it a whole.
const WHOLE: &[&str] = &["共", "合计", "总计", "累计", "总数", "全部", "总共"];

#[derive(Clone, Debug)]
struct Count {
    start: usize,
    end: usize,
    value: Decimal,
    measure: char,
}

fn cn_digit(c: char) -> Option<u32> {
    "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or(if c == '两' { Some(2) } else { None })
}

/// A number at `i` (ASCII digits, or a Chinese numeral below 100): its value and end.
fn number_at(c: &[char], i: usize) -> Option<(Decimal, usize)> {
    if c[i].is_ascii_digit() {
        if i > 0 && (c[i - 1].is_ascii_alphanumeric() || c[i - 1] == '.') {
            return None;
        }
        let mut j = i;
        while j < c.len() && c[j].is_ascii_digit() {
            j += 1;
        }
        if c.get(j) == Some(&'.') {
            return None;
        }
        let s: String = c[i..j].iter().collect();
        return Decimal::from_str(&s).ok().map(|v| (v, j));
    }
    if i > 0 && (cn_digit(c[i - 1]).is_some() || c[i - 1] == '十' || c[i - 1] == '第') {
        return None;
    }
    // 三 / 十 / 十二 / 二十 / 二十三
    let (mut v, mut j) = (0u32, i);
    if let Some(d) = c.get(j).and_then(|&x| cn_digit(x)) {
        v = d;
        j += 1;
    }
    if c.get(j) == Some(&'十') {
        v = if j == i { 10 } else { v * 10 };
        j += 1;
        if let Some(d) = c.get(j).and_then(|&x| cn_digit(x)) {
            v += d;
            j += 1;
        }
    }
    (j > i && v > 0).then(|| (Decimal::from(v), j))
}

fn counts(n: &Norm, a: usize, b: usize) -> Vec<Count> {
    let c = &n.chars;
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        let Some((value, j)) = number_at(c, i) else {
            i += 1;
            continue;
        };
        let ordinal = i > 0 && c[i - 1] == '第';
        match c.get(j) {
            Some(&m) if j < b && MEASURE.contains(m) && !ordinal => {
                let rest: String = c[j..(j + 5).min(c.len())].iter().collect();
                if !NOT_AFTER.iter().any(|w| rest.starts_with(w)) {
                    out.push(Count { start: i, end: j + 1, value, measure: m });
                }
                i = j + 1;
            }
            _ => i = j.max(i + 1),
        }
    }
    out
}

fn is_whole(n: &Norm, x: &Count, floor: usize) -> bool {
    let from = x.start.saturating_sub(8).max(floor);
    let before = n.slice(from, x.start);
    let clause = before.rsplit(['，', '；', '、', '（', '(']).next().unwrap_or("");
    WHOLE.iter().any(|w| clause.contains(w)) && !clause.contains("其中")
}

/// Parenthesis depth at each char of `a..b`, and whether a "含/包括" clause is open there.
fn nested(n: &Norm, a: usize, b: usize) -> Vec<bool> {
    let mut depth = 0i32;
    let mut within = false;
    let mut out = Vec::with_capacity(b - a);
    for k in a..b {
        let ch = n.chars[k];
        match ch {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            '，' | '；' | '。' | '、' => within = false,
            '含' => within = true,
            _ => {}
        }
        if n.chars[k..].starts_with(&['包', '括']) {
            within = true;
        }
        out.push(depth > 0 || within);
    }
    out
}

fn quote(n: &Norm, a: usize, b: usize) -> String {
    let q = n.slice(a, b);
    let q = q.trim_end_matches(['。', '；', '，']);
    if q.chars().count() > 40 {
        q.chars().take(40).collect::<String>() + "…"
    } else {
        q.to_string()
    }
}

fn shown(x: &Count) -> String {
    format!("{}{}", x.value, x.measure)
}

/// The findings of every count in the report (see the module policy).
pub fn check(n: &Norm, sentences: &[(usize, usize)]) -> Vec<Finding> {
    let mut out = Vec::new();
    let per: Vec<Vec<Count>> = sentences.iter().map(|&(a, b)| counts(n, a, b)).collect();
    for (si, &(a, b)) in sentences.iter().enumerate() {
        let path = format!("report.text.s{}", si + 1);
        // 共 N …… 其中 a …… b: in this sentence, or the next one opening with 其中.
        for whole in per[si].iter().filter(|x| is_whole(n, x, a)) {
            let here = n.slice(whole.end, b);
            let (pa, pb, from) = if let Some(k) = here.find("其中") {
                (a, b, whole.end + here[..k].chars().count())
            } else if let Some(&(na, nb)) = sentences.get(si + 1) {
                if n.slice(na, (na + 3).min(nb)).contains("其中") {
                    (na, nb, na)
                } else {
                    continue;
                }
            } else {
                continue;
            };
            let inner = nested(n, pa, pb);
            let list = if pa == a { &per[si] } else { &per[si + 1] };
            let parts: Vec<&Count> = list
                .iter()
                .filter(|x| x.start >= from && x.measure == whole.measure && !inner[x.start - pa] && !is_whole(n, x, pa))
                .collect();
            let sum: Decimal = parts.iter().map(|x| x.value).sum();
            if parts.len() >= 2 && sum > whole.value {
                let unit = whole.measure;
                out.push(fire(
                    "report.sum_mismatch",
                    &path,
                    &[
                        ("what_zh", "总数".into()),
                        ("what_en", "count".into()),
                        ("total", shown(whole)),
                        ("sum", format!("{sum}{unit}")),
                        ("parts", parts.iter().map(|x| shown(x)).collect::<Vec<_>>().join(" + ")),
                    ],
                ));
            }
            break;
        }
        // N个：甲、乙、丙
        for x in &per[si] {
            let after = n.slice(x.end, b);
            let opener = ["：", ":", "，分别是", "，分别为", "，包括", "，即", "分别是", "分别为"]
                .iter()
                .filter_map(|o| {
                    let k = after.find(o)?;
                    let gap = after[..k].chars().count();
                    // up to four words of what is counted between the count and the list
                    (gap <= 4 && after[..k].chars().all(|c| !c.is_ascii_digit() && !"，；。、".contains(c))).then_some(k + o.len())
                })
                .min();
            let Some(o) = opener else { continue };
            let list: String = after[o..].chars().take_while(|c| !"，；。,;".contains(*c)).collect();
            if list.contains('等') || list.chars().count() < 3 {
                continue;
            }
            let items: Vec<&str> = list.split('、').filter(|s| !s.is_empty()).collect();
            if items.len() < 2 {
                continue;
            }
            let k = items.len() as u64;
            let joined = items.iter().any(|s| ["和", "及", "与", "以及"].iter().any(|j| s.contains(j)));
            let v = x.value;
            if v == Decimal::from(k) || (joined && v == Decimal::from(k + 1)) {
                continue;
            }
            let listed = if joined { format!("{k}–{}", k + 1) } else { k.to_string() };
            out.push(fire(
                "report.count_mismatch",
                &path,
                &[
                    ("quote", quote(n, x.start, (x.end + o + list.chars().count()).min(b))),
                    ("detail_zh", format!("写 {}，所列为 {listed} 项", shown(x))),
                    ("detail_en", format!("says {} but lists {listed}", x.value)),
                ],
            ));
        }
        // X个，占Y%
        for x in &per[si] {
            let after: Vec<char> = n.chars[x.end..b].to_vec();
            let Some(z) = after.iter().take(3).position(|&c| c == '占') else { continue };
            let Some(p0) = (z + 1..(z + 10).min(after.len())).find(|&k| after[k].is_ascii_digit()) else { continue };
            let mut p1 = p0;
            while p1 < after.len() && (after[p1].is_ascii_digit() || after[p1] == '.') {
                p1 += 1;
            }
            if after.get(p1) != Some(&'%') || after[z + 1..p0].iter().any(|c| "，；。".contains(*c)) {
                continue;
            }
            let Ok(stated) = Decimal::from_str(&after[p0..p1].iter().collect::<String>()) else { continue };
            let floor = if si > 0 { sentences[si - 1].0 } else { a };
            let wholes =
                per[..=si].iter().rev().take(2).flatten().filter(|w| w.measure == x.measure && w.start < x.start && is_whole(n, w, floor));
            let Some(whole) = wholes.max_by_key(|w| w.start) else { continue };
            let Some(exact) = exact_percent(x.value, whole.value) else { continue };
            if matches_at_stated_precision(stated, exact) {
                continue;
            }
            let computed = round_to(exact, stated.scale().max(2));
            out.push(fire(
                "report.count_mismatch",
                &path,
                &[
                    ("quote", quote(n, x.start, (x.end + p1 + 1).min(b))),
                    ("detail_zh", format!("{} ÷ {} = {computed}%，不是 {stated}%", shown(x), shown(whole))),
                    ("detail_en", format!("{} ÷ {} = {computed}%, not {stated}%", x.value, whole.value)),
                ],
            ));
        }
    }
    out
}
