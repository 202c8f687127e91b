// The 2,000-indicator document of `benches/evaluate.rs` and `examples/eval_probe.rs` (included by
// both, so the benchmark and the instruction-count probe measure the same document). The includer
// brings `BTreeMap` and the `core::document::format` types into scope.

/// A document as large as any real one and then some: every kind of indicator (≥, ≤, =, 定性,
/// deduction), a fifth of them short of target and a few of those unexplained, rows that add up,
/// stated rates and scores (about 60 findings in all).
fn large_document() -> SelfEvaluation {
    let mut rows = Vec::new();
    // 25 fund-source rows and 25 expenditure-type rows, each group adding up to the total.
    let (mut budget, mut actual) = (0i64, 0i64);
    for g in ["source", "type"] {
        for n in 0..25i64 {
            let b = 100_000 + n * 1_000; // in 0.01 万元
            let a = b - (n % 7) * 900;
            if g == "source" {
                budget += b;
                actual += a;
            }
            rows.push(BudgetRow {
                id: format!("{g}-{n}"),
                group: g.into(),
                name: format!("{g} {n}"),
                initial: if n % 5 == 0 { format!("{}.00", b / 100 - 10) } else { String::new() },
                adjusted: format!("{}.{:02}", b / 100, b % 100),
                actual: format!("{}.{:02}", a / 100, a % 100),
                stated_rate: if n % 3 == 0 { String::new() } else { format!("{:.2}", a as f64 * 100.0 / b as f64) },
                reason: if n % 4 == 0 { "调整原因".into() } else { String::new() },
            });
        }
    }
    let total = BudgetRow {
        id: "total".into(),
        name: "合计".into(),
        adjusted: format!("{}.{:02}", budget / 100, budget % 100),
        actual: format!("{}.{:02}", actual / 100, actual % 100),
        ..Default::default()
    };
    let nodes = ["output", "outcome", "satisfaction"];
    let tasks: Vec<Task> = (0..40)
        .map(|t| Task {
            id: format!("t{t}"),
            name: format!("任务 {t}"),
            indicators: (0..50)
                .map(|k| {
                    let n = t * 50 + k;
                    let (direction, target, actual, scoring) = match n % 6 {
                        0 => ("≥", "100", if n % 12 == 0 { "85.79" } else { "100" }, ""),
                        1 => ("≤", "5", if n % 5 == 0 { "8" } else { "3" }, ""),
                        2 => ("=", "12", if n % 4 == 0 { "11" } else { "12" }, ""),
                        3 => ("定性", "完成", if n % 9 == 0 { "部分达成" } else { "达成" }, ""),
                        4 => ("≤", "5", "6", "deduct"),
                        _ => ("≥", "3000", "3130", ""),
                    };
                    Indicator {
                        id: format!("i{n}"),
                        name: format!("指标 {n}"),
                        category: "产出-数量".into(),
                        direction: direction.into(),
                        unit: "%".into(),
                        target: target.into(),
                        actual: actual.into(),
                        weight: "0.05".into(),
                        // 定性 scores inside their tier: 达成 [0.04, 0.05], 部分达成 [0.03, 0.04).
                        stated_score: match actual {
                            "达成" => "0.045".into(),
                            "部分达成" => "0.035".into(),
                            _ => String::new(),
                        },
                        scoring: scoring.into(),
                        deduct_per_unit: if scoring.is_empty() { String::new() } else { "0.01".into() },
                        // Every shortfall explained but a few (as in a draft close to submission).
                        reason: if n % 50 == 7 { String::new() } else { "受疫情影响部分工作延期。".into() },
                        measure: if n % 50 == 7 { String::new() } else { "加强统筹，提前谋划。".into() },
                        node: nodes[n % 3].into(),
                        previous: String::new(),
                    }
                })
                .collect(),
        })
        .collect();
    let scores: BTreeMap<String, StatedScore> = ["execution", "output", "outcome", "satisfaction"]
        .iter()
        .map(|id| (id.to_string(), StatedScore { score: "9".into(), ..Default::default() }))
        .collect();
    SelfEvaluation {
        unit: Unit { name: "基准单位".into(), year: "2024".into(), ..Default::default() },
        budget: Budget { total, rows, reason: "原因".into(), measure: "措施".into() },
        rubric: RubricChoice { preset: "national-2020".into(), inline: None },
        tasks,
        stated: Stated { scores, adjustments: vec![], total: "90".into(), grade: "优".into() },
        narrative: BTreeMap::from([
            ("achievements".to_string(), "各项绩效目标均已完成。".repeat(20)),
            ("problems".to_string(), "预算执行率偏低。".repeat(20)),
        ]),
        ..Default::default()
    }
}
