import NewsCore
import Testing

@testable import NewsHTML

/// Headlines and bylines as news sites print them: titles written without spaces, an article's own
/// `<header>`, bylines whose parts are separate elements, stated names that are no person's.
@Suite struct PrintedFieldsTests {
    /// A button in the author's box (`<button class="followAuthorBtn">Folgen</button>`, "follow";
    /// `Suivre`) is a control: its text names no one, and the name printed beside it is the byline.
    @Test func aButtonToFollowTheAuthorIsNoByline() throws {
        let alone = try read(
            """
            <html><body><article><h1>Ferry service resumes</h1>\(story)            <div class="followContainer"><button class="followAuthorBtn">Suivre</button></div></article></body></html>
            """)
        #expect(alone.authors.isEmpty)
        let named = try read(
            """
            <html><body><article><h1>Ferry service resumes</h1>            <button class="followAuthorBtn">Folgen</button><span class="author-name">Anna Berger</span>\(story)            </article></body></html>
            """)
        #expect(named.authors == ["Anna Berger"])
    }

    @Test func siteNameCutFromATitleWrittenWithoutSpaces() throws {
        let article = try read(
            """
            <html lang="ja"><head><title>x</title>
            <meta property="og:title" content="消費増税の軽減税率は高所得者ほどお得と総務省が認める | BUZZAP！（バザップ！）">
            <meta property="og:site_name" content="BUZZAP！（バザップ！）">
            </head><body><article>\(story)</article></body></html>
            """)
        #expect(article.title == "消費増税の軽減税率は高所得者ほどお得と総務省が認める")
    }

