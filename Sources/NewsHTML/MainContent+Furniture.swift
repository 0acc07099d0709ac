import CGumbo
import Foundation
import NewsCore

/// Page furniture: what a page sets around its story (navigation, asides, footers, forms, share and
/// related blocks, hidden elements), known by its tag, role and class and id words.
extension MainContent {
    static let furnitureTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "button", "select",
        "input", "textarea", "iframe", "canvas", "header", "menu", "dialog", "head", "map",
        "label", "option",
    ]
    static let furnitureTagSet = HTMLDocument.TagSet(furnitureTags)
    static let furnitureRoles: Set<String> = [
        "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "search", "dialog", "alert",
        "toolbar", "tablist",
    ]
    /// Class or id words that mark furniture unless a word of `contentHints` is there too.
    static let unlikely = [
        "-ad-", "banner", "breadcrumb", "combx", "comment", "community", "disqus", "extra", "footer", "gdpr", "header",
        "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
        "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup", "masthead", "navbar", "nav",
        "widget", "tags", "hidden", "teaser", "rating", "toolbar", "share", "feedback", "gallery", "slideshow",
    ]
    static let contentHints = ["and", "article", "body", "column", "content", "main", "shadow", "story", "text", "entry", "post"]
    /// Class or id words that mark furniture wherever they occur.
    static let furnitureWords = [
        "sharedaddy", "share-", "-share", "sharing", "social-", "newsletter", "subscribe", "promo", "outbrain",
        "taboola", "recommend", "most-read", "mostread", "most-popular", "most-viewed", "mostviewed",
        "most-shared", "most-commented", "recirc", "read-next", "readnext", "up-next", "upnext", "more-from",
        "editors-picks", "editorspicks", "you-may-like", "related-content", "relatedcontent", "related-links",
        "related-news", "trending", "cookie", "signup", "sign-up",
        "advert", "byline", "author", "breadcrumb", "caption-credit", "image-credit", "photo-credit", "skip-link",
        "skiplink", "sr-only", "offscreen", "visually-hidden", "visuallyhidden", "screen-reader", "screenreader", "dateline",
        "timestamp", "published-date", "article-date", "post-date", "entry-date", "entry-meta", "post-meta",
        "article-meta", "article-info", "post-info", "ad-container", "ad-slot", "adslot", "advertisement", "sponsored",
        "donate", "more-stories", "also-read", "see-also", "tag-list", "article-tags",
        "post-tags", "keywords", "print-only", "login", "carousel", "comment-", "comments", "commenttext", "commentbody",
        "commentcontent", "commentlist", "relatedposts",
        "related-posts", "related_posts", "related-articles", "related-stories", "yarpp", "next-prev", "prev-next",
        "nextprev", "prevnext", "trackback", "videoplayer", "video-player", "video_player", "audioplayer",
        "audio-player", "audio_player", "jwplayer", "player-placeholder", "video-card",
    ]

    static let furnitureWordList = WordList(furnitureWords)
    static let unlikelyList = WordList(unlikely)
    static let contentHintList = WordList(contentHints)

    /// Class or id words of a cookie-consent dialog (Cookiebot, OneTrust, Usercentrics, Didomi,
    /// Borlabs, WordPress's GDPR plugins).
    static let consentList = WordList(["cookie", "consent", "gdpr", "onetrust", "usercentrics", "didomi", "borlabs"])
    static let dialogTagSet = HTMLDocument.TagSet(["div", "section", "form", "ul", "ol", "dl", "table"])
    /// The names of a dialog's class or id word (`namesADialog`), alone or with a prefix or suffix.
    static let dialogNames = ["modal", "popup", "dialog", "popover"]
    /// Dialogs' names that are one only alone (`lightbox`, where a plugin's `lightbox-content` wraps
    /// a whole story).
    static let wholeDialogNames = ["lightbox"]

    /// Whether class and id words name a dialog laid over the page: a cookie-consent dialog
    /// (`consentList`), or a class or id that is a modal, a popup, a popover or a dialog itself
    /// (`modal`, `app-modal`, `modal-dialog`, `popup-banner`, `b-dialog`, a share button's
    /// `ft-mol-popover` that says `Noticia guardada en tu perfil`, a `lightbox` that shows a photo
    /// again, large, with its caption a second time: that word alone, as a WordPress plugin wraps
    /// whole stories in a `lightbox-content`), not an element that opens one
    /// (`slideshow-modal-image`, `search_popup_expand`). Such a dialog (a login, a paywall's lock, a
    /// help text, an old-browser notice, the consent settings) is furniture at every strictness: it is
    /// what is left when class words that set the story aside are no longer trusted
    /// (`Strictness.tagsOnly`). Only containers (`dialogTagSet`) are dialogs: a `<span
    /// class="modal_lexicon">` in a sentence opens one.
    static func namesADialog(_ words: String) -> Bool {
        if consentList.occurs(in: words) { return true }
        guard dialogNames.contains(where: words.containsUTF8) || wholeDialogNames.contains(where: words.containsUTF8)
        else { return false }
        return words.split(separator: " ").contains { word in
            wholeDialogNames.contains { word == $0 }
                || dialogNames.contains { name in
                    word == name || word.hasPrefix(name + "-") || word.hasPrefix(name + "_") || word.hasSuffix("-" + name)
                        || word.hasSuffix("_" + name)
                }
        }
    }

    /// Whether class and id words name the section of readers' comments under a story, as blog and
    /// news systems name it (WordPress's `comments-area` and `comment-list`, Disqus's `disqus_thread`,
    /// an `id="comments"`), by a whole word: a story's `comment-body` or an opinion section's
    /// `commentisfree` is none.
    static func namesCommentSection(_ words: String) -> Bool {
        guard words.containsUTF8("comment") || words.containsUTF8("disqus") else { return false }
        return words.split(separator: " ").contains { commentSectionWords.contains(String($0)) }
    }

    static let commentSectionWords: Set<String> = [
        "comments", "commentlist", "comment-list", "comments-list", "comments-area", "comments-section",
        "comment-section", "comments-container", "comment-respond", "disqus_thread",
    ]

    /// Whether an element is page furniture by its tag, role (unless `byRole` is false), visibility or
    /// class and id words.
    static func isFurniture(
        _ node: HTMLDocument.Node, hints words: String, unlikely useUnlikely: Bool = true, byRole: Bool = true
    ) -> Bool {
        if node.isText { return false }
        if furnitureTagSet.contains(node) { return true }
        if node[.hidden] != nil && !isStreamedSegment(node) || node[.ariaHidden]?.lowercased() == "true" { return true }
        if let style = node[.style], style.lowercasedHasBytes("display:none") || style.lowercasedHasBytes("display: none")
            || style.lowercasedHasBytes("visibility:hidden")
        {
            return true
        }
        if let property = node[.itemprop]?.lowercased(),
            property == "author" || property == "creator" || property == "datepublished" || property == "datemodified"
        {
            return true
        }
        if keptByName(node) { return false }
        if byRole, let role = node[.role]?.lowercased(), furnitureRoles.contains(role) { return true }
        if words.isEmpty || isEmbeddedPost(node) { return false }
        return isFurnitureByWords(words, unlikely: useUnlikely)
    }

    /// Whether a hidden element is a part of the page a server streamed after the rest (React's
    /// `<div hidden id="S:1a">`, which the page's script moves into its place once it arrives): what
    /// a reader sees, often the whole story, where a parser that runs no scripts finds it hidden.
    static func isStreamedSegment(_ node: HTMLDocument.Node) -> Bool {
        guard node.isTag(GUMBO_TAG_DIV), let id = node[.id], id.utf8.count > 2, id.hasPrefix("S:") else { return false }
        return id.utf8.dropFirst(2).allSatisfy { $0 >= 0x30 && $0 <= 0x39 || $0 >= 0x61 && $0 <= 0x7A }
    }

    /// Elements whose class words never make them furniture.
    static func keptByName(_ node: HTMLDocument.Node) -> Bool {
        keptTagSet.contains(node)
    }

    static let keptTagSet = HTMLDocument.TagSet(["html", "body", "main", "article", "p", "a"])

    /// Elements that run inside a line of text.
    static let inlineTagSet = HTMLDocument.TagSet(["span", "strong", "b", "em", "i"])

    /// Whether class and id words (lower-cased) say furniture.
    static func isFurnitureByWords(_ words: String, unlikely useUnlikely: Bool) -> Bool {
        if furnitureWordList.occurs(in: words), !namesAPost(words) || furnitureWordList.occurs(in: withoutTaxonomy(words)) { return true }
        // Blogger's posts widget (`widget Blog`, beside `widget BlogArchive` and the other widgets of
        // its sidebar) holds the page's posts.
        if words.containsUTF8("widget"), words.split(separator: " ").contains("blog") { return false }
        if useUnlikely, unlikelyList.occurs(in: words), !contentHintList.occurs(in: words) {
            return true
        }
        return false
    }

    /// Class words that name a post or an entry as a whole (WordPress's `post type-post hentry`,
    /// TypePad's `entry`): on such an element, words made from the post's author, categories and tags
    /// (`entry-author-aws_evangelist`, `category-social-media`, `tag-newsletter`) say nothing of
    /// furniture; its other words still do (`<div class="post" id="author">`).
    static let postWords: Set<Substring> = ["entry", "hentry", "post", "type-post", "h-entry"]

    /// Openings of the class words a blog engine makes from a post's author, categories and tags.
    static let taxonomyPrefixes = ["category-", "tag-", "entry-category-", "entry-author-", "entry-tag-", "post_tag-", "format-", "status-"]

    /// Whether one of the words is, whole, a `postWords` word.
    static func namesAPost(_ words: String) -> Bool {
        words.split(separator: " ").contains { postWords.contains($0) }
    }

    /// The words without those a blog engine makes from a post's author, categories and tags.
    static func withoutTaxonomy(_ words: String) -> String {
        words.split(separator: " ").filter { word in !taxonomyPrefixes.contains { word.hasPrefix($0) } }.joined(separator: " ")
    }

    /// The lower-cased class and id of an element (empty when it has neither), a space between them.
    /// Every word looked for in them is written without a space, so an element with only one of them
    /// has it alone, as written when it is lower-case ASCII (no new string).
    static func hints(_ node: HTMLDocument.Node) -> String {
        let c = node[.class] ?? ""
        let i = node[.id] ?? ""
        if c.isEmpty && i.isEmpty { return "" }
        if i.isEmpty, c.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return c }
        if c.isEmpty, i.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return i }
        guard c.utf8.allSatisfy({ $0 < 0x80 }), i.utf8.allSatisfy({ $0 < 0x80 }) else { return (c + " " + i).lowercased() }
        // ASCII (nearly always): lower-cased byte by byte into one new string.
        return String(unsafeUninitializedCapacity: c.utf8.count + 1 + i.utf8.count) { buffer in
            var k = 0
            for b in c.utf8 {
                buffer[k] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                k += 1
            }
            buffer[k] = 0x20
            k += 1
            for b in i.utf8 {
                buffer[k] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                k += 1
            }
            return k
        }
    }

    /// A blog post's class words without the slugs of its categories and tags (WordPress writes
    /// `post type-post status-publish hentry category-social-media tag-sharing`): a post filed under
    /// social media is no share bar.
    static func withoutTermSlugs(_ hints: String) -> String {
        // The slugs first: most elements have none, and then one or two searches settle it.
        guard hints.containsUTF8("tag-") || hints.containsUTF8("category-"),
            hints.containsUTF8("hentry") || hints.containsUTF8("status-publish") || hints.containsUTF8("type-post")
        else { return hints }
        return hints.split(separator: " ").filter { !$0.hasPrefix("category-") && !$0.hasPrefix("tag-") }.joined(separator: " ")
    }

    /// A tweet, Truth Social, Telegram, Instagram or Bluesky embed.
    static func isEmbeddedPost(_ node: HTMLDocument.Node) -> Bool {
        guard node.isTag(GUMBO_TAG_BLOCKQUOTE) || node.isTag(GUMBO_TAG_DIV) || node.isTag(GUMBO_TAG_FIGURE) else { return false }
        guard let words = node[.class] else { return false }
        return embedWords.occurs(inLowercased: words)
    }

    /// The most text an embedded post holds (an Instagram caption's 2,200 characters and the card).
    static let longestPost = 3000

    static let embedWords = WordList([
        "twitter-tweet", "truth-embed", "truthsocial", "telegram-post", "instagram-media", "bluesky-embed",
        "tiktok-embed", "mastodon-embed", "threads-embed", "x-post",
    ])
}
