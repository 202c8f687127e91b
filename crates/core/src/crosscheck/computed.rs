//! The computed figures a stated figure can claim to be: the budget rows with their aliases, the
//! rubric nodes, the indicators' units (`Cx::new`), and each [`Target`]'s value, label and formula
//! (`Cx::info`).

use super::lexicon::{factor, last_of, TOTAL_ALIASES};
use super::scan;
use super::scan::{normalize, Token, Unit};
use super::Target;
use crate::check::evaluate::Evaluation;
use crate::document::format::SelfEvaluation;
use crate::text::lang::Text;
use crate::text::rounding::{group_thousands, matches_at_stated_precision, round_to};
use rust_decimal::Decimal;

/// A computed figure's name, value and how it was obtained.
#[derive(Clone)]
pub(super) struct Info {
    pub(super) label: Text,
    pub(super) value: Decimal,
    pub(super) stated_only: bool,
    pub(super) formula: String,
}

pub(super) struct RowKey {
    pub(super) id: String,
    pub(super) group: String,
    pub(super) aliases: Vec<String>,
    pub(super) label: Text,
}

pub(super) struct Cx<'a> {
    pub(super) doc: &'a SelfEvaluation,
    pub(super) ev: &'a Evaluation,
    pub(super) rows: Vec<RowKey>,
    pub(super) nodes: Vec<(String, String)>,
    pub(super) units: Vec<String>,
    pub(super) doc_unit: u64,
}

