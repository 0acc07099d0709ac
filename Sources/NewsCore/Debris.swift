import Foundation

/// Page furniture that is not part of the story: player notices, app promotions, newsletter and
/// "read more" links, trust footers, staff bios.
enum Debris {
    static let prefixes: [String] = [
        "please use chrome browser", "be the first to get breaking news", "install the ", "download the ",
        "read our roundup", "read more", "read the full", "our standards:", "sign up ", "sign up to", "subscribe to",
        "skip advertisement", "share this", "follow us on", "click here", "listen to this article", "watch:",
        "watch live", "related:", "related articles", "related stories", "more on this story", "all rights reserved",
        "copyright ©", "© ", "(c) ", "advertisement", "sponsored", "this video can not be played",
        "this content is not available", "get the latest", "catch up on the latest", "you can read more",
        "open in app", "enable javascript", "cookies", "accept cookies", "recommended stories", "most read",
        "you may also like", "get our ", "sign in", "log in", "image source,", "image caption,", "media caption,",
        "listen:", "read next", "join our ", "we use cookies", "report an error", "opens new tab", "continue reading",
        "support our journalism", "this article was originally", "thank you for reading", "click to share",
        "like this story?", "filed under:", "leggi anche", "lesen sie auch", "lire aussi", "lea también",
        "leia também",
        // Blog engines' comment forms and the lines under a post (WordPress's, TypePad's, Slashdot's templates).
        "your email address will not be published", "required fields are marked", "you may use these html tags",
        "you can follow any responses to this entry", "notify me of follow-up comments", "notify me of new posts",
        "save my name, email, and website", "this entry was posted on", "this entry was written by", "name (required)",
        "mail (will not be published)", "(name and email address are required", "as a final step before posting your comment",
        "the letters and numbers you entered", "this is only a preview. your comment", "having trouble reading this image?",
        "you can follow this conversation by subscribing", "your comment could not be posted", "your comment has been saved",
        "comments are moderated, and will not appear", "listed below are links to weblogs", "trackback url for this entry",
        "the fine print: the following comments", "subscribe via rss", "if you liked this article, please help spread",
        // A reprint service's notice (Dow Jones's).
        "this copy is for your personal, non-commercial",
        // A newspaper's note on its print edition under the web story; a post's category label; an
        // advertisement's break in the story.
        "a version of this article appeared", "a version of this article appears", "posted in:", "article continues",
        // A video player's notice to readers without scripts (video.js's), and the consent box a site
        // sets in an embedded post's or video's place until the reader lets it load.
        "to view this video please enable javascript", "ich bin damit einverstanden, dass mir",
        "personenbezogene daten können an drittplatt", "externer inhalt nicht verfügbar",
        // An image's placeholder text where the page's script sets the image (`Placeholder image-1`).
        "placeholder image",
        // An advertisement's break in the story (Global News's `Story continues below advertisement`)
        // and a photo's link to its large size.
        "story continues below", "click photo to enlarge",
        // Wire services' and papers' notices under a story: the Associated Press's terms, Bloomberg's
        // contacts, a year's copyright, a call for readers' stories and tips, the site's terms.
        "this material may not be published", "to contact the reporter on this story",
        "to contact the editor responsible for this story", "copyright 19", "copyright 20", "copyright (c)",
        "copyright and trade mark notice", "do you have a story to tell", "want to submit a story",
        "if you have any news tips", "please read our terms",
    ] + spamTraps
    /// A comment or newsletter form's trap for spam robots, a label readers see in the page's text.
    static let spamTraps = [
        "leave this field empty", "leave this field blank", "please leave this field empty",
        "wenn du ein mensch bist, lasse das feld leer", "bitte dieses feld leer lassen", "spam control text:",
    ]

