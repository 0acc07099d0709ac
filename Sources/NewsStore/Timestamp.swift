import Foundation

/// ISO 8601 UTC timestamps with milliseconds (`2025-05-19T16:13:00.123Z`), the form every
/// `*_at` column and JSON field uses. They sort as text.
package enum Timestamp {
    /// The current time.
    package static func now() -> String { format(Date()) }

    /// Formats a date.
    package static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let millis = Int((interval - Double(seconds)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, millis)
    }
}
