//! Every rule of the catalogue (`data/rules.json`) has a case that fires it and a clean case that
//! does not. The suite iterates the catalogue, so a rule added without a case here fails it.
//!
//! Each case starts from [`base`], a small document with no findings at all (national rubric,
//! 1,000.00 万元 budget executed at 96.00%, three indicators on target, total 99.60, grade 优), makes
//! one change, evaluates it, and asserts the rule's id, severity, path and that both language
//! versions of the message carry this case's numbers. The clean case is the same change with the
//! defect repaired (or the base itself), and must not fire the rule anywhere.
//!
//! Rules of category `report` fire from the report/crosscheck code, not from `evaluate`; their
//! cases live with that code. For those, this suite requires that some other test names the rule
//! id in quotes (see [`external_rules_have_tests`] and its `AWAITING_TESTS` list).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use selfcheck::core::check::evaluate::evaluate;
use selfcheck::core::check::finding::{Finding, Severity};
use selfcheck::core::check::rubric::preset;
use selfcheck::core::check::rules::{catalogue, CHECKS};
use selfcheck::core::document::format::{
    group, Adjustment, Budget, BudgetRow, Indicator, RubricChoice, SelfEvaluation, Stated, StatedScore, Task, Unit,
};

fn row(id: &str, g: &str, name: &str, budget: &str, actual: &str, rate: &str) -> BudgetRow {
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

fn ind(id: &str, name: &str, node: &str, target: &str, actual: &str, weight: &str, score: &str) -> Indicator {
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

fn score(s: &str) -> StatedScore {
    StatedScore { score: s.into(), ..Default::default() }
}

/// The clean document every case starts from. Its arithmetic, by hand:
/// 960.00 ÷ 1,000.00 = 96.00%; 780 ÷ 800 = 97.50%, 180 ÷ 200 = 90.00% (96.00 lies between);
/// 590 ÷ 600 = 98.33%, 370 ÷ 400 = 92.50%; execution 10 × 96.00% = 9.60; indicators on target
/// score their weights 50 / 30 / 10; total 9.60 + 50 + 30 + 10 = 99.60, grade 优.
fn base() -> SelfEvaluation {
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
fn gz_base() -> SelfEvaluation {
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

fn run(d: SelfEvaluation) -> Vec<Finding> {
    evaluate(&d).findings
}

fn with(change: impl FnOnce(&mut SelfEvaluation)) -> Vec<Finding> {
    let mut d = base();
    change(&mut d);
    run(d)
}

fn gz_with(change: impl FnOnce(&mut SelfEvaluation)) -> Vec<Finding> {
    let mut d = gz_base();
    change(&mut d);
    run(d)
}

fn fin(d: &mut SelfEvaluation) -> &mut BudgetRow {
    &mut d.budget.rows[0]
}

fn other(d: &mut SelfEvaluation) -> &mut BudgetRow {
    &mut d.budget.rows[1]
}

fn i1(d: &mut SelfEvaluation) -> &mut Indicator {
    &mut d.tasks[0].indicators[0]
}

/// One way to fire a rule, and the same situation repaired.
struct Case {
    rule: &'static str,
    severity: Severity,
    path: &'static str,
    /// Substrings both the zh and en message must contain: this case's numbers and names.
    numbers: &'static [&'static str],
    fire: fn() -> Vec<Finding>,
    clean: fn() -> Vec<Finding>,
}

use Severity::{Error, Info, Warning};

fn cases() -> Vec<Case> {
    vec![
        // ---- entry ----
        Case {
            rule: "entry.invalid",
            severity: Error,
            path: "budget.rows.fin.actual",
            numbers: &["78O.00", "O"],
            fire: || with(|d| fin(d).actual = "78O.00".into()),
            clean: || with(|d| fin(d).actual = "７８０．００".into()),
        },
        Case {
            rule: "entry.invalid",
            severity: Error,
            path: "rubric.preset",
            numbers: &["no-such-rubric", "guangzhou-dept"],
            fire: || with(|d| d.rubric.preset = "no-such-rubric".into()),
            clean: || with(|d| d.rubric.preset = " national-2020 ".into()),
        },
        Case {
            rule: "entry.invalid",
            severity: Error,
            path: "stated.adjustments.a1.points",
            numbers: &["加1分"],
            fire: || {
                with(|d| d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "加1分".into(), reason: "获表彰".into() }))
            },
            clean: || with(|d| d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "+0".into(), reason: "获表彰".into() })),
        },
        Case {
            rule: "entry.required",
            severity: Error,
            path: "unit.name",
            numbers: &["单位名称", "name"],
            fire: || with(|d| d.unit.name = "　".into()),
            clean: || run(base()),
        },
        Case {
            rule: "entry.required",
            severity: Error,
            path: "budget.total.actual",
            numbers: &["合计执行数", "total spending"],
            fire: || with(|d| d.budget.total.actual.clear()),
            clean: || run(base()),
        },
        Case {
            rule: "entry.required",
            severity: Error,
            path: "tasks.t1.indicators.i1.deduct_per_unit",
            numbers: &["每单位扣分", "points deducted per unit"],
            fire: || with(|d| i1(d).scoring = "deduct".into()),
            clean: || {
                with(|d| {
                    i1(d).scoring = "deduct".into();
                    i1(d).deduct_per_unit = "2".into();
                })
            },
        },
        Case {
            rule: "entry.required",
            severity: Error,
            path: "tasks.t1.indicators.i2.actual",
            numbers: &["实际完成值", "actual"],
            fire: || with(|d| d.tasks[0].indicators[1].actual.clear()),
            clean: || run(base()),
        },
        Case {
            rule: "entry.rubric_unusable",
            severity: Error,
            path: "rubric.preset",
            numbers: &["空标准", "nodes"],
            fire: || {
                with(|d| {
                    d.rubric.inline = Some(selfcheck::core::check::rubric::Rubric { name: "空标准".into(), ..Default::default() });
                })
            },
            clean: || with(|d| d.rubric.inline = Some(preset("national-2020").unwrap())),
        },
        // ---- budget ----
        Case {
            rule: "budget.over_execution",
            severity: Warning,
            path: "budget.rows.fin.reason",
            numbers: &["财政拨款", "820.00", "800.00", "102.50"],
            fire: || with(|d| fin(d).actual = "820.00".into()),
            clean: || {
                with(|d| {
                    fin(d).actual = "820.00".into();
                    fin(d).reason = "追加疫情防控支出，经批准动用结转资金。".into();
                })
            },
        },
        Case {
            rule: "budget.over_execution",
            severity: Warning,
            path: "budget.reason",
            numbers: &["合计", "total", "1,010.00", "1,000.00", "101.00"],
            fire: || {
                with(|d| {
                    d.budget.total.actual = "1,010.00".into();
                    d.budget.reason.clear();
                })
            },
            clean: || with(|d| d.budget.total.actual = "1,010.00".into()),
        },
        Case {
            rule: "budget.over_execution",
            severity: Warning,
            path: "budget.rows.fund.reason",
            numbers: &["政府性基金预算", "5.00", "0.00", "不适用", "not applicable"],
            // Spending with no budget at all: 5 ÷ 0 has no rate, but it is over-execution.
            fire: || with(|d| d.budget.rows.push(row("fund", "", "政府性基金预算", "0", "5", ""))),
            clean: || {
                with(|d| {
                    d.budget
                        .rows
                        .push(BudgetRow {
                            reason: "经批准动用上年结转。".into(), ..row("fund", "", "政府性基金预算", "0", "5", "")
                        })
                })
            },
        },
        Case {
            rule: "budget.rate_mismatch",
            severity: Error,
            path: "budget.rows.fin.stated_rate",
            numbers: &["97.05", "97.50", "780.00 ÷ 800.00"],
            fire: || with(|d| fin(d).stated_rate = "97.05%".into()),
            clean: || with(|d| fin(d).stated_rate = "97.5%".into()),
        },
        Case {
            rule: "budget.rate_mismatch",
            severity: Error,
            path: "budget.rows.fin.stated_rate",
            numbers: &["95.3", "95.25", "761.96 ÷ 800.00"],
            // 761.9608 ÷ 800 = 95.2451%: 95.25 at 2 dp but 95.2 at 1 dp (not 95.3, which is
            // what rounding the 2-dp rate again would give).
            fire: || {
                with(|d| {
                    fin(d).actual = "761.9608".into();
                    fin(d).stated_rate = "95.3".into();
                })
            },
            clean: || {
                with(|d| {
                    fin(d).actual = "761.9608".into();
                    fin(d).stated_rate = "95.2".into();
                })
            },
        },
        Case {
            rule: "budget.rows_sum",
            severity: Error,
            path: "budget.total.actual",
            numbers: &["970.00", "960.00", "10.00"],
            fire: || {
                with(|d| {
                    fin(d).actual = "790.00".into();
                    fin(d).stated_rate = "98.75".into();
                })
            },
            clean: || run(base()),
        },
        Case {
            rule: "budget.rows_sum",
            severity: Error,
            path: "budget.total.adjusted",
            numbers: &["1,050.00", "1,000.00", "50.00"],
            // 财政拨款 alone exceeds the total, with 其他资金 left blank to be derived.
            fire: || {
                with(|d| {
                    fin(d).adjusted = "1,050.00".into();
                    fin(d).stated_rate = "74.29".into();
                    other(d).adjusted.clear();
                    other(d).actual.clear();
                    other(d).stated_rate.clear();
                })
            },
            clean: || {
                with(|d| {
                    other(d).adjusted.clear();
                    other(d).actual.clear();
                })
            },
        },
        Case {
            rule: "budget.total_contradicts_parts",
            severity: Error,
            path: "budget.total.actual",
            numbers: &["120.00 / 118.50 / 118.50", "100.00%", "10.00"],
            fire: || {
                with(|d| {
                    d.budget.total = BudgetRow { initial: "0".into(), ..row("total", "", "合计", "0", "0", "0.00%") };
                    d.budget.rows = vec![BudgetRow {
                        initial: "120".into(),
                        ..row("fin", group::SOURCE, "其中：财政拨款", "118.5", "118.5", "100%")
                    }];
                    d.stated.scores.insert("execution".into(), score("10"));
                    d.stated.total = "100".into();
                })
            },
            clean: || {
                with(|d| {
                    d.budget.total = BudgetRow { initial: "120".into(), ..row("total", "", "合计", "118.5", "118.5", "100%") };
                    d.budget.rows = vec![BudgetRow {
                        initial: "120".into(),
                        ..row("fin", group::SOURCE, "其中：财政拨款", "118.5", "118.5", "100%")
                    }];
                    d.stated.scores.insert("execution".into(), score("10"));
                    d.stated.total = "100".into();
                })
            },
        },
        Case {
            rule: "budget.rate_outside_parts",
            severity: Error,
            path: "budget.total.stated_rate",
            numbers: &["96.00", "97.50", "98.00"],
            fire: || {
                with(|d| {
                    for r in d.budget.rows[..2].iter_mut() {
                        r.adjusted.clear();
                        r.actual.clear();
                    }
                    other(d).stated_rate = "98.00".into();
                })
            },
            clean: || {
                with(|d| {
                    for r in d.budget.rows[..2].iter_mut() {
                        r.adjusted.clear();
                        r.actual.clear();
                    }
                })
            },
        },
        Case {
            rule: "budget.rate_outside_parts",
            severity: Error,
            path: "budget.total.stated_rate",
            numbers: &["95.48", "95.6", "96.0"],
            // Parts stated to 1 dp: "95.6" stands for [95.55, 95.65], above the total 95.48.
            fire: || {
                with(|d| {
                    d.budget.total.actual = "954.80".into();
                    d.budget.total.stated_rate = "95.48".into();
                    for r in d.budget.rows[..2].iter_mut() {
                        r.adjusted.clear();
                        r.actual.clear();
                    }
                    fin(d).stated_rate = "95.6".into();
                    other(d).stated_rate = "96.0".into();
                })
            },
            // "95.5" stands for [95.45, 95.55], which holds 95.48: a correct total is not flagged.
            clean: || {
                with(|d| {
                    d.budget.total.actual = "954.80".into();
                    d.budget.total.stated_rate = "95.48".into();
                    for r in d.budget.rows[..2].iter_mut() {
                        r.adjusted.clear();
                        r.actual.clear();
                    }
                    fin(d).stated_rate = "95.5".into();
                    other(d).stated_rate = "96.0".into();
                    d.budget.rows.push(row("fund", group::SOURCE, "政府性基金预算", "0", "0", ""));
                })
            },
        },
        Case {
            rule: "budget.low_execution",
            severity: Error,
            path: "budget.rows.other.reason",
            numbers: &["其他资金", "85.00", "90"],
            fire: || {
                with(|d| {
                    other(d).actual = "170.00".into();
                    other(d).stated_rate = "85.00".into();
                })
            },
            clean: || {
                with(|d| {
                    other(d).actual = "170.00".into();
                    other(d).stated_rate = "85.00".into();
                    other(d).reason = "部分项目延期至次年实施。".into();
                })
            },
        },
        Case {
            rule: "budget.shortfall_unexplained",
            severity: Error,
            path: "budget.measure",
            numbers: &["96.00", "改进措施", "measure"],
            fire: || with(|d| d.budget.measure = " ".into()),
            clean: || run(base()),
        },
        Case {
            rule: "budget.shortfall_unexplained",
            severity: Error,
            path: "budget.reason",
            numbers: &["96.00", "偏差原因和改进措施", "a reason (偏差原因) and a measure"],
            fire: || {
                with(|d| {
                    d.budget.reason.clear();
                    d.budget.measure.clear();
                })
            },
            clean: || {
                // Fully executed: nothing to explain.
                with(|d| {
                    d.budget.reason.clear();
                    d.budget.measure.clear();
                    d.budget.total.actual = "1,000.00".into();
                    d.budget.total.stated_rate = "100.00".into();
                    fin(d).actual = "800.00".into();
                    fin(d).stated_rate = "100.00".into();
                    other(d).actual = "200.00".into();
                    other(d).stated_rate = "100.00".into();
                })
            },
        },
        Case {
            rule: "budget.adjusted_unexplained",
            severity: Warning,
            path: "budget.rows.fin.reason",
            numbers: &["财政拨款", "750.00", "800.00"],
            fire: || with(|d| fin(d).initial = "750.00".into()),
            clean: || {
                with(|d| {
                    fin(d).initial = "750.00".into();
                    fin(d).reason = "年中追加疫情防控经费 50 万元。".into();
                })
            },
        },
        Case {
            rule: "budget.adjusted_to_spending",
            severity: Warning,
            path: "budget.rows.fin.adjusted",
            numbers: &["财政拨款", "850.00", "780.00"],
            fire: || {
                with(|d| {
                    fin(d).initial = "850.00".into();
                    fin(d).adjusted = "780.00".into();
                    fin(d).reason = "年中调减。".into();
                })
            },
            clean: || {
                with(|d| {
                    fin(d).initial = "850.00".into();
                    fin(d).reason = "年中调减。".into();
                })
            },
        },
        Case {
            rule: "budget.not_applicable",
            severity: Info,
            path: "budget.rows.fund.adjusted",
            numbers: &["政府性基金预算"],
            fire: || with(|d| d.budget.rows.push(row("fund", group::SOURCE, "政府性基金预算", "0", "0", ""))),
            // Left blank, the row would be derived as total − the others = 0 ÷ 0: it stays blank.
            clean: || with(|d| d.budget.rows.push(row("fund", group::SOURCE, "政府性基金预算", "", "", ""))),
        },
        // ---- indicator ----
        Case {
            rule: "indicator.shortfall_unexplained",
            severity: Error,
            path: "tasks.t1.indicators.i1.reason",
            numbers: &["体检计划完成率", "85.79", "100", "85.79%"],
            fire: || with(|d| i1(d).actual = "85.79".into()),
            clean: || {
                with(|d| {
                    i1(d).actual = "85.79".into();
                    i1(d).reason = "疫情期间部分人员未能参加。".into();
                    i1(d).measure = "加强宣传动员。".into();
                })
            },
        },
        Case {
            rule: "indicator.shortfall_unexplained",
            severity: Error,
            path: "tasks.t1.indicators.i1.measure",
            numbers: &["体检计划完成率", "部分达成", "改进措施"],
            fire: || {
                with(|d| {
                    let i = i1(d);
                    i.direction = "定性".into();
                    i.target = "全面完成".into();
                    i.actual = "部分达成".into();
                    i.stated_score = "35".into();
                    i.reason = "疫情影响。".into();
                })
            },
            clean: || {
                with(|d| {
                    let i = i1(d);
                    i.direction = "定性".into();
                    i.target = "全面完成".into();
                    i.actual = "达成".into();
                })
            },
        },
        Case {
            rule: "indicator.far_above_target",
            severity: Warning,
            path: "tasks.t1.indicators.i1.target",
            numbers: &["体检计划完成率", "200.00%", "150", "50"],
            fire: || with(|d| i1(d).target = "50".into()),
            clean: || with(|d| i1(d).target = "70".into()),
        },
        Case {
            rule: "indicator.target_below_previous",
            severity: Warning,
            path: "tasks.t1.indicators.i1.target",
            numbers: &["体检计划完成率", "100", "100.5"],
            fire: || with(|d| i1(d).previous = "100.5".into()),
            clean: || with(|d| i1(d).previous = "99.5".into()),
        },
        Case {
            rule: "indicator.target_missing",
            severity: Info,
            path: "tasks.t1.indicators.i2.target",
            numbers: &["就业率", "96%"],
            fire: || with(|d| d.tasks[0].indicators[1].target.clear()),
            clean: || run(base()),
        },
        Case {
            rule: "indicator.tier_unknown",
            severity: Warning,
            path: "tasks.t1.indicators.i3.actual",
            numbers: &["满意度", "尚在推进"],
            fire: || {
                with(|d| {
                    d.tasks[0].indicators[2].direction = "定性".into();
                    d.tasks[0].indicators[2].actual = "尚在推进".into();
                })
            },
            // The words real tables use are understood: 达成预期指标 is met.
            clean: || {
                with(|d| {
                    d.tasks[0].indicators[2].direction = "定性".into();
                    d.tasks[0].indicators[2].actual = "达成预期指标".into();
                })
            },
        },
        Case {
            rule: "indicator.actual_is_bound",
            severity: Warning,
            path: "tasks.t1.indicators.i1.actual",
            numbers: &["体检计划完成率", "≥100"],
            fire: || with(|d| i1(d).actual = "≥100".into()),
            clean: || with(|d| i1(d).actual = "100%".into()),
        },
        Case {
            rule: "indicator.reverse_on_output",
            severity: Warning,
            path: "tasks.t1.indicators.i1.direction",
            numbers: &["体检计划完成率", "≤100"],
            // The sign written in the target, no direction typed (as real tables do).
            fire: || {
                with(|d| {
                    i1(d).target = "≤100".into();
                    i1(d).unit = "人".into();
                    i1(d).direction.clear();
                })
            },
            // A ceiling named as such is not questioned (nor a rate: see below).
            clean: || {
                with(|d| {
                    i1(d).target = "≤100".into();
                    i1(d).unit = "人".into();
                    i1(d).direction.clear();
                    i1(d).name = "安全事故起数".into();
                })
            },
        },
        Case {
            rule: "indicator.rate_at_least_100",
            severity: Info,
            path: "tasks.t1.indicators.i1.target",
            numbers: &["体检参加率", "≥100%"],
            fire: || {
                with(|d| {
                    i1(d).name = "体检参加率".into();
                    i1(d).target = "≥100%".into();
                })
            },
            clean: || {
                with(|d| {
                    i1(d).name = "体检参加率".into();
                    i1(d).direction = "=".into();
                    i1(d).target = "100%".into();
                })
            },
        },
        Case {
            rule: "indicator.target_below_budget_rate",
            severity: Warning,
            path: "tasks.t1.indicators.i1.target",
            numbers: &["预算执行率", "80%", "96.00", "90"],
            fire: || {
                with(|d| {
                    i1(d).name = "预算执行率".into();
                    i1(d).target = "≥80%".into();
                    i1(d).actual = "96%".into();
                })
            },
            clean: || {
                with(|d| {
                    i1(d).name = "预算执行率".into();
                    i1(d).target = "≥90%".into();
                    i1(d).actual = "96%".into();
                })
            },
        },
        Case {
            rule: "indicator.direction_unknown",
            severity: Error,
            path: "tasks.t1.indicators.i1.direction",
            numbers: &["体检计划完成率", "约等于"],
            fire: || with(|d| i1(d).direction = "约等于".into()),
            clean: || with(|d| i1(d).direction = " >= ".into()),
        },
        Case {
            rule: "indicator.node_unknown",
            severity: Warning,
            path: "tasks.t1.indicators.i2.node",
            numbers: &["就业率", "outcomes", "output、outcome、satisfaction"],
            // A typo in the node id: the indicator's 30 points would count toward nothing.
            fire: || with(|d| d.tasks[0].indicators[1].node = "outcomes".into()),
            // Not attached at all is allowed (the seed's indicators are not scored on their own).
            clean: || {
                with(|d| {
                    d.tasks[0].indicators.push(ind("i4", "宣传覆盖", "", "", "3", "", ""));
                    d.tasks[0].indicators[3].target = "2".into();
                })
            },
        },
        // ---- score ----
        Case {
            rule: "indicator.template_row",
            severity: Warning,
            path: "tasks.t1.indicators.i4.name",
            numbers: &["指标2：……"],
            fire: || {
                with(|d| {
                    d.tasks[0].indicators.push(Indicator {
                        id: "i4".into(),
                        name: "指标2：……".into(),
                        node: "output".into(),
                        ..Default::default()
                    })
                })
            },
            clean: || run(base()),
        },
        Case {
            rule: "indicator.target_in_name",
            severity: Warning,
            path: "tasks.t1.indicators.i1.name",
            numbers: &["资金支付完成率100%", "100%"],
            fire: || {
                with(|d| {
                    i1(d).name = "年度资金支付完成率100%".into();
                    i1(d).target.clear();
                })
            },
            clean: || with(|d| i1(d).name = "年度资金支付完成率".into()),
        },
        Case {
            rule: "score.out_of_range",
            severity: Error,
            path: "stated.scores.output.score",
            numbers: &["产出指标", "55", "50"],
            fire: || with(|d| d.stated.scores.get_mut("output").unwrap().score = "55".into()),
            clean: || run(base()),
        },
        Case {
            rule: "score.out_of_range",
            severity: Error,
            path: "tasks.t1.indicators.i2.stated_score",
            numbers: &["就业率", "-1", "30"],
            fire: || with(|d| d.tasks[0].indicators[1].stated_score = "-1".into()),
            clean: || with(|d| d.tasks[0].indicators[1].stated_score = "30.0".into()),
        },
        Case {
            rule: "score.out_of_range",
            severity: Error,
            path: "tasks.t1.indicators.i2.stated_score",
            numbers: &["就业率", "120", "100"],
            fire: || {
                with(|d| {
                    d.tasks[0].indicators[1].weight.clear();
                    d.tasks[0].indicators[1].stated_score = "120".into();
                })
            },
            clean: || {
                with(|d| {
                    d.tasks[0].indicators[1].weight.clear();
                    d.tasks[0].indicators[1].stated_score = "30".into();
                })
            },
        },
        Case {
            rule: "score.total_out_of_range",
            severity: Error,
            path: "stated.total",
            numbers: &["12345.67", "100"],
            fire: || with(|d| d.stated.total = "12345.67".into()),
            clean: || run(base()),
        },
        Case {
            rule: "score.total_out_of_range",
            severity: Error,
            path: "stated.total",
            numbers: &["-0.5", "0"],
            fire: || with(|d| d.stated.total = "-0.5".into()),
            // Additions may take the total above 100: 99.60 + 2 = 101.60 is in range.
            clean: || {
                with(|d| {
                    d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "+2".into(), reason: "获表彰".into() });
                    d.stated.total = "101.60".into();
                })
            },
        },
        Case {
            rule: "score.weights_sum",
            severity: Error,
            path: "rubric.execution.weight",
            numbers: &["95", "100"],
            fire: || {
                with(|d| {
                    let mut r = preset("national-2020").unwrap();
                    r.find_mut("outcome").unwrap().weight = "25".into();
                    d.rubric.inline = Some(r);
                })
            },
            clean: || {
                with(|d| {
                    let r = preset("national-2020").unwrap();
                    d.rubric.inline = Some(r);
                })
            },
        },
        Case {
            rule: "score.weights_sum",
            severity: Error,
            path: "tasks.t1.indicators.i1.weight",
            numbers: &["产出指标", "40", "50"],
            fire: || {
                with(|d| {
                    i1(d).weight = "40".into();
                    i1(d).stated_score = "40".into();
                })
            },
            clean: || run(base()),
        },
        Case {
            rule: "score.stated_mismatch",
            severity: Error,
            path: "stated.scores.execution.score",
            numbers: &["预算执行率", "9.50", "9.60", "10 × 96.00%"],
            fire: || with(|d| d.stated.scores.get_mut("execution").unwrap().score = "9.50".into()),
            clean: || with(|d| d.stated.scores.get_mut("execution").unwrap().score = "9.6".into()),
        },
        Case {
            rule: "score.stated_mismatch",
            severity: Error,
            path: "tasks.t1.indicators.i1.stated_score",
            numbers: &["体检计划完成率", "45", "42.90", "50 × 85.8 / 100"],
            fire: || {
                with(|d| {
                    let i = i1(d);
                    i.actual = "85.8".into();
                    i.stated_score = "45".into();
                    i.reason = "疫情。".into();
                    i.measure = "动员。".into();
                })
            },
            clean: || {
                with(|d| {
                    let i = i1(d);
                    i.actual = "85.8".into();
                    i.stated_score = "42.9".into();
                    i.reason = "疫情。".into();
                    i.measure = "动员。".into();
                    d.stated.scores.get_mut("output").unwrap().score = "42.90".into();
                    d.stated.total = "92.50".into();
                })
            },
        },
        Case {
            rule: "score.stated_mismatch",
            severity: Error,
            path: "tasks.t1.indicators.i2.stated_score",
            numbers: &["就业率", "24", "[18.00, 24.00)", "部分达成"],
            // 部分达成 of 30 is 18 ≤ score < 24: 24 already belongs to 达成.
            fire: || {
                with(|d| {
                    let i = &mut d.tasks[0].indicators[1];
                    i.direction = "定性".into();
                    i.actual = "部分达成".into();
                    i.stated_score = "24".into();
                    i.reason = "疫情。".into();
                    i.measure = "动员。".into();
                })
            },
            clean: || {
                with(|d| {
                    let i = &mut d.tasks[0].indicators[1];
                    i.direction = "定性".into();
                    i.actual = "部分达成".into();
                    i.stated_score = "23.9".into();
                    i.reason = "疫情。".into();
                    i.measure = "动员。".into();
                    d.stated.scores.get_mut("outcome").unwrap().score = "23.9".into();
                    d.stated.total = "93.50".into();
                })
            },
        },
        Case {
            rule: "score.cell_blank",
            severity: Warning,
            path: "budget.total.stated_rate",
            numbers: &["96.00%"],
            fire: || with(|d| d.budget.total.stated_rate.clear()),
            clean: || run(base()),
        },
        Case {
            rule: "score.total_mismatch",
            severity: Error,
            path: "stated.total",
            numbers: &["98.60", "99.60", "9.60 + 50.00 + 30.00 + 10.00"],
            fire: || with(|d| d.stated.total = "98.60".into()),
            clean: || with(|d| d.stated.total = "99.6分".into()),
        },
        Case {
            rule: "score.below_full_unexplained",
            severity: Error,
            path: "stated.scores.management.reason",
            numbers: &["管理效能", "45", "50", "偏差原因和改进措施"],
            fire: || {
                gz_with(|d| {
                    let m = d.stated.scores.get_mut("management").unwrap();
                    m.reason.clear();
                    m.measure.clear();
                })
            },
            clean: || run(gz_base()),
        },
        Case {
            rule: "score.adjustment_unexplained",
            severity: Error,
            path: "stated.adjustments.a1.reason",
            numbers: &["-0.5", "未写明事由", "no reason"],
            fire: || {
                with(|d| {
                    d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "-0.5".into(), reason: String::new() });
                    d.stated.total = "99.10".into();
                })
            },
            clean: || {
                with(|d| {
                    d.stated
                        .adjustments
                        .push(Adjustment { id: "a1".into(), points: "-0.5".into(), reason: "审计发现问题一项。".into() });
                    d.stated.total = "99.10".into();
                })
            },
        },
        Case {
            rule: "score.adjustment_unexplained",
            severity: Error,
            path: "stated.adjustments.a1.points",
            numbers: &["6", "-5", "5"],
            fire: || {
                with(|d| {
                    d.rubric.inline = Some(preset("guangzhou-dept-example").unwrap());
                    d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "6".into(), reason: "获国家级表彰。".into() });
                })
            },
            clean: || {
                with(|d| {
                    d.rubric.inline = Some(preset("guangzhou-dept-example").unwrap());
                    d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "5".into(), reason: "获国家级表彰。".into() });
                })
            },
        },
        Case {
            rule: "score.adjustment_unexplained",
            severity: Error,
            path: "stated.adjustments.a2.points",
            numbers: &["4", "7", "-5", "5"],
            fire: || {
                with(|d| {
                    d.rubric.inline = Some(preset("guangzhou-dept-example").unwrap());
                    d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "3".into(), reason: "获国家级表彰。".into() });
                    d.stated.adjustments.push(Adjustment { id: "a2".into(), points: "4".into(), reason: "获省级表彰。".into() });
                    d.stated.adjustments.push(Adjustment { id: "a3".into(), points: "-2".into(), reason: "审计发现问题。".into() });
                })
            },
            clean: || {
                with(|d| {
                    d.rubric.inline = Some(preset("guangzhou-dept-example").unwrap());
                    d.stated.adjustments.push(Adjustment { id: "a1".into(), points: "3".into(), reason: "获国家级表彰。".into() });
                    d.stated.adjustments.push(Adjustment { id: "a2".into(), points: "2".into(), reason: "获省级表彰。".into() });
                    d.stated.adjustments.push(Adjustment { id: "a3".into(), points: "-4".into(), reason: "审计发现问题。".into() });
                })
            },
        },
        Case {
            rule: "score.grade_missing",
            severity: Warning,
            path: "stated.grade",
            numbers: &["99.60", "优", "excellent"],
            // The rule comes from a Guangzhou audit: it applies where the rubric is Guangzhou's.
            fire: || {
                with(|d| {
                    d.stated.grade.clear();
                    d.rubric.inline = preset("national-2020").map(|mut r| {
                        r.region = "广州市".into();
                        r
                    });
                })
            },
            // Elsewhere (the national rubric, 全国) a total without a grade is no finding.
            clean: || with(|d| d.stated.grade.clear()),
        },
        Case {
            rule: "score.grade_mismatch",
            severity: Warning,
            path: "stated.grade",
            numbers: &["良", "99.60", "excellent"],
            fire: || with(|d| d.stated.grade = "良".into()),
            clean: || with(|d| d.stated.grade = "优秀".into()),
        },
        // ---- narrative, format ----
        Case {
            rule: "narrative.claims_all_met",
            severity: Warning,
            path: "narrative.achievements",
            numbers: &["各项绩效目标均已完成", "体检计划完成率", "85.79%"],
            fire: || {
                with(|d| {
                    let i = i1(d);
                    i.actual = "85.79".into();
                    i.reason = "疫情。".into();
                    i.measure = "动员。".into();
                    d.narrative.insert("achievements".into(), "年度工作有序开展，各项绩效目标均已完成。".into());
                })
            },
            clean: || {
                with(|d| {
                    d.narrative.insert("achievements".into(), "年度工作有序开展，各项绩效目标均已完成。".into());
                })
            },
        },
        Case {
            rule: "narrative.claims_all_met",
            severity: Warning,
            path: "narrative.problems",
            numbers: &["体检计划完成率", "85.79%", "全部完成"],
            fire: || {
                with(|d| {
                    let i = i1(d);
                    i.actual = "85.79".into();
                    i.reason = "疫情。".into();
                    i.measure = "动员。".into();
                    d.narrative.insert("problems".into(), "体检任务未能全部完成。总体而言，年度目标全部完成。".into());
                })
            },
            // "未能全部完成" admits the shortfall: it is not a claim that all were met.
            clean: || {
                with(|d| {
                    let i = i1(d);
                    i.actual = "85.79".into();
                    i.reason = "疫情。".into();
                    i.measure = "动员。".into();
                    d.narrative.insert("problems".into(), "体检任务未能全部完成。".into());
                })
            },
        },
        Case {
            rule: "format.mixed_precision",
            severity: Info,
            path: "budget.rows.fin.stated_rate",
            numbers: &["2", "1"],
            fire: || with(|d| fin(d).stated_rate = "97.5".into()),
            clean: || run(base()),
        },
        Case {
            rule: "format.bad_id",
            severity: Error,
            path: "tasks.t1.indicators.i1.name",
            numbers: &["i1", "就业率"],
            // The second indicator reuses the first one's id (a file edited by hand).
            fire: || with(|d| d.tasks[0].indicators[1].id = "i1".into()),
            clean: || with(|d| d.tasks[0].indicators[1].id = "i2b".into()),
        },
        Case {
            rule: "format.amount_unit_small",
            severity: Warning,
            path: "unit.amount_unit",
            numbers: &["1,000.00"],
            // The base's amounts read as 元: a year's budget of a thousand 元.
            fire: || with(|d| d.unit.amount_unit = "元".into()),
            clean: || {
                with(|d| {
                    d.unit.amount_unit = "元".into();
                    d.budget.total.initial = "10,000,000.00".into();
                })
            },
        },
        Case {
            rule: "indicator.rate_in_counts",
            severity: Warning,
            path: "tasks.t1.indicators.i2.unit",
            numbers: &["就业率", "950人", "人"],
            fire: || {
                with(|d| {
                    let i = &mut d.tasks[0].indicators[1];
                    i.unit = String::new();
                    i.target = "950人".into();
                    i.actual = "960人".into();
                })
            },
            clean: || {
                with(|d| {
                    let i = &mut d.tasks[0].indicators[1];
                    i.name = "就业人数".into();
                    i.unit = String::new();
                    i.target = "950人".into();
                    i.actual = "960人".into();
                })
            },
        },
        Case {
            rule: "score.unweighted_over_node",
            severity: Warning,
            path: "stated.scores.output.score",
            numbers: &["60", "50"],
            // Two unweighted rows under 产出 (weight 50), the parent row repeating its child.
            fire: || {
                with(|d| {
                    let mut parent = d.tasks[0].indicators[0].clone();
                    parent.id = "i0".into();
                    parent.name = "一、体检".into();
                    parent.weight = String::new();
                    parent.stated_score = "30".into();
                    i1(d).weight = String::new();
                    i1(d).stated_score = "30".into();
                    d.tasks[0].indicators.insert(0, parent);
                })
            },
            clean: || {
                with(|d| {
                    let mut parent = d.tasks[0].indicators[0].clone();
                    parent.id = "i0".into();
                    parent.name = "一、体检".into();
                    parent.weight = String::new();
                    parent.stated_score = "20".into();
                    i1(d).weight = String::new();
                    i1(d).stated_score = "30".into();
                    d.tasks[0].indicators.insert(0, parent);
                })
            },
        },
        Case {
            rule: "score.total_unverifiable",
            severity: Info,
            path: "stated.total",
            numbers: &["99.6"],
            // A second 产出 row with neither 分值 nor 得分, and no stated 产出 score: 产出 cannot be
            // scored, nor the total.
            fire: || {
                with(|d| {
                    d.stated.scores.remove("output");
                    let mut i = d.tasks[0].indicators[0].clone();
                    i.id = "i4".into();
                    i.name = "体检覆盖面".into();
                    i.weight = String::new();
                    i.stated_score = String::new();
                    d.tasks[0].indicators.push(i);
                })
            },
            clean: || run(base()),
        },
        Case {
            rule: "narrative.figure_differs_from_indicator",
            severity: Warning,
            path: "narrative.achievements",
            numbers: &["1200人次", "体检计划完成人次", "1500人次"],
            fire: || {
                with(|d| {
                    i1(d).name = "体检计划完成人次".into();
                    i1(d).unit = String::new();
                    i1(d).target = "1500人次".into();
                    i1(d).actual = "1500人次".into();
                    d.narrative.insert("achievements".into(), "全年体检计划完成1200人次。".into());
                })
            },
            clean: || {
                with(|d| {
                    i1(d).name = "体检计划完成人次".into();
                    i1(d).unit = String::new();
                    i1(d).target = "1500人次".into();
                    i1(d).actual = "1500人次".into();
                    d.narrative.insert("achievements".into(), "全年体检计划完成1500人次。".into());
                })
            },
        },
        Case {
            rule: "format.staff_over_quota",
            severity: Warning,
            path: "unit.staff_actual",
            numbers: &["26", "20", "130.00"],
            fire: || {
                with(|d| {
                    d.unit.staff_quota = "20".into();
                    d.unit.staff_actual = "26".into();
                })
            },
            clean: || {
                with(|d| {
                    d.unit.staff_quota = "20".into();
                    d.unit.staff_actual = "19".into();
                })
            },
        },
        Case {
            rule: "format.stale_year",
            severity: Warning,
            path: "tasks.t1.indicators.i1.name",
            numbers: &["2021年11月30日前", "2023", "2021"],
            fire: || with(|d| i1(d).name = "2021年11月30日前完成体检".into()),
            clean: || with(|d| i1(d).name = "2023年11月30日前完成体检".into()),
        },
    ]
}

