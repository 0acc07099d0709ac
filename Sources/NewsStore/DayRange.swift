/// Publication-date filters as `meta` tokens: a range of days is covered by the fewest year
/// (`y2025`), month (`m202505`) and day (`d20250519`) tokens, so FTS5 narrows a match by date
/// without reading article rows.
enum DayRange {
    /// A calendar day (UTC).
    struct Day: Comparable {
        var y: Int
        var m: Int
        var d: Int

        init(y: Int, m: Int, d: Int) {
            self.y = y
            self.m = m
            self.d = d
        }

        /// The day an ISO 8601 text starts with (`2025-05-19…`); nil when it does not start with one.
        init?(_ text: String) {
            let u = Array(text.utf8.prefix(10))
            guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
            func number(_ r: Range<Int>) -> Int? {
                var n = 0
                for i in r {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[i]) else { return nil }
                    n = n * 10 + Int(u[i] - UInt8(ascii: "0"))
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m),
                (1...Self.length(y, m)).contains(d)
            else { return nil }
            self.init(y: y, m: m, d: d)
        }

        static func length(_ y: Int, _ m: Int) -> Int {
            switch m {
            case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        static func < (a: Day, b: Day) -> Bool { (a.y, a.m, a.d) < (b.y, b.m, b.d) }

        var next: Day {
            if d < Self.length(y, m) { return Day(y: y, m: m, d: d + 1) }
            return m < 12 ? Day(y: y, m: m + 1, d: 1) : Day(y: y + 1, m: 1, d: 1)
        }

        var previous: Day {
            if d > 1 { return Day(y: y, m: m, d: d - 1) }
            return m > 1 ? Day(y: y, m: m - 1, d: Self.length(y, m - 1)) : Day(y: y - 1, m: 12, d: 31)
        }

        private static func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }

        var year: String { Self.pad(y, 4) }
        var month: String { year + Self.pad(m, 2) }
        var day: String { month + Self.pad(d, 2) }
    }

    /// Tokens for a range, and whether they say exactly what the bounds do (a bound inside a day
    /// takes in its whole day: the caller checks the time on the rows).
    struct Cover: Equatable {
        var tokens: [String]
        var exactSince: Bool
        var exactUntil: Bool
    }

    /// The tokens for published ≥ `since` and < `until` (normalised ISO 8601 bounds: a year, a
    /// month, a day or an instant), within the archive's first and last day; nil when no day can
    /// match.
    static func cover(since: String?, until: String?, first: String?, last: String?) -> Cover? {
        guard let firstDay = first.flatMap(Day.init), let lastDay = last.flatMap(Day.init) else { return nil }
        var lo = firstDay
        var hi = lastDay
        var exactSince = true
        var exactUntil = true
        if let since, let (day, midnight) = start(of: since) {
            lo = max(lo, day)
            exactSince = midnight
        }
        if let until, let (day, midnight) = start(of: until) {
            hi = min(hi, midnight ? day.previous : day)
            exactUntil = midnight
        }
        guard lo <= hi else { return nil }
        var tokens: [String] = []
        var d = lo
        while d <= hi {
            if d.m == 1, d.d == 1, Day(y: d.y, m: 12, d: 31) <= hi {
                tokens.append("y" + d.year)
                d = Day(y: d.y + 1, m: 1, d: 1)
            } else if d.d == 1, Day(y: d.y, m: d.m, d: Day.length(d.y, d.m)) <= hi {
                tokens.append("m" + d.month)
                d = d.m < 12 ? Day(y: d.y, m: d.m + 1, d: 1) : Day(y: d.y + 1, m: 1, d: 1)
            } else {
                tokens.append("d" + d.day)
                d = d.next
            }
        }
        return Cover(tokens: tokens, exactSince: exactSince, exactUntil: exactUntil)
    }

    /// The first day a bound covers, and whether the bound is that day's midnight.
    private static func start(of bound: String) -> (Day, Bool)? {
        switch bound.utf8.count {
        case 4: Day(bound + "-01-01").map { ($0, true) }
        case 7: Day(bound + "-01").map { ($0, true) }
        case 10: Day(bound).map { ($0, true) }
        default: Day(bound).map { ($0, bound.dropFirst(10) == "T00:00:00Z") }
        }
    }
}
