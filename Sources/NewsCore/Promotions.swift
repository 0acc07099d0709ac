import Foundation

/// What a site puts under its stories: calls to follow it on social networks or to subscribe, the
/// copyright and licence notice, a comment form's spam notice, an invitation to write to the
/// editor, a disclaimer. Such lines read as sentences, so the line rules keep them; they are told by
/// their words and only at the end of a story (`trailing`), where a story's own sentence with the
/// same words is rare. Every word list is matched at the start of a word (`assine` is not in
/// `assassine`).
enum Promotions {
    /// The social networks and messengers a site asks its readers to follow it on.
    static let networks = [
        "twitter", "facebook", "instagram", "telegram", "youtube", "whatsapp", "tiktok", "linkedin", "google news",
    ]

    /// A call to follow or join the site (or a writer) there, in the languages newsd reads most; a
    /// sentence that opens with `Follow` is one too (`Follow The Gleaner on Twitter`).
    static let calls = [
        "follow us", "follow me", "follow @", "follow our", "síguenos", "siguenos", "seguir a", "únete", "unete",
        "folge uns", "folgen sie uns", "suivez-nous", "suivez nous", "join us", "join our", "subscribe to our",
        "subscribe on", "nuestro canal", "unseren kanal", "our channel", "seguici", "volg ons", "obserwuj nas",
        "like us", "find us", "folgst du",
    ]

    /// Words of a subscription offer or a newsletter sign-up.
    static let subscriptions = [
        "subscribe", "subscription", "subscriber", "newsletter", "abonnieren", "abonnez", "abonnement", "suscrib",
        "suscríb", "subskrypc", "prenumer", "assinante", "assine",
    ]

    /// What makes a line with a subscription's words an offer rather than a story's sentence about
    /// one (`Newsletter subscribers may remember my review …`): the site speaking of itself, a
    /// sign-up, a price, a rhythm.
    static let invitations = [
        "our", "unser", "nuestr", "notre", "nostr", "sign up", "anmeld", "jetzt", "subscribe now", "free",
        "kostenlos", "gratis", "inbox", "click", "aquí", "únete", "zapraszamy", "verpassen", "register", "your email",
        "emailed to", "daily", "weekly", "monthly", "already a subscriber",
    ]

    /// Copyright, licence and reprint notices (a bare `©` counts beside a year or `rights`; a licence
    /// only as a site states its own: `licensed under the GPL` may end a story about software).
    static let notices = [
        "copyright ©", "copyright (c)", "© copyright", "all rights reserved", "alle rechte vorbehalten",
        "todos los derechos reservados", "tous droits réservés", "tutti i diritti riservati", "prawem autorskim",
        "wszelkie prawa zastrzeżone", "licensed under a creative", "licensed under the creative",
        "licensed under creative", "licensed under cc", "under a creative commons", "creative commons licen",
        "lizenz cc-", "permission must be obtained", "copyrighted property", "subject to copyright",
    ]

    /// A comment form's spam notice, an invitation to write to the editor (not a story's `in a letter
    /// to the editor`), an opinion disclaimer, an advertising disclosure, a notice to readers whose
    /// browser shows the page without its styles or scripts (`This page is best viewed in an
    /// up-to-date web browser …`), an invitation to comment or word that comments are closed, a
    /// disclaimer of the sites a story links to, a call to report a typo with Ctrl+Enter (`Нашли
    /// опечатку? Выделите текст и нажмите Ctrl + Enter`), a paywall's note (`Il vous reste 57% de cet
    /// article à lire. La suite est réservée aux abonnés.`), a request to support the site.
    static let phrases = [
        "akismet", "submit a letter to the editor", "your letter to the editor", "write a letter to the editor",
        "letters to the editor", "leserbrief schreiben", "advertising disclosure", "advertising disclaimer",
        "affiliate link", "gibt die meinung des autors wieder", "does not necessarily reflect",
        "do not necessarily reflect", "not necessarily those of", "page is best viewed", "site is best viewed",
        "upgrading your browser", "upgrade your browser", "enabling style sheets", "enable javascript",
        "javascript is disabled", "have your say", "tell us what you think", "not responsible for the content of external",
        "comments are closed", "comments are now closed", "ctrl+enter", "ctrl + enter",
        // A paywall's note under a story's opening, a request to support the site.
        "la suite est réservée aux abonnés", "hat ihnen dieser artikel gefallen",
    ]

