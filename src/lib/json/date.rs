//! How the JSON libraries write java.util.Date: cheshire through a
//! SimpleDateFormat pattern in UTC, data.json as an ISO-8601 instant.

use crate::runtime::date::{self, Date, DateKind};
use crate::runtime::error::Result;
use crate::runtime::value::Value;

/// How data.json writes a Date: ISO_INSTANT of its `toInstant`; a
/// java.sql.Date (no time of day) as the start of its day in the default
/// zone (data.json's default :sql-date-converter).
pub(crate) fn iso_instant(x: &Value, d: &Date) -> String {
    let at = match d.kind() {
        DateKind::Sql => {
            let [y, mo, day, ..] = d.utc_fields();
            Value::date(date::millis_from_fields(y - 1900, mo - 1, day, 0, 0, 0))
        }
        _ => x.clone(),
    };
    crate::interop::instant_text(&at).unwrap_or_default()
}

/// SimpleDateFormat(pattern) in the UTC zone (java.text.SimpleDateFormat's
/// formatter, `interop::format_pattern`).
pub(crate) fn simple_date_format(d: &Date, pattern: &str) -> Result<String> {
    crate::interop::format_pattern(pattern, d.millis())
}
