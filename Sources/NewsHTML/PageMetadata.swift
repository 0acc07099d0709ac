import CGumbo
import Foundation
import NewsCore

/// What a page says about itself, each field from the most trusted source that states it: JSON-LD
/// (`NewsArticle` and its kin, `LiveBlogPosting`, `@graph`), then OpenGraph / `article:*` / named
/// `<meta>` tags, then microdata (`itemprop`), then `<time datetime>`, then bylines in the page.
struct PageMetadata {
    var title: String?
    /// The title the page states for social cards (`og:title`, else `twitter:title`), which may leave
    /// out a kicker the JSON-LD headline keeps.
    var socialTitle: String?
    /// The `<title>` element, the last resort for a headline.
    var documentTitle: String?
    var source: String?
    var url: String?
    var authors: [String] = []
    /// Names of a later author field, when `authors` names only the site.
    var laterAuthors: [String] = []
    /// The author the page's Twitter card names under a writer's label (`labelledTwitterData`): the
    /// post's account in the site's software, the last resort when the page prints no byline.
    var cardAuthors: [String] = []
    var published: String?
    /// Whether `published` comes from a generic field (`<meta name="date">`, Dublin Core's
    /// `dc.date`, another meta tag that says date, a `<time>` not marked as the publication's), which
    /// a publication date the page prints under its label outranks.
    var publishedIsGeneric = false
    /// Publication dates that other fields state for another day than `published`'s (JSON-LD's
    /// `datePublished` against `article:published_time`), in order of trust: the page's printed day
    /// chooses among them (`MainContent.printedDays`).
    var otherPublished: [String] = []
    var updated: String?
    var language: String?
    /// Whether the page's declared locale writes numeric dates day first (`pt-BR`, `en-GB`: true;
    /// `en-US`: false; `en` alone, or none: nil), from `<html lang>`, JSON-LD or `og:locale`.
    var localeDayFirst: Bool?
    /// JSON-LD `articleBody`, when the page states its text.
    var articleBody: String?
    /// JSON-LD `description` or `og:description`.
    var description: String?
    /// A `LiveBlogPosting`'s updates, newest first as pages list them.
    var liveUpdates: [LiveUpdate] = []
    /// The page is a live blog (its JSON-LD type, or `og:type` saying so).
    var isLive = false
    /// The page says it is an article (JSON-LD, `og:type`, `<article>`).
    var statesArticle = false

    /// One entry of a live blog.
    struct LiveUpdate: Equatable {
        var headline: String?
        var body: String
        var published: String?
    }