    /// Whether a line is a form's spam trap (`Wenn du ein Mensch bist, lasse das Feld leer:`).
    static func isSpamTrap(_ line: String) -> Bool {
        let lower = line.lowercased()
        return spamTraps.contains { lower.hasPrefix($0) }
    }
    static let exact: Set<String> = [
        "thomson reuters", "advertisement", "share", "reuters", "bbc", "getty images", "comments", "read more",
        "menu", "home", "search", "close", "loading", "loading...", "more", "live", "breaking", "video", "audio",
        "top stories", "latest", "explore", "topics", "related", "print", "email", "facebook", "twitter", "x",
        "whatsapp", "linkedin", "copy link", "skip to content", "skip to main content", "newsletter",
        "trending", "trending:", "trending now", "related tags", "more from", "must read", "editor's picks",
        "don't miss", "don't miss:",
        // Buttons and links a page's text keeps as lines of their own: a comment's reply, a post's
        // tweet button, the menu's `About`, an embedded Instagram post's placeholder.
        "reply", "[ reply ]", "antworten", "tweet", "about", "more...", "more…", "back to top", "permalink",
        "sieh dir diesen beitrag auf instagram an", "view this post on instagram",
        // A page's tools and the headings of its lists of other stories and pages.
        "text size", "ads by google", "most popular", "related links", "latest news", "archives", "categories",
        "site tools", "featured content", "follow us", "have your say", "blogthis!", "more ...", "uncategorized",
        // A blog's word that its comments are closed.
        "the comments to this entry are closed.", "comments are closed.",
        // The heading of an embed's consent box (`Empfohlener redaktioneller Inhalt`, "recommended
        // editorial content").
        "empfohlener redaktioneller inhalt", "externer inhalt", "ein klick für den datenschutz",
        // Polish `read more`.
        "czytaj więcej",
        // A video player's states and button, as a page's text keeps them (the Mirror's).
        "video loading", "video unavailable", "click to play", "tap to play", "click to playtap to play", "autoplay",
        // A photo agency's credit alone; a share bar's call; Japanese pages' advertisement label; a
        // French paywall's `log in`.
        "getty", "sharing is caring!", "[pr]", "identifiez-vous",
        // A no-break space a page's own markup holds double-encoded (`Â` and `â` where a browser
        // shows them too, alone on their line between the site's boxes).
        "â",
    ]

    /// Headings a site puts over the blocks around a story (related links, sharing, comments, tags,
    /// the author's box, an advertisement's label), in the languages newsd reads most, compared
    /// whole after trailing punctuation and dashes are dropped (`Mehr zum Thema:`, `- Anzeige-`).
    static let blockHeadings: Set<String> = [
        // English
        "related coverage", "related content", "related posts", "related tutorials", "related topics", "related news",
        "you might also like", "you may also be interested in", "explore further", "tagged", "tags", "about the author",
        "share this article", "share this post", "leave a comment", "leave a reply", "post a comment", "no comments yet",
        "more stories", "further reading",
        // German
        "mehr zum thema", "das könnte sie auch interessieren", "das könnte dich auch interessieren",
        "das thema könnte dich auch interessieren", "auch interessant", "ähnliche beiträge", "ähnliche artikel",
        "ähnliche nachrichten", "weitere beiträge", "weitere artikel", "empfohlene beiträge", "schon gelesen",
        "teilen sie dies mit", "teilen mit", "artikel teilen", "diese seite teilen", "seite teilen", "kommentar verfassen",
        "kommentare schreiben", "kommentieren", "bisher keine kommentare", "schlagworte", "weiterlesen", "zum weiterlesen",
        "weiterführende links", "weiterführende informationen", "weiterführender link", "mehr themen", "mehr interessantes",
        "über den autor", "themen im artikel", "war der artikel nützlich", "möchten sie den artikel teilen",
        "hier können sie den artikel bewerten", "inhaltsverzeichnis", "anzeige", "werbung",
        // Spanish, Portuguese
        "contenido relacionado", "temas relacionados", "noticias relacionadas", "te puede interesar", "veja também",
        "leia mais", "notícias relacionadas",
        // French, Italian, Dutch
        "à découvrir", "vos réactions", "à lire aussi", "sur le même sujet", "articoli correlati", "potrebbe interessarti",
        "lees ook", "gerelateerde artikelen",
        // Polish, Hungarian, Chinese
        "inne artykuły autora", "reklama", "drukuj", "czytaj także", "zobacz także", "więcej informacji",
        "ezek is érdekelhetnek", "热门推荐", "相关阅读", "相关新闻",
        // An advertisement's label in other languages (Indonesian and Malay, French, Spanish,
        // Portuguese, Italian, Dutch, Russian, Swedish, Danish and Norwegian, Finnish, Chinese,
        // Japanese, Korean, Turkish).
        "iklan", "publicité", "publicidad", "publicidade", "pubblicità", "advertentie", "реклама", "annons", "reklame",
        "mainos", "广告", "広告", "광고", "reklam",
    ]

