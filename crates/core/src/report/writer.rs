//! The context the section builders write with (`W`): the document, its evaluation, the language,
//! and the officer notes gathered while building.

use super::{amount, fixed2, row_name_en, Block, TODO_EN, TODO_ZH};
use crate::check::budget::RowResult;
use crate::check::evaluate::Evaluation;
use crate::document::format::SelfEvaluation;
use rust_decimal::Decimal;

/// The report writer: what the section builders read, the language, and the notes they add.
pub(super) struct W<'a> {
    pub(super) doc: &'a SelfEvaluation,
    pub(super) ev: &'a Evaluation,
    pub(super) zh: bool,
    pub(super) notes: Vec<String>,
}

impl<'a> W<'a> {
    pub(super) fn t(&self, zh: &str, en: &str) -> String {
        if self.zh {
            zh.to_string()
        } else {
            en.to_string()
        }
    }

    pub(super) fn unit(&self) -> String {
        let u = self.doc.unit.amount_unit.trim();
        let u = if u.is_empty() { "万元" } else { u };
        if self.zh {
            u.to_string()
        } else if u == "万元" {
            "(10,000 yuan)".to_string()
        } else {
            "yuan".to_string()
        }
    }

    pub(super) fn money(&self, d: Decimal) -> String {
        format!("{} {}", amount(d), self.unit())
    }

    /// The narrative part `id` as paragraphs, or the placeholder (with a note).
    pub(super) fn narrative(&mut self, id: &str, what_zh: &str, what_en: &str) -> Vec<Block> {
        let text = self.doc.narrative.get(id).map(String::as_str).unwrap_or("");
        let paras: Vec<Block> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(|l| Block::Paragraph(l.to_string())).collect();
        if paras.is_empty() {
            self.notes.push(if self.zh {
                format!("“{what_zh}”尚未填写，报告中以{TODO_ZH}占位")
            } else {
                format!("'{what_en}' is not written yet: the report shows {TODO_EN}")
            });
            vec![Block::Paragraph(format!("{}{}", self.t(TODO_ZH, TODO_EN), self.t(what_zh, what_en)))]
        } else {
            paras
        }
    }

    pub(super) fn row_name(&self, r: &RowResult) -> String {
        if self.zh || r.id == "total" {
            return if r.id == "total" { self.t("合计", "Total") } else { r.name.clone() };
        }
        row_name_en(&r.name)
    }

    /// The rate of a row: computed, else the unit's stated rate (noted), else None.
    pub(super) fn rate(&mut self, r: &RowResult) -> Option<String> {
        if let Some(x) = r.rate {
            return Some(format!("{}%", fixed2(x)));
        }
        if r.not_applicable {
            return None;
        }
        let s = r.stated_rate?;
        let name = self.row_name(r);
        self.notes.push(if self.zh {
            format!("{name}执行率 {}% 取自填报数：表中未填金额，无法复核", fixed2(s))
        } else {
            format!("{name}: the rate {}% is the stated one; without amounts it cannot be verified", fixed2(s))
        });
        Some(format!("{}%", fixed2(s)))
    }
}