    /// Whether a line (through `TextExtractor.clean`) is such a notice: under 400 bytes, with words of
    /// one of the kinds above (a network with a call to follow it; a subscription's words alone in a
    /// short line, or with an invitation in one under 300 bytes).
    static func isPromotion(_ line: String) -> Bool {
        guard line.utf8.count < 400 else { return isLongNotice(line) }
        let lower = line.lowercased()
        let has = { (words: [String]) in words.contains { lower.hasWord(startingWith: $0) } }
        if has(phrases) || has(notices) { return true }
        if lower.contains("©"), lower.contains("rights") || hasYear(lower) { return true }
        if lower.hasWord(startingWith: "copyright"), hasYear(lower) { return true }
        if line.utf8.count < 300, has(subscriptions), line.utf8.count < 60 || has(invitations) { return true }
        guard has(networks) else { return false }
        let opening = lower.drop { !$0.isLetter }
        return has(calls) || opening.hasPrefix("follow ") || lower.contains(". follow ")
    }

    /// Whether a paragraph of 400 bytes or more is a site's legal notice: one that ends with a
    /// copyright notice (`… are the property of the NHL … © NHL 2012. All Rights Reserved.`, in its
    /// last 120 bytes) and names a copyright or a trademark. A story's paragraph rarely ends so.
    /// Up to 8 KiB: past that the line is a story's text run together, whatever it ends with.
    static func isLongNotice(_ line: String) -> Bool {
        guard line.utf8.count <= 8192 else { return false }
        let tail = String(decoding: line.utf8.suffix(120), as: UTF8.self).lowercased()
        guard notices.contains(where: { tail.hasWord(startingWith: $0) }) else { return false }
        let lower = line.lowercased()
        return lower.contains("©") || lower.hasWord(startingWith: "copyright") || lower.hasWord(startingWith: "trademark")
    }

    /// Whether the text holds a year of the last two centuries (`2022`, `©1999`).
    static func hasYear(_ lower: String) -> Bool {
        let digits = Array(lower.utf8)
        var run = 0
        for (k, byte) in digits.enumerated() {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                if run == 4, (k + 1 == digits.count || !(digits[k + 1] >= 0x30 && digits[k + 1] <= 0x39)),
                    digits[k - 3] == 0x31 && digits[k - 2] == 0x39 || digits[k - 3] == 0x32 && digits[k - 2] == 0x30
                {
                    return true
                }
            } else {
                run = 0
            }
        }
        return false
    }

    /// How many of the last lines of a story (`lines`, in order) are such notices, counted from the
    /// end while each is one; at most four, and never the story's only line.
    static func trailing(_ lines: some BidirectionalCollection<String>) -> Int {
        var count = 0
        for line in lines.reversed() {
            guard count < 4, count + 1 < lines.count, isPromotion(line) else { break }
            count += 1
        }
        return count
    }
}

extension String {
    /// Whether `prefix` occurs where a word starts: at the start or after a character that is no
    /// letter or digit (`follow @`, not `unfollow`). Matched on the UTF-8, byte for byte (a line and
    /// its words are compared as written, without Foundation's string search).
    func hasWord(startingWith prefix: String) -> Bool {
        var line = self
        var word = prefix
        return line.withUTF8 { text in
            word.withUTF8 { needle in
                var from = 0
                while from < text.count,
                    let found = String.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: text[from...]))
                {
                    let k = from + found
                    if !text.isLetterOrDigit(before: k) { return true }
                    from = k + 1
                }
                return false
            }
        }
    }
}
