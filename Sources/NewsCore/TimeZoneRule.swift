/// A time-zone word and how to turn local time there into UTC, with the daylight-saving rules
/// written out (EU: last Sunday of March/October at 01:00 UTC; US: second Sunday of March /
/// first Sunday of November at 02:00 local) so no tz database is needed.
enum TimeZoneRule: Sendable, Equatable {
    /// A fixed offset east of UTC, in minutes.
    case fixed(Int)
    /// European rules on a standard offset in minutes (UK: 0, central Europe: 60, eastern: 120).
    case european(Int)
    /// United States rules on a standard offset in minutes (Eastern: -300).
    case american(Int)

    /// Words as they appear in datelines, lowercased.
    static let named: [String: TimeZoneRule] = [
        "uk": .european(0), "london": .european(0), "britain": .european(0), "ukt": .european(0),
        "gmt": .fixed(0), "utc": .fixed(0), "z": .fixed(0), "ut": .fixed(0), "bst": .fixed(60),
        "ist": .fixed(330), "et": .american(-300), "eastern": .american(-300), "est": .fixed(-300),
        "edt": .fixed(-240), "ct": .american(-360), "cst": .fixed(-360), "cdt": .fixed(-300),
        "mt": .american(-420), "mst": .fixed(-420), "mdt": .fixed(-360), "pt": .american(-480),
        "pst": .fixed(-480), "pdt": .fixed(-420), "cet": .fixed(60), "cest": .fixed(120),
        "paris": .european(60), "berlin": .european(60), "brussels": .european(60), "eet": .fixed(120),
        "eest": .fixed(180), "kyiv": .european(120), "msk": .fixed(180), "moscow": .fixed(180),
        "jst": .fixed(540), "kst": .fixed(540), "aest": .fixed(600), "aedt": .fixed(660), "sgt": .fixed(480),
        "hkt": .fixed(480), "pkt": .fixed(300), "gst": .fixed(240), "sast": .fixed(120), "wat": .fixed(60),
        "eat": .fixed(180), "wib": .fixed(420), "nzst": .fixed(720), "nzdt": .fixed(780),
    ]

    /// UTC seconds for a local time given as if it were UTC seconds.
    func utc(fromLocal local: Int) -> Int {
        switch self {
        case .fixed(let minutes):
            return local - minutes * 60
        case .european(let standard), .american(let standard):
            let summer = local - (standard + 60) * 60
            return isSummer(utc: summer, standard: standard) ? summer : local - standard * 60
        }
    }

    private func isSummer(utc: Int, standard: Int) -> Bool {
        let year = CivilTime.year(ofEpochSeconds: utc)
        switch self {
        case .european:
            let start = CivilTime.epochSeconds(year, 3, CivilTime.lastSunday(year, 3), 1, 0, 0)
            let end = CivilTime.epochSeconds(year, 10, CivilTime.lastSunday(year, 10), 1, 0, 0)
            return utc >= start && utc < end
        case .american:
            let start = CivilTime.epochSeconds(year, 3, CivilTime.nthSunday(year, 3, 2), 2, 0, 0) - standard * 60
            let end = CivilTime.epochSeconds(year, 11, CivilTime.nthSunday(year, 11, 1), 2, 0, 0)
                - (standard + 60) * 60
            return utc >= start && utc < end
        case .fixed:
            return false
        }
    }
}
