import CGumbo
import Foundation
import NewsCore

/// The story's authors as the page prints them: byline boxes, links to author pages, labelled
/// bylines and a signature under the story; and names tidied of what a byline box runs on with.
extension MainContent {
    /// A name as a byline box runs it on: without the links beside it (`Rebecca Hersher Twitter`,
    /// `Laura Beck View Profile`),
    /// a month its date begins with (`Paul December 19, 2016` cut at the digits), or itself again
    /// (`Jennifer Rubin Jennifer Rubin`: a photo's text and the link).
    static func tidyName(_ name: String) -> String {
        var words = name.split(separator: " ")
        // `Von Vanessa Franke`, `Erstellt von Andri Bryner`, `Über Creeny`: the byline's opening.
        for opening in openings where words.count > opening.count
            && zip(words, opening).allSatisfy({ $0.lowercased() == $1 })
        {
            words.removeFirst(opening.count)
            break
        }
        while words.count > 1, let last = words.last,
            trailingWords.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters))
        {
            words.removeLast()
        }
        // `FOCUS-Online-Experte Robin Tschöpe`, `Gastautorin Jana Weiß`: a role before the name,
        // written as one word.
        if words.count >= 3, let first = words.first?.lowercased(), leadingRoles.contains(where: { first.hasSuffix($0) }) {
            words.removeFirst()
        }
        if words.count >= 2, words.count % 2 == 0, words[..<(words.count / 2)].elementsEqual(words[(words.count / 2)...]) {
            words.removeLast(words.count / 2)
        }
        return words.count == name.split(separator: " ").count ? name : words.joined(separator: " ")
    }

    /// What a site's template states when it has no author (`<meta name="author" content="No
    /// Author">`), lower-case.
    static let namesNoOne: Set<String> = ["no author", "unknown author", "author unknown", "no byline", "not available"]

    /// Ends of a word that names a role (`…experte`, `Gastautorin`, `Chefredakteur`), lower-case.
    private static let leadingRoles = [
        "experte", "expertin", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin",
        "kolumnist", "kolumnistin", "reporter", "reporterin",
    ]

    /// Whether a "name" is a site's account links (`Login Register Log-out`, `Move Comment`).
    static func isAccountLinks(_ name: String) -> Bool {
        name.split(separator: " ").contains { accountWords.contains($0.lowercased()) }
    }

    private static let accountWords: Set<String> = [
        "login", "log-in", "logout", "log-out", "register", "comment", "comments", "subscribe",
        "gesponserte", "sponsored",
    ]

    /// Social links and the months no one is named after (`May`, `June`, `April` and `August` are
    /// names too).
    private static let openings: [[String]] = [
        ["written", "by"], ["posted", "by"], ["erstellt", "von"], ["veröffentlicht", "von"], ["geschrieben", "von"],
        ["alles", "von"], ["mehr", "von"], ["more", "from"], ["more", "by"], ["all", "posts", "by"],
        ["by"], ["von"], ["par"], ["por"], ["door"], ["über"], ["about"],
    ]

    private static let trailingWords: Set<String> = [
        "twitter", "facebook", "instagram", "linkedin", "email", "e-mail", "rss", "bio", "follow", "view", "profile",
        "january", "february", "march", "september", "october", "november", "december",
        "chefredakteur", "chefredakteurin", "redakteur", "redakteurin", "autor", "autorin", "editor", "reporter",
        "correspondent", "journalist", "journalistin", "writer", "columnist", "alle", "all", "artikel", "beiträge",
        "posts", "articles", "stories",
    ]

    /// Authors from the page: `rel=author` links and elements whose class or id says byline or author.
    func pageBylines(_ roots: [Int]) -> [String] {
        let nodes = document.nodes
        var names: [String] = []
        var first: Int?
        for (i, node) in nodes.enumerated() where !node.isText {
            let words = hintsOf[i]
            // A link to the author's page on the site (`/about/editors/jon-fingas/`, `/autor/…`) is
            // one as `rel=author` is.
            let toAuthorPage = node.isTag(GUMBO_TAG_A) && node[.href].map(Self.isAuthorPage) == true
            let relAuthor = node[.rel]?.lowercased() == "author"
            let isByline = relAuthor || node[.itemprop]?.lowercased() == "author" || toAuthorPage
                || words.containsUTF8("byline")
                || (words.containsUTF8("author") && !words.containsUTF8("bio") && !words.containsUTF8("avatar")
                    // A comment's author (`comment-author-link`) or a comment form's field is a reader's.
                    && !words.containsUTF8("comment"))
            // A button in an author's box (`<button class="followAuthorBtn">Folgen</button>`) is a
            // control, its text no name.
            guard isByline, !node.isTag(GUMBO_TAG_BUTTON), !inTeaser(i) else { continue }
            let isAuthorLink = relAuthor || toAuthorPage
            // Once the byline is found, only more `rel=author` links add names: a later element
            // classed `author` is a comment's or a widget's.
            if !names.isEmpty, !isAuthorLink { break }
            // More `rel=author` links near the first (co-authors), not those of the related posts'
            // teasers further down; links to authors' pages only right beside it (`Clara Löw,
            // Siddharth Prakash & Klaus Jacob`), where a list of columnists has one per teaser.
            if let first, i - first > (toAuthorPage && !relAuthor ? 12 : 80) { break }
            let text = document.text(i, spaced: true)
            guard !text.isEmpty, text.count <= 120 else { continue }
            var found = PageMetadata.bylineNames(text)
            // A byline of one name (`Heiko`, a blogger's handle), which a byline's element vouches for.
            if found.isEmpty, let single = Self.singleName(text) { found = [single] }
            // A byline box of lines in elements of their own (`<div>By <span>Meg Wagner</span></div>
            // <div>NEW YORK DAILY NEWS</div><time>…`), which run together read as one: each line.
            if found.isEmpty { found = bylinePartNames(i) }
            for name in found where !names.contains(name) { names.append(name) }
            if !names.isEmpty, first == nil { first = i }
            if !names.isEmpty, !isAuthorLink { break }
        }
        return names
    }

    /// Whether an element is inside a teaser card within five levels: an `<article>` whose class
    /// says teaser (`<article class="slider-teaser-opinion">…<span
    /// class="slider-teaser-opinion__author">`), the author of another story, which a page lists
    /// before its own byline. (A story's own header may wear a teaser's class words: Cicero's
    /// `teaser-small__metadata`.)
    func inTeaser(_ i: Int) -> Bool {
        var n = i
        for _ in 0..<6 where n >= 0 {
            if document.nodes[n].isTag(GUMBO_TAG_ARTICLE), hintsOf[n].containsUTF8("teaser") { return true }
            n = document.nodes[n].parent
        }
        return false
    }

    /// Whether a link's address is an author's page on a site: a path with a folder of authors
    /// (`/author/jane-doe`, `/about/editors/jon-fingas/`, `/autoren/…`).
    static func isAuthorPage(_ href: String) -> Bool {
        var href = href
        return href.withUTF8 { namesAuthorFolder($0, in: 0..<$0.count) }
    }

    /// Whether `range` of `bytes` (a link's address) holds one of `authorFolders`, in any case,
    /// matched on the bytes at each `/`: no string is made, and most of a page's links are no
    /// author's. Addresses over 400 bytes are not looked at.
    static func namesAuthorFolder(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Bool {
        guard range.count <= 400 else { return false }
        for k in range where bytes[k] == 0x2F {
            // Something after the folder: an author's page, not the list of them (`/author/`, a
            // menu's `著者`).
            for folder in authorFolderBytes where k + folder.count < range.upperBound {
                var j = 1
                while j < folder.count, bytes[k + j] | 0x20 == folder[j] { j += 1 }
                if j == folder.count, bytes[k + j] != 0x3F, bytes[k + j] != 0x23 { return true }
            }
        }
        return false
    }

    private static let authorFolders = [
        "/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/auteurs/", "/autore/", "/editors/", "/journalists/",
        "/reporters/",
    ]
    /// The folders as bytes, for `namesAuthorFolder` (letters and `/` only: a byte `| 0x20` is its lower case).
    static let authorFolderBytes = authorFolders.map { Array($0.utf8) }

    /// The names of the first child element of a byline box that reads as a printed byline (`By Meg
    /// Wagner`, a label and names): a box's other lines are as often a comment form's fields or a
    /// widget's.
    private func bylinePartNames(_ box: Int) -> [String] {
        let nodes = document.nodes
        for k in nodes[box].descendants where nodes[k].parent == box && !nodes[k].isText {
            let part = document.text(k, spaced: true)
            guard !part.isEmpty, part.count <= 120 else { continue }
            if let found = PageArticle.printedByline(part), !found.isEmpty { return found }
        }
        return []
    }

    /// A byline's label and its names anywhere on the page, outside readers' comments
    /// (`<span>Author: </span><span>Jacopo Cascioli</span>`, `<h3>Autor</h3><h4>Iris Lange</h4>`):
    /// the label's element, and when it holds the label alone, the element after it.
    func labelledByline() -> [String] {
        let nodes = document.nodes
        for (i, node) in nodes.enumerated() where node.isText {
            // Labels of who wrote it; `Posted by` and `Submitted by` label readers' posts as often.
            // Checked on the bytes first: most of a page's short texts are no label.
            let bytes = node.utf8Text
            guard bytes.count <= 24, Self.opens(bytes, with: Self.writerLabelBytes), PageArticle.opensWithBylineLabel(node.text)
            else { continue }
            let element = node.parent
            guard !isInComments(element) else { continue }
            var line = PageArticle.clean(node.text)
            if PageArticle.isBylineLabel(line) || PageArticle.isBylineLabel(line + ":") {
                // The label alone in its text: the names are the next text, in the same element or
                // the one after it (not the links to follow them beside it, `Friend Me`).
                let grand = element >= 0 ? nodes[element].parent : -1
                let reach = grand >= 0 ? nodes[grand].descendants.upperBound : nodes.count
                guard let next = ((i + 1)..<min(reach, nodes.count)).first(where: { nodes[$0].isText && !document.text($0).isEmpty })
                else { continue }
                let names = document.text(next)
                guard names.count <= 60 else { continue }
                line = (line.hasSuffix(":") ? line : line + ":") + " " + names
            }
            if let names = PageArticle.printedByline(line), !names.isEmpty { return names }
        }
        return []
    }

    /// A byline printed anywhere on the page outside readers' comments, read when no other source
    /// names an author (`<span class="hero__meta-label">von Alexander Rosenkranz</span>` in a page's
    /// header): a text of at most 60 bytes that opens with a byline's word (`By`, `Von`, `Par`, `Por`,
    /// `Door`), read with its element (the name is often a link beside it), whose names each open
    /// with a given name newsd knows. A name in a menu (`By Topic`), a place or a label is no
    /// person's, and the given name is what tells them apart where no element says author.
    func bylineWithAKnownName() -> [String] {
        let nodes = document.nodes
        for node in nodes where node.isText {
            let bytes = node.utf8Text
            guard bytes.count <= 60, Self.opens(bytes, with: Self.bylineWordBytes) else { continue }
            let element = node.parent
            guard !isInComments(element) else { continue }
            var text = element >= 0 ? document.text(element, spaced: true) : node.text
            // The word alone in its element (`<span>By </span><a>Laura Clout</a>`): the element around.
            if text.utf8.count <= 5, element >= 0, case let outer = nodes[element].parent, outer >= 0 {
                text = document.text(outer, spaced: true)
            }
            guard text.utf8.count <= 80, let names = PageArticle.printedByline(text), !names.isEmpty,
                names.allSatisfy(PageArticle.isKnownPersonsName)
            else { continue }
            return names
        }
        return []
    }

    /// Whether a text's bytes open, after white space and lower-cased as ASCII, with one of
    /// `openings` (lower-case ASCII): checked on the bytes, as most of a page's short texts open
    /// with none.
    static func opens(_ bytes: UnsafeBufferPointer<UInt8>, with openings: [[UInt8]]) -> Bool {
        guard let first = bytes.firstNonBlankIndex else { return false }
        return openings.contains { opening in
            guard opening.count <= bytes.count - first else { return false }
            for (k, want) in opening.enumerated() {
                let b = bytes[first + k]
                if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != want { return false }
            }
            return true
        }
    }

    /// Whether an element (or one around it) is named for readers' comments. Parents come before
    /// their children: the walk up ends at the root (-1).
    func isInComments(_ element: Int) -> Bool {
        var ancestor = element
        while ancestor >= 0 {
            if hintsOf[ancestor].containsUTF8("comment") { return true }
            ancestor = document.nodes[ancestor].parent
        }
        return false
    }

    /// The byline's opening words, lower-case ASCII with the space after them.
    static let bylineWordBytes: [[UInt8]] = PageArticle.bylineWords.map { Array($0.utf8) }

    /// Whether an author's name is the outlet's (`source`, the site's name: `ABC News`, `mediagene
    /// Inc.`) or an organisation's (`isOrganisation`): no person who wrote the piece.
    static func namesAnOutlet(_ name: String, source: String?) -> Bool {
        let outlet = source.map(key) ?? ""
        let k = key(name)
        return !outlet.isEmpty && (k == outlet || k.contains(outlet) || outlet.contains(k)) || isOrganisation(name)
    }

    /// Whether a stated author is an organisation by its name (`Hanns-Seidel-Stiftung e.V.`,
    /// `Web Commerce GmbH`, `IT Finanzmagazin`, `Deutsche Welle (www.dw.com)`, `PR Newswire`): like the outlet, it
    /// gives way to the people a byline names.
    static func isOrganisation(_ name: String) -> Bool {
        let lower = " " + name.lowercased() + " "
        let forms = [" e.v. ", " e. v. ", " gmbh ", " ag ", " inc. ", " inc ", " ltd ", " ltd. ", " llc ", " s.a. ", " (www."]
        if forms.contains(where: lower.containsUTF8) { return true }
        let kinds = ["stiftung", "verband", "magazin", "zeitung", "illustrierte", "verlag", "landesanstalt", "newswire"]
        return kinds.contains(where: lower.containsUTF8)
    }

    /// Labels that say who wrote a piece (`labelledByline`), lower-case, as UTF-8.
    static let writerLabelBytes = [
        "author", "autor", "auteur", "written by", "verfasst von", "geschrieben von", "text von", "artikel von",
        "beitrag von", "story by", "words by", "escrito por", "écrit par", "scritto da", "redactado por", "a cura di",
    ].map { Array($0.utf8) }

    /// One name alone (`Heiko`, `happyface313`), after a byline's opening: a word of letters (and
    /// digits), not all capitals, that is no site control, month or stand-in (`admin`).
    static func singleName(_ text: String) -> String? {
        let name = tidyName(text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-–—|·•@")))
        guard !name.isEmpty, !name.contains(" "), (2...30).contains(name.count), name.contains(where: \.isLetter),
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }),
            !standIns.contains(name.lowercased()), !isAccountLinks(name), !trailingWords.contains(name.lowercased()),
            // Capitals alone are an agency's or initials (`AFP`, `JF`), not a signature.
            name.contains(where: \.isLowercase) || !name.contains(where: \.isUppercase)
        else { return nil }
        return name
    }

    /// Names a site's software writes where no one signed.
    static let standIns: Set<String> = PageArticle.siteAccounts.union([
        "author", "by", "von", "posted", "staff", "anonymous", "alle", "all", "view", "more", "datum", "date", "published",
        "updated", "unknown", "authors", "autoren", "auteurs", "see", "editors", "team", "mehr", "other", "my", "you",
        "follow", "folgen",
    ])
}