    init(_ document: HTMLDocument) {
        let nodes = document.nodes
        var fromJSONLD = JSONLDFields()
        var meta: [String: String] = [:]
        var micro: [String: String] = [:]
        var microAuthors: [String] = []
        // Scholarly pages' Highwire tags name each author in a tag of their own.
        var citationAuthors: [String] = []
        var times: [(index: Int, value: String)] = []
        var canonical: String?
        for (index, node) in nodes.enumerated() where !node.isText {
            switch GumboTag(UInt32(node.tag)) {
            case GUMBO_TAG_HTML:
                // XHTML saved as HTML states it as `xml:lang` (`<html xml:lang="en-GB">`).
                if let lang = node[.lang] ?? node[.xmlLang], lang.utf8.count >= 2 {
                    language = String(lang.prefix(2)).lowercased()
                    localeDayFirst = DayOrder.dayFirst(locale: lang)
                }
            case GUMBO_TAG_TITLE:
                if documentTitle == nil { documentTitle = Self.withoutTags(document.text(index)) }
            case GUMBO_TAG_META:
                guard let content = node[.content], !content.isEmpty else { break }
                // RDFa lets one tag carry several properties (`property="dc:creator twitter:site_name"`).
                let properties = (node[.property] ?? "").split(separator: " ").map { $0.lowercased() }
                for key in properties + [node[.name], node[.itemprop]].compactMap({ $0?.lowercased() }) {
                    if key == "citation_author", citationAuthors.count < 50 { citationAuthors.append(content) }
                    if meta[key] == nil { meta[key] = content }
                }
            case GUMBO_TAG_LINK:
                if canonical == nil, node[.rel]?.lowercased() == "canonical", let href = node[.href], href.hasPrefix("http") {
                    canonical = href
                }
            case GUMBO_TAG_SCRIPT:
                if node[.type]?.lowercased().containsUTF8("ld+json") == true {
                    fromJSONLD.read(document.text(index, raw: true))
                }
            case GUMBO_TAG_TIME:
                if let value = node[.datetime] ?? node[.content], !value.isEmpty, !Self.inAnotherStory(index, nodes) {
                    times.append((index, value))
                }
            default:
                // RDFa states a value on any element (`<span property="schema:dateCreated" content="…">`):
                // dates count as the meta tags' do, after them.
                if let property = node[.property], let content = node[.content], !content.isEmpty {
                    for key in property.split(separator: " ").map({ $0.lowercased() })
                    where meta[key] == nil && Self.rdfaDateWords.contains(where: { key.containsUTF8($0) }) {
                        meta[key] = content
                    }
                }
            }
            if let property = node[.itemprop]?.lowercased(), !node.isTag(GUMBO_TAG_META) {
                let value = node[.content] ?? node[.datetime]
                switch property {
                case "headline", "datepublished", "datemodified":
                    if micro[property] == nil, let v = value ?? document.text(index).nonEmpty { micro[property] = v }
                case "author", "creator":
                    // `<span itemprop="author"><span itemprop="name">…</span></span>` or the text itself;
                    // not a teaser's byline in a sidebar or a list of related stories.
                    if Self.inAnotherStory(index, nodes) { break }
                    let name = document.descendants(of: index).first { nodes[$0][.itemprop]?.lowercased() == "name" }
                        .map { document.text($0) } ?? node[.content] ?? document.text(index)
                    microAuthors.append(name)
                default:
                    break
                }
            }
        }

        // An object's `name` is its title where its `headline` is something else (Wikipedia states
        // the short description as `headline`): a name the page's `<title>` opens with wins over a
        // headline it does not hold (a name that is the publisher's is the site, not the title).
        if let name = fromJSONLD.name, let headline = fromJSONLD.headline, name != headline, name != fromJSONLD.publisher,
            let shown = documentTitle.map(PageArticle.clean), shown.hasPrefix(name), !shown.contains(headline)
        {
            fromJSONLD.headline = name
        }
        title = fromJSONLD.headline ?? meta["og:title"] ?? meta["twitter:title"] ?? meta["parsely-title"]
            ?? micro["headline"] ?? meta["title"]
        if let t = title { title = PageArticle.clean(Self.unescape(t)) }
        socialTitle = (meta["og:title"] ?? meta["twitter:title"]).map { PageArticle.clean(Self.unescape($0)) }
        source = fromJSONLD.publisher ?? meta["og:site_name"] ?? meta["application-name"]
        url = canonical ?? fromJSONLD.url ?? meta["og:url"]
        if source == nil, let url, let host = URLComponents(string: url)?.host { source = PageArticle.outlet(domain: host) }
        language = fromJSONLD.language.map { String($0.prefix(2)).lowercased() } ?? language
            ?? meta["og:locale"].map { String($0.prefix(2)).lowercased() }
        localeDayFirst = localeDayFirst ?? fromJSONLD.language.flatMap(DayOrder.dayFirst(locale:))
            ?? meta["og:locale"].flatMap(DayOrder.dayFirst(locale:))
        articleBody = fromJSONLD.articleBody
        description = fromJSONLD.description ?? meta["og:description"] ?? meta["description"]
        liveUpdates = fromJSONLD.updates
        isLive = fromJSONLD.isLive || !liveUpdates.isEmpty
        // An article by its own statement: a JSON-LD article object, `og:type` article, or an
        // `<article>` element.
        statesArticle = fromJSONLD.found || meta["og:type"]?.lowercased().hasPrefix("article") == true
            || document.nodes.contains { $0.isTag(GUMBO_TAG_ARTICLE) }

        // The first field that names someone; meta tags one by one (two tags naming different people
        // disagree, and the better-kept one wins: Dublin Core's creator first, as Readability orders them).
        let metaAuthors: [[String]] = [
            meta["dc:creator"], meta["dcterms:creator"], meta["dc.creator"], meta["dcterms.creator"], meta["article:author"],
            meta["og:article:author"], meta["author"], meta["parsely-author"], meta["sailthru.author"], meta["byl"],
            meta["twitter:creator"].flatMap { $0.hasPrefix("@") ? nil : $0 },
        ].compactMap { $0.map { [$0] } }
        let authorFields: [[String]] = [fromJSONLD.authors, citationAuthors] + metaAuthors + [microAuthors]
        cardAuthors = Self.labelledTwitterData(meta).map { Self.names([$0]) } ?? []
        // A field that names only the site (`article:author` = `jungle.world`) stands, and the first
        // later one that names someone (`author` = `Ernst Lohoff`) is kept aside: the page's byline
        // comes first, that field only when the page prints none.
        let site = [source, meta["og:site_name"]].compactMap { $0.map(MainContent.key) }.filter { !$0.isEmpty }
        let isSite = { (name: String) -> Bool in
            let k = MainContent.key(name)
            return site.contains { k == $0 || k.contains($0) || $0.contains(k) }
                || !name.contains(" ") && name.contains(".") && !name.hasSuffix(".")  // a domain
        }
        for field in authorFields {
            let names = Self.names(field)
            if names.isEmpty { continue }
            if authors.isEmpty {
                authors = names
                if !names.allSatisfy(isSite) { break }
            } else if !names.allSatisfy(isSite) {
                laterAuthors = names
                break
            }
        }

        // In order of trust; `generic`: a field a content system fills with any date of the page.
        let publishedFields: [(value: String?, generic: Bool)] = [
            (fromJSONLD.published, false), (meta["article:published_time"], false),
            (meta["og:article:published_time"], false), (meta["datepublished"], false),
            (meta["article.published"], false), (meta["parsely-pub-date"], false), (meta["sailthru.date"], false),
            (meta["pubdate"], false), (meta["publishdate"], false), (meta["publish-date"], false),
            (meta["dc.date.issued"], false), (meta["dc.date"], true), (meta["dcterms.date"], true),
            (meta["dcterms.created"], true), (meta["date"], true), (meta["og:pubdate"], false),
            (micro["datepublished"], false), (fromJSONLD.pagePublished, false),
        ]
        let stated = publishedFields.lazy.compactMap { field in
            field.value.flatMap(PageArticle.date).map { (day: $0, generic: field.generic) }
        }
        if let first = stated.first {
            (published, publishedIsGeneric) = (first.day, first.generic)
            // Another day stated beside a day no second specific field confirms, a full day or more
            // away (within a day, two fields may state one instant in two zones: `sailthru.date`'s
            // local `2016-12-19 19:08:44` and `article:published_time`'s `2016-12-20T00:08:44+00:00`).
            let confirmed = !first.generic && stated.dropFirst().contains { !$0.generic && $0.day.prefix(10) == first.day.prefix(10) }
            var days: Set<Substring> = [first.day.prefix(10)]
            for field in stated.dropFirst() where !confirmed && days.insert(field.day.prefix(10)).inserted {
                if let a = CivilTime.seconds(ofStored: first.day), let b = CivilTime.seconds(ofStored: field.day), abs(a - b) >= 86_400 {
                    otherPublished.append(field.day)
                }
            }
        }
        if published == nil {
            // Any other meta tag whose name says publication or creation (`five_hundred_pixels:created`),
            // not another page's (`relatedContentDate`).
            for (key, value) in meta.sorted(by: { $0.key < $1.key })
            where ["publish", "created", "date", "uploaded", "release"].contains(where: { key.containsUTF8($0) })
                && !["modif", "updat", "expir", "revis", "related"].contains(where: { key.containsUTF8($0) })
            {
                if let day = PageArticle.date(value) {
                    published = day
                    publishedIsGeneric = true
                    break
                }
            }
        }
        let updatedFields: [String?] = [
            fromJSONLD.modified, meta["article:modified_time"], meta["og:updated_time"], meta["datemodified"],
            micro["datemodified"],
        ]
        updated = updatedFields.lazy.compactMap { $0.flatMap(PageArticle.date) }.first
        if published == nil {
            // `<time>`: one marked as the publication time first, else the first on the page.
            let marked = times.first { t in
                let node = nodes[t.index]
                let hint = ((node[.class] ?? "") + " " + (node[.itemprop] ?? "") + " " + (node[.id] ?? "")).lowercased()
                return node[.pubdate] != nil || hint.containsUTF8("publish") || hint.containsUTF8("posted")
                    || hint.containsUTF8("created")
            }
            published = (marked.map { [$0] } ?? times).lazy.compactMap { PageArticle.date($0.value) }.first
            publishedIsGeneric = marked == nil
        }
    }

