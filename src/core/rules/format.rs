//! Checks of the document's own structure (what the file format requires of it).

use std::collections::HashSet;

use super::catalogue::fire;
use super::Context;
use crate::core::finding::Finding;
use crate::core::format::path;

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
