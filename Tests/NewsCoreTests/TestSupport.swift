import Foundation
@testable import NewsCore

/// Helpers shared by the NewsCore tests.
enum TestSupport {
    /// The repository's `seeds` folder, found from this file's path.
    static let seedsDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    static let seedNames = [
        "000_edc18a25d3498dcf.txt", "001_21c871b8396f508a.txt", "002_3204eb3f43a6d663.txt",
        "003_03a027c79ce3cc39.txt", "004_cd1cb9dd255ad211.txt",
    ]

    static func seed(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: seedsDirectory.appendingPathComponent(name)))
    }

    /// Parses bytes fed in the given chunk sizes (the last size repeats).
    static func parse(_ bytes: [UInt8], format: InputFormat = .text, splits: [Int] = []) throws -> ArticleParser {
        var parser = ArticleParser(format: format)
        var offset = 0
        for cut in splits.sorted() where cut > offset && cut < bytes.count {
            try parser.consume(bytes[offset..<cut])
            offset = cut
        }
        try parser.consume(bytes[offset...])
        return parser
    }

    static func article(_ text: String, format: InputFormat = .text) throws -> Article? {
        try parse(Array(text.utf8), format: format).articles().first
    }
}