    @Test func sectionAndSiteCutAfterUnderscoresAndASpacedColon() throws {
        let underscores = try read(
            """
            <html><head><title>这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报</title></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(underscores.title == "这个约会软件，想用你和对方的相似好恶来帮你找对象")
        // ` : ` once is French typography in spaced text, a separator in text without spaces.
        let colon = try read(
            """
            <html><head><meta property="og:title" content="バルセロナ、マンＵに先勝…ＣＬ準々決勝第１戦 : スポーツ"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(colon.title == "バルセロナ、マンＵに先勝…ＣＬ準々決勝第１戦")
        let french = try read(
            """
            <html><head><meta property="og:title" content="Affaire KPMG : un juge se récuse"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(french.title == "Affaire KPMG : un juge se récuse")
    }

    @Test func siteAfterAFullWidthColonOnlyWhenItIsTheSite() throws {
        let site = try read(
            """
            <html><head><meta property="og:title" content="メディア芸術祭賞、「チコちゃんに叱られる！」が受賞：朝日新聞デジタル">
            <meta property="og:site_name" content="朝日新聞デジタル"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(site.title == "メディア芸術祭賞、「チコちゃんに叱られる！」が受賞")
        // The same colon inside a headline stays.
        let inside = try read(
            """
            <html><head><meta property="og:title" content="Intel NUCで最新SSDを比較してみた：さらば平成、さらば水冷、いくぜNUC">
            <meta property="og:site_name" content="ITmedia"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(inside.title == "Intel NUCで最新SSDを比較してみた：さらば平成、さらば水冷、いくぜNUC")
    }

    @Test func aShortHeadlineLosesOnlyTheSitesOwnName() throws {
        let named = try read(
            """
            <html><head><meta property="og:title" content="atg 1700 - Pastebin.com">
            <meta property="og:site_name" content="Pastebin"></head><body><article>\(story)</article></body></html>
            """)
        #expect(named.title == "atg 1700")
        // Without the site's name stated, two words and a short part are left as they are.
        let unnamed = try read(
            """
            <html><head><meta property="og:title" content="Purple Rain - Prince Lyrics"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(unnamed.title == "Purple Rain - Prince Lyrics")
    }

    @Test func headingInTheArticlesOwnHeaderMatchesTheStatedTitle() throws {
        let article = try read(
            """
            <html><head><meta property="og:title" content="Suspect Is Arrested in Manhattan and New Jersey Bombings (Published 2016)">
            </head><body><header><h1>The Daily Paper</h1></header>
            <main><article><header><div><h1>Suspect Is Arrested in Manhattan and New Jersey Bombings</h1></div></header>
            \(story)</article></main></body></html>
            """)
        #expect(article.title == "Suspect Is Arrested in Manhattan and New Jersey Bombings")
        // A masthead's `<h1>` outside the article is no headline.
        let masthead = try read(
            """
            <html><head><meta property="og:title" content="The Daily Paper Reports (Published 2016) on talks">
            </head><body><header><h1>The Daily Paper Reports</h1></header>
            <article>\(story)</article></body></html>
            """)
        #expect(masthead.title == "The Daily Paper Reports (Published 2016) on talks")
    }

    @Test func headingDateAfterAWordOfTheSentenceStays() {
        #expect(MainContent.withoutTrailingDate("Protokoll der Vorstandssitzung vom 10. Oktober 2019") == "Protokoll der Vorstandssitzung vom 10. Oktober 2019")
        #expect(MainContent.withoutTrailingDate("Fishing Masters Show in Rostock im Mai 2022") == "Fishing Masters Show in Rostock im Mai 2022")
        #expect(MainContent.withoutTrailingDate("Wurz joins Honda as test driver Thursday, 10, January, 2008, 09:14") == "Wurz joins Honda as test driver")
    }

    @Test func bylinePartsInElementsOfTheirOwn() throws {
        let article = try read(
            """
            <html><head><title>Houston hires a new head coach for the season</title></head><body>
            <div class="byline"><span>By</span><a href="/u/1">Travis Haney</a><span class="role">Staff</span></div>
            <article>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Travis Haney"])
    }

    @Test func statedNamesThatAreNoPersonsLeaveTheBylineToThePage() throws {
        let article = try read(
            """
            <html><head><title>What is the hold-up at the launch site this year</title>
            <meta name="author" content="NBCNews"></head><body>
            <div class="article-inline-byline">By <span class="byline-name">Alyssa Newcomb</span></div>
            <article>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Alyssa Newcomb"])
    }

    @Test func namesWithoutTheLinksAndDatesRunOnToThem() {
        #expect(MainContent.tidyName("Rebecca Hersher Twitter") == "Rebecca Hersher")
        #expect(MainContent.tidyName("Laura Beck View Profile") == "Laura Beck")
        #expect(MainContent.tidyName("Paul Smith December") == "Paul Smith")
        #expect(MainContent.tidyName("Jennifer Rubin Jennifer Rubin") == "Jennifer Rubin")
        // Months people are named after stay.
        #expect(MainContent.tidyName("Theresa May") == "Theresa May")
        #expect(MainContent.tidyName("Kate June") == "Kate June")
        #expect(MainContent.isAccountLinks("Login Register Log-out"))
        #expect(!MainContent.isAccountLinks("Maria Lopez"))
    }

    @Test func bylinesOpenedInOtherLanguages() {
        #expect(PageMetadata.bylineNames("Veröffentlicht von Chris Jung") == ["Chris Jung"])
        #expect(PageMetadata.bylineNames("Publié par Marie Dupont") == ["Marie Dupont"])
        #expect(PageMetadata.bylineNames("Eingestellt von Gàbor Muniér") == ["Gàbor Muniér"])
        #expect(PageMetadata.bylineNames("Author: Anna Kubišta") == ["Anna Kubišta"])
        // A byline's element that credits an interview names its author.
        #expect(PageMetadata.bylineNames("Interview: Julia Lauter") == ["Julia Lauter"])
        #expect(PageMetadata.bylineNames("Interview von Julia Lauter") == ["Julia Lauter"])
    }

    @Test func wordsOfTextWrittenWithoutSpaces() {
        #expect(MainContent.wordsIn("Leaders meet in Geneva") == 4)
        #expect(MainContent.wordsIn("朝日新聞デジタル") == 2)
        #expect(MainContent.wordsIn("消費増税の軽減税率は高所得者ほどお得と総務省が認める") == 8)
        #expect(MainContent.isUnspaced("バルセロナ、マンＵに先勝 : スポーツ"))
        #expect(!MainContent.isUnspaced("Affaire KPMG : un juge se récuse"))
    }

    @Test func everyAuthorOfAScholarlyPageAndOpenGraphsArticleAuthor() throws {
        let paper = try read(
            """
            <html><head><title>Sub-nucleosomal organization in urine cell-free DNA</title>
            <meta name="citation_author" content="Havell Markus">
            <meta name="citation_author_institution" content="Translational Genomics Research Institute">
            <meta name="citation_author" content="Jun Zhao"><meta name="citation_author" content="Tania Contente-Cuomo">
            </head><body><article>\(story)</article></body></html>
            """)
        #expect(paper.authors == ["Havell Markus", "Jun Zhao", "Tania Contente-Cuomo"])
        let article = try read(
            """
            <html><head><title>Brexit talks resume in Brussels this week</title>
            <meta property="og:article:author" content="Cécile Ducourtieux"></head>
            <body><article>\(story)</article><aside><span class="author">Raphaël Melka</span></aside></body></html>
            """)
        #expect(article.authors == ["Cécile Ducourtieux"])
    }

    /// A page's date in a language whose month names came with the text reader's, or with the
    /// words between day, month and year that Spanish, Portuguese and Catalan print.
    @Test func datesWithMoreLanguagesMonthNames() throws {
        #expect(DateText.find(in: "10. marts 2020") == "2020-03-10")
        #expect(DateText.find(in: "23 de marzo de 2020") == "2020-03-23")
        #expect(DateText.find(in: "23 d'abril de 2020") == "2020-04-23")
        #expect(DateText.find(in: "5 de outubro de 2021, 10:20") == "2021-10-05")
        #expect(DateText.find(in: "2020. március 23.") == "2020-03-23")
        #expect(DateText.find(in: "23 Mart 2020") == "2020-03-23")
        #expect(DateText.find(in: "de 2020") == nil)
        let article = try read(
            """
            <html lang="da"><head><title>Byrådet vedtager budgettet efter lang debat</title></head><body>
            <p class="date">Danmark - 10. marts 2020 kl. 20:00</p><article>\(story)</article></body></html>
            """)
        #expect(article.published?.hasPrefix("2020-03-10") == true)
    }

    @Test func datesWrittenWithTheirUnits() throws {
        #expect(DateText.find(in: "» 2019年02月22日 14時30分 公開") == "2019-02-22")
        #expect(DateText.find(in: "2019년 4월 21일 12:00") == "2019-04-21")
        #expect(DateText.find(in: "2019年13月40日") == nil)
        let article = try read(
            """
            <html lang="ja"><head><title>普通に使える手のひらサイズの超小型スマホの実機チェック</title></head><body>
            <p class="date">2019年04月21日 12時00分更新</p><article>\(story)</article></body></html>
            """)
        #expect(article.published == "2019-04-21")
    }

    @Test func statedOutletGivesWayToThePrintedByline() throws {
        let article = try read(
            """
            <html><head><title>Lady Gaga shares a photo with her mother at the party</title>
            <meta property="og:site_name" content="Us Weekly"><meta name="author" content="Us Weekly Staff"></head><body>
            <div class="byline">By <a href="/a/megan">Megan French</a></div><article>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Megan French"])
        // A personal site named after its author keeps the name its byline prints.
        let blog = try read(
            """
            <html><head><title>Leadership lessons from a long career in teaching</title>
            <meta property="og:site_name" content="George Ambler"></head><body>
            <div class="byline">By George Ambler</div><article>\(story)</article></body></html>
            """)
        #expect(blog.authors == ["George Ambler"])
    }

    @Test func aBylineOfOneNameAndNotAnAgencysCapitals() throws {
        let blog = try read(
            """
            <html><head><title>Laufen im Winter: von bäh zu yeah in zwölf Monaten</title></head><body>
            <span class="author vcard">Heiko</span><article>\(story)</article></body></html>
            """)
        #expect(blog.authors == ["Heiko"])
        let agency = try read(
            """
            <html><head><title>Talks resume in Geneva after a year of silence</title></head><body>
            <span class="author">AFP</span><article>\(story)</article></body></html>
            """)
        #expect(agency.authors.isEmpty)
        #expect(MainContent.singleName("admin") == nil)
        #expect(MainContent.singleName("happyface313") == "happyface313")
        #expect(MainContent.singleName("深海") == "深海")
    }

    @Test func namesWithoutTheirOpeningAndRole() {
        #expect(MainContent.tidyName("Von Vanessa Franke") == "Vanessa Franke")
        #expect(MainContent.tidyName("Erstellt von Andri Bryner") == "Andri Bryner")
        #expect(MainContent.tidyName("Christoph Hein Chefredakteur") == "Christoph Hein")
        #expect(MainContent.tidyName("Über Creeny") == "Creeny")
        #expect(MainContent.tidyName("Johanna Kropfitsch Alle Artikel") == "Johanna Kropfitsch")
        #expect(MainContent.isAccountLinks("Gesponserte Inhalte"))
        #expect(MainContent.singleName("Alle") == nil)
    }

    @Test func theOutletBesideItsPeopleIsNoAuthor() throws {
        let article = try read(
            """
            <html><head><title>New car sales rise for the third month in a row</title>
            <meta property="og:site_name" content="El Deber">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"New car sales rise for the third month in a row",
             "author":[{"@type":"Person","name":"Ariel Melgar Cabrera"},{"@type":"Person","name":"EL Deber"}]}</script>
            </head><body><article>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Ariel Melgar Cabrera"])
    }

    @Test func authorLinksOfTheTeasersBelowAreNotCoAuthors() throws {
        let writers = ["Emma Whitford", "Daniel Parra", "Jeanmarie Evelly", "Brian Cunningham"]
        let teasers = writers.map { "<li><a href='/p'>Another story about the city and its housing</a> <p>An excerpt of that story, with a line or two of its text.</p> <a rel='author' href='/u'>\($0)</a></li>" }
        let more = String(repeating: "<p>The agency said repairs would be made, and tenants said they had heard that before.</p>", count: 40)
        let article = try read(
            """
            <html><head><title>Tenants wait months for repairs in public housing</title></head><body>
            <p>By <a rel="author" href="/u/t">Tatyana Turner</a> and <a rel="author" href="/u/c">Claire Stottlemyer</a></p>
            <article>\(story)\(more)</article><ul class="more">\(teasers.joined())</ul></body></html>
            """)
        #expect(article.authors == ["Tatyana Turner", "Claire Stottlemyer"])
    }

    /// A stated author that only names the outlet (`Badische Zeitung`, the site's name), with no
    /// byline in the markup to replace it, gives way to the name the page prints under its headline
    /// over the date, as the text reader finds it in the rendered page; a page that prints no such
    /// name keeps the stated one.
    @Test(arguments: [("<div>Lisa Petrich</div>", ["Lisa Petrich"]), ("", ["Badische Zeitung"])])
    func outletStatedAsAuthorGivesWayToThePrintedName(byline: String, expected: [String]) throws {
        let menu = ["Startseite", "Freiburg", "Lörrach", "Emmendingen", "Offenburg", "Lahr", "Sport", "SC Freiburg", "Kultur",
            "Wirtschaft", "Panorama", "Ausland", "Meinung", "Bilder", "Videos", "Podcasts", "Veranstaltungen", "Abo", "E-Paper"]
        let teasers = ["Neue Radwege in der Innenstadt", "Weihnachtsmarkt öffnet am Donnerstag", "SC Freiburg gewinnt in Bochum",
            "Gemeinderat streitet über Haushalt", "Uniklinik sucht Pflegekräfte"]
        let links = { (items: [String]) in items.map { "<li><a href=\"/\($0.count)\">\($0)</a></li>" }.joined() }
        let article = try read(
            """
            <html lang="de"><head><title>Wohnungssuche in Freiburg wird schwieriger - Badische Zeitung</title>
            <meta property="og:type" content="article"><meta property="og:site_name" content="Badische Zeitung">
            <meta name="author" content="Badische Zeitung">
            <meta property="article:published_time" content="2021-12-03T15:00:00+01:00"></head>
            <body><nav><ul>\(links(menu))</ul></nav><main><article>
            <h1>Wohnungssuche in Freiburg wird schwieriger</h1>\(byline)<div>Fr, 03. Dezember 2021 um 15:00 Uhr</div>
            <p>Wer in Freiburg eine Wohnung sucht, braucht Geduld: Auf jede freie Wohnung kommen inzwischen mehr als \
            hundert Bewerbungen, wie die Stadtverwaltung am Freitag mitteilte.</p>
            <p>Besonders schwer haben es Studierende und Familien mit Kindern. Die Mieten sind im vergangenen Jahr \
            erneut gestiegen, im Durchschnitt um mehr als sechs Prozent.</p>
            <p>Die Stadt will mit einem neuen Programm gegensteuern und in den kommenden Jahren mehrere tausend \
            Wohnungen bauen lassen, sagte der Oberbürgermeister.</p>
            </article></main><aside><h2>Meistgelesen</h2><ul>\(links(teasers))</ul></aside>
            <footer><p>© Badische Zeitung 2021</p></footer></body></html>
            """)
        #expect(article.authors == expected)
    }


    /// What templates state for no one (`No Author`), a role written as one word before the name
    /// (`FOCUS-Online-Experte`), and a label of the date block (`Datum:`) are no authors.
    @Test(arguments: [
        ("<meta name=\"author\" content=\"No Author\">", "", [String]()),
        ("<meta name=\"author\" content=\"FOCUS-Online-Experte Robin Tschöpe\">", "", ["Robin Tschöpe"]),
        ("", "<div class=\"authorDateBlock\"><span class=\"authorDateBlockLabel\">Datum:</span> 19.11.2021<br>"
            + "<span class=\"authorDateBlockLabel\">Autor:</span> Fritz Imhof<br></div>",
            ["Fritz Imhof"]),
    ])
    func templatesStandInsRolesAndLabelsAreNoNames(head: String, byline: String, expected: [String]) throws {
        // (The date block stands under the story, as on the page it was seen on.)
        let article = try read("<html><head>\(head)</head><body><article><h1>Talks in Geneva</h1>\(story)\(byline)</article></body></html>")
        #expect(article.authors == expected)
    }


    /// A link to the author's page on the site (`/about/editors/jon-fingas/`) names the author as
    /// `rel=author` does, and the links right beside it the co-authors; a columnist's link in a
    /// teaser further down does not, nor does a link whose text is a label (`Autoren`) or says
    /// `Alles von` before the name, nor a menu's link to the list of authors.
    @Test(arguments: [
        ("<div class=\"meta\"><a href=\"/about/editors/jon-fingas/\">Jon Fingas</a></div>", ["Jon Fingas"]),
        ("<p class=\"meta\"><a href=\"/autor/clara-loew\">Clara Löw</a>, <a href=\"/autor/klaus-jacob\">Klaus Jacob</a></p>",
            ["Clara Löw", "Klaus Jacob"]),
        ("<div class=\"meta\"><a href=\"/autoren/\">Autoren</a></div>", [String]()),
        ("<div class=\"meta\"><a href=\"/author/martin-junker\">Alles von Martin Junker</a></div>", ["Martin Junker"]),
        ("<div class=\"meta\"><a href=\"/about/editors/jon-fingas/\">Jon Fingas</a></div>"
            + "<ul><li><p>Teaser one</p><p>More text of the teaser</p><p>And more</p><p>And more</p><p>And more</p>"
            + "<a href=\"/author/jane-roe\">Jane Roe</a></li></ul>", ["Jon Fingas"]),
        ("<div class=\"meta\"><a href=\"/tag/jon-fingas/\">Jon Fingas</a></div>", [String]()),
        // A menu's link to the list of authors (`/author/`, `著者`) is no author's page.
        ("<ul class=\"tabs\"><li><a href=\"/author/\">著者</a></li></ul><div class=\"meta\"><a href=\"/author/jane-roe\">Jane Roe</a></div>",
            ["Jane Roe"]),
    ])
    func linkToTheAuthorsPageNamesTheAuthor(byline: String, expected: [String]) throws {
        let article = try read("<html><body><article><h1>Talks in Geneva</h1>\(byline)\(story)</article></body></html>")
        #expect(article.authors == expected)
    }


    /// A story signed under its last paragraph (`<p><b><i>Stefan Wasmer</i></b></p>`) names its
    /// author when nothing else does, and the signature is no paragraph of the story; a last line of
    /// capitalised words that is no person's (`Thank You Very Much`, `Mehr Zum Thema`) is neither.
    @Test(arguments: [
        ("<p><b><i>Stefan Wasmer</i></b></p>", ["Stefan Wasmer"]),
        ("<p><strong>Marina Mucha</strong></p>", ["Marina Mucha"]),
        ("<p>Thank You Very Much</p>", [String]()),
        ("<p>Mehr Zum Thema</p>", [String]()),
    ])
    func signatureUnderTheStory(signature: String, expected: [String]) throws {
        let article = try read("<html><body><article><h1>Talks in Geneva</h1>\(story)\(signature)</article></body></html>")
        #expect(article.authors == expected)
        if let name = expected.first { #expect(!article.body.contains(name)) }
    }

    /// A byline word and a name that opens with a known given name, anywhere on a page that states
    /// nothing (`<span class="hero__meta-label">von Alexander Rosenkranz</span>` in its header), is
    /// the author; not a name no given name opens (`By Topic`), one glued to a site's address, or a
    /// reader's in the comments.
    @Test(arguments: [
        (#"<div class="hero"><span class="hero__meta-label"> von Alexander Rosenkranz </span></div>"#, ["Alexander Rosenkranz"]),
        (#"<div class="hero"><span>By </span><a href="/people/7">Laura Clout</a></div>"#, ["Laura Clout"]),
        (#"<div class="hero"><span>By Topic Index</span></div>"#, [String]()),
        (#"<div class="hero"><span>By Joshua Tanzer Offoffoff.com</span></div>"#, [String]()),
        (#"<div class="comments"><p>by John Miller on Fri Feb 21, 2003</p></div>"#, [String]()),
    ])
    func bylineWithAKnownGivenNameAnywhere(byline: String, expected: [String]) throws {
        let article = try read("<html><body>\(byline)<div class=\"main\"><h1>Talks in Geneva</h1>\(story)</div></body></html>")
        #expect(article.authors == expected)
        // On a page that says it is an article, once its text's byline gave none.
        let stated = try read(
            """
            <html><head><meta property="og:type" content="article"></head><body><div class="main">\
            <h1>Talks in Geneva</h1>\(story)</div><div class="more">\(byline)</div></body></html>
            """)
        #expect(stated.authors == expected)
    }

    /// The count that spares making a long block's key never turns away a text whose key is the one
    /// asked for: each ASCII letter or digit is one byte of the key, whatever else the text holds.
    @Test func aKeyIsMadeOnlyWhenItMayMatch() {
        let texts = ["Council approves new harbour bridge", "COUNCIL approves, new harbour-bridge!", "Zoë Müller über die Brücke",
            "\u{212A}elvin sign in K", "İstanbul’da köprü", "日本語の見出し 2024", "", "---", "A 1 b 2"]
        for text in texts {
            let key = MainContent.key(text)
            #expect(MainContent.mayHaveKey(text, key), "\(text)")
            for other in texts where !MainContent.mayHaveKey(other, key) {
                #expect(MainContent.key(other) != key, "\(other) / \(text)")
            }
        }
        #expect(!MainContent.mayHaveKey(String(repeating: "A long paragraph of the story. ", count: 20), MainContent.key("A short headline")))
    }
}
