import Testing
@testable import NewsCore

@Suite struct ExtractionTests {
    @Test(arguments: [
        ("By James Matthews, US correspondent", ["James Matthews"]),
        ("By Wei Park", ["Wei Park"]),
        ("By Anna Schmidt and Tom Jones", ["Anna Schmidt", "Tom Jones"]),
        ("By Henrik Park, economics editor", ["Henrik Park"]),
        ("By Jane Doe, Reuters", ["Jane Doe"]),
        ("By JOHN SMITH", ["John Smith"]),
        // Capitals' AND, an outlet and a role printed around the names without commas.
        ("BY ANNA SCHMIDT AND TOM JONES", ["Anna Schmidt", "Tom Jones"]),
        ("By Tom Jones And AP", ["Tom Jones"]),
        ("By WEI PARK AP Sports Writer", ["Wei Park"]),
        ("By Henrik Park Reuters", ["Henrik Park"]),
        ("By CNN Political Reporter Anna Schmidt", ["Anna Schmidt"]),
        ("By NBC News' Tom Jones and Wei Park", ["Tom Jones", "Wei Park"]),
        ("By Henrik Park International Editor", ["Henrik Park"]),
        ("By Wei Park Mumbai correspondent", ["Wei Park"]),
        ("By Anna Schmidt and Tom Jones for The Daily Courier", ["Anna Schmidt", "Tom Jones"]),
    ])
    func bylines(line: String, names: [String]) {
        #expect(Byline.parse(line) == names)
    }

    @Test(arguments: [
        "By now, the „peacemaker“ president will have learned.", "By Friday, talks ended.", "By Reuters",
        // Desks, guests and teams are nobody's names.
        "By Guest Author", "By Herald Reporter", "By PA Sport", "By Courier Staff Report", "By the Photos Team",
        "By CNN Political Producer",
    ])
    func notBylines(line: String) {
        #expect(Byline.parse(line) == nil)
    }

