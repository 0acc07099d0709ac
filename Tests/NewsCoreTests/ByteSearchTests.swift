import Foundation
import Testing
@testable import NewsCore

/// The byte searches the parser uses in place of Foundation's `range(of:)`: the same places on any
/// text, as indices valid in the string a substring comes from.
@Suite struct ByteSearchTests {
    @Test func findsWhatFoundationFindsForwardAndBackward() {
        let lines = [
            "By Jane Doe | May 2, 2015 | The Daily Example", "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger",
            "“Quoted” — by the café’s owner | Zürich | ", " | ", "no separator here", "", "||| | |", "é | é | é",
        ]
        for line in lines {
            for needle in [" | ", " by ", "é", "é | ", "Example", "x"] {
                for backwards in [false, true] {
                    let ours = line.utf8Range(of: needle, backwards: backwards)
                    let theirs = line.range(of: needle, options: backwards ? [.backwards, .literal] : [.literal])
                    #expect(ours == theirs, "\(line) / \(needle) / \(backwards)")
                }
            }
        }
    }

    @Test func aSubstringsRangeIsInItsBaseString() {
        let text = "Héadline – Site | By Jane Doe | 2 May"
        let tail = text[text.utf8Range(of: "Site")!.lowerBound...]
        let bar = tail.utf8Range(of: " | ")!
        #expect(String(tail[..<bar.lowerBound]) == "Site")
        #expect(String(text[bar.upperBound...]) == "By Jane Doe | 2 May")
        let last = tail.utf8Range(of: " | ", backwards: true)!
        #expect(String(text[last.upperBound...]) == "2 May")
        #expect(tail.utf8Range(of: "Héadline") == nil)
        #expect(tail.utf8Range(of: "") == nil)
        #expect("ab".utf8Range(of: "abc") == nil)
    }
}
