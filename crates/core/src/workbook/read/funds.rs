//! The funds table (项目资金 / 预算执行): its rows, their amounts and the execution score.

use super::*;

pub(super) const BUDGET_WORDS: &[&str] = &["资金", "拨款", "结转", "总额", "合计", "收入", "支出", "预算", "经费"];
pub(super) const FUNDS_STOP: &[&str] =
    &["按收入性质分", "按支出性质分", "年度目标", "年度总体目标", "总体目标", "预期目标", "实际完成情况", "绩效指标", "年度绩效目标"];

pub(super) fn funds(cx: &mut Ctx, acc: &mut Acc, t: &TableAt, end: u32) {
    let s = cx.s;
    let first_col = t.cols.values().copied().min().unwrap_or(0);
    if acc.funds_done {
        // A second funds table: its cells are listed, not read over the first.
        cx.map_rows(
            (t.top, t.bottom),
            Text::new(
                "又一张资金表：只读取第一张，这张的单元格列在“未读取”中",
                "another funds table: only the first is read, this one's cells are listed",
            ),
        );
        return;
    }
    acc.funds_done = true;
    acc.parts.insert(Part::Budget);
    for r in t.top..=t.bottom {
        for (_, &c) in t.cols.iter() {
            cx.take(r, c);
        }
    }
    // The execution weight in the score header: 得分（20分*执行率）.
    if let Some(&c) = t.cols.get("score") {
        if let Some(p) = points_in(s.value(t.top, c)).or_else(|| points_in(s.value(t.bottom, c))) {
            acc.exec_weight = Some(p);
        }
    }
    let mut last = t.bottom;
    let mut rows = Vec::new();
    for r in s.rows().into_iter().filter(|&r| r > t.bottom && r <= end) {
        // The row's label: the rightmost value left of the table's first column.
        let label_col = s.row(r).into_iter().filter(|(c, v)| *c < first_col && !v.trim().is_empty()).map(|(c, _)| c).next_back();
        let label = label_col.map(|c| s.value(r, c).to_string()).unwrap_or_default();
        let has_amount =
            ["initial", "adjusted", "spent", "rate"].iter().any(|k| t.cols.get(k).is_some_and(|&c| !s.value(r, c).trim().is_empty()));
        let n = norm(&label);
        if FUNDS_STOP.iter().any(|w| n.starts_with(w)) || TOTAL_WORDS.contains(&n.as_str()) {
            break;
        }
        if !has_amount && !BUDGET_WORDS.iter().any(|w| n.contains(w)) {
            if s.row(r).iter().all(|(_, v)| v.trim().is_empty()) {
                continue;
            }
            break;
        }
        last = r;
        if let Some(c) = label_col {
            cx.take(r, c);
        }
        rows.push((r, label));
    }
    if rows.is_empty() {
        return;
    }
    // The amount unit from the table's label or title: 项目资金（万元）.
    let around: Vec<String> = (t.top.saturating_sub(2).max(1)..=last)
        .flat_map(|r| s.row(r).into_iter().filter(|(c, _)| *c < first_col.max(1)).map(|(_, v)| v.to_string()))
        .collect();
    let header: Vec<String> = t.cols.values().map(|&c| s.value(t.top, c).to_string()).collect();
    if around.iter().chain(header.iter()).any(|v| v.contains("万元")) {
        acc.doc.unit.amount_unit = "万元".into();
    } else if around
        .iter()
        .chain(header.iter())
        .any(|v| v.contains("（元）") || v.contains("(元)") || v.contains("单位：元") || v.contains("单位:元"))
    {
        acc.doc.unit.amount_unit = "元".into();
    }
    for r in t.top..=last {
        for (c, v) in s.row(r) {
            if c < first_col && (v.contains("资金") || v.contains("预算")) {
                if let Some(a) = s.anchor(r, c) {
                    cx.used.insert(a);
                }
            }
        }
    }
    let mut total_seen = false;
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for (r, label) in &rows {
        let r = *r;
        let name = label.trim();
        let name = name.strip_prefix("其中：").or_else(|| name.strip_prefix("其中:")).unwrap_or(name).trim().to_string();
        let n = norm(&name);
        let is_total = !total_seen && (n.contains("总额") || n.contains("合计") || n.contains("总计") || n == "总支出");
        let mut row = BudgetRow { id: String::new(), group: String::new(), name: name.clone(), ..Default::default() };
        for (k, to) in
            [("initial", &mut row.initial), ("adjusted", &mut row.adjusted), ("spent", &mut row.actual), ("rate", &mut row.stated_rate)]
        {
            if let Some(&c) = t.cols.get(k) {
                *to = cx.take(r, c);
            }
        }
        for k in ["weight", "score"] {
            let Some(&c) = t.cols.get(k) else { continue };
            let v = s.value(r, c).to_string();
            if v.trim().is_empty() {
                continue;
            }
            if is_total {
                cx.take(r, c);
                if k == "weight" {
                    acc.exec_weight = Some(v);
                } else {
                    acc.exec_score = Some(v);
                }
            } else if !words::is_placeholder(&v) {
                cx.unplace(
                    r,
                    c,
                    Text::new(
                        "分值、得分只读合计行（预算执行率按资金总额计分）",
                        "weight and score are read on the total row only (execution is scored on the total)",
                    ),
                );
            } else {
                cx.take(r, c);
            }
        }
        if is_total {
            total_seen = true;
            row.id = "total".into();
            acc.doc.budget.total = row;
        } else {
            let base = if n.contains("财政拨款") || n.contains("财政资金") {
                "fin"
            } else if n.contains("结转") {
                "carry"
            } else if n.contains("其他资金") {
                "other"
            } else {
                "row"
            };
            let mut id = base.to_string();
            if ids.contains(&id) || base == "row" {
                id = format!("{base}{r}");
            }
            ids.insert(id.clone());
            row.id = id;
            row.group = "source".into();
            acc.doc.budget.rows.push(row);
        }
    }
    let rs = (rows[0].0, last);
    for (k, &c) in &t.cols {
        cx.map_col(c, rs, field_name(k, true));
    }
    cx.map_rows((t.top, t.bottom), Text::new("资金表表头", "funds table header"));
    cx.map_rows(
        rs,
        Text::new("预算执行（资金表）：首行为合计，其余为按来源分项", "budget execution (funds): the total, then the rows by source"),
    );
    for (&c, h) in &t.others {
        if c < first_col {
            // The row labels' own header (年度预算申请（万元）, 项目资金).
            cx.used.insert((t.top, c));
            continue;
        }
        unread_column(cx, t, c, h, rs.1);
    }
}

pub(super) fn unread_column(cx: &mut Ctx, t: &TableAt, c: usize, h: &str, end: u32) {
    let reason = Text::new(format!("“{}”列没有对应的字段", h.trim()), format!("the column '{}' has no field here", h.trim()));
    for r in cx.s.rows().into_iter().filter(|&r| r >= t.top && r <= end) {
        let v = cx.s.own(r, c);
        if !v.trim().is_empty() && !words::is_placeholder(v) {
            cx.unplace(r, c, reason.clone());
        }
    }
}
