//! Section roles (SPEC §2 Section.role) from heading titles, cue words
//! (`data/roles.tsv`), the report year and the position of a part.

use std::sync::OnceLock;

use crate::lexicon::WordMap;
use crate::model::Role;

struct Cues {
    roles: Vec<(Role, String)>,
    /// Every role cue, to tell quickly that a line names no role.
    any_role: WordMap<()>,
    /// The first chars of the role cues, sorted: a cue occurs in a title
    /// only where one of them does.
    role_firsts: Vec<char>,
    close: Vec<String>,
    closing: Vec<String>,
    /// The ending every closing cue shares ("奋斗", may be empty): a
    /// paragraph without it holds none, which one fast search tells.
    closing_suffix: String,
    part: Vec<String>,
    turn: Vec<String>,
}

fn role_name(s: &str) -> Option<Role> {
    Some(match s {
        "review" => Role::Review,
        "problems" => Role::Problems,
        "outlook" => Role::Outlook,
        "goals" => Role::Goals,
        "targets" => Role::Targets,
        "tasks" => Role::Tasks,
        "self_building" => Role::SelfBuilding,
        "livelihood" => Role::Livelihood,
        "closing" => Role::Closing,
        "appendix" => Role::Appendix,
        "glossary" => Role::Glossary,
        "other" => Role::Other,
        _ => return None,
    })
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Cues {
            roles: Vec::new(),
            any_role: WordMap::default(),
            role_firsts: Vec::new(),
            close: Vec::new(),
            closing: Vec::new(),
            closing_suffix: String::new(),
            part: Vec::new(),
            turn: Vec::new(),
        };
        for row in crate::lexicon::rows(include_str!("../data/roles.tsv")) {
            let [kind, cue, ..] = row.as_slice() else { continue };
            match *kind {
                "close" => c.close.push(cue.to_string()),
                "closing" => c.closing.push(cue.to_string()),
                "part" => c.part.push(cue.to_string()),
                "turn" => c.turn.push(cue.to_string()),
                _ => {
                    if let Some(r) = role_name(kind) {
                        c.roles.push((r, cue.to_string()));
                        c.any_role.insert(cue, ());
                    }
                }
            }
        }
        c.role_firsts = c.roles.iter().filter_map(|(_, cue)| cue.chars().next()).collect();
        c.role_firsts.sort_unstable();
        c.role_firsts.dedup();
        c.closing_suffix = common_suffix(&c.closing).to_string();
        c
    })
}

/// The longest ending (whole chars) that every word of `words` has.
fn common_suffix(words: &[String]) -> &str {
    let Some(first) = words.first() else { return "" };
    let mut at = first.len();
    for (i, _) in first.char_indices().rev() {
        if !words.iter().all(|w| w.ends_with(&first[i..])) {
            break;
        }
        at = i;
    }
    &first[at..]
}

/// The role a (normalized) heading title names by its cue words, or
/// [`Role::Other`].
///
/// ```
/// use baogao::{roles::role_of_title, Role};
/// assert_eq!(role_of_title("过去五年和2016年政府工作回顾"), Role::Review);
/// assert_eq!(role_of_title("切实加强政府自身建设"), Role::SelfBuilding);
/// assert_eq!(role_of_title("2017年重点工作"), Role::Tasks);
/// assert_eq!(role_of_title("名词解释"), Role::Glossary);
/// ```
pub fn role_of_title(title: &str) -> Role {
    // Most lines hold no cue at all: one scan tells, before the cues are
    // tried one by one in their order.
    let c = cues();
    if c.any_role.find_in(title, 0, title.len()).is_none() {
        return Role::Other;
    }
    // Where a cue can start: a cue is in the title when it starts at one of these.
    let starts: Vec<usize> =
        title.char_indices().filter(|(_, ch)| c.role_firsts.binary_search(ch).is_ok()).map(|(i, _)| i).collect();
    let holds = |cue: &str| cue.is_empty() || starts.iter().any(|&i| title[i..].starts_with(cue));
    let matches = |role: Role| c.roles.iter().any(|(r, cue)| *r == role && holds(cue));
    let first = c.roles.iter().find(|(_, cue)| holds(cue)).map_or(Role::Other, |(r, _)| *r);
    // "今后五年奋斗目标和2017年重点工作": the part is mostly this year's tasks.
    if first == Role::Goals && matches(Role::Tasks) {
        Role::Tasks
    } else {
        first
    }
}

