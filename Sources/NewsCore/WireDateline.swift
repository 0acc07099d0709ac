import Foundation

/// A news story's dateline, where a wire story and most news stories open: the place in capitals,
/// perhaps a state or a day after a comma and the agency in brackets, then a dash or a colon
/// (`WASHINGTON (AP) — `, `BUFFALO, N.Y. — `, `WASHINGTON, Nov 19 (Reuters) - `, `NEW DELHI: `,
/// `KOBE – `). What a page prints above it in lines of their own — the byline (`By Reuters`,
/// `Meg Kinnard and Errin Haines, Associated Press`), a stamp (`November 19, 2019 / 12:21 AM /
/// Updated 14 hours ago`), a wire slug (`AP-US--Trump-Impeachment, 4th Ld-Writethru`) — is the
/// story's header, not its text.
enum WireDateline {
    /// A dateline at the start of a paragraph, followed by its text.
    /// (The place: a word in capitals and up to four more; after a comma, a state or a day; the
    /// agency in brackets; the dash or colon, and text after it.)
    private static let opening = try! NSRegularExpression(
        pattern: #"^\p{Lu}[\p{Lu}\p{M}.'’\-]+(?: [\p{Lu}\p{M}.'’\-]+){0,4}"#
            + #"(?:, ?[\p{L}\p{N}.'’ ]{1,24}?)?(?: ?\([^()]{2,30}\))? ?(?:—|–|--?|:) \S"#)

    /// Whether a paragraph opens with a dateline.
    static func opens(_ paragraph: String) -> Bool {
        let head = String(paragraph.prefix(90))
        return opening.firstMatch(in: head, range: NSRange(head.startIndex..., in: head)) != nil
    }

    /// How many of a story's first paragraphs stand above its dateline as its header: up to three
    /// short lines (150 bytes at most) that end no sentence, right before a paragraph that opens with
    /// a dateline; 0 when there is no such paragraph or a line above it reads as the story's own.
    static func headerLines(_ paragraphs: [String]) -> Int {
        guard paragraphs.count > 1 else { return 0 }
        for k in 1..<min(4, paragraphs.count) {
            let above = paragraphs[..<k]
            guard above.allSatisfy({ $0.utf8.count <= 150 && !endsASentence($0) }) else { return 0 }
            if opens(paragraphs[k]) { return k }
        }
        return 0
    }

    /// Whether a line above a dateline ends as a sentence does: its last character a full stop,
    /// `!`, `?`, `…` or a closing quotation mark. Not `TextExtractor.endsASentence`, for which a colon
    /// ends one and closing brackets are passed over: here a label (`Font size:`, `SEARCH:`,
    /// `Поделиться:`) and a note in brackets (`(File Photo. …)`) head the story (five pages'
    /// bodies worse with that one).
    private static func endsASentence(_ line: String) -> Bool {
        guard let last = line.trimmingCharacters(in: .whitespaces).last else { return false }
        return ".!?…\"”»".contains(last)
    }
}

extension PageArticle {
    /// How many of a page's first paragraphs are lines above its story's dateline (`WireDateline`).
    package static func linesAboveDateline(_ paragraphs: [String]) -> Int { WireDateline.headerLines(paragraphs) }

    /// Whether a paragraph opens with a story's dateline (`WireDateline`).
    package static func opensWithDateline(_ paragraph: String) -> Bool { WireDateline.opens(paragraph) }
}
