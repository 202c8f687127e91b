//! `narrative.figure_differs_from_indicator`: a figure in the narrative about an indicator that is
//! neither the indicator's target nor its actual value.
//!
//! - **Source**: 预算绩效评审：自评报告表述应与指标完成情况一致.
//! - **Cases**: fire/quiet cases below and in `tests/rules.rs`.

use rust_decimal::Decimal;

use crate::check::finding::{violation, Finding};
use crate::check::rules::indicator::each;
use crate::check::rules::indicator::rate_in_counts::unit_of;
use crate::check::rules::Context;
use crate::document::format::path;
use crate::text::number::to_half_width;
use crate::text::words::split_bound;

/// How much of an indicator's name (as pairs of adjacent characters) a sentence must contain for
/// its figures to be about that indicator.
const NAME_COVER: (usize, usize) = (3, 5);

/// A figure in the text that is not its indicator's.
#[derive(Debug)]
pub struct FigureDiffers {
    /// The figure as written.
    pub quote: String,
    /// The indicator's name.
    pub name: String,
    /// Its target.
    pub target: String,
}

violation!(FigureDiffers = "narrative.figure_differs_from_indicator" { quote, name, target });

/// The narrative (the year's goal, what was achieved) names an indicator and gives a figure in the
/// indicator's unit, but that figure is neither the indicator's target nor its actual value
/// ("采购原原种425万粒，免费发放…" against 免费发放原原种: 550万粒). One of the two is wrong, and the
/// reviewer reads both. A sentence is about an indicator when it holds at least 3/5 of the
/// indicator's name (as character pairs); only figures in the indicator's own unit (not %) are
/// compared, and any of them equal to the target or the actual value keeps the rule quiet.
///
/// Source: 预算绩效评审：自评报告表述应与指标完成情况一致.
pub fn check(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let sentences: Vec<(&String, Vec<&str>)> =
        ctx.doc.narrative.iter().map(|(k, t)| (k, t.split(['。', '；', ';', '\n']).filter(|s| !s.trim().is_empty()).collect())).collect();
    if sentences.iter().all(|(_, s)| s.is_empty()) {
        return out;
    }
    // The whole narrative as the figures are read (half width): a unit it does not hold is in no
    // sentence's figures.
    let folded: String = ctx.doc.narrative.values().map(|t| to_half_width(t)).collect::<Vec<_>>().join("\n");
    each(ctx, |_, i| {
        let unit = unit_of(&i.target);
        // Decided before the name is cut into pairs: most targets have no unit, or "%", and the
        // narrative holds few units (this runs for every indicator).
        if unit.is_empty() || unit.contains('%') || !folded.contains(&*unit) {
            return;
        }
        let pairs = name_pairs(&i.name);
        if pairs.len() < 3 {
            return;
        }
        let known: Vec<Decimal> = [&i.target, &i.actual].iter().filter_map(|v| number_of(v)).collect();
        for (key, list) in &sentences {
            for s in list {
                let covered = pairs.iter().filter(|p| s.contains(p.as_str())).count();
                if covered * NAME_COVER.1 < pairs.len() * NAME_COVER.0 {
                    continue;
                }
                let figures = figures_in(s, &unit);
                if figures.is_empty() || figures.iter().any(|(v, _)| known.contains(v)) {
                    continue;
                }
                out.push(Finding::of(
                    path::narrative(key),
                    FigureDiffers { quote: figures[0].1.clone(), name: i.name.clone(), target: i.target.trim().to_string() },
                ));
                return;
            }
        }
    });
    out
}

/// The pairs of adjacent characters of a name, without punctuation and digits.
fn name_pairs(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let mut v: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    v.dedup();
    v
}

/// The number of a value written with a unit or a bound ("≥550万粒" → 550).
fn number_of(value: &str) -> Option<Decimal> {
    let half = to_half_width(value);
    let bare = split_bound(&half).map(|(_, v)| v).unwrap_or_else(|| half.trim().to_string());
    let end = bare.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(bare.len());
    bare[..end].replace(',', "").parse().ok()
}

/// Every figure in `text` written with exactly `unit` right after its number, with its text.
fn figures_in(text: &str, unit: &str) -> Vec<(Decimal, String)> {
    let half = to_half_width(text);
    let mut out = Vec::new();
    let mut rest = half.as_str();
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let after = &rest[start..];
        let end = after.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(after.len());
        let (num, tail) = after.split_at(end);
        let tail_trim = tail.trim_start();
        if tail_trim.starts_with(unit) {
            if let Ok(v) = num.trim_end_matches(['.', ',']).replace(',', "").parse::<Decimal>() {
                out.push((v, format!("{}{unit}", num.trim_end_matches(['.', ',']))));
            }
        }
        rest = tail;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::evaluate::evaluate;
    use crate::document::format::SelfEvaluation;

    fn fired(goal: &str, name: &str, target: &str, actual: &str) -> Vec<Finding> {
        let json = format!(
            r#"{{"format":"selfcheck/self-evaluation","version":1,"narrative":{{"goal":"{goal}"}},"tasks":[{{"id":"t1","name":"任务","indicators":[
            {{"id":"o1","name":"{name}","category":"产出-数量","target":"{target}","actual":"{actual}","weight":"8","node":"output"}},
            {{"id":"o2","name":"企业自行采购","category":"产出-数量","target":"200万粒","actual":"200万粒","weight":"8","node":"output"}}]}}]}}"#
        );
        let d = SelfEvaluation::from_json(&json).unwrap();
        evaluate(&d).findings.into_iter().filter(|f| f.rule == "narrative.figure_differs_from_indicator").collect()
    }

    const GOAL: &str = "采购马铃薯原原种425万粒，免费发放给全区农户；企业自行采购原原种200万粒，建成原种基地400亩。";

    #[test]
    fn fires_when_the_goal_gives_another_figure() {
        let f = fired(GOAL, "免费发放原原种", "550万粒", "550万粒");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].path, "narrative.goal");
        assert!(f[0].message.zh.contains("425万粒") && f[0].message.zh.contains("550万粒"), "{}", f[0].message.zh);
    }

    #[test]
    fn quiet_when_a_figure_agrees_or_the_sentence_is_about_something_else() {
        assert!(fired(GOAL, "免费发放原原种", "425万粒", "430万粒").is_empty());
        assert!(fired(GOAL, "免费发放原原种", "≥400万粒", "425万粒").is_empty());
        // Same unit, other subject: 一级种薯繁育基地 is not named by "建成原种基地400亩".
        assert!(fired(GOAL, "一级种薯繁育基地", "8000亩", "8535.5亩").is_empty());
        // A percentage is not compared.
        assert!(fired("免费发放原原种到位率达95%", "免费发放原原种", "90%", "90%").is_empty());
    }

    #[test]
    fn figures_with_their_unit() {
        let f = figures_in("采购425万粒，另有1,200万粒和30亩", "万粒");
        assert_eq!(f.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["425万粒", "1,200万粒"]);
        assert_eq!(number_of("≥1,200万粒"), Some(Decimal::from(1200)));
    }
}
