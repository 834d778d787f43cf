//! Decoding input bytes: UTF-8 (strict) or GBK/GB18030 (several real reports
//! are GBK). Behind the `encoding` feature.

use crate::Error;

/// An input encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8; a leading BOM is kept (spans index it like any other char).
    Utf8,
    /// GBK, decoded as its superset GB18030.
    Gbk,
}

impl std::str::FromStr for Encoding {
    type Err = Error;

    /// Parses "utf-8"/"utf8" or "gbk"/"gb2312"/"gb18030" (any case).
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "gbk" | "gb2312" | "gb18030" | "cp936" => Ok(Encoding::Gbk),
            other => Err(Error::invalid_option("encoding", &format!("unknown encoding {other:?} (use utf-8 or gbk)"))),
        }
    }
}

/// Decodes `bytes`. Invalid input is an error naming the first bad byte offset.
///
/// ```
/// use baogao::decode::{decode, Encoding};
/// assert_eq!(decode(b"\xd5\xfe\xb8\xae", Encoding::Gbk).unwrap(), "政府");
/// let err = decode(b"ok\xff", Encoding::Utf8).unwrap_err();
/// assert_eq!(err.byte_offset(), Some(2));
/// ```
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, Error> {
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(Error::encoding("UTF-8", e.valid_up_to())),
        },
        Encoding::Gbk => {
            let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(bytes.len() * 3 / 2);
            let mut consumed = 0;
            loop {
                out.reserve(bytes.len() * 2);
                let (result, read) = decoder.decode_to_string_without_replacement(&bytes[consumed..], &mut out, true);
                match result {
                    encoding_rs::DecoderResult::InputEmpty => return Ok(out),
                    encoding_rs::DecoderResult::OutputFull => consumed += read,
                    encoding_rs::DecoderResult::Malformed(len, extra) => {
                        let at = (consumed + read).saturating_sub(len as usize + extra as usize);
                        return Err(Error::encoding("GBK", at));
                    }
                }
            }
        }
    }
}