    @Test(arguments: [
        "Please use Chrome browser for a more accessible video player",
        "Be the first to get Breaking News",
        "Install the Sky News app for free",
        "Read our roundup here",
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
        "Thomson Reuters",
        "DON'T MISS", "TRENDING:", "Related Tags", "Like this story? Share it with a friend!", "Filed under:",
        "Leggi anche", "Lesen Sie auch: Die Wahl in Bayern",
        // Headings of the blocks around a story, whole, with their punctuation and dashes.
        "Related Coverage", "Mehr zum Thema:", "- Anzeige -", "ANZEIGE", "Das könnte Sie auch interessieren!",
        "About the author...", "Tags :", "Veja Também:", "À lire aussi :", "Inne artykuły autora", "热门推荐",
        // An advertisement's label in other languages.
        "Iklan", "- Publicité -", "PUBLICIDAD", "Реклама", "広告", "REKLAM",
        // Buttons and links as lines of their own.
        "Reply", "[ Reply ]", "Antworten", "Tweet", "About", "More...", "Back to Top", "Permalink",
        "Sieh dir diesen Beitrag auf Instagram an",
        // A video player's states and an image's placeholder, as a page's text keeps them.
        "Video Loading", "Video Unavailable", "Click to playTap to play", "Placeholder image-2",
        // A form's trap for spam robots; a diagnostic the site's server printed into the page.
        "Leave this field empty if you're human:", "Wenn du ein Mensch bist, lasse das Feld leer:",
        "Bitte dieses Feld leer lassen",
        "Deprecated: Assigning the return value of new by reference is deprecated in /www/htdocs/wp-settings.php on line 520",
        "Warning: Use of undefined constant XMLRPC_REQUEST - assumed 'XMLRPC_REQUEST' (this will throw an Error in a "
            + "future version of PHP) in /homepages/39/htdocs/wp-content/languages/de_DE.php on line 46",
        "Strict Standards: Only variables should be passed by reference in /www/htdocs/wp-includes/wp-db.php on line 785.",
        // A blog engine's comment form and the line under a post.
        "Your email address will not be published. Required fields are marked *",
        "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback "
            + "from your own site.",
        #"You may use these HTML tags and attributes: <a href="" title=""> <abbr title=""> <b> <blockquote cite=""> <em>"#,
        "Notify me of follow-up comments by email.", "Save my name, email, and website in this browser for the next time I comment.",
        // A newspaper's print-edition note; a page's tools and the headings of its lists.
        "A version of this article appeared July 24, 2012, on page A2 in the U.S. edition of The Wall Street Journal.",
        "Posted in: Fantasy | Tagged", "Text Size", "Ads by Google", "MOST POPULAR", "Related Links", "Have Your Say",
        "This entry was posted on Monday, October 15th, 2012 at 4:48 pm and posted in Life.",
        "As a final step before posting your comment, enter the letters and numbers you see in the image below.",
        "Your comment has been saved. Comments are moderated and will not appear until approved by the author.",
        "TrackBack URL for this entry:", "Mail (will not be published) (required)", "Article continues below",
        "More ...", "Uncategorized",
        "This copy is for your personal, non-commercial use only. Distribution and use of this material are governed",
        // A post's footer, under each post or comment of a blog's page.
        "October 31, 2012, | Permalink", "Posted by Seth Godin on July 05, 2012 | Permalink",
        "Tuesday December 26, 2006 | permalink | comments (0)",
        "1 Comment » | Published in Architecture, Preserving Modern Architecture | 1 Comment",
        "The comments to this entry are closed.", "0 comments:", "12 comments:",
        // A video player's notice and an embed's consent box, in a story's midst.
        "To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video",
        "Empfohlener redaktioneller Inhalt", "Externer Inhalt",
        "An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.",
        "An dieser Stelle finden Sie einen von unseren Redakteuren ausgewählten, externen Inhalt, der den Artikel für Sie "
            + "mit zusätzlichen Informationen anreichert. Sie können sich hier den externen Inhalt mit einem Klick anzeigen "
            + "lassen oder wieder ausblenden.",
        "Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.",
        "Personenbezogene Daten können an Drittplattformen übermittelt werden. Mehr dazu in unserer Datenschutzerklärung.",
        // How long the story takes to read, in several languages; Polish `read more`.
        "3 Min Lesezeit", "Lesedauer: 4 Min.", "1 minuti di lettura", "Temps de lecture : 3 min", "5 min read", "Czytaj więcej",
        // A video card's playing time; the consent box in an embed's place, with the third parties' terms.
        "Duration 1:30", "Duration 12:38",
        // An advertisement's break; a photo's link; a credit alone; a share bar's call; labels of
        // Japanese and French pages; a double-encoded no-break space alone on its line.
        "Story continues below advertisement", "Click photo to enlarge", "Getty", "Sharing is caring!", "[PR]",
        "identifiez-vous", "Â", "autoplay",
        // Wire services' and papers' notices under a story.
        "This material may not be published, broadcast, rewritten, or redistributed.",
        "To contact the reporter on this story: Don Jeffrey in New York at djeffrey1@bloomberg.net",
        "Copyright 2008 The Patriot Ledger", "Copyright and Trade Mark Notice",
        "Do you have a story to tell? Email: news@example.com", "Want to submit a story?",
        "If you have any news tips that you would like us to follow up on, contact us",
        "Please read our Terms and Conditions and Privacy Statement before using this site.",
        "Um eingebettete Inhalte anzuzeigen, ist deine widerrufliche Einwilligung in die Übermittlung und Verarbeitung von "
            + "personenbezogenen Daten notwendig, da die Anbieter der eingebetteten Inhalte als Drittanbieter diese Einwilligung "
            + "verlangen [In diesem Zusammenhang können auch Nutzungsprofile (u.a. auf Basis von Cookie-IDs) gebildet und "
            + "angereichert werden, auch außerhalb des EWR]. Indem du den Schalter auf „an“ stellst, stimmst du diesen (jederzeit "
            + "widerruflichen) Einwilligungen zu. Dies umfasst auch deine Einwilligung in die Übermittlung bestimmter "
            + "personenbezogener Daten in Drittländer, u.a. die USA, nach Art. 49 (1) (a) DSGVO. Mehr Informationen dazu findest "
            + "du hier. Du kannst deine Einwilligung jederzeit über den Schalter und über Privatsphäre am Seitenende widerrufen.",
    ])
    func debris(line: String) {
        #expect(Debris.isDebris(line))
    }

