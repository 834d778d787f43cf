//! The error type for the few operations that can fail (decoding input,
//! bad options). Parsing itself never fails.

use std::fmt;

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input bytes are not valid in the expected encoding.
    Encoding,
    /// An option has an invalid value or is unknown.
    InvalidOption,
}

impl ErrorKind {
    /// A stable lower-case name: "encoding", "invalid_option".
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Encoding => "encoding",
            ErrorKind::InvalidOption => "invalid_option",
        }
    }
}

/// An error with a kind, a message and, for encoding errors, the byte offset.
///
/// ```
/// let err = baogao::Error::invalid_option("tolerance", "must be >= 0");
/// assert_eq!(err.kind(), baogao::ErrorKind::InvalidOption);
/// assert!(err.to_string().contains("tolerance"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    byte_offset: Option<usize>,
}

impl Error {
    /// An invalid-option error naming the option.
    pub fn invalid_option(name: &str, why: &str) -> Self {
        Error { kind: ErrorKind::InvalidOption, message: format!("invalid option `{name}`: {why}"), byte_offset: None }
    }

    /// An encoding error at `byte_offset`.
    pub fn encoding(encoding: &str, byte_offset: usize) -> Self {
        Error {
            kind: ErrorKind::Encoding,
            message: format!("input is not valid {encoding} at byte offset {byte_offset}"),
            byte_offset: Some(byte_offset),
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// For encoding errors: the offset of the first invalid byte.
    pub fn byte_offset(&self) -> Option<usize> {
        self.byte_offset
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