/// `true` when a paragraph opening returns from the last numbered block of a
/// part to the part itself ("各位代表，…", "一年来，…").
pub fn returns_to_part(paragraph: &str) -> bool {
    cues().close.iter().any(|c| paragraph.starts_with(c.as_str()))
}

/// `true` when an unnumbered line opens like a part heading ("关于外交工作").
pub fn opens_part(line: &str) -> bool {
    cues().part.iter().any(|c| line.starts_with(c.as_str()))
}

/// `true` when a paragraph turns from the review to this year's work
/// ("今年工作的总体要求是…", "2002年是…" in a 2002 report).
pub fn turns_to_this_year(paragraph: &str, year: Option<i32>) -> bool {
    cues().turn.iter().any(|c| match (c.contains("{Y}"), year) {
        (true, Some(y)) => paragraph.starts_with(&c.replace("{Y}", &y.to_string())),
        (true, None) => false,
        (false, _) => paragraph.starts_with(c.as_str()),
    })
}

/// `true` for the closing exhortation ("…而努力奋斗！").
pub fn is_closing(paragraph: &str) -> bool {
    let c = cues();
    paragraph.contains(c.closing_suffix.as_str()) && c.closing.iter().any(|w| paragraph.contains(w.as_str()))
}

/// The first year ("2016年") written in a title.
fn title_year(title: &str) -> Option<i32> {
    let b = title.as_bytes();
    (0..b.len().saturating_sub(4)).find_map(|i| {
        let y = title.get(i..i + 4)?;
        let before_digit = i > 0 && b[i - 1].is_ascii_digit();
        (!before_digit && y.bytes().all(|c| c.is_ascii_digit()) && title[i + 4..].starts_with('年'))
            .then(|| y.parse().ok())
            .flatten()
    })
}

/// Role of a section given its title, its parent's role, the report year and
/// the roles of the top-level parts before it.
pub(crate) fn assign(title: &str, parent: Option<Role>, year: Option<i32>, earlier_parts: &[Role]) -> Role {
    let mut own = role_of_title(title);
    if let (Some(y), Some(r)) = (title_year(title), year) {
        if matches!(own, Role::Review | Role::Tasks | Role::Other) {
            if y < r {
                own = Role::Review;
            } else if own == Role::Other {
                own = Role::Tasks;
            }
        }
    }
    match parent {
        Some(p @ (Role::Review | Role::Goals | Role::Problems | Role::Outlook | Role::Appendix | Role::Glossary)) => p,
        Some(p) => match own {
            Role::SelfBuilding | Role::Livelihood | Role::Targets => own,
            _ => p,
        },
        None => {
            if own == Role::Other
                && earlier_parts
                    .iter()
                    .any(|r| matches!(r, Role::Review | Role::Outlook | Role::Goals | Role::Targets | Role::Tasks))
            {
                Role::Tasks
            } else {
                own
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_decide_between_review_and_tasks() {
        assert_eq!(assign("2023年主要工作", None, Some(2023), &[]), Role::Tasks);
        assert_eq!(assign("2022年政府工作回顾", None, Some(2023), &[]), Role::Review);
        assert_eq!(assign("2025年主要工作和“十四五”发展成就", None, Some(2026), &[]), Role::Review);
    }

    #[test]
    fn children_inherit_review_but_not_tasks() {
        assert_eq!(assign("突出深化改革,自身建设明显加强", Some(Role::Review), Some(2017), &[]), Role::Review);
        assert_eq!(assign("着力加强政府自身建设", Some(Role::Tasks), Some(2026), &[]), Role::SelfBuilding);
        assert_eq!(assign("着力推动消费转型升级", Some(Role::Tasks), Some(2026), &[]), Role::Tasks);
    }

    #[test]
    fn parts_after_the_review_default_to_tasks() {
        assert_eq!(assign("千方百计促进经济增长", None, Some(2009), &[Role::Review, Role::Outlook]), Role::Tasks);
        assert_eq!(assign("关于外交工作", None, None, &[]), Role::Other);
    }

    #[test]
    fn closing_and_return_cues() {
        assert!(returns_to_part("各位代表,刚刚过去的一年"));
        assert!(!returns_to_part("产业结构稳步提升。"));
        assert!(is_closing("让我们…为建设美好江干而努力奋斗!"));
    }
}