    /// Whether an element stands in another story's place on the page: an embedded post (`<blockquote
    /// class="instagram-media">`, whose `<time>` is the post's), a list of related stories (`<div
    /// class="related-inner">`, whose `<time>`s are theirs) or an `<aside>` without a headline,
    /// within sixteen levels. Class and id values over 300 bytes are no such names (and are not read
    /// again for each node below them).
    static func inAnotherStory(_ index: Int, _ nodes: HTMLDocument.Nodes) -> Bool {
        var n = nodes[index].parent
        for _ in 0..<16 where n >= 0 {
            let node = nodes[n]
            n = node.parent
            // An `<aside>` is a sidebar's (a blog's recent posts, a list of teasers), unless it opens
            // with the story's headline (a theme that sets the post itself in one).
            if node.isTag(GUMBO_TAG_ASIDE), !node.descendants.prefix(200).contains(where: { nodes[$0].isTag(GUMBO_TAG_H1) }) {
                return true
            }
            guard let words = node[.class] ?? node[.id], words.utf8.count <= 300 else { continue }
            if node[.class] != nil, MainContent.isEmbeddedPost(node) { return true }
            if words.lowercasedHasBytes("related") { return true }
        }
        return false
    }

    /// Words of an RDFa property on an element other than `<meta>` whose value is read as a date.
    static let rdfaDateWords = ["date", "created", "published", "issued"]

