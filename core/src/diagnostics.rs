//! Stable diagnostic codes (SPEC §2 Diagnostic). A code never changes meaning;
//! new ones may be added.
//!
//! | code | meaning |
//! |---|---|
//! | `duplicate_copy` | the report body appears again after the first full copy (a page pasted twice); the later copy is ignored |
//! | `boilerplate` | web-page chrome (download/print controls, 来源/时间 lines, related links, footers) skipped |
//! | `no_title_block` | no title, date line or speaker line was found |
//! | `no_sections` | no numbered heading was found |
//! | `heading_sequence` | a heading's ordinal does not follow its predecessor's (kept, but flagged) |
//! | `livelihood_count_mismatch` | the livelihood list declares N items ("10件实事") but another number was found |

use crate::model::Diagnostic;

/// See the module table.
pub const DUPLICATE_COPY: &str = "duplicate_copy";
/// See the module table.
pub const BOILERPLATE: &str = "boilerplate";
/// See the module table.
pub const NO_TITLE_BLOCK: &str = "no_title_block";
/// See the module table.
pub const NO_SECTIONS: &str = "no_sections";
/// See the module table.
pub const HEADING_SEQUENCE: &str = "heading_sequence";

/// See the module table.
pub const LIVELIHOOD_COUNT_MISMATCH: &str = "livelihood_count_mismatch";

pub(crate) fn push(out: &mut Vec<Diagnostic>, code: &str, message: impl Into<String>, span: Option<(usize, usize)>) {
    out.push(Diagnostic {
        code: code.to_string(),
        message: message.into(),
        start: span.map(|s| s.0),
        end: span.map(|s| s.1),
    });
}