    /// `blockHeadings`' key of a short line already lower-cased: without dashes, stars and spaces
    /// around it, or trailing punctuation.
    static func headingKey(_ lower: String) -> Substring {
        var key = Substring(lower)
        while let first = key.first, first == "-" || first == "*" || first == " " { key = key.dropFirst() }
        while let last = key.last, ":!?.…-* ".contains(last) { key = key.dropLast() }
        return key
    }

    /// Whether a short line already lower-cased is one of `blockHeadings`; a key the line is whole
    /// (most lines) is looked up without a copy.
    static func isBlockHeading(_ lower: String) -> Bool {
        let key = headingKey(lower)
        return key.startIndex == lower.startIndex && key.endIndex == lower.endIndex
            ? blockHeadings.contains(lower) : blockHeadings.contains(String(key))
    }

    /// The first bytes of `prefixes` and of the other openings `isDebris` checks.
    static let openingBytes = ByteSet(prefixes.compactMap(\.utf8.first) + Array("-r".utf8))

    /// The first three bytes of the ASCII `prefixes` and of the other openings `isDebris` checks,
    /// as `asciiHead` gives them.
    static let openings: Set<UInt32> = Set((prefixes + ["- read ", "read our "]).compactMap { opening in
        let bytes = Array(opening.utf8.prefix(3))
        guard bytes.count == 3, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return UInt32(bytes[0]) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2])
    })

    /// The line's first three bytes lowercased, when they are ASCII.
    static func asciiHead(_ line: String) -> UInt32? {
        var code: UInt32 = 0
        var count = 0
        for b in line.utf8.prefix(3) {
            guard b < 0x80 else { return nil }
            code = code << 8 | UInt32(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            count += 1
        }
        return count == 3 ? code : nil
    }

    /// Whether a whole line is page furniture.
    static func isDebris(_ line: String) -> Bool {
        if isServerDiagnostic(line) { return true }
        if line.utf8.first == 0x41 || line.utf8.first == 0x55, isEmbedConsent(line) { return true }
        guard line.utf8.count <= 240 else { return false }
        if line.containsBytes("opens new tab") { return true }
        if line.utf8.count <= 160, line.utf8.contains(0x7C), isPostFooter(line) { return true }
        // A long line is debris only by a listed opening; ASCII bytes lowercase one to one, in place.
        if line.utf8.count > 48, let head = asciiHead(line), !openings.contains(head) { return false }
        let lower = line.lowercasedPrefix48().replacingQuotes()
        if line.utf8.count <= 48, exact.contains(lower) || isBlockHeading(lower) || isCommentCount(lower) { return true }
        if line.utf8.count <= 40, isReadingTime(alone: lower) || isPlayingTime(lower) { return true }
        if let head = lower.utf8.first, openingBytes.contains(head) {
            for prefix in prefixes where lower.fastHasPrefix(prefix) {
                return lower.count < 160
            }
        }
        if lower.fastHasPrefix("- read ") || lower.fastHasPrefix("read our ") && lower.hasSuffix(" here") { return true }
        return false
    }

    /// Whether a line is an embed's consent box telling what it holds back (`An dieser Stelle finden
    /// Sie einen von unseren Redakteuren ausgewählten, externen Inhalt, der den Artikel … ergänzt.`),
    /// up to 400 bytes: such a box says "external content" in its first sentences. Or the box that
    /// asks for consent to show embedded content (`Um eingebettete Inhalte anzuzeigen, ist deine
    /// widerrufliche Einwilligung … notwendig`, Die Welt's, with the third parties' terms: up to
    /// 1,200 bytes).
    static func isEmbedConsent(_ line: String) -> Bool {
        if line.hasPrefix("Um eingebettete Inhalte anzuzeigen") {
            return line.utf8.count <= 1200 && line.lowercased().contains("einwilligung")
        }
        guard line.utf8.count <= 400, line.hasPrefix("An dieser Stelle find") else { return false }
        let lower = line.lowercased()
        return lower.contains("externen inhalt") || lower.contains("externe inhalte")
    }

    /// Whether a short lower-cased line is a video's playing time on its card (`Duration 1:30`,
    /// `Duration 12:38`): the word and minutes and seconds, nothing else.
    static func isPlayingTime(_ lower: String) -> Bool {
        guard lower.fastHasPrefix("duration ") else { return false }
        let time = lower.utf8.dropFirst(9)
        return time.contains(0x3A) && time.first != 0x3A && time.allSatisfy { $0 == 0x3A || $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether a short lower-cased line is a reading time and nothing else (`3 min lesezeit`,
    /// `lesedauer: 4 min.`, `1 minuti di lettura`): every word one of a reading time's or a number;
    /// a sentence about one (`Die Lesezeit sank auf 12 Minuten.`) is text.
    static func isReadingTime(alone lower: String) -> Bool {
        guard PageLayout.isReadingTime(lower) else { return false }
        return lower.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "|" || $0 == "·" }).allSatisfy { word in
            let bare = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,-–—()"))
            return bare.isEmpty || bare.allSatisfy(\.isNumber) || readingTimeParts.contains(bare)
        }
    }

    /// The words a reading time is printed with, lower-cased (`isReadingTime(alone:)`).
    static let readingTimeParts: Set<String> = [
        "min", "mins", "minute", "minutes", "minuten", "minuti", "minutos", "read", "reading", "time", "lesezeit",
        "lesedauer", "ca", "etwa", "di", "lettura", "temps", "de", "lecture", "tiempo", "lectura", "tempo", "leitura",
        "leestijd", "czas", "czytania",
    ]

    /// Whether a lower-cased line is Blogger's count over a post's comments (`0 comments:`, `1 comment:`).
    static func isCommentCount(_ lower: String) -> Bool {
        guard lower.hasSuffix(" comments:") || lower.hasSuffix(" comment:"), let space = lower.firstIndex(of: " ") else { return false }
        let count = lower[..<space]
        return !count.isEmpty && count.count <= 6 && count.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether a line is a blog post's footer: parts set apart by `|`, one of them a link to the post
    /// (its permalink, its comments or trackbacks) and the others its stamp, its byline or where it
    /// is filed (`October 31, 2012, | Permalink`, `Posted by Seth Godin on July 05, 2012 | Permalink`,
    /// `Tuesday December 26, 2006 | permalink | comments (0)`, `1 Comment » | Published in
    /// Architecture | 1 Comment`). Pages that list several posts, or a post's readers' comments,
    /// print one under each.
    static func isPostFooter(_ line: String) -> Bool {
        var linked = false
        for raw in line.split(separator: "|") {
            let part = raw.lowercased().trimmingCharacters(in: footerTrim)
            if part.isEmpty { continue }
            let core = part.filter { !$0.isNumber && $0 != "(" && $0 != ")" }.trimmingCharacters(in: .whitespaces)
            if postLinks.contains(core) {
                linked = true
            } else if !(PageLayout.isStamp(part) || postFilings.contains(where: part.hasPrefix) && part.split(separator: " ").count <= 10) {
                return false
            }
        }
        return linked
    }

    private static let footerTrim = CharacterSet(charactersIn: " \u{a0}»«›·•-–—,:.")
    /// A post's links in its footer, digits and brackets taken out (`Comments (3)`, `1 Comment`).
    private static let postLinks: Set<String> = [
        "permalink", "comments", "comment", "no comments", "trackbacks", "trackback", "trackback url", "leave a comment",
        "add a comment", "post a comment", "links to this post", "email this", "print this", "share this",
    ]
    /// Openings of a post's byline or filing in its footer.
    private static let postFilings = [
        "posted by ", "by ", "posted in ", "published in ", "filed under ", "filed in ", "tags:", "categories:", "category:",
        "posted at ", "posted on ",
    ]

    /// The openings of the diagnostics PHP prints into a page it serves (as PHP writes them).
    static let diagnosticOpenings = [
        "Deprecated: ", "Warning: ", "Notice: ", "Strict Standards: ", "Fatal error: ", "Parse error: ",
    ]
    static let diagnosticFirstBytes = ByteSet(diagnosticOpenings.compactMap(\.utf8.first))

    /// Whether a line is a diagnostic the site's server printed into the page (`Deprecated: Assigning
    /// the return value of new by reference is deprecated in /www/htdocs/wp-settings.php on line
    /// 520`): a PHP opening, a file's path and, at the end, its line number.
    static func isServerDiagnostic(_ line: String) -> Bool {
        guard let first = line.utf8.first, diagnosticFirstBytes.contains(first), line.utf8.count <= 1000,
            diagnosticOpenings.contains(where: line.hasPrefix), line.containsBytes(" in /"),
            let at = line.utf8Range(of: " on line ", backwards: true)
        else { return false }
        // The line's number ends it (a full stop at most after it).
        var number = line[at.upperBound...].trimmingSpaces()
        if number.last == "." { number = number.dropLast() }
        return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A staff bio under a `Thomson Reuters` author card (`Kylie is the Deputy Live Pages Editor, …`).
    static func isStaffBio(_ line: String, after previous: String) -> Bool {
        guard previous.lowercasedFast() == "thomson reuters" || previous.lowercasedFast().hasSuffix("opens new tab") else {
            return false
        }
        let head = line.prefix(60)
        return head.contains(" is a ") || head.contains(" is an ") || head.contains(" is the ")
            || head.contains(" covers ") || head.contains(" reports on ")
    }
}

extension String {
    /// `String(prefix(48)).lowercased()`, without walking grapheme clusters when the head is ASCII.
    func lowercasedPrefix48() -> String {
        let fast: String? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            let n = Swift.min(bytes.count, 49)
            for k in 0..<n where bytes[k] >= 0x80 { return nil }
            let m = Swift.min(bytes.count, 48)
            return String(unsafeUninitializedCapacity: m) { out in
                for k in 0..<m {
                    let b = bytes[k]
                    out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return m
            }
        } ?? nil
        return fast ?? String(prefix(48)).lowercasedFast()
    }

    /// Curly quotes and apostrophes replaced by straight ones.
    func replacingQuotes() -> String {
        guard utf8.contains(where: { $0 == 0xE2 || $0 == 0xC2 }) else { return self }
        var out: [UInt8] = []
        var changed = false
        let bytes = Array(utf8)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] >= 0x98, bytes[i + 2] <= 0x9F {
                out.append(bytes[i + 2] <= 0x9B ? 0x27 : 0x22)
                i += 3
                changed = true
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB {
                out.append(0x22)
                i += 2
                changed = true
            } else {
                out.append(b)
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }
}