    /// Two stamps on one line, which the dateline reader does not read whole, date the article and
    /// are no text of it.
    @Test func twoStampsOnALine() throws {
        let text = """
            Old bridge to close to cars
            Published: January 10 2008 02:00 | Last updated: January 11 2008 03:00
            The city council voted on Tuesday to close the old bridge to cars from March, after engineers found cracks in two of its piers.
            Repairs are expected to take two years and cost about 40 million, twice the first estimate, according to the city's own report.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Old bridge to close to cars")
        #expect(article.published == "2008-01-10")
        #expect(article.updated == "2008-01-11")
        #expect(article.body.count == 2)
    }

    /// `isDebris` compares a line's first 48 characters with the listed openings: a longer opening
    /// would never match.
    @Test func debrisOpeningsFitTheComparedHead() {
        #expect(Debris.prefixes.allSatisfy { $0.count <= 48 })
    }

    @Test(arguments: [
        "Don't miss out on opportunities to sell to the many people now reading on their phones.",
        "Trending topics on the network were dominated by the vote.",
        "Anzeige erstattet", "Tags and labels", "Mehr zum Thema Klimaschutz lesen Sie morgen.",
        "About 300 people gathered in the square.", "Reply to the minister's letter was swift.",
        "Warning: storms are expected in /r/weather's city on line with the forecast",
        "Notice: the office in /Berlin is closed on line 5 of the timetable, the council said.",
        "Leave this field of work to the specialists, the minister said.",
        "Your email address, the bank said, will never be asked for by phone.",
        "Posted in Kabul, the soldiers said, the unit lost two men.", "The most popular names were Emma and Noah.",
        "This entry was never meant to be public, the diarist's son said.",
        "Apple | Microsoft | Google: comments on the quarter were mixed", "Permalink | The report the council published",
        "Three comments:",
        "An dieser Stelle finden Sie einen Überblick über die Ergebnisse der Wahl.",
        "Externer Inhalt ist für die Kommission kein Grund zur Sorge, sagte sie.",
        "Die Lesezeit sank auf 12 Minuten.",
        "Duration of compulsory education:", "Duration 90 minutes",
        "Story continues to unfold in the capital, police said on Friday evening.", "Getty Images bought the archive.",
        "Â la carte", "Autoplay videos annoy readers, a survey found.",
        "Copyright holders complained to the court on Friday.", "This material is what the engineers used.",
        "Um eingebettete Inhalte anzuzeigen, braucht der Browser keine Erweiterung, sagte der Entwickler.",
    ])
    func notDebris(line: String) {
        #expect(!Debris.isDebris(line))
    }

    /// A site's notices under a story: calls to follow it or subscribe, copyright and licence,
    /// the comment form's spam notice, a disclaimer, a notice to readers of old browsers, in several
    /// languages.
    @Test(arguments: [
        "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.",
        "• Follow @DJMatthewDalton on Twitter.",
        "Siguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas nuestras actualizaciones",
        "¡Mira lo que tiene nuestro canal de YouTube!",
        "Subscribe now to our eNATION edition for the full story.",
        "Nichts Neues verpassen! - Newsletter abonnieren", "SUSCRIBITE",
        "Unser täglicher Newsletter nd-Kompakt bringt Ordnung in den Nachrichtenwahnsinn.",
        "© 2022, BreakingBelizeNews.com. This article is the copyrighted property of Breaking Belize News.",
        "Copyright 2008 Associated Press. All rights reserved. This material may not be published.",
        "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.",
        "Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "We want to hear what you think about this article. Submit a letter to the editor.",
        "Advertising disclosure: We may receive compensation for some of the links in our stories.",
        "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled. While you will be able to "
            + "view the content of this page in your current browser, you will not be able to get the full visual experience.",
        "Please enable JavaScript to view the comments.",
        "Have your say on the latest news and sport in our Forums",
        "Tell us what you think...",
        "The BBC is not responsible for the content of external internet sites",
        "Comments are now closed on Letters of Note.",
        "Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu redaktoram!",
        "Нашли опечатку? Выделите текст и нажмите Ctrl + Enter",
        "Follow TechRadar on Google News and add us as a preferred source to get our expert news in your feeds.",
        "Folgst du schon 20 Minuten auf Whatsapp?",
        "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.",
        "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns mit einer Spende.",
    ])
    func promotion(line: String) {
        #expect(Promotions.isPromotion(line))
    }

    /// A story's own last sentences with the same words: a copyright dispute, a channel's
    /// subscribers, a newsletter remembered, a list of names with `assassine` in it, a draw streamed
    /// on a network, software's licence, a letter to the editor as a source.
    @Test(arguments: [
        "However, the band's manager says the band asked for the copyright of their catalogue to be returned.",
        "It was shot by a YouTube sensation, they of the 3.7 million subscribers and 736 million hits.",
        "Newsletter subscribers may remember my rave reviews of the software. Now Matthew wishes he had it installed.",
        "Collectif urgence notre police assassine, Union syndicale Solidaires, Grupo Apoyo Alfon",
        "Die Halbfinals werden am Montag ausgelost und können via den Instagram-Kanal live mitverfolgt werden.",
        "This isn’t supposed to be a manifesto™© we just think it’s pretty cool to share what we’ve learned.",
        "On Twitter, Williamson notes that he is often on the road. You can follow him there or on Facebook.",
        "The new version is licensed under the GPL, the developers said.",
        "Smith made the claim in a letter to the editor of the local paper published on Monday.",
        "The comet is best viewed in the hour before dawn, the observatory said.",
        "La suite est connue: le ministre a démissionné le lendemain.",
    ])
    func notAPromotion(line: String) {
        #expect(!Promotions.isPromotion(line))
    }

    /// A legal notice of any length that ends with the copyright notice and names a copyright or a
    /// trademark is a site's; a story's long paragraph that mentions its rights elsewhere, or ends
    /// so without naming a copyright or a trademark, is the story's.
    @Test func longLegalNoticeUnderAStory() {
        let marks = String(repeating: "NHL GameCenter Live, NHL Network, NHL Mobile name and logo, NHL Radio, ", count: 5)
        let notice = "NHL.com is the official web site of the National Hockey League. \(marks)are trademarks of the National "
            + "Hockey League. All NHL logos and marks depicted herein are the property of the NHL. © NHL 2012. All Rights Reserved."
        #expect(notice.utf8.count >= 400)
        #expect(Promotions.isPromotion(notice))
        let filler = String(repeating: "The league and the players met again on Monday to discuss the schedule. ", count: 5)
        let dispute = "The trademark dispute, in which the club said all rights reserved by its founders had passed to it, "
            + "went on for years. \(filler)A ruling is expected next month."
        #expect(dispute.utf8.count >= 400)
        #expect(!Promotions.isPromotion(dispute))
        #expect(!Promotions.isPromotion(filler + "The band said it had kept all rights reserved."))
    }

    /// Words are matched where a word starts, on the UTF-8 as written: after a space, a punctuation
    /// mark or at the start, not after a letter or a digit of any script (`désabonner`, `9subscribe`).
    @Test func wordsStartAfterNoLetterOrDigit() {
        #expect("follow us on twitter".hasWord(startingWith: "follow us"))
        #expect("please (follow us)".hasWord(startingWith: "follow us"))
        #expect(!"unfollow us".hasWord(startingWith: "follow us"))
        #expect("unfollow us, then follow us".hasWord(startingWith: "follow us"))
        #expect(!"désabonnez-vous".hasWord(startingWith: "abonnez"))
        #expect(!"日本subscribe".hasWord(startingWith: "subscribe"))
        #expect("—subscribe".hasWord(startingWith: "subscribe"))
        #expect(!"9subscribe".hasWord(startingWith: "subscribe"))
        #expect(!"".hasWord(startingWith: "subscribe"))
        #expect(!"sub".hasWord(startingWith: "subscribe"))
    }

    /// Diagnostics a site's server printed above its page are neither its window title (the first
    /// line the reader looks at) nor a line of its story; one further down is debris.
    @Test func serverDiagnosticsAboveAPageAreNoLines() throws {
        let warning = "Warning: Use of undefined constant XMLRPC_REQUEST - assumed 'XMLRPC_REQUEST' in /htdocs/wp-content/de_DE.php on line 46"
        let lines = [warning, warning, "", "Harbour reopens after the storm « Example Blog", "", "Home", warning]
        let classified = TextExtractor(lines: lines, metadata: Metadata(), aliases: .builtin).classify()
        #expect(classified.text.prefix(3).allSatisfy { $0.isEmpty })
        #expect(classified.text[3] == "Harbour reopens after the storm « Example Blog")
        #expect(classified.text[6] == warning && classified.roles[6] == .debris)
        let article = try #require(try TestSupport.article(lines.joined(separator: "\n") + "\nThe harbour reopened on Monday.\n"))
        #expect(!article.body.contains { $0.contains("XMLRPC_REQUEST") })
        #expect(article.title?.contains("XMLRPC") == false)
    }

    /// Only notices at the end count, four at most, and never a story's only line.
    @Test func promotionsCountFromTheEnd() {
        let story = ["The council approved the bridge on Monday after a debate of six hours, the mayor said."]
        let follow = "Follow The Example Times on Twitter and Facebook."
        let copyright = "© 2025 Example Media. All rights reserved."
        #expect(Promotions.trailing(story + [follow, copyright]) == 2)
        #expect(Promotions.trailing(story + [follow] + story) == 0)
        #expect(Promotions.trailing([copyright]) == 0)
        #expect(Promotions.trailing(story + Array(repeating: copyright, count: 6)) == 4)
    }

    @Test(arguments: [
        "FILE PHOTO: Trump and Putin at the G20 in Hamburg, July 7, 2017. REUTERS/Carlos Barria",
        "U.S. President Donald Trump in Osaka, Japan June 28, 2019. REUTERS/Kevin Lamarque/File Photo",
        "Protesters gather outside parliament. Photograph: Jane Doe/Getty Images",
        "Foto: Ingo Pertramer", "Bild: Imago", "Fotos: Berliner Feuerwehr", "Crédits photos : Bestimage",
    ])
    func captions(line: String) {
        #expect(Captions.isCaption(line))
    }

    @Test func captionsAndDebrisLeaveTheBody() throws {
        let text = """
            Leaders meet in Geneva
            Monday 19 May 2025 17:13, UK
            Please use Chrome browser for a more accessible video player
            By James Matthews, US correspondent
            By now, the talks have stalled.
            FILE PHOTO: Trump and Putin at the G20 in Hamburg, July 7, 2017. REUTERS/Carlos Barria
            How often have they spoken?
            They spoke again on 18 March.
            Be the first to get Breaking News
            Install the Sky News app for free
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Leaders meet in Geneva")
        #expect(article.published == "2025-05-19T16:13:00Z")
        #expect(article.authors == ["James Matthews"])
        // The subheading stays where the reader sees it, between the paragraphs, and is listed too.
        #expect(article.body == ["By now, the talks have stalled.", "How often have they spoken?", "They spoke again on 18 March."])
        #expect(article.subheadings == ["How often have they spoken?"])
        #expect(article.captions.count == 1)
        #expect(article.source == "Sky News")
    }

