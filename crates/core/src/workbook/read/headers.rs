//! Header rows: the words that name a column (from the field schema) and the tables they head.

use super::*;

/// A header cell's text without white space, brackets' contents, colons and asterisks.
pub(crate) fn norm(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in s.chars() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || matches!(c, '：' | ':' | '*' | '＊' | '、') => {}
            c => out.push(c),
        }
    }
    out
}

/// Header words → a table's field key, normalised by [`norm`].
pub(super) type Words = [(&'static str, Vec<String>)];

/// Builds a table of header words: for each (key, column of the field schema, words only
/// templates use), the column's names ([`schema::Column::names`]) and those words.
pub(super) fn words_of(
    table: &'static [schema::Column],
    keys: &[(&'static str, &str, &'static [&'static str])],
) -> Vec<(&'static str, Vec<String>)> {
    keys.iter()
        .map(|(key, column, extra)| {
            let names = schema::column(table, column).into_iter().flat_map(schema::Column::names);
            let mut ws: Vec<String> = names.map(norm).chain(extra.iter().map(|w| norm(w))).filter(|w| !w.is_empty()).collect();
            ws.dedup();
            (*key, ws)
        })
        .collect()
}

/// Funds-table header words → field key: the amounts' words are the budget columns' of the field
/// schema; the rate, weight and score are the project table's own.
pub(super) fn funds_words() -> &'static Words {
    static FUNDS: std::sync::OnceLock<Vec<(&'static str, Vec<String>)>> = std::sync::OnceLock::new();
    FUNDS.get_or_init(|| {
        words_of(
            schema::BUDGET,
            &[
                ("initial", "initial", &[]),
                ("adjusted", "adjusted", &[]),
                ("spent", "actual", &[]),
                ("rate", "", &["执行率", "预算执行率", "资金执行率"]),
                ("weight", "", &["分值", "权重", "分值权重"]),
                ("score", "", &["得分", "自评得分", "评分"]),
            ],
        )
    })
}

/// Indicator-table header words → field key: the indicator columns of the field schema, and the
/// template's columns that hold two fields or replace one.
pub(super) fn indicator_words() -> &'static Words {
    static INDICATORS: std::sync::OnceLock<Vec<(&'static str, Vec<String>)>> = std::sync::OnceLock::new();
    INDICATORS.get_or_init(|| {
        words_of(
            schema::INDICATOR,
            &[
                ("l1", "level1", &[]),
                ("l2", "level2", &[]),
                ("name", "name", &[]),
                ("target", "target", &[]),
                ("target_adjusted", "", &["调整指标值", "调整后指标值", "调整后目标值"]),
                ("actual", "actual", &[]),
                ("weight", "weight", &[]),
                ("score", "stated_score", &[]),
                ("reason", "reason", &["偏差原因分析及改进措施", "偏差原因及改进措施"]),
                ("measure", "measure", &[]),
                ("unit", "unit", &[]),
                ("direction", "direction", &[]),
            ],
        )
    })
}

/// Checklist header words → field key: the level, weight and score columns of the indicator
/// table and the rubric's own columns ([`schema::RUBRIC`]).
pub(super) fn checklist_words() -> &'static Words {
    static CHECKLIST: std::sync::OnceLock<Vec<(&'static str, Vec<String>)>> = std::sync::OnceLock::new();
    CHECKLIST.get_or_init(|| {
        let mut v = words_of(
            schema::INDICATOR,
            &[
                ("l1", "level1", &[]),
                ("l2", "level2", &[]),
                ("name", "name", &[]),
                ("weight", "weight", &[]),
                ("score", "stated_score", &[]),
            ],
        );
        v.extend(words_of(schema::RUBRIC, &[("criteria", "criteria", &[]), ("note", "note", &[])]));
        v
    })
}

/// The field names shown in the mapping.
pub(super) fn field_name(key: &str, funds: bool) -> Text {
    let (zh, en) = match (key, funds) {
        ("initial", _) => ("年初预算数", "initial budget"),
        ("adjusted", _) => ("全年预算数", "adjusted budget"),
        ("spent", _) => ("全年执行数", "spent"),
        ("rate", _) => ("执行率（填报）", "stated rate"),
        ("weight", true) => ("预算执行分值", "execution weight"),
        ("score", true) => ("预算执行得分", "execution score"),
        ("l1", _) => ("一级指标", "level 1"),
        ("l2", _) => ("二级指标", "level 2"),
        ("name", _) => ("三级指标（指标名称）", "indicator"),
        ("target", _) => ("年度指标值", "target"),
        ("target_adjusted", _) => ("调整指标值（替代年度指标值）", "adjusted target (replaces the target)"),
        ("actual", _) => ("实际完成值", "actual"),
        ("weight", false) => ("分值", "weight"),
        ("score", false) => ("自评得分", "stated score"),
        ("reason", _) => ("偏差原因", "reason"),
        ("measure", _) => ("改进措施", "measure"),
        ("criteria", _) => ("评分标准", "criteria"),
        ("note", _) => ("指标说明（随评分标准保存）", "explanation (kept with the criteria)"),
        ("unit", _) => ("计量单位", "unit"),
        ("direction", _) => ("指标方向", "direction"),
        _ => (key, key),
    };
    Text::new(zh, en)
}

pub(super) fn key_of(table: &Words, h: &str) -> Option<&'static str> {
    let n = norm(h);
    if n.is_empty() {
        return None;
    }
    table.iter().find(|(_, ws)| ws.contains(&n)).map(|(k, _)| *k)
}

pub(super) fn row_keys(s: &Sheet, r: u32, table: &Words) -> (BTreeMap<&'static str, usize>, BTreeMap<usize, String>, usize) {
    let mut keys = BTreeMap::new();
    let mut others = BTreeMap::new();
    let mut numeric = 0;
    for (c, v) in s.row(r) {
        if v.trim().is_empty() {
            continue;
        }
        match key_of(table, v) {
            Some(k) => {
                keys.entry(k).or_insert(c);
            }
            None => {
                if number::parse_opt(v, Kind::Value).ok().flatten().is_some() {
                    numeric += 1;
                }
                others.insert(c, v.to_string());
            }
        }
    }
    (keys, others, numeric)
}

pub(super) fn is_funds_header(k: &BTreeMap<&'static str, usize>) -> bool {
    k.contains_key("spent") && ["initial", "adjusted", "rate", "weight", "score"].iter().filter(|x| k.contains_key(*x)).count() >= 2
}

/// A checklist-style rubric: its items' 评分标准 and 得分, and no target or actual value (a table
/// with those is an indicator table whatever else it has).
pub(super) fn is_checklist_header(k: &BTreeMap<&'static str, usize>, as_indicators: &BTreeMap<&'static str, usize>) -> bool {
    k.contains_key("criteria")
        && k.contains_key("score")
        && (k.contains_key("name") || k.contains_key("l2"))
        && !as_indicators.contains_key("target")
        && !as_indicators.contains_key("actual")
}

pub(super) fn is_indicator_header(k: &BTreeMap<&'static str, usize>) -> bool {
    (k.contains_key("name") || (k.contains_key("l1") && k.contains_key("l2"))) && (k.contains_key("target") || k.contains_key("actual"))
}

pub(super) fn find_tables(s: &Sheet) -> Vec<TableAt> {
    let mut out: Vec<TableAt> = Vec::new();
    let last = s.last_row();
    let rows = s.rows();
    let mut i = 0;
    while i < rows.len() {
        let r = rows[i];
        i += 1;
        let (fk, fo, _) = row_keys(s, r, funds_words());
        let (ik, io, _) = row_keys(s, r, indicator_words());
        let (ck, co, _) = row_keys(s, r, checklist_words());
        let found = if is_indicator_header(&ik) {
            Some((Kind2::Indicators, ik, io))
        } else if is_checklist_header(&ck, &ik) {
            Some((Kind2::Checklist, ck, co))
        } else if is_funds_header(&fk) {
            Some((Kind2::Funds, fk, fo))
        } else {
            None
        };
        let Some((kind, mut cols, mut others)) = found else {
            continue;
        };
        // A second header row: its words fill the columns the first left open.
        let mut bottom = r;
        if r < last {
            let table = match kind {
                Kind2::Funds => funds_words(),
                Kind2::Indicators => indicator_words(),
                Kind2::Checklist => checklist_words(),
            };
            let (k2, o2, numeric) = row_keys(s, r + 1, table);
            let new: Vec<_> = k2.iter().filter(|(k, c)| !cols.contains_key(*k) && cols.get(**k) != Some(c)).collect();
            if numeric == 0 && !new.is_empty() && k2.len() >= 2 {
                for (k, c) in k2.iter() {
                    cols.entry(k).or_insert(*c);
                    others.remove(c);
                }
                for (c, t) in o2 {
                    if !cols.values().any(|x| *x == c) && s.anchor(r + 1, c).is_none() {
                        others.entry(c).or_insert(t);
                    }
                }
                bottom = r + 1;
            }
        }
        // A group header above a column ("绩效指标" over 一级/二级/三级) is not a column of its own.
        others.retain(|c, _| !cols.values().any(|x| x == c));
        // Header cells merged down from a row above (年度指标值 over two rows): the header
        // starts there.
        let top = cols.values().filter_map(|&c| s.anchor(r, c)).map(|a| a.0).min().unwrap_or(r).min(r);
        let weights = match kind {
            Kind2::Checklist => s.row(r).iter().filter(|(_, v)| key_of(checklist_words(), v) == Some("weight")).map(|(c, _)| *c).collect(),
            _ => Vec::new(),
        };
        out.push(TableAt { kind, top, bottom, cols, others, weights });
        while i < rows.len() && rows[i] <= bottom {
            i += 1;
        }
    }
    out
}
