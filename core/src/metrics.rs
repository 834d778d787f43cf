//! Canonical metrics (SPEC §3): the subject a quantity measures, mapped to a
//! stable id through the alias table `data/metrics.tsv`.
//!
//! [`resolve`] takes a subject as written ("全区限额以上固定资产投资") and finds
//! the longest alias that ends it (a generic trailer such as 总额 or 规模 may
//! follow: "固定资产投资总额"). Whatever stands before the alias — a region
//! prefix (全省/全市/全区/全县/全国), a caliber (限额以上, 规模以上) or an
//! entity ("丁兰智慧小镇") — becomes the `scope`, joined to the scope the
//! alias itself carries ("高新技术产业销售产值" → `va_high_tech`, scope 销售产值).
//! Reports before 1994 headlined GNP, so a bare 经济增长 is `gnp` there.
//!
//! ```
//! use baogao::metrics::resolve;
//! let m = resolve("全区限额以上固定资产投资", false, Some(2017)).unwrap();
//! assert_eq!((m.id, m.scope.as_deref()), ("fai", Some("全区限额以上")));
//! assert_eq!(resolve("地区生产总值", false, None).unwrap().id, "gdp");
//! assert_eq!(resolve("经济", true, Some(1990)).unwrap().id, "gnp");
//! assert!(resolve("经济", false, None).is_none());
//! assert!(resolve("税收千万元以上企业", false, None).is_none());
//! ```

use std::sync::OnceLock;

use crate::lexicon::{rows, CharMap, FastMap};

/// One alias row.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Alias {
    id: &'static str,
    scope: Option<&'static str>,
    growth_only: bool,
}

struct Table {
    aliases: FastMap<&'static str, Alias>,
    /// The trailers by their last byte, longest first: a subject ends only
    /// in those of its last byte.
    trailers_by_last: Vec<Vec<&'static str>>,
    /// Prefix words kept as scope (全省, 限额以上 …) by their first byte,
    /// longest first: a prefix starts only with those of its first byte.
    scopes_by_first: Vec<Vec<&'static str>>,
    /// Prefix words dropped (新增, 累计 …), longest first.
    ignore: Vec<&'static str>,
    /// Last characters that make a prefix a place or entity (丁兰智慧小镇).
    places: Vec<char>,
    /// The aliases by their last character, longest first: the aliases
    /// ending a subject, from the earliest start on, are the entries of its
    /// last character that end it.
    by_last: CharMap<Vec<(&'static str, Alias)>>,
}

impl Table {
    /// The scope a prefix before an alias gives, or `None` when the prefix
    /// makes a different thing of the alias ("信息" + 服务业增加值). A prefix
    /// is accepted when it is made of scope words (全区, 限额以上) and ignored
    /// words (新增), or names a place or entity (ends in 镇, 区, 园 … or 的).
    fn prefix_scope<'s>(&self, prefix: &'s str) -> Option<&'s str> {
        let trim = |c: char| c == '的' || c == ' ' || c == '、' || c == ',';
        let mut p = prefix.trim_matches(trim);
        while let Some(w) = self.ignore.iter().find(|w| p.starts_with(**w)) {
            p = p[w.len()..].trim_start_matches(trim);
        }
        let scope = p;
        let mut rest = p;
        while let Some(w) = rest
            .as_bytes()
            .first()
            .and_then(|&b| self.scopes_by_first[usize::from(b)].iter().find(|w| rest.starts_with(**w)))
        {
            rest = &rest[w.len()..];
        }
        let ok = rest.is_empty()
            || prefix.trim_end_matches(' ').ends_with('的')
            || rest.chars().next_back().is_some_and(|c| self.places.contains(&c));
        ok.then_some(scope)
    }
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut aliases = FastMap::default();
        let mut trailers = Vec::new();
        let mut scopes = Vec::new();
        let mut ignore = Vec::new();
        let mut places = Vec::new();
        for row in rows(include_str!("../data/metrics.tsv")) {
            if row.len() < 2 || row[0].is_empty() || row[1].is_empty() {
                continue;
            }
            match row[0] {
                "@trailer" => trailers.push(row[1]),
                "@scope" => scopes.push(row[1]),
                "@ignore" => ignore.push(row[1]),
                "@place" => places.extend(row[1].chars()),
                _ => {}
            }
            if row[0].starts_with('@') {
                continue;
            }
            let scope = row.get(2).copied().filter(|s| !s.is_empty());
            let growth_only = row.get(3).is_some_and(|s| *s == "growth");
            aliases.entry(row[0]).or_insert(Alias { id: row[1], scope, growth_only });
        }
        for v in [&mut trailers, &mut scopes, &mut ignore] {
            v.sort_by_key(|t| std::cmp::Reverse(t.len()));
        }
        let mut by_last: CharMap<Vec<(&'static str, Alias)>> = CharMap::default();
        for (&k, a) in &aliases {
            if let Some(c) = k.chars().next_back() {
                by_last.entry(c).or_default().push((k, a.clone()));
            }
        }
        for v in by_last.values_mut() {
            v.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        }
        let mut trailers_by_last = vec![Vec::new(); 256];
        for tr in trailers {
            if let Some(&b) = tr.as_bytes().last() {
                trailers_by_last[usize::from(b)].push(tr);
            }
        }
        let mut scopes_by_first = vec![Vec::new(); 256];
        for sc in scopes {
            if let Some(&b) = sc.as_bytes().first() {
                scopes_by_first[usize::from(b)].push(sc);
            }
        }
        Table { aliases, trailers_by_last, scopes_by_first, ignore, places, by_last }
    })
}

