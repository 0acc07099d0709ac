import Foundation

/// A headline cut short and the longer text that completes it: what the text reader
/// (`PageLayout.uncut`, a line of the page) and the HTML reader (`MainContent.completed`, the
/// `<title>`) do alike.
package enum CutHeadline {
    /// The headline without a closing `…` or `...` and the spaces before it, and whether it had one.
    package static func stem(_ headline: some StringProtocol) -> (stem: Substring, ellipsis: Bool) {
        var stem = Substring(headline)
        var ellipsis = true
        if stem.hasSuffix("…") {
            stem = stem.dropLast()
        } else if stem.hasSuffix("...") {
            stem = stem.dropLast(3)
        } else {
            ellipsis = false
        }
        while stem.last == " " { stem = stem.dropLast() }
        return (stem, ellipsis)
    }

    /// What goes on after the stem, up to the first of `separators` in it (a title bar goes on with
    /// its site: `… Grün | Wohnidee`).
    package static func upToSeparator(_ rest: Substring, separators: [String]) -> Substring {
        var rest = rest
        for separator in separators {
            if let r = rest.range(of: separator) { rest = rest[..<r.lowerBound] }
        }
        return rest
    }
}