    /// Names from author fields, outlets and roles dropped, each name once. Names a field separates
    /// with semicolons (`ROD NORDLAND;MAYY EL SHEIKH`) are read one by one.
    static func names(_ fields: [String]) -> [String] {
        var out: [String] = []
        for field in fields.flatMap({ unescape($0).split(separator: ";").map(String.init) }) {
            var text = field.trimmingCharacters(in: .whitespaces)
            // `Фото: Алексей Меринов`, `Photo: …`: a picture's credit names its photographer, not the
            // story's author.
            let lower = text.lowercased()
            if photoCreditLabels.contains(where: { lower.hasPrefix($0) }) { continue }
            // `Nathan Bernier | KUT`: the outlet after a bar goes; a site's address before the bar
            // (`www.mrsadiq.info | Sadiq Məmmədov`) goes instead.
            if text.contains(" | ") {
                let parts = text.components(separatedBy: " | ")
                let isAddress = { (part: String) in part.hasPrefix("http") || part.contains("/") || !part.contains(" ") && part.contains(".") }
                text = parts.first { !isAddress($0) } ?? parts[0]
            }
            // `Bradley M. Kuhn (http://ebb.org/bkuhn/)`: the address beside the name goes.
            while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")"),
                text[open..<close].contains("/")
            {
                text = (text[..<open] + text[text.index(after: close)...]).trimmingCharacters(in: .whitespaces)
            }
            if text.hasPrefix("http") || text.contains("/") { continue }
            // `Elena Oberholzer (obe)`: the writer's initials a paper signs with, in brackets after the
            // name, go.
            if text.hasSuffix(")"), let open = text.lastIndex(of: "("), text[..<open].contains(" "),
                case let initials = text[text.index(after: open)..<text.index(before: text.endIndex)],
                (2...5).contains(initials.count), initials.allSatisfy({ $0.isLowercase || $0 == "." })
            {
                text = text[..<open].trimmingCharacters(in: .whitespaces)
            }
            // `Williams Perdomo @wperdomod`: the handle after the name goes.
            var words = text.split(separator: " ")
            if words.count > 1, words.last?.hasPrefix("@") == true {
                while words.count > 1, words.last?.hasPrefix("@") == true { words.removeLast() }
                text = words.joined(separator: " ")
            }
            // A name with digits in it is a name with a date glued on (`Lucas Nolan22 Dec 2016`).
            var names = PageArticle.authorNames(text)
            if names.contains(where: { $0.contains(where: \.isNumber) }) { names = bylineNames(text) }
            for name in names where !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// Labels of a picture's credit.
    static let photoCreditLabels = ["photo:", "photos:", "photograph:", "foto:", "fotos:", "фото:", "bild:", "crédit photo:"]

    /// The names in a byline printed in the page (`By Jane Doe, Reuters`, `Jane Doe March 25, 2015`,
    /// `Par Jean Dupont`): the date and anything after a `|` cut off, roles and outlets dropped; only
    /// what reads as a person's name is kept.
    static func bylineNames(_ raw: String) -> [String] {
        // As pages print it: the names before a date, a handle or `Updated`.
        var flat = PageArticle.clean(raw.flattened)
        var lower = flat.lowercased()
        // A byline's element that credits an interview (`Interview: Julia Lauter`) names its author.
        if let label = ["interview: ", "interview von ", "interview by "].first(where: lower.hasPrefix) {
            flat = "By " + flat.dropFirst(label.count)
            lower = flat.lowercased()
        }
        if flat.count <= 200 {
            let opened = PageArticle.bylineOpenings.contains { lower.hasPrefix($0) }
            // As printed first: a byline after decoration (`// posted by Nate Johnson @ 10:30 AM`) or
            // after the date (`Danmark - 10. marts 2020 kl. 20:00 Af Jens Hansen`) is the box's, not
            // what stands before the date; only a text that reads as no byline is read after `By`.
            if !opened, let names = PageArticle.printedByline(flat) { return names }
            if let names = PageArticle.printedByline(opened ? flat : "By " + flat), !names.isEmpty { return names }
        }
        var text = raw.flattened
        if let digit = text.firstIndex(where: { $0.isNumber }) { text = String(text[..<digit]) }
        if let bar = text.firstIndex(of: "|") { text = String(text[..<bar]) }
        text = PageArticle.clean(text)
        let textLower = text.lowercased()
        for prefix in PageArticle.bylineOpenings where textLower.hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count))
            break
        }
        text = PageArticle.clean(text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-–—")))
        guard !text.isEmpty, text.count <= 120 else { return [] }
        return PageArticle.byline("By " + text) ?? []
    }

    /// Metadata text with its character references decoded, twice over (see `decodeEntities`).
    /// A title's text without the markup some pages write into it (`Bitch,<br/> But He's <i>Our</i>`,
    /// `next week! <IMG SRC="…">`): a title is text, so a tag in it was never meant to be read.
    static func withoutTags(_ text: String) -> String {
        guard text.utf8.contains(0x3C) else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x3C, i + 1 < bytes.count,
                bytes[i + 1] == 0x2F || bytes[i + 1] == 0x21 || (bytes[i + 1] | 0x20) >= 0x61 && (bytes[i + 1] | 0x20) <= 0x7A,
                let close = bytes[(i + 1)...].firstIndex(where: { $0 == 0x3E || $0 == 0x3C }), bytes[close] == 0x3E
            {
                if out.last != 0x20 { out.append(0x20) }
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return PageArticle.clean(String(decoding: out, as: UTF8.self))
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        // `&amp;#8216;` (escaped twice) is `&#8216;` after the first pass, `‘` after the second.
        return decodeEntities(decodeEntities(text))
    }

    /// Character references in text that no HTML parser decoded (JSON-LD strings, a meta tag's
    /// content escaped twice): decimal and hexadecimal ones (`&#8216;`, `&#x2019;`) and the named ones
    /// headlines and names use; anything else is left as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(0x26) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(10).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semi]
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = Self.scalar(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                decoded = Self.scalar(name.dropFirst(), radix: 10)
            } else {
                decoded = namedEntities[String(name)]
            }
            if let decoded, decoded != "\u{0}" {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }

    /// The character a numeric reference's digits name: digits only (`UInt32` alone would take the
    /// `+` of `&#+65;`, which HTML does not), a Unicode scalar.
    private static func scalar(_ digits: Substring, radix: Int) -> String? {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit && (radix == 16 || $0.isNumber) }) else {
            return nil
        }
        return UInt32(digits, radix: radix).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " ", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„", "ndash": "–", "mdash": "—", "hellip": "…",
        "laquo": "«", "raquo": "»", "pound": "£", "euro": "€", "yen": "¥", "cent": "¢", "copy": "©", "reg": "®",
        "trade": "™", "deg": "°", "middot": "·", "bull": "•", "eacute": "é", "egrave": "è", "ecirc": "ê",
        "aacute": "á", "agrave": "à", "acirc": "â", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä",
        "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "ccedil": "ç", "ntilde": "ñ", "oacute": "ó", "iacute": "í",
        "uacute": "ú", "atilde": "ã", "otilde": "õ", "Eacute": "É",
    ]

    /// The author a page's Twitter card states under a writer's label (`twitter:label1` = `Written
    /// by` or `Verfasst von`, `twitter:data1` = the name): WordPress's Yoast SEO writes them on
    /// every post; the card's other labels (reading time) are not names.
    static func labelledTwitterData(_ meta: [String: String]) -> String? {
        for n in 1...4 {
            guard let label = meta["twitter:label\(n)"], let data = meta["twitter:data\(n)"] else { continue }
            var lower = Array(label.lowercased().utf8)
            while let last = lower.last, last == 0x3A || last == 0x20 { lower.removeLast() }
            if MainContent.writerLabelBytes.contains(lower) { return data }
        }
        return nil
    }
}