/// A subject resolved to a canonical metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Canonical id ("gdp", "fai" …).
    pub id: &'static str,
    /// Region, caliber or entity prefix plus the alias's own scope.
    pub scope: Option<String>,
    /// Byte offset in the subject where the alias starts.
    pub alias_start: usize,
    /// Byte offset in the subject where the alias ends.
    pub alias_end: usize,
}

/// Every canonical id of the table, sorted.
///
/// ```
/// let ids = baogao::metrics::ids();
/// assert!(ids.contains(&"gdp") && ids.contains(&"special_bonds"));
/// ```
pub fn ids() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = table().aliases.values().map(|a| a.id).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Resolves `subject` (normalized text). `growth` says whether the quantity
/// is a growth rate (some aliases only name a metric then); `year` is the
/// report year (a bare 经济增长 before 1994 is GNP).
pub fn resolve(subject: &str, growth: bool, year: Option<i32>) -> Option<Resolved> {
    let t = table();
    let subject = subject.trim_end_matches(['的', ' ']);
    if subject.is_empty() {
        return None;
    }
    // a trailer ends the subject only if its last byte does
    let last = subject.as_bytes().last();
    let trailers: &[&str] = last.map_or(&[], |&b| &t.trailers_by_last[usize::from(b)]);
    let trailer_ends = trailers
        .iter()
        .filter(|tr| subject.len() > tr.len() && subject.ends_with(**tr))
        .map(|tr| subject.len() - tr.len());
    for end in std::iter::once(subject.len()).chain(trailer_ends) {
        let head = &subject[..end];
        let Some(candidates) = head.chars().next_back().and_then(|c| t.by_last.get(&c)) else { continue };
        // earliest start = longest alias
        for (alias, a) in candidates {
            if a.growth_only && !growth || !ends_with(head, alias) {
                continue;
            }
            let start = end - alias.len();
            let Some(prefix) = t.prefix_scope(&head[..start]) else { continue };
            let mut scope = String::new();
            scope.push_str(prefix);
            if let Some(s) = a.scope {
                if !scope.contains(s) {
                    scope.push_str(s);
                }
            }
            let mut id = a.id;
            if id == "gdp" && a.growth_only && year.is_some_and(|y| y < 1994) {
                id = "gnp";
            }
            return Some(Resolved {
                id,
                scope: (!scope.is_empty()).then_some(scope),
                alias_start: start,
                alias_end: end,
            });
        }
    }
    None
}

/// `head.ends_with(word)`, rejecting most words on the first two bytes
/// before comparing the rest (the words of one last character share it).
#[inline]
fn ends_with(head: &str, word: &str) -> bool {
    let (h, w) = (head.as_bytes(), word.as_bytes());
    let Some(off) = h.len().checked_sub(w.len()) else { return false };
    h.get(off..off + 2) == w.get(..2) && h[off..] == *w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_ids_are_covered() {
        let ids = ids();
        for id in [
            "gdp",
            "gdp_per_capita",
            "va_tertiary",
            "va_industry_above_scale",
            "industry_structure",
            "fiscal_total_revenue",
            "general_budget_revenue",
            "general_budget_expenditure",
            "tax_revenue",
            "fai",
            "retail_sales",
            "trade_total",
            "exports",
            "fdi_actual",
            "cpi",
            "income_per_capita",
            "income_urban",
            "income_rural",
            "income_rural_net_legacy",
            "jobs_new_urban",
            "unemployment_registered",
            "unemployment_surveyed",
            "energy_intensity",
            "electricity_intensity",
            "pm25",
            "air_good_days",
            "forest_coverage",
            "urbanization_rate",
            "rd_intensity",
            "grain_output",
            "deficit_ratio",
            "special_bonds",
            "gnp",
            "gross_output_ia",
            "national_income",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
    }

    #[test]
    fn longest_alias_and_scopes() {
        let r = |s: &str| resolve(s, false, Some(2017)).map(|m| (m.id, m.scope));
        assert_eq!(r("地方一般公共预算收入"), Some(("general_budget_revenue", Some("地方".into()))));
        assert_eq!(r("一般公共预算收入"), Some(("general_budget_revenue", None)));
        assert_eq!(r("高新技术产业销售产值"), Some(("va_high_tech", Some("销售产值".into()))));
        assert_eq!(r("城镇常住居民人均可支配收入"), Some(("income_urban", None)));
        assert_eq!(r("农民人均纯收入"), Some(("income_rural_net_legacy", None)));
        assert_eq!(r("全区城市化率"), Some(("urbanization_rate", Some("全区".into()))));
        assert_eq!(r("限额以上固定资产投资总额"), Some(("fai", Some("限额以上".into()))));
        assert_eq!(r("单位GDP电耗"), Some(("electricity_intensity", None)));
        assert_eq!(r("国内生产总值"), Some(("gdp", None)));
        assert_eq!(r("丁兰智慧小镇固定资产投资"), Some(("fai", Some("丁兰智慧小镇".into()))));
        assert_eq!(r("城区绿化覆盖率"), Some(("green_coverage", Some("城区".into()))));
        assert_eq!(r("楼宇"), None);
        assert_eq!(r("信息服务业增加值"), None);
        assert_eq!(r("新增养老床位数"), Some(("elderly_beds", None)));
        assert_eq!(r("全市规模以上工业增加值"), Some(("va_industry_above_scale", Some("全市规模以上".into()))));
        assert_eq!(r(""), None);
    }

    #[test]
    fn growth_only_aliases() {
        assert_eq!(resolve("经济增长", true, Some(2017)).map(|m| m.id), Some("gdp"));
        assert_eq!(resolve("投资", true, Some(2017)).map(|m| m.id), Some("fai"));
        assert_eq!(resolve("投资", false, Some(2017)), None);
        assert_eq!(resolve("经济", true, Some(1993)).map(|m| m.id), Some("gnp"));
    }
}
