/// Calendar arithmetic on the proleptic Gregorian calendar in UTC, for the date parser and story times.
package enum CivilTime {
    /// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
    package static func days(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Seconds since the epoch for a civil date and time.
    package static func epochSeconds(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Int {
        days(y, m, d) * 86_400 + h * 3_600 + mi * 60 + s
    }

    /// Seconds since the epoch of a date as newsd writes one (`2025-05-19T16:13:00Z`, or a day alone,
    /// read as its midnight); nil when it does not open with `YYYY-MM-DD`.
    package static func seconds(ofStored value: String) -> Int? {
        let u = Array(value.utf8.prefix(19))
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= u.count else { return nil }
            var v = 0
            for b in u[from..<from + count] {
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            return v
        }
        guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
        return epochSeconds(y, m, d, number(11, 2) ?? 0, number(14, 2) ?? 0, number(17, 2) ?? 0)
    }

    /// The civil date of a day count since the epoch.
    static func civil(days z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func year(ofEpochSeconds s: Int) -> Int {
        civil(days: Int((Double(s) / 86_400).rounded(.down))).year
    }

    /// 0 = Sunday.
    static func weekday(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let z = days(y, m, d)
        return ((z % 7) + 7 + 4) % 7
    }

    static func lastSunday(_ y: Int, _ m: Int) -> Int {
        let last = DatelineParser.daysIn(month: m, year: y)
        return last - weekday(y, m, last)
    }

    static func nthSunday(_ y: Int, _ m: Int, _ n: Int) -> Int {
        let first = weekday(y, m, 1)
        return 1 + (7 - first) % 7 + (n - 1) * 7
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// `2025-05-19T16:13:00Z`.
    static func formatUTC(_ seconds: Int) -> String {
        let dayCount = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - dayCount * 86_400
        let (y, m, d) = civil(days: dayCount)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(rest / 3_600, 2) + ":"
            + pad(rest % 3_600 / 60, 2) + ":" + pad(rest % 60, 2) + "Z"
    }
}