    /// Control characters in a line (`WWF\u{7} (2020)`, a DOS end-of-file mark alone on its line)
    /// print as nothing: they neither stay in the text nor make a line of their own.
    @Test func controlCharactersGo() throws {
        let text = """
            Report on land use
            The report counts the loss of farmland across the country over ten years.
            Sources: WWF\u{7} (2020):\u{7} Living Planet Report 2020, and the national survey.
            \u{1A}
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.body == [
            "The report counts the loss of farmland across the country over ten years.",
            "Sources: WWF (2020): Living Planet Report 2020, and the national survey.",
        ])
        #expect(TextExtractor.clean("a\u{0}b\u{8} c\u{1F}") == "ab c")
    }

    @Test func embeddedPosts() throws {
        let text = """
            Trump spoke to Putin for two hours on Monday. Talks will follow.
            “Just completed my two hour call.” –President Donald J. Trump pic.twitter.com/trznsLpKjF
            — The White House (@WhiteHouse) May 19, 2025
            The call ended without a ceasefire.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.embeddedPosts.count == 1)
        #expect(article.embeddedPosts.first?.author == "The White House")
        #expect(article.embeddedPosts.first?.handle == "WhiteHouse")
        #expect(article.embeddedPosts.first?.date == "May 19, 2025")
        #expect(article.embeddedPosts.first?.text.contains("pic.twitter.com") == true)
        #expect(!article.body.contains { $0.contains("pic.twitter.com") || $0.contains("@WhiteHouse") })
        #expect(article.published == nil)
    }

    @Test func summaryBlockGivesTitleAndLiveKind() throws {
        let text = "Summary\n- Talks are over\n- The call lasted two hours\n- Read our roundup here\nBody line one.\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Talks are over")
        #expect(article.summary == ["Talks are over", "The call lasted two hours"])
        #expect(article.kind == .live)
        #expect(article.body == ["Body line one."])
    }

    @Test(arguments: [
        ("Reuters", "Our Standards: The Thomson Reuters Trust Principles., opens new tab"),
        ("Sky News", "Install the Sky News app for free"),
        ("Al Jazeera", "Al Jazeera’s Yulia Shapovalova, reporting from Moscow, said little was agreed."),
    ])
    func sourceSignatures(outlet: String, line: String) throws {
        let article = try #require(try TestSupport.article("A headline\nSome body text.\n" + line + "\n"))
        #expect(article.source == outlet)
    }

    @Test(arguments: [
        "A White House official told Reuters the “call is ongoing,” with Putin in Sochi.",
        "Trump told Fox News last Friday that he would act.",
    ])
    func attributionsAreNotTheSource(line: String) throws {
        let article = try #require(try TestSupport.article("A headline\n" + line + "\n"))
        #expect(article.source == nil)
    }

    @Test func frontMatterWins() throws {
        let text = """
            ---
            title: "Explicit title"
            source: Example News
            url: https://example.com/a
            published: 2025-05-19T17:13:00+01:00
            authors:
              - Jane Doe
            ---
            Guessed headline
            Monday 20 May 2025 10:00, UK
            By John Smith
            Body text.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Explicit title")
        #expect(article.source == "Example News")
        #expect(article.url == "https://example.com/a")
        #expect(article.published == "2025-05-19T16:13:00Z")
        #expect(article.authors == ["Jane Doe"])
    }

    @Test func headerLinesAreMetadata() throws {
        let text = "Title: Header title\nSource: Example News\nAuthor: Jane Doe\n\nBody text here.\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Header title")
        #expect(article.source == "Example News")
        #expect(article.authors == ["Jane Doe"])
        #expect(article.body == ["Body text here."])
    }

    @Test func ledeWithoutHeadlineGivesFirstSentence() throws {
        let text = "U.S. President Donald Trump met Mr. Putin on Monday. The talks lasted two hours.\nMore text.\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "U.S. President Donald Trump met Mr. Putin on Monday.")
        #expect(article.body.first?.hasPrefix("U.S. President") == true)
    }

    @Test(arguments: [
        ("The weather was fine and the talks went on for hours in the city.", "en"),
        ("Der Präsident sagte, dass die Gespräche mit der Regierung nicht einfach sind und auch weitergehen.", "de"),
        ("Le président a dit que les discussions avec le gouvernement sont difficiles et qu'il est prêt.", "fr"),
        ("El presidente dijo que las conversaciones con el gobierno son difíciles y que está listo para más.", "es"),
        ("Il presidente ha detto che i colloqui con il governo sono difficili e che è pronto per questo.", "it"),
        ("De president zei dat de gesprekken met de regering niet eenvoudig zijn en dat hij er ook is.", "nl"),
        ("O presidente disse que as conversas com o governo são difíceis e que não está pronto para isso.", "pt"),
        ("Президент сказал, что переговоры с правительством это не просто и он уже готов.", "ru"),
        ("Президент заявив, що переговори з урядом це не просто і він вже готовий до цього.", "uk"),
    ])
    func languages(text: String, code: String) {
        #expect(LanguageDetector.detect([text]) == code)
    }

    @Test func contentHashIgnoresFormOnly() {
        let a = ContentHash.of(["He said “Hello”   world.", "Second  line"])
        let b = ContentHash.of(["he said \"hello\" world.", "second line"])
        let c = ContentHash.of(["He said \"Hello\" world. Second line", ""])
        #expect(a == b)
        #expect(a == c)
        #expect(a.count == 64)
        #expect(a != ContentHash.of(["Something else"]))
    }
}

/// App promotions that name no outlet once trapped the parser (`Download the app`): they must
/// parse, name no source, and leave the article intact.
@Suite struct AppPromotionTests {
    @Test(arguments: ["Download the app", "Get the App", "Install the app", "download the app now", "Get the app."])
    func promotionsWithoutAnOutletNameNone(line: String) throws {
        #expect(Signatures.source(in: line) == nil)
        let text = "Talks resume in Geneva\n\n\(line)\n\nDiplomats met on Monday to resume the talks that stalled last week.\n"
        let parser = try TestSupport.parse(Array(text.utf8))
        let articles = try parser.articles()
        #expect(articles.count == 1)
        #expect(articles.first?.title == "Talks resume in Geneva")
    }

    @Test func promotionWithAnOutletNamesIt() {
        #expect(Signatures.source(in: "Install the Sky News app for free") == "Sky News")
    }
}