/// The fields of the page's JSON-LD article object (the first `NewsArticle`-like one found).
struct JSONLDFields {
    var headline: String?
    /// The object's `name`, beside its `headline`.
    var name: String?
    var authors: [String] = []
    var published: String?
    var modified: String?
    var url: String?
    var publisher: String?
    var language: String?
    var articleBody: String?
    var description: String?
    var updates: [PageMetadata.LiveUpdate] = []
    var isLive = false
    /// The publication date of a page object (`WebPage`) when no article object states one: trusted
    /// after the meta tags.
    var pagePublished: String?
    /// Whether an article object was found.
    private(set) var found = false

    /// Types of a page as a whole.
    static let pageTypes: Set<String> = ["webpage", "itempage", "aboutpage", "medicalwebpage", "qapage", "faqpage"]

    /// Types whose fields describe the page's article, best first.
    static let articleTypes: [String] = [
        "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
        "reviewnewsarticle", "liveblogposting", "article", "blogposting", "report", "techarticle",
        "satiricalarticle", "socialmediaposting",
    ]

    /// Reads one `<script type="application/ld+json">`; scripts after the first article add nothing.
    mutating func read(_ json: String) {
        guard !found, let data = Self.unwrapped(json).data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        var candidates: [[String: Any]] = []
        Self.collect(object, into: &candidates, depth: 0)
        var best: (rank: Int, object: [String: Any])?
        for candidate in candidates {
            let types = Self.types(candidate)
            guard let rank = types.compactMap({ Self.articleTypes.firstIndex(of: $0) }).min() else { continue }
            if best == nil || rank < best!.rank { best = (rank, candidate) }
        }
        // A page object may date the page (`WebPage`, as many sites' plug-ins state it) where no
        // article object does.
        if pagePublished == nil {
            for candidate in candidates where Self.types(candidate).contains(where: Self.pageTypes.contains) {
                pagePublished = Self.string(candidate["datePublished"]) ?? Self.string(candidate["dateCreated"])
                if pagePublished != nil { break }
            }
        }
        guard let article = best?.object else {
            // A page without an article object may still name its publisher.
            if publisher == nil {
                for candidate in candidates where Self.types(candidate).contains("organization") || Self.types(candidate).contains("newsmediaorganization") {
                    publisher = Self.string(candidate["name"])
                    break
                }
            }
            return
        }
        found = true
        // Objects named by their `@id`, for the article's references to them (`"author": {"@id":
        // ".../#author"}` pointing at a `Person` elsewhere in the `@graph`, as WordPress's SEO plug-ins
        // write it).
        var nodes: [String: [String: Any]] = [:]
        for candidate in candidates {
            if let id = candidate["@id"] as? String, candidate.count > 1, nodes[id] == nil { nodes[id] = candidate }
        }
        isLive = Self.types(article).contains("liveblogposting")
        name = Self.string(article["name"])
        headline = Self.string(article["headline"]) ?? name ?? Self.string(article["alternativeHeadline"])
        authors = Self.people(article["author"], nodes: nodes) + Self.people(article["creator"], nodes: nodes)
        published = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
            ?? Self.string(article["coverageStartTime"])
        modified = Self.string(article["dateModified"])
        url = Self.string(article["url"]).flatMap { $0.hasPrefix("http") ? $0 : nil }
            ?? Self.identifier(article["mainEntityOfPage"])
        if let p = article["publisher"] as? [String: Any] {
            publisher = Self.string(Self.resolved(p, nodes: nodes)["name"])
        } else if let list = article["publisher"] as? [Any], let p = list.first as? [String: Any] {
            publisher = Self.string(Self.resolved(p, nodes: nodes)["name"])
        }
        language = Self.string(article["inLanguage"])
        // Stated text, like stated names, may carry character references no parser decoded
        // (`They&apos;re`, WordPress's `&#8217;`), or its markup escaped (`&lt;p&gt;…`): references
        // first, then the tags.
        articleBody = Self.string(article["articleBody"]).map { Self.plainText(PageMetadata.unescape($0)) }
        description = Self.string(article["description"])
        var entries: [Any] = []
        if let list = article["liveBlogUpdate"] as? [Any] { entries = list } else if let one = article["liveBlogUpdate"] { entries = [one] }
        for case let entry as [String: Any] in entries.prefix(2000) {
            let body = (Self.string(entry["articleBody"]) ?? Self.string(entry["text"]) ?? Self.string(entry["description"]))
                .map { Self.plainText(PageMetadata.unescape($0)) } ?? ""
            let head = (Self.string(entry["headline"]) ?? Self.string(entry["name"])).map { PageArticle.clean(PageMetadata.unescape($0)) }
                .flatMap { $0.isEmpty ? nil : $0 }
            if body.isEmpty && head == nil { continue }
            updates.append(.init(headline: head, body: body, published: Self.string(entry["datePublished"]).flatMap(PageArticle.date)))
        }
    }