impl<'a> Cx<'a> {
    pub(super) fn new(doc: &'a SelfEvaluation, ev: &'a Evaluation) -> Cx<'a> {
        let mut rows = vec![RowKey {
            id: "total".into(),
            group: String::new(),
            aliases: TOTAL_ALIASES.iter().map(|s| s.to_string()).collect(),
            label: Text::new("合计", "the total"),
        }];
        for r in &ev.budget.rows {
            let mut aliases = Vec::new();
            let name = r.name.trim();
            if name.chars().count() >= 2 {
                aliases.push(name.to_string());
            }
            for (key, extra) in [
                ("财政拨款", &["财政拨款", "一般公共预算"][..]),
                ("一般公共预算", &["财政拨款", "一般公共预算"][..]),
                ("其他资金", &["其他资金", "单位资金"][..]),
                ("单位资金", &["其他资金", "单位资金"][..]),
                ("政府性基金", &["政府性基金"][..]),
                ("国有资本", &["国有资本"][..]),
                ("财政专户", &["财政专户"][..]),
                ("上年结转", &["上年结转", "结转资金"][..]),
                ("基本支出", &["基本支出"][..]),
                ("项目支出", &["项目支出"][..]),
            ] {
                if name.contains(key) {
                    aliases.extend(extra.iter().map(|s| s.to_string()));
                }
            }
            aliases.sort();
            aliases.dedup();
            let en = crate::report::row_name_en(name);
            rows.push(RowKey { id: r.id.clone(), group: r.group.clone(), aliases, label: Text::new(name, en) });
        }
        let mut nodes: Vec<(String, String)> =
            ev.scores.nodes.iter().filter(|n| n.name.chars().count() >= 2).map(|n| (n.id.clone(), n.name.clone())).collect();
        nodes.sort_by_key(|(_, n)| std::cmp::Reverse(n.chars().count()));
        let mut units: Vec<String> = doc
            .indicators()
            .map(|(_, i)| i.unit.trim().to_string())
            .filter(|u| !u.is_empty() && u != "%" && u != "万元" && u != "元")
            .collect();
        units.sort();
        units.dedup();
        Cx { doc, ev, rows, nodes, units, doc_unit: factor(&doc.unit.amount_unit) }
    }

    pub(super) fn row(&self, id: &str) -> Option<&crate::check::budget::RowResult> {
        self.ev.budget.row(id)
    }

    pub(super) fn row_label(&self, id: &str) -> Text {
        self.rows.iter().find(|r| r.id == id).map(|r| r.label.clone()).unwrap_or_else(|| Text::same(id))
    }

    /// The row named last in `hay`, with the byte end of its mention.
    pub(super) fn find_row(&self, hay: &str) -> Option<(String, usize)> {
        self.rows
            .iter()
            .filter_map(|r| {
                last_of(hay, &r.aliases.iter().map(String::as_str).collect::<Vec<_>>()).map(|(end, len)| (end, len, r.id.clone()))
            })
            .max_by_key(|(end, len, _)| (*end, *len))
            .map(|(end, _, id)| (id, end))
    }

    pub(super) fn find_node(&self, hay: &str) -> Option<String> {
        self.nodes
            .iter()
            .filter_map(|(id, name)| hay.rfind(name.as_str()).map(|p| (p + name.len(), name.len(), id.clone())))
            .max()
            .map(|(_, _, id)| id)
    }

    pub(super) fn info(&self, t: &Target) -> Option<Info> {
        let zh_en = |l: &Text, zh: &str, en: &str| Text::new(format!("{}{zh}", l.zh), format!("{}{en}", l.en));
        match t {
            Target::Budget(id) | Target::Actual(id) | Target::Initial(id) => {
                let r = self.row(id)?;
                let l = self.row_label(id);
                let (v, label) = match t {
                    Target::Budget(_) => (r.budget?, zh_en(&l, "全年预算数", " budget")),
                    Target::Initial(_) => (r.initial?, zh_en(&l, "年初预算数", " initial budget")),
                    _ => (r.actual?, zh_en(&l, "执行数", " spending")),
                };
                let formula =
                    if r.derived { "合计减其余各行 / total − other rows".to_string() } else { "自评表 / table".to_string() };
                Some(Info { label, value: v, stated_only: false, formula })
            }
            Target::Rate(id) => {
                let r = self.row(id)?;
                let l = self.row_label(id);
                let label = if id == "total" { Text::new("总执行率", "the overall rate") } else { zh_en(&l, "执行率", " rate") };
                match (r.rate, r.budget, r.actual) {
                    (Some(x), Some(b), Some(a)) => Some(Info {
                        label,
                        value: x,
                        stated_only: false,
                        formula: format!("{} ÷ {} × 100", group_thousands(a, 2), group_thousands(b, 2)),
                    }),
                    _ => r.stated_rate.map(|s| Info { label, value: s, stated_only: true, formula: "自评表填报 / as stated".into() }),
                }
            }
            Target::Score(id) => {
                let n = self.ev.scores.node(id)?;
                Some(Info {
                    label: Text::new(
                        format!("{}得分", n.name),
                        format!("the {} score", if n.name_en.is_empty() { &n.name } else { &n.name_en }),
                    ),
                    value: n.score?,
                    stated_only: n.computed.is_none(),
                    formula: n.explain.zh.clone(),
                })
            }
            Target::Weight(id) => {
                let n = self.ev.scores.node(id)?;
                Some(Info {
                    label: Text::new(
                        format!("{}分值", n.name),
                        format!("the {} weight", if n.name_en.is_empty() { &n.name } else { &n.name_en }),
                    ),
                    value: n.effective_weight?,
                    stated_only: false,
                    formula: "评分标准 / rubric".into(),
                })
            }
            Target::Total => {
                let s = &self.ev.scores;
                Some(Info {
                    label: Text::new("自评总分", "the total score"),
                    value: s.total?,
                    stated_only: false,
                    formula: s.total_explain.zh.clone(),
                })
            }
            Target::FullMarks => {
                let w: Vec<Decimal> = self.ev.scores.nodes.iter().filter(|n| n.depth == 1).filter_map(|n| n.effective_weight).collect();
                if w.is_empty() {
                    return None;
                }
                Some(Info {
                    label: Text::new("满分", "full marks"),
                    value: w.iter().copied().sum(),
                    stated_only: false,
                    formula: "一级指标分值之和 / sum of level-1 weights".into(),
                })
            }
            Target::Adjustments => Some(Info {
                label: Text::new("其他加减分项", "the adjustments"),
                value: self.ev.scores.adjustments,
                stated_only: false,
                formula: "其他加减分项之和 / sum of adjustments".into(),
            }),
            Target::IndicatorWeight(id) | Target::IndicatorScore(id) => {
                let r = self.ev.indicator(id)?;
                let name = self.doc.indicators().map(|(_, i)| i).find(|i| i.id == *id)?.name.trim().to_string();
                if let Target::IndicatorWeight(_) = t {
                    Some(Info {
                        label: Text::new(format!("“{name}”分值"), format!("the weight of '{name}'")),
                        value: r.weight?,
                        stated_only: false,
                        formula: "自评表 / table".into(),
                    })
                } else {
                    let (value, stated_only) = match r.score {
                        Some(s) => (s, false),
                        None => (r.counted_score()?, true),
                    };
                    Some(Info {
                        label: Text::new(format!("“{name}”得分"), format!("the score of '{name}'")),
                        value,
                        stated_only,
                        formula: r.explain.zh.clone(),
                    })
                }
            }
            Target::IndicatorActual(id) | Target::IndicatorCompletion(id) | Target::IndicatorTarget(id) => {
                let r = self.ev.indicator(id)?;
                let ind = self.doc.indicators().map(|(_, i)| i).find(|i| i.id == *id)?;
                if let Target::IndicatorTarget(_) = t {
                    let v = r.target.or_else(|| scan::scan(&normalize(&ind.target), &self.units).first().map(|k| k.value))?;
                    Some(Info {
                        label: Text::new(format!("“{}”年度指标值", ind.name), format!("the target of '{}'", ind.name)),
                        value: v,
                        stated_only: true,
                        formula: ind.target.trim().to_string(),
                    })
                } else if matches!(t, Target::IndicatorActual(_)) {
                    Some(Info {
                        label: Text::new(format!("“{}”实际完成值", ind.name), format!("the actual value of '{}'", ind.name)),
                        value: r.actual?,
                        stated_only: false,
                        formula: "自评表 / table".into(),
                    })
                } else {
                    Some(Info {
                        label: Text::new(format!("“{}”完成率", ind.name), format!("the completion of '{}'", ind.name)),
                        value: r.completion?,
                        stated_only: false,
                        formula: r.explain.zh.clone(),
                    })
                }
            }
        }
    }

    /// The computed value expressed in the figure's unit (amounts converted).
    pub(super) fn in_unit(&self, v: Decimal, tok: &Token) -> Decimal {
        match tok.unit {
            Unit::Amount(f) => v * Decimal::from(self.doc_unit) / Decimal::from(f),
            _ => v,
        }
    }

    pub(super) fn matches(&self, info: &Info, tok: &Token) -> bool {
        matches_at_stated_precision(tok.value, self.in_unit(info.value, tok))
    }

    /// The computed value as it would be written in the figure's unit.
    pub(super) fn show(&self, info: &Info, tok: &Token) -> String {
        let v = self.in_unit(info.value, tok);
        match tok.unit {
            Unit::Amount(_) => format!("{}{}", group_thousands(v, tok.value.scale().max(2)), tok.unit_text),
            Unit::Percent => format!("{}%", round_to(v, 2)),
            Unit::Score => format!("{}分", round_to(v, 2)),
            _ => format!("{}{}", v.normalize(), tok.unit_text),
        }
    }
}
