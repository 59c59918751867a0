//! How the JSON libraries write java.util.Date: cheshire through a
//! SimpleDateFormat pattern in UTC, data.json as an ISO-8601 instant.

use crate::runtime::date::Date;
use crate::runtime::error::Result;
use std::fmt::Write;

/// DateTimeFormatter.ISO_INSTANT: `2020-01-02T03:04:05Z`, with `.SSS`
/// when the millis are not zero.
pub(crate) fn iso_instant(d: &Date) -> String {
    let [y, mo, day, h, mi, s, ms, _] = d.utc_fields();
    let mut out = format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}:{s:02}");
    if ms != 0 {
        let _ = write!(out, ".{ms:03}");
    }
    out.push('Z');
    out
}

/// SimpleDateFormat(pattern) in the UTC zone (java.text.SimpleDateFormat's
/// formatter, `interop::format_pattern`).
pub(crate) fn simple_date_format(d: &Date, pattern: &str) -> Result<String> {
    crate::interop::format_pattern(pattern, d.millis())
}
