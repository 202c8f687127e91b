//! What the fire/quiet cases beside each rule start from: [`base`], a small document with no
//! findings at all (the same document as `tests/rules.rs`: national rubric, 1,000.00 万元 budget
//! executed at 96.00%, three indicators on target, total 99.60, grade 优), one change, and an
//! assertion that the rule fires at its path with this case's numbers, or stays quiet.

use std::collections::BTreeMap;

use crate::check::evaluate::evaluate;
use crate::check::finding::Finding;
use crate::document::format::{group, Budget, BudgetRow, Indicator, RubricChoice, SelfEvaluation, Stated, StatedScore, Task, Unit};

/// A budget row with its amounts and stated rate.
pub fn row(id: &str, g: &str, name: &str, budget: &str, actual: &str, rate: &str) -> BudgetRow {
    BudgetRow {
        id: id.into(),
        group: g.into(),
        name: name.into(),
        adjusted: budget.into(),
        actual: actual.into(),
        stated_rate: rate.into(),
        ..Default::default()
    }
}

/// A "≥" 产出-数量 indicator in %.
pub fn ind(id: &str, name: &str, node: &str, target: &str, actual: &str, weight: &str, score: &str) -> Indicator {
    Indicator {
        id: id.into(),
        name: name.into(),
        category: "产出-数量".into(),
        direction: "≥".into(),
        unit: "%".into(),
        target: target.into(),
        actual: actual.into(),
        weight: weight.into(),
        stated_score: score.into(),
        node: node.into(),
        ..Default::default()
    }
}

/// A stated score.
pub fn score(s: &str) -> StatedScore {
    StatedScore { score: s.into(), ..Default::default() }
}

/// The clean document (its arithmetic is worked out in `tests/rules.rs`).
pub fn base() -> SelfEvaluation {
    SelfEvaluation {
        unit: Unit { name: "测试单位".into(), year: "2023".into(), level: "市本级".into(), ..Default::default() },
        budget: Budget {
            total: row("total", "", "合计", "1,000.00", "960.00", "96.00"),
            rows: vec![
                row("fin", group::SOURCE, "财政拨款", "800.00", "780.00", "97.50"),
                row("other", group::SOURCE, "其他资金", "200.00", "180.00", "90.00"),
                row("basic", group::TYPE, "基本支出", "600.00", "590.00", "98.33"),
                row("project", group::TYPE, "项目支出", "400.00", "370.00", "92.50"),
            ],
            reason: "部分项目按合同进度于次年支付。".into(),
            measure: "加强预算执行进度管理。".into(),
        },
        rubric: RubricChoice { preset: "national-2020".into(), inline: None },
        tasks: vec![Task {
            id: "t1".into(),
            name: "任务一".into(),
            indicators: vec![
                ind("i1", "体检计划完成率", "output", "100", "100", "50", "50"),
                ind("i2", "就业率", "outcome", "95", "96", "30", "30"),
                ind("i3", "满意度", "satisfaction", "90", "92", "10", "10"),
            ],
        }],
        stated: Stated {
            scores: [("execution", "9.60"), ("output", "50"), ("outcome", "30"), ("satisfaction", "10")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), score(v)))
                .collect(),
            adjustments: vec![],
            total: "99.60".into(),
            grade: "优".into(),
        },
        narrative: BTreeMap::from([("achievements".to_string(), "年度任务按计划推进。".to_string())]),
        ..Default::default()
    }
}

/// The base on the Guangzhou preset (管理效能 manual 50 + 履职效能 50): 45 + 50 = 95.
pub fn gz_base() -> SelfEvaluation {
    let mut d = base();
    d.rubric.preset = "guangzhou-dept".into();
    for i in &mut d.tasks[0].indicators {
        i.node = "duties".into();
        i.weight = String::new();
        i.stated_score = String::new();
    }
    d.stated.scores = BTreeMap::from([
        (
            "management".to_string(),
            StatedScore {
                score: "45".into(), reason: "预算执行率未达 100%。".into(), measure: "加强执行进度管理。".into()
            },
        ),
        ("duties".to_string(), score("50")),
    ]);
    d.stated.total = "95".into();
    d
}

/// The findings of the base with one change.
pub fn with(change: impl FnOnce(&mut SelfEvaluation)) -> Vec<Finding> {
    let mut d = base();
    change(&mut d);
    evaluate(&d).findings
}

/// The findings of the Guangzhou base with one change.
pub fn gz_with(change: impl FnOnce(&mut SelfEvaluation)) -> Vec<Finding> {
    let mut d = gz_base();
    change(&mut d);
    evaluate(&d).findings
}

/// The 财政拨款 row.
pub fn fin(d: &mut SelfEvaluation) -> &mut BudgetRow {
    &mut d.budget.rows[0]
}

/// The 其他资金 row.
pub fn other(d: &mut SelfEvaluation) -> &mut BudgetRow {
    &mut d.budget.rows[1]
}

/// The first indicator.
pub fn i1(d: &mut SelfEvaluation) -> &mut Indicator {
    &mut d.tasks[0].indicators[0]
}

/// Asserts that `rule` fired at `path`, each of `numbers` in its message (in either language),
/// no placeholder left unfilled in either language; returns the finding.
pub fn fires<'a>(findings: &'a [Finding], rule: &str, path: &str, numbers: &[&str]) -> &'a Finding {
    let Some(f) = findings.iter().find(|f| f.rule == rule && f.path == path) else {
        panic!(
            "{rule} did not fire at {path}; findings: {:?}",
            findings.iter().map(|f| format!("{} @ {}", f.rule, f.path)).collect::<Vec<_>>()
        )
    };
    for n in numbers {
        assert!(f.message.zh.contains(n) || f.message.en.contains(n), "{rule}: message lacks '{n}': {} / {}", f.message.zh, f.message.en);
    }
    for m in [&f.message.zh, &f.message.en, &f.rule_title.zh, &f.rule_title.en] {
        assert!(!m.contains('{'), "{rule}: unfilled placeholder in '{m}'");
    }
    f
}

/// Asserts that `rule` fired nowhere.
pub fn quiet(findings: &[Finding], rule: &str) {
    let hits: Vec<String> = findings.iter().filter(|f| f.rule == rule).map(|f| format!("{} ({})", f.path, f.message.zh)).collect();
    assert!(hits.is_empty(), "{rule} fired: {hits:?}");
}