#[test]
fn the_base_documents_are_clean() {
    let f = run(base());
    assert!(f.is_empty(), "base has findings: {:#?}", f.iter().map(|f| f.line(Default::default())).collect::<Vec<_>>());
    let ev = evaluate(&base());
    assert_eq!(ev.scores.total.map(|t| t.to_string()), Some("99.60".into()));
    let f = run(gz_base());
    assert!(f.is_empty(), "gz base has findings: {:#?}", f.iter().map(|f| f.line(Default::default())).collect::<Vec<_>>());
}

#[test]
fn every_catalogue_rule_has_a_firing_and_a_clean_case() {
    let cases = cases();
    let covered: BTreeSet<&str> = cases.iter().map(|c| c.rule).collect();
    let missing: Vec<&str> =
        catalogue::rules().iter().filter(|r| r.category != "report").map(|r| r.id.as_str()).filter(|id| !covered.contains(id)).collect();
    assert!(missing.is_empty(), "rules without a case in tests/rules.rs: {missing:?}");
    let unknown: Vec<&str> = covered.iter().copied().filter(|id| catalogue::rule(id).is_none()).collect();
    assert!(unknown.is_empty(), "cases for rules not in the catalogue: {unknown:?}");
}

#[test]
fn each_case_fires_at_its_path_with_its_numbers_and_its_clean_twin_does_not() {
    let mut failures = Vec::new();
    for c in cases() {
        let rule = catalogue::rule(c.rule).expect("rule in catalogue");
        if rule.severity != c.severity {
            failures.push(format!("{}: catalogue says {:?}, the case expects {:?}", c.rule, rule.severity, c.severity));
        }
        let fired = (c.fire)();
        let hit: Vec<&Finding> = fired.iter().filter(|f| f.rule == c.rule && f.path == c.path).collect();
        match hit.first() {
            None => failures.push(format!(
                "{} did not fire at {}; findings: {:?}",
                c.rule,
                c.path,
                fired.iter().map(|f| format!("{} @ {}", f.rule, f.path)).collect::<Vec<_>>()
            )),
            Some(f) => {
                if f.severity != c.severity {
                    failures.push(format!("{} at {}: severity {:?}", c.rule, c.path, f.severity));
                }
                let fixed = rule.source.split('{').next().unwrap_or_default();
                if f.category != rule.category || !f.source.starts_with(fixed) || f.source.contains('{') {
                    failures.push(format!("{}: category/source not the catalogue's", c.rule));
                }
                for n in c.numbers {
                    if !f.message.zh.contains(n) && !f.message.en.contains(n) {
                        failures.push(format!("{} at {}: message lacks '{n}': {} / {}", c.rule, c.path, f.message.zh, f.message.en));
                    }
                }
                for m in [&f.message.zh, &f.message.en, &f.rule_title.zh, &f.rule_title.en] {
                    if m.contains('{') {
                        failures.push(format!("{}: unfilled placeholder in '{m}'", c.rule));
                    }
                }
            }
        }
        let clean = (c.clean)();
        let still: Vec<String> = clean.iter().filter(|f| f.rule == c.rule).map(|f| format!("{} ({})", f.path, f.message.zh)).collect();
        if !still.is_empty() {
            failures.push(format!("{}: the clean case fires it: {still:?}", c.rule));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Numbers are present in *both* languages, not just one.
#[test]
fn messages_carry_numbers_in_both_languages() {
    for c in cases() {
        let fired = (c.fire)();
        let Some(f) = fired.iter().find(|f| f.rule == c.rule && f.path == c.path) else { continue };
        for n in c.numbers.iter().filter(|n| n.chars().all(|ch| ch.is_ascii_digit() || ".,-%×÷ /".contains(ch))) {
            assert!(f.message.zh.contains(n), "{}: zh message lacks {n}: {}", c.rule, f.message.zh);
            assert!(f.message.en.contains(n), "{}: en message lacks {n}: {}", c.rule, f.message.en);
        }
    }
}

#[test]
fn checks_and_catalogue_correspond() {
    let checks: BTreeSet<&str> = CHECKS.iter().map(|(id, _)| *id).collect();
    assert_eq!(checks.len(), CHECKS.len(), "a rule id appears twice in CHECKS");
    for id in &checks {
        assert!(catalogue::rule(id).is_some(), "CHECKS has {id}, which is not in data/rules.json");
    }
    for r in catalogue::rules() {
        match r.category.as_str() {
            // Fired while values are read (crates/core/src/check/entry.rs, check/evaluate.rs).
            "entry" => assert!(!checks.contains(r.id.as_str()), "{} is an entry rule but also a check", r.id),
            // Fired by the report/crosscheck code, outside `evaluate`.
            "report" => {}
            _ => assert!(checks.contains(r.id.as_str()), "{} is in data/rules.json but no check fires it (add it to CHECKS)", r.id),
        }
    }
    for id in ["entry.invalid", "entry.required"] {
        assert!(catalogue::rule(id).is_some(), "{id} missing from the catalogue");
    }
    // CHECKS runs in catalogue order, so findings come out in the order docs/rules.md lists them.
    let order: Vec<&str> = catalogue::rules().iter().map(|r| r.id.as_str()).filter(|id| checks.contains(id)).collect();
    assert_eq!(order, CHECKS.iter().map(|(id, _)| *id).collect::<Vec<_>>(), "CHECKS is not in catalogue order");
}

/// `report.*` rules that entered the catalogue (commit 29db52e) before the cross-check code that
/// fires them and its tests. Remove an id as soon as a test names it: this suite fails while a
/// listed id is already tested, or no longer in the catalogue, so the list can only shrink.
const AWAITING_TESTS: &[&str] = &[];

/// The text of every test: each `.rs` file under `tests/` except this one, and the part of each
/// `src/**/*.rs` file from its first `#[cfg(test)]` on.
fn test_texts() -> String {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = String::new();
    let mut files = Vec::new();
    walk(&root.join("tests"), &mut files);
    for p in files.iter().filter(|p| !p.ends_with("tests/rules.rs")) {
        texts.push_str(&std::fs::read_to_string(p).unwrap_or_default());
    }
    let mut files = Vec::new();
    for dir in ["src", "crates"] {
        walk(&root.join(dir), &mut files);
    }
    for p in files {
        let t = std::fs::read_to_string(&p).unwrap_or_default();
        if let Some(at) = t.find("#[cfg(test)]") {
            texts.push_str(&t[at..]);
        }
    }
    texts
}

/// Rules of category `report` are fired outside `evaluate` (the report/crosscheck code); their
/// firing and clean cases live with that code. Every such rule must be named, in quotes, by a
/// test: a file under `tests/` other than this one, or a `#[cfg(test)]` part of `src/`.
#[test]
fn external_rules_have_tests() {
    let texts = test_texts();
    let named = |id: &str| texts.contains(&format!("\"{id}\""));
    let report: Vec<&str> = catalogue::rules().iter().filter(|r| r.category == "report").map(|r| r.id.as_str()).collect();
    let untested: Vec<&str> = report.iter().copied().filter(|id| !named(id) && !AWAITING_TESTS.contains(id)).collect();
    assert!(untested.is_empty(), "report rules that no test names: {untested:?}");
    let stale: Vec<&str> = AWAITING_TESTS.iter().copied().filter(|id| named(id) || !report.contains(id)).collect();
    assert!(stale.is_empty(), "remove from AWAITING_TESTS in tests/rules.rs (now tested, or gone): {stale:?}");
}

/// Every rule has a title, a message and a source in both languages.
#[test]
fn catalogue_sources_and_titles_are_present() {
    for r in catalogue::rules() {
        assert!(!r.title.zh.is_empty() && !r.title.en.is_empty(), "{} lacks a title", r.id);
        assert!(!r.message.zh.is_empty() && !r.message.en.is_empty(), "{} lacks a message", r.id);
        assert!(!r.source.is_empty(), "{} lacks a source", r.id);
    }
}

/// Issue 11, item 12: a stated total outside 0–100 is an error at the field even when no total
/// can be computed (a blank page: before, it only prompted a grade).
#[test]
fn a_stated_total_outside_0_100_is_an_error_on_a_blank_page() {
    let mut d = selfcheck::core::document::draft::blank_document();
    d.stated.total = "12345.67".into();
    let f = run(d);
    let hit = f.iter().find(|f| f.path == "stated.total" && f.severity == Error).expect("an error at stated.total");
    assert_eq!(hit.rule, "score.total_out_of_range");
    assert!(hit.message.zh.contains("12345.67") && hit.message.en.contains("0–100"), "{:?}", hit.message);
}

/// The indicator i1 short of its target (85.79 of 100), explained by `reason` and `measure`.
fn short_with(reason: &str, measure: &str) -> Vec<Finding> {
    let (r, m) = (reason.to_string(), measure.to_string());
    with(move |d| {
        let i = i1(d);
        i.actual = "85.79".into();
        i.stated_score = "42.90".into();
        i.reason = r;
        i.measure = m;
    })
}

fn fired(fs: &[Finding], rule: &str) -> bool {
    fs.iter().any(|f| f.rule == rule)
}

/// "/", "无", "—", "暂无" and the template's own instruction are no reason: the shortfall is
/// still unexplained. A real reason and measure quiet it.
#[test]
fn placeholders_are_no_reason() {
    for (r, m) in [("/", "/"), ("无", "无"), ("—", "加强管理。"), ("暂无", "（200字以内）"), ("说明偏差原因", "无")]
    {
        assert!(fired(&short_with(r, m), "indicator.shortfall_unexplained"), "{r} / {m}");
    }
    assert!(!fired(&short_with("部分体检安排在次年一季度。", "提前制定体检计划。"), "indicator.shortfall_unexplained"));
}

/// The claim phrases real conclusions use (已按照计划完成目标) are claims that all targets were met.
#[test]
fn the_conclusions_real_wording_is_a_claim() {
    let fs = with(|d| {
        let i = i1(d);
        i.actual = "85.79".into();
        i.stated_score = "42.90".into();
        i.reason = "部分体检安排在次年一季度。".into();
        i.measure = "提前制定体检计划。".into();
        d.narrative.insert("achievements".into(), "该项目已按照计划完成目标，完成质量较好。".into());
    });
    assert!(fired(&fs, "narrative.claims_all_met"));
    let quiet = with(|d| {
        d.narrative.insert("achievements".into(), "该项目已按照计划完成目标，完成质量较好。".into());
    });
    assert!(!fired(&quiet, "narrative.claims_all_met"));
}

/// Blank is not agreement: a level-1 score cell left blank, an indicator's 分值 left blank beside
/// its stated score, an indicator's 得分 left blank in a table that states the others.
#[test]
fn blank_cells_the_form_has_are_reported() {
    let fs = with(|d| {
        d.stated.scores.insert("execution".into(), StatedScore::default());
    });
    assert!(fs.iter().any(|f| f.rule == "score.cell_blank" && f.path == "stated.scores.execution.score" && f.message.zh.contains("9.60")));
    let fs = with(|d| i1(d).weight.clear());
    assert!(fs.iter().any(|f| f.rule == "score.cell_blank" && f.path == "tasks.t1.indicators.i1.weight"));
    let fs = with(|d| i1(d).stated_score.clear());
    assert!(fs.iter().any(|f| f.rule == "score.cell_blank" && f.path == "tasks.t1.indicators.i1.stated_score"));
    assert!(!run(base()).iter().any(|f| f.rule == "score.cell_blank"));
}

/// A met indicator (the method gives the full weight) stated below its weight needs its 扣分原因.
#[test]
fn a_met_indicator_scored_below_its_weight_needs_a_reason() {
    let fs = with(|d| i1(d).stated_score = "45".into());
    assert!(fs.iter().any(|f| f.rule == "score.below_full_unexplained" && f.path == "tasks.t1.indicators.i1.reason"));
    let quiet = with(|d| {
        let i = i1(d);
        i.stated_score = "45".into();
        i.reason = "体检报告归档不完整，酌情扣分。".into();
        i.measure = "完善归档。".into();
    });
    assert!(!quiet.iter().any(|f| f.rule == "score.below_full_unexplained"));
}

/// A stated score is compared with the exact value at the table's precision: 2 × 97.30 ÷ 100 =
/// 1.946 is 1.9 at 1 dp (the 2-dp 1.95 would round to 2.0); "3" in a column of "1.8"s is 3.0,
/// and full marks on a shortfall are never a rounding.
#[test]
fn stated_scores_at_the_columns_precision() {
    let mismatch = |target: &str, actual: &str, weight: &str, stated: &str, other: &str| {
        with(|d| {
            let i = i1(d);
            (i.target, i.actual, i.weight, i.stated_score) = (target.into(), actual.into(), weight.into(), stated.into());
            i.reason = "原因。".into();
            i.measure = "措施。".into();
            d.tasks[0].indicators[1].stated_score = other.into();
        })
        .iter()
        .any(|f| f.rule == "score.stated_mismatch" && f.path == "tasks.t1.indicators.i1.stated_score")
    };
    assert!(!mismatch("100", "97.30", "2", "1.9", "30"));
    assert!(mismatch("38508", "37442", "3", "3", "1.8"));
    assert!(mismatch("120", "69", "2", "1", "1.8"));
    assert!(!mismatch("120", "69", "2", "1.2", "1.8"));
}

/// A part that cannot be scored leaves no total but bounds: a stated total above the known scores
/// plus the unscored parts' weights, or below the known scores, is still wrong.
#[test]
fn a_total_outside_its_bounds_is_wrong_even_without_a_total() {
    let at = |total: &str| {
        with(|d| {
            // i2 (效益, 30) cannot be scored: its actual is blank.
            d.tasks[0].indicators[1].actual.clear();
            d.tasks[0].indicators[1].stated_score.clear();
            d.stated.scores.remove("outcome");
            d.stated.total = total.into();
        })
        .into_iter()
        .any(|f| f.rule == "score.total_mismatch")
    };
    // Known: 9.60 + 50 + 10 (+ 效益 unknown, at most 30): 69.60 to 99.60.
    assert!(at("100"));
    assert!(at("60"));
    assert!(!at("99.60"));
    assert!(!at("80"));
}

/// A rate set as "≤" (差错率 ≤ 5%) is a ceiling by nature: not questioned as an output to maximise.
#[test]
fn a_rate_set_as_at_most_is_not_questioned() {
    let fs = with(|d| {
        i1(d).target = "≤5".into();
        i1(d).actual = "3".into();
        i1(d).direction.clear();
    });
    assert!(!fs.iter().any(|f| f.rule == "indicator.reverse_on_output"));
}

/// Class 3 of issue 12: 0 ÷ 0 is not applicable, not 0%. A row with a zero budget never asks for a
/// reason for low execution, even when 0 or 0.00% was typed as its rate; a total of 0 above rows
/// with money is told what it should be (and the rate and score that follow), not asked to
/// explain a 0% execution.
#[test]
fn not_applicable_is_not_zero_percent() {
    for typed in ["0", "0.00%", ""] {
        let fs = with(|d| {
            d.budget.rows.push(row("gov", group::TYPE, "政府性基金", "0", "0", typed));
            d.budget.reason.clear();
            d.budget.measure.clear();
            d.budget.total = row("total", "", "合计", "1,000.00", "1,000.00", "100.00");
            fin(d).actual = "800.00".into();
            other(d).actual = "200.00".into();
            d.budget.rows[2].actual = "600.00".into();
            d.budget.rows[3].actual = "400.00".into();
            for r in &mut d.budget.rows[..4] {
                r.stated_rate = "100.00".into();
            }
            d.stated.scores.insert("execution".into(), score("10"));
            d.stated.total = "100".into();
        });
        for rule in ["budget.low_execution", "budget.shortfall_unexplained"] {
            assert!(!fired(&fs, rule), "{typed:?}: {rule}: {:?}", fs.iter().map(|f| f.line(Default::default())).collect::<Vec<_>>());
        }
        assert!(fs.iter().any(|f| f.rule == "budget.not_applicable" && f.path == "budget.rows.gov.adjusted"));
    }
    // The total of 0 / 0 / 0 above a 财政拨款 row of 120 / 118.5 / 118.5.
    let fs = with(|d| {
        d.budget.total = BudgetRow { initial: "0".into(), ..row("total", "", "合计", "0", "0", "0.00%") };
        d.budget.rows =
            vec![BudgetRow { initial: "120".into(), ..row("fin", group::SOURCE, "其中：财政拨款", "118.5", "118.5", "100%") }];
        d.budget.reason.clear();
        d.budget.measure.clear();
    });
    for rule in ["budget.low_execution", "budget.shortfall_unexplained", "budget.rows_sum"] {
        assert!(!fired(&fs, rule), "{rule}");
    }
    let f = fs.iter().find(|f| f.rule == "budget.total_contradicts_parts").expect("the total is told what it should be");
    assert!(f.message.zh.contains("100.00%") && f.message.zh.contains("预算执行率得分 10.00（分值 10）"), "{}", f.message.zh);
    // A total of 0 with rows of 0 is only not applicable.
    let fs = with(|d| {
        d.budget.total = row("total", "", "合计", "0", "0", "");
        for r in &mut d.budget.rows {
            (r.adjusted, r.actual, r.stated_rate) = ("0".into(), "0".into(), String::new());
        }
    });
    assert!(!fired(&fs, "budget.total_contradicts_parts"));
}

/// Issue 12, class 8: targets that cannot be right. "≥100%" on a rate is questioned, but not on a
/// rate that may exceed 100% (增长率) nor where no sign was written; an execution target below the
/// table's rate but at or above 90% is quiet; a 成本指标 with a plain number and no sign is a
/// ceiling (≤), and its explanation says so.
#[test]
fn targets_that_cannot_be_right() {
    let q = |name: &str, target: &str, dir: &str| {
        with(|d| {
            i1(d).name = name.into();
            i1(d).target = target.into();
            i1(d).direction = dir.into();
        })
        .iter()
        .any(|f| f.rule == "indicator.rate_at_least_100")
    };
    assert!(q("资金到位率", "100", "≥"));
    assert!(q("资金到位率", "不低于100%", ""));
    assert!(!q("收入增长率", "≥100%", ""));
    assert!(!q("服务人次完成率", "≥100%", ""));
    assert!(!q("资金到位率", "100%", ""));
    assert!(!q("资金到位率", "≥95%", ""));
    let low = |target: &str| {
        with(|d| {
            i1(d).name = "项目资金支付率".into();
            i1(d).target = target.into();
            i1(d).actual = "96%".into();
        })
        .iter()
        .any(|f| f.rule == "indicator.target_below_budget_rate")
    };
    assert!(low("≥85%"));
    assert!(!low("≥90%"));
    assert!(!low("≥99%"));
    // 成本: 20万元 with no sign is "≤ 20": 18 meets it, 22 falls short; a sign written wins.
    let cost = |target: &str, actual: &str, dir: &str| {
        let mut d = base();
        let i = i1(&mut d);
        (i.name, i.category, i.unit, i.target, i.actual, i.direction) =
            ("人均培训成本".into(), "成本指标".into(), "万元".into(), target.into(), actual.into(), dir.into());
        let ev = evaluate(&d);
        ev.indicators[0].clone()
    };
    let r = cost("20", "18", "");
    assert_eq!(r.direction, "≤");
    assert!(!r.shortfall);
    assert!(r.explain.zh.contains("按“≤”"), "{}", r.explain.zh);
    assert!(cost("20", "22", "").shortfall);
    let r = cost("20", "22", "≥");
    assert_eq!(r.direction, "≥");
    assert!(!r.explain.zh.contains("按“≤”"));
}

/// Template years: a deadline or a rubric's subject in a year before the one evaluated is stale;
/// a reference year (较2021年, 2019年以来, 上年结转) and a year without a date are not.
#[test]
fn stale_template_years() {
    let stale = |name: &str| with(|d| i1(d).name = name.into()).iter().any(|f| f.rule == "format.stale_year");
    assert!(stale("2022年底前完成体检"));
    assert!(!stale("体检人数较2022年增长"));
    assert!(!stale("2019年以来累计体检人次"));
    assert!(!stale("2022年度结转资金支付率"));
    assert!(!stale("2021年开工项目完工率"));
    let rubric = |criteria: &str| {
        with(|d| {
            let mut r = preset("national-2020").unwrap();
            r.nodes[0].criteria = criteria.into();
            d.rubric.inline = Some(r);
        })
        .iter()
        .any(|f| f.rule == "format.stale_year" && f.path == "rubric.execution.criteria")
    };
    assert!(rubric("该指标以2015年完工的项目为评价内容"));
    assert!(!rubric("该指标以2023年完工的项目为评价内容"));
    assert!(!rubric("较2020年提高"));
}

/// Blank is not agreement, in the budget table and beside complete indicators: a row left wholly
/// blank in a breakdown filled row by row, and a blank 分值 of an indicator with its target and
/// actual, whose item's other indicators already take the item's whole weight.
#[test]
fn blank_rows_and_weights_are_reported() {
    let fs = with(|d| {
        d.budget.rows.insert(1, row("nontax", group::SOURCE, "非税收入拨款", "", "", ""));
    });
    assert!(fs.iter().any(|f| f.rule == "score.cell_blank" && f.path == "budget.rows.nontax.actual"), "{fs:?}");
    // A breakdown with a single filled row: the template's other rows stay quiet.
    let fs = with(|d| {
        d.budget.rows =
            vec![row("fin", group::SOURCE, "财政拨款", "1,000.00", "960.00", "96.00"), row("other", group::SOURCE, "其他资金", "", "", "")];
    });
    assert!(!fs.iter().any(|f| f.rule == "score.cell_blank" && f.path.starts_with("budget.rows")), "{fs:?}");
    let fs = with(|d| {
        i1(d).weight = "40".into();
        i1(d).stated_score = "40".into();
        let mut extra = d.tasks[0].indicators[0].clone();
        (extra.id, extra.name, extra.weight, extra.stated_score) = ("i4".into(), "体检覆盖人数".into(), String::new(), String::new());
        d.tasks[0].indicators.push(extra);
        d.stated.scores.insert("output".into(), score("40"));
        d.stated.total = "89.60".into();
        d.stated.grade = "良".into();
    });
    let f = fs.iter().find(|f| f.rule == "score.cell_blank" && f.path == "tasks.t1.indicators.i4.weight").expect("blank weight");
    assert!(!f.message.zh.contains("分值之和已是"), "{}", f.message.zh);
    let fs = with(|d| {
        let mut extra = d.tasks[0].indicators[0].clone();
        (extra.id, extra.name, extra.weight, extra.stated_score) = ("i4".into(), "体检覆盖人数".into(), String::new(), String::new());
        d.tasks[0].indicators.push(extra);
    });
    let f = fs.iter().find(|f| f.rule == "score.cell_blank" && f.path == "tasks.t1.indicators.i4.weight").expect("blank weight");
    assert!(f.message.zh.contains("分值之和已是 50，等于该项分值 50"), "{}", f.message.zh);
}