    /// Text some pages state with its markup (`<p class="…">Text</p>`): tags go, a block's end
    /// ends a line, an inline element's marks (`<a>`, `<em>`) leave its words in place.
    static func plainText(_ text: String) -> String {
        guard text.containsUTF8("</") || text.containsUTF8("<p") || text.containsUTF8("<br") else { return text }
        var out = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let first = after.first, first.isLetter || first == "/" || first == "!",
                let close = after.firstIndex(of: ">")
            else {
                out += "<"
                rest = after
                continue
            }
            let name = after.drop { $0 == "/" || $0 == "!" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            out += inlineElements.contains(name) ? "" : "\n"
            rest = after[after.index(after: close)...]
        }
        out += rest
        return out
    }

    static let inlineElements: Set<String> = [
        "a", "em", "strong", "b", "i", "u", "s", "span", "sup", "sub", "abbr", "cite", "code", "small", "mark", "time", "q",
    ]

    /// The JSON inside a script's text: a `<![CDATA[ … ]]>` or `<!-- … -->` wrapper (with or without
    /// `//` before its marks) goes.
    static func unwrapped(_ text: String) -> String {
        var body = trimmedLines(text)[...]
        for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
            var head = body
            if head.hasPrefix("//") { head = head.dropFirst(2).drop { $0 == " " } }
            guard head.hasPrefix(open) else { continue }
            head = head.dropFirst(open.count)
            if let end = head.range(of: close, options: .backwards) {
                head = head[..<end.lowerBound]
                if let slashes = head.range(of: "//", options: .backwards), head[slashes.upperBound...].allSatisfy(\.isWhitespace) {
                    head = head[..<slashes.lowerBound]
                }
            }
            body = head
        }
        return String(body)
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, read on the bytes when what the ASCII
    /// white space leaves at either end is ASCII (a script's JSON nearly always): Foundation copies
    /// the whole text to trim it.
    static func trimmedLines(_ text: String) -> String {
        let bytes = text.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b >= 0x09 && b <= 0x0D }
        while start < end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isSpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        guard start == end || bytes[start] < 0x80 && bytes[bytes.index(before: end)] < 0x80 else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return String(text[start..<end])
    }

    /// Every JSON object in the value (arrays, `@graph`, nested `mainEntity`), breadth first.
    static func collect(_ value: Any, into out: inout [[String: Any]], depth: Int) {
        guard depth < 8, out.count < 200 else { return }
        if let list = value as? [Any] {
            for item in list { collect(item, into: &out, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            out.append(object)
            if let graph = object["@graph"] { collect(graph, into: &out, depth: depth + 1) }
            if let main = object["mainEntity"] { collect(main, into: &out, depth: depth + 1) }
        }
    }

    /// The lower-cased `@type` names of an object.
    static func types(_ object: [String: Any]) -> [String] {
        if let one = object["@type"] as? String { return [one.lowercased()] }
        if let list = object["@type"] as? [Any] { return list.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    static func string(_ value: Any?) -> String? {
        if let s = value as? String {
            let t = PageArticle.clean(s)
            return t.isEmpty ? nil : t
        }
        if let list = value as? [Any], let first = list.first { return string(first) }
        return nil
    }

    /// `"url"` or `{"@id": "url"}`.
    static func identifier(_ value: Any?) -> String? {
        if let s = string(value), s.hasPrefix("http") { return s }
        if let object = value as? [String: Any] { return string(object["@id"]).flatMap { $0.hasPrefix("http") ? $0 : nil } }
        return nil
    }

    /// An object that only refers to another (`{"@id": "…#author"}`): that one, when the same
    /// script states it as a person or an organisation (a reference to the page or the article
    /// itself names no one); else the object itself.
    static func resolved(_ object: [String: Any], nodes: [String: [String: Any]]) -> [String: Any] {
        guard object["name"] == nil, let id = object["@id"] as? String, let node = nodes[id],
            types(node).contains(where: { $0 == "person" || $0.contains("organization") })
        else { return object }
        return node
    }

    /// Author names: strings, `Person` objects (or references to them, by `@id`, among `nodes`),
    /// lists of either; organisations are not authors.
    static func people(_ value: Any?, nodes: [String: [String: Any]] = [:]) -> [String] {
        if let s = string(value), !(value is [Any]) {
            // A `Person` written as JSON inside the string (`"{ \"@type\":\"Person\", \"name\":\"Alice
            // Wu\" }"`, a template that encoded it twice) is that person; other JSON names no one.
            guard s.utf8.first == UInt8(ascii: "{") else { return [s] }
            guard s.utf8.count <= 4096, let object = try? JSONSerialization.jsonObject(with: Data(s.utf8)) as? [String: Any] else { return [] }
            return people(object, nodes: nodes)
        }
        if let list = value as? [Any] { return list.prefix(20).flatMap { people($0, nodes: nodes) } }
        if let given = value as? [String: Any] {
            let object = resolved(given, nodes: nodes)
            let kinds = types(object)
            if kinds.contains(where: { $0.contains("organization") }) { return [] }
            if let name = string(object["name"]) { return [name] }
            // A person stated by the parts of the name alone (`"givenName": "Anna Giulia",
            // "familyName": "Fink"`).
            let parts = [string(object["givenName"]), string(object["familyName"])].compactMap { $0 }
            return parts.isEmpty ? [] : [parts.joined(separator: " ")]
        }
        return []
    }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
