//! Cells read by the label beside them: unit, year, totals, grade, goals and the texts around the tables.

use super::*;

/// Labelled cells outside the tables: title, unit, project, year, goals, total, grade, reasons.
pub(super) fn labelled(cx: &mut Ctx, acc: &mut Acc, tables: &[TableAt]) {
    let s = cx.s;
    let cells: Vec<(u32, usize, String)> = s.cells.iter().map(|(&(r, c), cell)| (r, c, cell.text.clone())).collect();
    let in_header = |r: u32| tables.iter().any(|t| r >= t.top && r <= t.bottom);
    for (r, c, text) in cells {
        if cx.used.contains(&(r, c)) || text.trim().is_empty() || in_header(r) {
            continue;
        }
        // "label：value" in one cell, or the label here and the value to its right.
        let (label, inline) = match text.split_once(['：', ':']) {
            Some((l, v)) if norm(l).chars().count() <= 12 && !norm(l).is_empty() => (l.to_string(), Some(v.trim().to_string())),
            _ => (text.clone(), None),
        };
        let n = norm(&label);
        let value = |cx: &mut Ctx| -> Option<String> {
            match &inline {
                Some(v) if !v.is_empty() => Some(v.clone()),
                _ => cx.right_of(r, c).map(|(x, v)| {
                    cx.take(r, x);
                    v
                }),
            }
        };
        // The title: a lone cell naming the table.
        let alone = s.row(r).iter().all(|(x, v)| *x == c || v.trim().is_empty());
        if alone
            && (text.contains("自评表")
                || text.contains("评价表")
                || text.contains("自评情况表")
                || text.contains("绩效自评")
                || text.contains("绩效评价指标表"))
        {
            cx.used.insert((r, c));
            if acc.doc.unit.year.is_empty() {
                if let Some(y) = year_in(&text) {
                    acc.doc.unit.year = y;
                    acc.parts.insert(Part::Unit);
                }
            }
            cx.map_rows((r, r), Text::new("标题", "title"));
            continue;
        }
        if n.starts_with("年度目标") || n.starts_with("年度绩效目标") {
            // 年度目标1:(80分) 增强政府工作效率 → the next indicator table's task.
            cx.used.insert((r, c));
            let rest = inline.clone().unwrap_or_default();
            let rest = rest.trim_start_matches(|ch: char| ch.is_whitespace() || "（()）0123456789.分".contains(ch)).trim().to_string();
            let name = if rest.is_empty() { cx.right_of(r, c) } else { None };
            let name = match name {
                Some((x, v)) => {
                    cx.take(r, x);
                    v
                }
                None => rest,
            };
            let has_name = !name.is_empty();
            if has_name {
                // Tables are read before labels; give the name to the first task without one
                // below this row, else keep it for the next table.
                let below = acc.doc.tasks.iter_mut().find(|t| t.name.is_empty());
                match below {
                    Some(t) => t.name = name,
                    None => acc.pending_task = Some(name),
                }
            }
            let what = if has_name {
                Text::new("年度目标（任务名称）", "annual goal (task name)")
            } else {
                Text::new("年度目标（标题）", "annual goal (heading)")
            };
            cx.map_rows((r, r), what);
            continue;
        }
        if n.starts_with("预算执行情况") || n.starts_with("预算执行") {
            cx.used.insert((r, c));
            if let Some(p) = points_in(&text) {
                acc.exec_weight.get_or_insert(p);
            }
            cx.map_rows((r, r), Text::new("预算执行（标题）", "budget execution (heading)"));
            if text.contains("万元") {
                acc.doc.unit.amount_unit = "万元".into();
            }
            continue;
        }
        // 金额单位：万元 (also 单位：万元, which is not a unit's name).
        let money = |v: &str| matches!(v.trim().trim_start_matches(['（', '(']).trim_end_matches(['）', ')']), "万元" | "元");
        if n == "金额单位" || (n == "单位" && inline.as_deref().is_some_and(money)) {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                if money(&v) {
                    acc.doc.unit.amount_unit = v.trim().trim_start_matches(['（', '(']).trim_end_matches(['）', ')']).to_string();
                    acc.parts.insert(Part::Unit);
                    cx.map_rows((r, r), Text::new("金额单位", "amount unit"));
                } else if let Some((x, _)) = cx.right_of(r, c) {
                    cx.used.remove(&(r, x));
                    cx.unplace(r, x, Text::new("金额单位应为“万元”或“元”", "the amount unit should be 万元 or 元"));
                }
            }
            continue;
        }
        let unit_words = [
            "单位名称",
            "预算部门单位名称",
            "部门单位名称",
            "实施单位",
            "预算单位",
            "部门名称",
            "填报单位",
            "预算部门",
            "单位",
            "预算单位名称",
            "部门单位",
        ];
        if unit_words.contains(&n.as_str()) {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                if acc.doc.unit.name.is_empty() {
                    acc.doc.unit.name = v;
                    acc.parts.insert(Part::Unit);
                    cx.map_rows((r, r), Text::new("单位名称", "unit name"));
                } else if acc.doc.unit.name != v {
                    if let Some((x, _)) = cx.right_of(r, c) {
                        cx.used.remove(&(r, x));
                        cx.unplace(r, x, Text::new("已从前面读取单位名称", "the unit's name was read from an earlier cell"));
                    }
                }
            }
            continue;
        }
        if n == "项目名称" {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.project = Some(v.clone());
                if let Some(t) = acc.doc.tasks.iter_mut().find(|t| t.name.is_empty()) {
                    t.name = v;
                }
                cx.map_rows((r, r), Text::new("项目名称（任务名称）", "project name (the task's name)"));
            }
            continue;
        }
        if ["年度", "评价年度", "所属年度", "预算年度"].contains(&n.as_str()) {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.doc.unit.year = v;
                acc.parts.insert(Part::Unit);
            }
            continue;
        }
        if n.starts_with("按收入性质分") || n.starts_with("按支出性质分") {
            split(cx, acc, r, c, &text);
            continue;
        }
        if n == "年度总体目标" || n == "总体目标" {
            cx.used.insert((r, c));
            continue;
        }
        if n == "预期目标" || n == "实际完成情况" || n == "年度总体目标完成情况" {
            cx.used.insert((r, c));
            let key = if n == "预期目标" { "goal" } else { "achievements" };
            // Side by side with its pair (预期目标 | 实际完成情况): the values are below.
            let right = cx.right_of(r, c);
            let pair_right = right.as_ref().is_some_and(|(_, v)| matches!(norm(v).as_str(), "实际完成情况" | "预期目标"));
            let below_first = pair_right || right.is_none();
            let v = if inline.as_deref().is_some_and(|v| !v.is_empty()) {
                inline.clone()
            } else if below_first {
                let v = s.value(r + 1, c).to_string();
                if v.trim().is_empty() {
                    None
                } else {
                    cx.take(r + 1, c);
                    Some(v)
                }
            } else {
                value(cx)
            };
            if let Some(v) = v {
                acc.doc.narrative.insert(key.to_string(), v);
                acc.parts.insert(Part::Narrative);
                cx.map_rows(
                    (r, r),
                    Text::new(
                        format!("年度总体目标：{}", if key == "goal" { "预期目标" } else { "实际完成情况" }),
                        format!("overall goal: {}", if key == "goal" { "expected" } else { "achieved" }),
                    ),
                );
            }
            continue;
        }
        // 编制数 / 实有人数: "2023年实际在职人数" heads the value below it, or the value is beside it.
        let staff = staff_field(&n);
        if let Some((field, what)) = staff {
            cx.used.insert((r, c));
            let below = s.value(r + 1, c).to_string();
            let (v, at_below) = match &inline {
                Some(v) if !v.is_empty() => (Some(v.clone()), false),
                _ if number::parse_opt(&below, Kind::Value).ok().flatten().is_some() => {
                    cx.take(r + 1, c);
                    (Some(below), true)
                }
                _ => (value(cx), false),
            };
            if let Some(v) = v {
                let slot = if field == "staff_quota" { &mut acc.doc.unit.staff_quota } else { &mut acc.doc.unit.staff_actual };
                if slot.is_empty() {
                    *slot = v.trim().to_string();
                    acc.parts.insert(Part::Unit);
                    if at_below {
                        cx.map_col(c, (r + 1, r + 1), what);
                    } else {
                        cx.map_rows((r, r), what);
                    }
                }
            }
            continue;
        }
        if TOTAL_WORDS.contains(&n.as_str()) {
            cx.used.insert((r, c));
            // The score column of the table above, else the last value of the row.
            let score_col =
                tables.iter().rev().find(|t| t.top < r && t.kind == Kind2::Indicators).and_then(|t| t.cols.get("score").copied());
            let in_score = score_col.filter(|&x| x > c && !s.own(r, x).trim().is_empty());
            let vals: Vec<(usize, String)> = s
                .cells
                .range((r, c + 1)..=(r, usize::MAX))
                .filter(|(_, v)| !v.text.trim().is_empty())
                .map(|(&(_, x), v)| (x, v.text.clone()))
                .collect();
            let pick = in_score.or_else(|| vals.last().map(|(x, _)| *x));
            if let Some(x) = pick {
                acc.doc.stated.total = cx.take(r, x);
                acc.parts.insert(Part::Stated);
                cx.map_col(x, (r, r), Text::new("自评总分", "stated total"));
                for (y, _) in vals.iter().filter(|(y, _)| *y != x) {
                    let v = s.own(r, *y);
                    if GRADE_WORDS.contains(&norm(v).as_str()) {
                        continue;
                    }
                    if let Some(&wc) = tables.iter().rev().find(|t| t.top < r).and_then(|t| t.cols.get("weight")) {
                        if wc == *y {
                            cx.unplace(
                                r,
                                *y,
                                Text::new(
                                    "总分的满分（由评分结构决定，未读取）",
                                    "the full marks of the total (set by the rubric, not read)",
                                ),
                            );
                        }
                    }
                }
            }
            continue;
        }
        if GRADE_WORDS.contains(&n.as_str()) {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.doc.stated.grade = v;
                acc.parts.insert(Part::Stated);
                cx.map_rows((r, r), Text::new("评价等级", "grade"));
            }
            continue;
        }
        if n.contains("原因分析") || n == "偏差原因" || n.starts_with("偏差大") {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.doc.budget.reason = v;
                acc.parts.insert(Part::Budget);
                cx.map_rows((r, r), Text::new("偏差原因（整体）", "reason (overall)"));
            }
            continue;
        }
        if n.starts_with("改进措施") {
            cx.used.insert((r, c));
            if let Some(v) = value(cx) {
                acc.doc.budget.measure = v;
                acc.parts.insert(Part::Budget);
                cx.map_rows((r, r), Text::new("改进措施（整体）", "measure (overall)"));
            }
            continue;
        }
    }
}

