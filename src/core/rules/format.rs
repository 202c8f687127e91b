//! Checks of the document's own structure (what the file format requires of it).

use std::collections::HashMap;

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
    let d = ctx.doc;
    // (id, path of the row's name field, zh and en description of the row)
    let mut rows: Vec<(&str, String, String, String)> = Vec::new();
    for r in &d.budget.rows {
        rows.push((&r.id, path::budget_row(&r.id, "name"), format!("预算执行表“{}”行", r.name), format!("budget row '{}'", r.name)));
    }
    for t in &d.tasks {
        rows.push((&t.id, format!("tasks.{}.name", t.id), format!("任务“{}”", t.name), format!("task '{}'", t.name)));
        for i in &t.indicators {
            rows.push((&i.id, path::indicator(&t.id, &i.id, "name"), format!("指标“{}”", i.name), format!("indicator '{}'", i.name)));
        }
    }
    for a in &d.stated.adjustments {
        rows.push((&a.id, path::adjustment(&a.id, "reason"), "一个加减分项".to_string(), "an adjustment".to_string()));
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    first.insert("total", usize::MAX);
    let mut out = Vec::new();
    for (k, (id, at, zh, en)) in rows.iter().enumerate() {
        let problem = if id.trim().is_empty() {
            Some(("为空", "is blank"))
        } else if id.contains('.') {
            Some(("含有“.”", "contains '.'"))
        } else if first.insert(id, k).is_some() {
            Some(("与其他行重复", "is used by another row too"))
        } else {
            None
        };
        if let Some((pzh, pen)) = problem {
            out.push(fire(
                "format.bad_id",
                at,
                &[
                    ("id", id.to_string()),
                    ("row_zh", zh.clone()),
                    ("row_en", en.clone()),
                    ("problem_zh", pzh.into()),
                    ("problem_en", pen.into()),
                ],
            ));
        }
    }
    out
}
