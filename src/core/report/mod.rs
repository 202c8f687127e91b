//! The generated 自评报告 (placeholder until the report issue lands).

use crate::core::evaluate::Evaluation;
use crate::core::format::SelfEvaluation;
use crate::core::text::Lang;

/// The report text in the seed's outline.
pub fn generate(doc: &SelfEvaluation, _ev: &Evaluation, _lang: Lang) -> String {
    format!("{} {} 部门整体支出绩效自评报告\n", doc.unit.name, doc.unit.year)
}