/// "name：amount" (after an optional 其中：), the amount blank or a number.
pub(super) fn name_amount(v: &str) -> Option<(String, String)> {
    let t = v.trim();
    let t = t.strip_prefix("其中").map(|x| x.trim_start_matches([':', '：', ' '])).unwrap_or(t);
    let (name, amount) = t.rsplit_once([':', '：'])?;
    let (name, amount) = (name.trim(), amount.trim());
    if name.is_empty() || number::parse_opt(amount, Kind::Value).is_err() {
        return None;
    }
    Some((name.to_string(), amount.to_string()))
}

/// The Hunan 部门整体 split under the funds row: 按收入性质分：2030.12 | 按支出性质分：1925.67, and
/// below each, "其中：一般公共预算：1325.68", "政府性基金拨款：118.82", … as the 执行数 of rows by
/// source and by type. The split's own sum has no field: it is listed.
pub(super) fn split(cx: &mut Ctx, acc: &mut Acc, r: u32, c: usize, text: &str) {
    let s = cx.s;
    let income = norm(text).starts_with("按收入性质分");
    let group = if income { "source" } else { "type" };
    cx.used.insert((r, c));
    if name_amount(text).is_some_and(|(_, a)| !a.is_empty()) {
        cx.used.remove(&(r, c));
        cx.unplace(
            r,
            c,
            Text::new(
                "分项的合计没有对应的字段（各分项已读取为执行数，由本工具相加核对）",
                "the split's sum has no field (its rows are read as spent and added up by the checker)",
            ),
        );
    }
    let mut last = r;
    let mut row = r + 1;
    while let Some((name, amount)) = name_amount(s.own(row, c)) {
        cx.used.insert((row, c));
        let n = norm(&name);
        let base = [
            ("一般公共预算", "gen"),
            ("政府性基金", "fund"),
            ("非税", "nontax"),
            ("其他资金", "other"),
            ("基本支出", "basic"),
            ("项目支出", "project"),
        ]
        .iter()
        .find(|(w, _)| n.contains(w))
        .map(|(_, id)| id.to_string())
        .unwrap_or_else(|| format!("s{row}"));
        let id = if acc.doc.budget.rows.iter().any(|x| x.id == base) { format!("{base}{row}") } else { base };
        acc.doc.budget.rows.push(BudgetRow { id, group: group.into(), name, actual: amount, ..Default::default() });
        acc.parts.insert(Part::Budget);
        last = row;
        row += 1;
    }
    if last > r {
        cx.map_col(
            c,
            (r + 1, last),
            if income {
                Text::new("按收入性质分：各来源的执行数", "by source: spent per fund source")
            } else {
                Text::new("按支出性质分：基本支出、项目支出的执行数", "by type: spent on basic and project expenditure")
            },
        );
    }
}

/// The staffing field a label names: 编制数 (`staff_quota`) or 实有人数 (`staff_actual`), with
/// a leading year ("2023年实际在职人数") ignored.
pub(super) fn staff_field(n: &str) -> Option<(&'static str, Text)> {
    let n = n.trim_start_matches(|c: char| c.is_ascii_digit());
    let n = n.strip_prefix("年").or_else(|| n.strip_prefix("年末")).unwrap_or(n);
    let n = n.strip_prefix("末").unwrap_or(n);
    match n {
        "编制数" | "核定编制数" | "编制人数" | "人员编制数" | "实有人员编制" => {
            Some(("staff_quota", Text::new("编制数", "authorised staff")))
        }
        "实际在职人数" | "在职人数" | "实有人数" | "实有在职人数" | "在职在编实有人数" | "年末实有人数" => {
            Some(("staff_actual", Text::new("实有人数", "staff in post")))
        }
        _ => None,
    }
}
