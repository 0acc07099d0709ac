import NewsCore
import Testing

@testable import NewsHTML

/// Reads a page written in the test and returns its one article.
func read(_ html: String) throws -> Article {
    let articles = try HTMLReader.articles(Array(html.utf8))
    try #require(articles.count == 1)
    return articles[0]
}

/// Three paragraphs of story text, long enough to be a page's main content.
let story = """
    <p>Diplomats from Ukraine and Russia met in Geneva on Monday, officials in Kyiv and Moscow said, \
    the first such meeting in more than a year.</p>
    <p>The talks, hosted by the Swiss government, lasted four hours and ended without a joint statement, \
    according to people familiar with the matter.</p>
    <p>A second round is planned for June, the Swiss foreign ministry said in a statement on Monday evening.</p>
    """

@Suite struct MetadataTests {
    /// A stated title whose closing quotation mark is missing runs over the page's script: the title is
    /// one line and of a headline's size, however long the value.
    @Test func aRunawayTitleIsOneLineOfAHeadlinesSize() throws {
        let script = (0..<400).map { "this.prop\($0) = 'section';" }.joined(separator: "\n ")
        let article = try read(
            """
            <html><head><meta name="title" content="Slammer for Rammer \(script)"></head><body><p>The team's new \
            goalie made thirty saves on Saturday night.</p></body></html>
            """)
        let title = try #require(article.title)
        #expect(title.count <= 300)
        #expect(title.hasPrefix("Slammer for Rammer this.prop0 = 'section'; this.prop1"))
        #expect(!title.contains("\n"))
    }

    @Test func jsonLDNewsArticle() throws {
        let article = try read(
            """
            <html lang="en"><head><title>Talks resume | Example News</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Leaders meet in Geneva as talks resume",
             "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Smith"},
                       {"@type":"Organization","name":"Example News"}],
             "datePublished":"2025-05-19T10:00:00+01:00","dateModified":"2025-05-20T12:30:00-04:00",
             "mainEntityOfPage":{"@id":"https://news.example.com/world/geneva-talks"},
             "publisher":{"@type":"Organization","name":"Example News"}}
            </script></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(article.title == "Leaders meet in Geneva as talks resume")
        #expect(article.authors == ["Jane Doe", "John Smith"])
        #expect(article.published == "2025-05-19T09:00:00Z")
        #expect(article.updated == "2025-05-20T16:30:00Z")
        #expect(article.url == "https://news.example.com/world/geneva-talks")
        #expect(article.source == "Example News")
        #expect(article.language == "en")
        #expect(article.body.count == 3)
    }

    @Test func jsonLDGraphAndTypeLists() throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example"},
              {"@type":["ReportageNewsArticle","NewsArticle"],"headline":"Floods close the border crossing",
               "author":{"@type":"Person","name":"Maria Lopez"},"datePublished":"2025-03-02"}]}
            </script></head><body><main>\(story)</main></body></html>
            """)
        #expect(article.title == "Floods close the border crossing")
        #expect(article.authors == ["Maria Lopez"])
        #expect(article.published == "2025-03-02")
    }

    /// A `@graph` whose article names its author and publisher by reference (`{"@id": …}`, as
    /// WordPress's SEO plug-ins write it): the `Person` and the `Organization` the references point
    /// at are read; a reference to an organisation names no author, and one that points at nothing
    /// in the script, or at the page (a `WebPage` with a name), names no one. A handle after a
    /// stated name goes, and so do initials in brackets; two names joined by `und` or `og` are two.
    @Test(arguments: [
        (#"{"@id":"https://blog.example.org/#/person/1"}"#, ["Doris Schuppe"]),
        (#"[{"@id":"https://blog.example.org/#/person/1"},{"@id":"https://blog.example.org/#/person/2"}]"#,
         ["Doris Schuppe", "Max Berger"]),
        (#"{"@id":"https://blog.example.org/#organization"}"#, []),
        (#"{"@id":"https://blog.example.org/#/person/9"}"#, []),
        (#"{"@id":"https://blog.example.org/2020/02/post/"}"#, []),
        (#"{"@type":"Person","name":"Williams Perdomo @wperdomod"}"#, ["Williams Perdomo"]),
        // Names joined by another language's `and`, an agency after them; the initials a paper signs
        // with after a name; a `y` inside one name.
        (#"{"@type":"Person","name":"Felix Schröder und Jörg Soldwisch, dpa"}"#, ["Felix Schröder", "Jörg Soldwisch"]),
        (#"{"@type":"Person","name":"Trine Juncher Jørgensen og Tôrtia Reimer-Johansen"}"#,
         ["Trine Juncher Jørgensen", "Tôrtia Reimer-Johansen"]),
        (#"[{"@type":"Person","name":"Elena Oberholzer (obe)"},{"@type":"Person","name":"Corina Gall (cog.)"}]"#,
         ["Elena Oberholzer", "Corina Gall"]),
        (#"{"@type":"Person","name":"José Ortega y Gasset"}"#, ["José Ortega y Gasset"]),
    ])
    func jsonLDReferencesByID(author: String, expected: [String]) throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"https://blog.example.org/#organization","name":"Beispiel Blog"},
              {"@type":"Article","@id":"https://blog.example.org/2020/02/post/#article","headline":"Floods close the border crossing",
               "author":\(author),"publisher":{"@id":"https://blog.example.org/#organization"},"datePublished":"2020-02-14"},
              {"@type":"Person","@id":"https://blog.example.org/#/person/1","name":"Doris Schuppe"},
              {"@type":"Person","@id":"https://blog.example.org/#/person/2","name":"Max Berger"},
              {"@type":"WebPage","@id":"https://blog.example.org/2020/02/post/","name":"Lena Hofmann"}]}
            </script></head><body><main>\(story)</main></body></html>
            """)
        #expect(article.title == "Floods close the border crossing")
        #expect(article.authors == expected)
        #expect(article.source == "Beispiel Blog")
    }

    @Test func jsonLDBeatsOpenGraph() throws {
        let article = try read(
            """
            <html><head>
            <meta property="og:title" content="OpenGraph headline that loses">
            <meta property="article:published_time" content="2020-01-01T00:00:00Z">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"JSON-LD headline wins",
              "datePublished":"2025-05-19T08:00:00Z"}</script>
            </head><body><article>\(story)</article></body></html>
            """)
        #expect(article.title == "JSON-LD headline wins")
        #expect(article.published == "2025-05-19T08:00:00Z")
    }

    @Test func openGraphAndArticleMeta() throws {
        let article = try read(
            """
            <html><head>
            <meta property="og:title" content="Central bank holds rates steady">
            <meta property="og:site_name" content="Example Times">
            <meta property="og:url" content="https://times.example.com/markets/rates">
            <link rel="canonical" href="https://times.example.com/markets/rates-canonical">
            <meta property="article:published_time" content="2025-06-01T14:30:00+02:00">
            <meta property="article:modified_time" content="2025-06-01T16:00:00+02:00">
            <meta name="author" content="Anna Berg">
            </head><body><article>\(story)</article></body></html>
            """)
        #expect(article.title == "Central bank holds rates steady")
        #expect(article.source == "Example Times")
        #expect(article.url == "https://times.example.com/markets/rates-canonical")
        #expect(article.published == "2025-06-01T12:30:00Z")
        #expect(article.updated == "2025-06-01T14:00:00Z")
        #expect(article.authors == ["Anna Berg"])
    }

    @Test func authorMetaThatIsAnAddressIsNotAName() throws {
        let article = try read(
            """
            <html><head><meta property="article:author" content="https://www.facebook.com/examplenews">
            <meta name="author" content="Tom Ward"></head><body><article>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Tom Ward"])
    }

    /// `article:author` naming the site, then `author` naming a person: the person, unless the
    /// page prints a byline of its own, which comes first.
    @Test(arguments: [("", ["Ernst Lohoff"]), ("<p class=\"byline\">By Anna Berg</p>", ["Anna Berg"])])
    func authorFieldAfterOneNamingTheSite(printed: String, authors: [String]) throws {
        let article = try read(
            """
            <html><head><meta name="author" content="Ernst Lohoff"><meta property="og:site_name" content="jungle.world">
            <meta property="article:author" content="jungle.world"></head>
            <body><article><h1>Das Phantom</h1>\(printed)\(story)</article></body></html>
            """)
        #expect(article.authors == authors)
    }

    /// A stated author that is an organisation by its name gives way to the person a byline names.
    @Test func organisationStatedAsAuthor() throws {
        let article = try read(
            """
            <html><head><meta name="author" content="Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF"></head>
            <body><article><h1>Holländerholzhandel</h1>\(story)<p class="author">Joachim Hamberger</p></article></body></html>
            """)
        #expect(article.authors == ["Joachim Hamberger"])
        #expect(MainContent.isOrganisation("Hanns-Seidel-Stiftung e.V."))
        #expect(MainContent.isOrganisation("Web Commerce GmbH www.w-commerce.de"))
        #expect(!MainContent.isOrganisation("Ursula Baatz"))
    }

    /// A person JSON-LD states by the parts of the name alone (`givenName`, `familyName`; Der
    /// Standard's), and a person with neither name nor parts, who names no one.
    @Test func authorsStatedByTheirNamesParts() throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Sind wir zu sanft?",
            "author":[{"@type":"Person","familyName":"Baumann","givenName":"Birgit"},
            {"@type":"Person","familyName":"Fink","givenName":"Anna Giulia"},{"@type":"Person"}]}</script></head>
            <body><article><h1>Sind wir zu sanft?</h1>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Birgit Baumann", "Anna Giulia Fink"])
    }

    /// A kind of piece and its author above the story is a byline, not the story's first paragraph,
    /// and names the author where the stated one is no person's name (`Nils`).
    @Test func pieceBylineAboveTheStory() throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"Article","headline":"Das Patriarchat",
            "author":{"@type":"Person","name":"Nils"}}</script></head>
            <body><article><h1>Das Patriarchat</h1><p><strong>Eine Kolumne von Nils Pickert</strong></p>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Nils Pickert"])
        #expect(article.body.first?.hasPrefix("Diplomats") == true)
    }

    /// The Twitter card's labelled author (`twitter:label1` = `Verfasst von`, as WordPress's Yoast
    /// SEO writes it) when the page prints no byline; a printed byline comes first, and the card's
    /// other labels (reading time) name no one.
    @Test func twitterCardAuthorUnderAWritersLabel() throws {
        let card = """
            <meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karoline Herr">
            <meta name="twitter:label2" content="Geschätzte Lesezeit"><meta name="twitter:data2" content="3 Minuten">
            """
        let page = { (head: String, byline: String) in
            "<html><head><title>Lost</title>\(head)</head><body><h1>Lost</h1>\(byline)<div class=\"body\">\(story)</div></body></html>"
        }
        #expect(try read(page(card, "")).authors == ["Karoline Herr"])
        #expect(try read(page(card, "<p class=\"byline\">By Duncan Bell</p>")).authors == ["Duncan Bell"])
        let readingTimeOnly = #"<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="Jane Miller">"#
        #expect(try read(page(readingTimeOnly, "")).authors == [])
    }

    /// A byline box whose lines are elements of their own: run together they read as no byline
    /// (`By Meg Wagner NEW YORK DAILY NEWS Dec. 16, 2016`), the line that is one names the author
    /// (on a page that does not say it is an article, so no whole-page reading fills the gap).
    @Test func bylineBoxOfLines() throws {
        let article = try read(
            """
            <html><head><title>Michelle Obama suggests America has lost hope</title></head><body>
            <h1>Michelle Obama suggests America has lost hope</h1>
            <div class="article_byline"><div>By <span>Meg Wagner</span></div><div class="flex flex_col">
            <div>NEW YORK DAILY NEWS</div><time>Dec. 16, 2016, 1:42 PM</time></div></div>
            <div class="body">\(story)</div></body></html>
            """)
        #expect(article.authors == ["Meg Wagner"])
    }

    /// A byline's label in an element of its own and the names after it, even below the story;
    /// a bare `By` heading is a menu's as often, and is not read so.
    @Test(arguments: [
        ("<h5 class=\"title-inline\">Autor: </h5>Peter Maahn/SP-X", ["Peter Maahn"]),
        ("<div><b>Written by</b></div><div>Jane Doe</div>", ["Jane Doe"]),
        // A space before the colon, as French typography writes it.
        ("<h5>Auteur :</h5><div>Peter Maahn</div>", ["Peter Maahn"]),
        ("<h5>By</h5><div>Topic Index</div>", []),
    ])
    func bylineLabelInAnElementOfItsOwn(box: String, authors: [String]) throws {
        let article = try read("<html><body><article><h1>Skoda</h1>\(story)<div class=\"meta\">\(box)</div></article></body></html>")
        #expect(article.authors == authors)
        #expect(!article.body.contains { $0.contains("Maahn") || $0.contains("Jane Doe") })
    }

    /// Above the story a byline whose name is a link is still a byline, and short lines before the
    /// story (`Quelle: dpa-AFX`) do not yet open it.
    @Test(arguments: [
        ("<div class=\"wrote_by\">By <a href=\"/reporters/jose-de-la-cruz\">Jose de la Cruz</a></div>", ["Jose de la Cruz"]),
        ("<p>Quelle: dpa-AFX</p><p>Von David Hutzler, dpa</p>", ["David Hutzler"]),
    ])
    func bylinesAboveTheStory(above: String, authors: [String]) throws {
        let article = try read("<html><body><article><h1>Die Jungen entdecken die Börse</h1>\(above)\(story)</article></body></html>")
        #expect(article.authors == authors)
        #expect(!article.body.contains { $0.contains("Hutzler") || $0.contains("Jose") })
    }

    /// With no byline found otherwise, a label saying who wrote it anywhere on the page, outside
    /// readers' comments, with the next text as the names (not the follow links beside them).
    @Test(arguments: [
        ("<footer><ul><li><span>Author: </span><span>Jacopo Cascioli</span></li></ul></footer>", ["Jacopo Cascioli"]),
        ("<div><h3>Author: <a href=\"/me\">Richard Darell</a><div><a>Friend Me</a> Connect</div></h3></div>", ["Richard Darell"]),
        ("<div class=\"comments\"><p><span>Author: </span><span>Some Reader</span></p></div>", []),
        ("<p><span>Posted by: </span><span>Some Reader</span></p>", []),
    ])
    func writerLabelAnywhere(footer: String, authors: [String]) throws {
        let article = try read("<html><body><article><h1>Performant Python</h1>\(story)</article>\(footer)</body></html>")
        #expect(article.authors == authors)
    }

    /// An author element's name before a short weekday and the day (`Heiko Sauer Do 9 Apr 2020`);
    /// a recent-comments widget's `comment-author-link` names a reader, not the author.
    @Test(arguments: [
        ("<div class=\"entry-meta pf-author\"><span class=\"author\"><a>Heiko Sauer</a></span><br><span>Do 9 Apr 2020</span></div>", ["Heiko Sauer"]),
        ("<ul id=\"recentcomments\"><li><span class=\"comment-author-link\">Peter Ulmer</span> bei <a>Tesla</a></li></ul>", []),
    ])
    func authorElements(element: String, authors: [String]) throws {
        let article = try read("<html><body><article><h1>Expertinnen in der Krise</h1>\(story)</article>\(element)</body></html>")
        #expect(article.authors == authors)
    }

    /// A kicker inside the `<h1>` (a subject line over the headline, by its class) is part of the
    /// headline when the title the page states is the two together (the page names its story with
    /// it, in search results and social cards as in the heading a screen reader reads), and not
    /// when it states the headline alone.
    @Test(arguments: [
        #"<h1 class="article-heading"><span class="article-heading__kicker">Klimaschutz</span><span class="visually-hidden">: </span><span class="article-heading__title">Bohren, bis es heiß wird</span></h1>"#,
        #"<header><h1><div class="topic-label">Klimaschutz</div> Bohren, bis es heiß wird</h1></header>"#,
    ])
    func kickerInTheHeadline(heading: String) throws {
        func title(head: String) throws -> String? {
            try read("<html><head>\(head)</head><body><article>\(heading)\(story)</article></body></html>").title
        }
        #expect(try title(head: #"<meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird">"#) == "Klimaschutz: Bohren, bis es heiß wird")
        #expect(try title(head: "<title>Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE</title>") == "Klimaschutz: Bohren, bis es heiß wird")
        #expect(try title(head: #"<meta property="og:title" content="Bohren, bis es heiß wird">"#) == "Bohren, bis es heiß wird")
    }

    /// An old page's headline (no `<title>`, no `<h1>`) in a cell named for it, with its stamp in a
    /// table set inside the same cell: the headline is the cell's own line, not the line run on into
    /// the stamp.
    @Test func aHeadlineCellHoldingItsStamp() throws {
        func page(_ cell: String) throws -> Article {
            try read(
                """
                <html><body><table><tr>\
                <td class="articalTitle">\(cell)<table><tr><td class="dates">Published: Wednesday, 2 January, 2008, \
                02:42 AM Doha Time</td></tr></table></td></tr><tr><td class="articalBody"><p>LONDON: Britain introduced a ban \
                on advertising junk food to under-16s on Tuesday, the last stage of rules that cover food high in fat, \
                salt or sugar.</p><p>The ban covers television channels and programmes made for children, the regulator \
                said, and campaigners called for it to reach the evening shows that children watch as well.</p>\
                </td></tr></table></body></html>
                """)
        }
        #expect(try page("Junk food advertising ban comes into force").title == "Junk food advertising ban comes into force")
    }

    /// JSON-LD wrapped as some publishers wrap scripts (`<![CDATA[ … ]]>`, `<!-- … -->`, with or
    /// without `//` before the marks) is read like bare JSON-LD.
    @Test(arguments: [("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"), ("<!--", "-->")])
    func wrappedJSONLD(open: String, close: String) throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">
            \(open)
            {"@context":{"@vocab":"http://schema.org"},"@type":"NewsArticle","headline":"Court halts the merger",
             "author":[{"@context":"https://schema.org/","@type":"Person","name":"Stella Kim"},
                       {"@context":"https://schema.org/","@type":"Person","name":"Jennifer Jett"}],
             "datePublished":"2024-12-03T16:00:00Z"}
            \(close)
            </script></head><body><article>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Stella Kim", "Jennifer Jett"])
        #expect(article.published == "2024-12-03T16:00:00Z")
    }

    /// A JSON-LD object whose `headline` is a description and whose `name` opens the page's
    /// `<title>` is titled by its name; a name that is the publisher's is the site, and the
    /// headline stays.
    @Test(arguments: [
        ("New Zealand - Wikipedia", "New Zealand", "Wikimedia Foundation, Inc.", "New Zealand"),
        ("West Ham keeps the giants waiting - Aktualne.cz", "Aktualne.cz", "Aktualne.cz", "West Ham keep the giants waiting"),
    ])
    func jsonLDNameOrHeadline(documentTitle: String, name: String, publisher: String, expected: String) throws {
        let headline = expected == name ? "constitutional monarchy in Oceania" : expected
        let article = try read(
            """
            <html><head><title>\(documentTitle)</title><script type="application/ld+json">
            {"@type":"Article","name":"\(name)","headline":"\(headline)",
             "publisher":{"@type":"Organization","name":"\(publisher)"}}
            </script></head><body><div>\(story)</div></body></html>
            """)
        #expect(article.title == expected)
    }

    /// An RDFa tag with several properties counts for each; meta tags naming different people are
    /// not merged: the first in order (Dublin Core's creator, then `author`) wins.
    @Test func metaAuthorsInOrderAndRDFaProperties() throws {
        let spaced = try read(
            """
            <html><head><meta property="dc:creator twitter:site_name" content="Creator Name">
            <meta name="author" content="Someone Else"></head><body><article>\(story)</article></body></html>
            """)
        #expect(spaced.authors == ["Creator Name"])
        let two = try read(
            """
            <html><head><meta name="author" content="Tom Ward"><meta name="parsely-author" content="Ann Lee">
            </head><body><article>\(story)</article></body></html>
            """)
        #expect(two.authors == ["Tom Ward"])
    }

    /// `Bradley M. Kuhn (http://ebb.org/bkuhn/)`: the address beside the name goes, the name stays.
    @Test func authorMetaWithAnAddressBesideTheName() throws {
        let article = try read(
            """
            <html><head><meta name="author" content="Bradley M. Kuhn (http://ebb.org/bkuhn/)"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Bradley M. Kuhn"])
    }

    @Test func microdata() throws {
        let article = try read(
            """
            <html><body><div itemscope itemtype="https://schema.org/NewsArticle">
            <h1 itemprop="headline">Storm knocks out power to thousands</h1>
            <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Lee Chan</span></span>
            <meta itemprop="datePublished" content="2025-02-10T07:15:00Z">
            <div itemprop="articleBody">\(story)</div></div></body></html>
            """)
        #expect(article.title == "Storm knocks out power to thousands")
        #expect(article.authors == ["Lee Chan"])
        #expect(article.published == "2025-02-10T07:15:00Z")
        #expect(article.body.count == 3)
    }

    @Test func timeElement() throws {
        let article = try read(
            """
            <html><head><title>Harvest begins early in the south</title></head><body><article>
            <h1>Harvest begins early in the south</h1>
            <time datetime="2024-08-14T06:00:00Z">14 August 2024</time>
            \(story)</article></body></html>
            """)
        #expect(article.published == "2024-08-14T06:00:00Z")
        #expect(article.title == "Harvest begins early in the south")
        #expect(!article.body.contains("14 August 2024"))
    }

    @Test func bylineAndDateLinesInThePage() throws {
        let article = try read(
            """
            <html><body><article><h1>Port strike enters its second week</h1>
            <p>By Sarah Jones and Ali Khan</p>
            <p>Published 3 March 2025 at 10:00 GMT</p>
            \(story)</article></body></html>
            """)
        #expect(article.authors == ["Sarah Jones", "Ali Khan"])
        #expect(article.published == "2025-03-03T10:00:00Z")
        #expect(article.body.first?.hasPrefix("Diplomats") == true)
    }

    /// A byline element with the date run on after the names keeps the names alone.
    @Test func bylineElementWithTheDateRunOn() throws {
        let article = try read(
            """
            <html><body><article><h1>Port strike enters its second week</h1>
            <div class="byline">By Nathan Willis
                March 25, 2015</div>
            \(story)</article></body></html>
            """)
        #expect(article.authors == ["Nathan Willis"])
    }

    /// A byline element that opens with decoration (`// posted by …`, Blogger's old template) or
    /// with the date before its byline (`10. marts 2020 kl. 20:00 Af …`): the names after the
    /// opening.
    @Test(arguments: [
        ("// posted by Nate Johnson&nbsp;@&nbsp;<a href=\"/2005/05/post.html\">10:30 AM</a>", ["Nate Johnson"]),
        ("Danmark - 10. marts 2020 kl. 20:00 Af Jens Hansen", ["Jens Hansen"]),
    ])
    func bylineElementWithTheOpeningAfterDecorationOrADate(byline: String, names: [String]) throws {
        let article = try read(
            """
            <html><body><article><h1>Port strike enters its second week</h1>
            <div class="byline">\(byline)</div>
            \(story)</article></body></html>
            """)
        #expect(article.authors == names)
    }

    /// Stated authors that are no person's name (a site's handle, initials) are dropped; a name
    /// with initials and one in a script written without spaces stay.
    @Test(arguments: [("folha", [String]()), ("CBSNews.com", []), ("J J", []), ("T. V. Raman", ["T. V. Raman"]), ("肖春芳", ["肖春芳"])])
    func metaAuthorThatIsNoName(meta: String, names: [String]) throws {
        let article = try read(
            """
            <html><head><meta name="author" content="\(meta)"></head>
            <body><article><h1>Port strike enters its second week</h1>\(story)</article></body></html>
            """)
        #expect(article.authors == names)
    }

    /// Author fields as pages fill them: names separated by semicolons, an outlet after a bar (or a
    /// site's address before it), a picture's credit (no author), and a `Person` written as JSON
    /// inside a JSON-LD string.
    @Test(arguments: [
        (#"<meta name="author" content="Patti Waldmeir; Leslie Hook; Jamil Anderlini | Financial Times">"#,
         ["Patti Waldmeir", "Leslie Hook", "Jamil Anderlini"]),
        (#"<meta name="author" content="Nathan Bernier | KUT">"#, ["Nathan Bernier"]),
        (#"<meta name="author" content="www.mrsadiq.info | Sadiq Məmmədov">"#, ["Sadiq Məmmədov"]),
        (#"<meta name="author" content="Conan O&amp;#8217;Brien; Jane Doe">"#, ["Conan O’Brien", "Jane Doe"]),
        (#"<meta name="author" content="Фото: Алексей Меринов">"#, []),
        (#"<meta name="author" content="Photo: Jane Doe">"#, []),
        (#"<script type="application/ld+json">{"@type":"NewsArticle","author":"{ \"@type\":\"Person\", \"name\":\"Alice Wu\" }"}</script>"#,
         ["Alice Wu"]),
        (#"<script type="application/ld+json">{"@type":"NewsArticle","author":"{ not json"}</script>"#, []),
    ])
    func authorFieldsAsPagesFillThem(head: String, names: [String]) throws {
        let article = try read(
            """
            <html><head>\(head)</head>
            <body><article><h1>Port strike enters its second week</h1>\(story)</article></body></html>
            """)
        #expect(article.authors == names)
    }

    @Test func relAuthorLink() throws {
        let article = try read(
            """
            <html><body><article><h1>Museum reopens after repairs</h1>
            <div class="meta">Written by <a rel="author" href="/staff/pia">Pia Larsen</a></div>
            \(story)</article></body></html>
            """)
        #expect(article.authors == ["Pia Larsen"])
    }

    /// After the byline's `rel=author` link, an element classed `author` further down (a comment's)
    /// adds no name.
    /// A stated author with co-authors in brackets (`Martin Untersinger (avec Damien Leloup et
    /// Morgane Tual)`): three names.
    @Test func coAuthorsInBrackets() throws {
        let article = try read(
            """
            <html><head><meta name="author" content="Pia Larsen (with Tom Berg and Ana Ruiz)"></head>
            <body><article><h1>Museum reopens after repairs</h1>\(story)</article></body></html>
            """)
        #expect(article.authors == ["Pia Larsen", "Tom Berg", "Ana Ruiz"])
    }

    @Test func commentAuthorsAreNotTheStorysAuthors() throws {
        let article = try read(
            """
            <html><body><article><h1>Museum reopens after repairs</h1>
            <div class="meta">Written by <a rel="author" href="/staff/pia">Pia Larsen</a></div>
            \(story)</article>
            <ol class="comments"><li><cite class="author fn">Alexander Petrov</cite> wrote: Nice.</li></ol>
            </body></html>
            """)
        #expect(article.authors == ["Pia Larsen"])
    }

    @Test func headingWinsOverMetaTitleWithSiteName() throws {
        let article = try read(
            """
            <html><head><meta property="og:title" content="Rail fares rise again | Example News"></head>
            <body><article><h1>Rail fares rise again</h1>\(story)</article></body></html>
            """)
        #expect(article.title == "Rail fares rise again")
    }

    /// A page's only `<h1>` that the metadata title holds with a kicker or the site around it is the
    /// headline, and so is the first of several the story repeats; an `<h1>` that is a date leaves
    /// the metadata title. An `<h1>` in other words than a metadata title no heading prints is the
    /// headline readers see when the story repeats its words; one the story does not repeat (a site's
    /// furniture), or one that holds the metadata title with a kicker before it, leaves the metadata
    /// title.
    @Test(arguments: [
        ("Chronik: Diplomats meet in Geneva", "<h1>Diplomats meet in Geneva</h1>", "Diplomats meet in Geneva"),
        ("Diplomats meet in Geneva – Talks Weekly online edition", "<h1>Diplomats meet in Geneva</h1>", "Diplomats meet in Geneva"),
        ("Chronik: Diplomats meet in Geneva", "<h1>Diplomats meet in Geneva</h1><h1>Geneva talks</h1>", "Diplomats meet in Geneva"),
        ("Chronik: Diplomats meet in Geneva", "<h1>Navigation und Service</h1><h1>Geneva talks</h1>", "Chronik: Diplomats meet in Geneva"),
        ("Chronik: Diplomats meet in Geneva", "<h1>March 15, 2021</h1>", "Chronik: Diplomats meet in Geneva"),
        ("Geneva talks: what we know", "<h1>Four hours of talks without a joint statement</h1>", "Four hours of talks without a joint statement"),
        ("Geneva talks: what we know", "<h1>Navigation und Service</h1>", "Geneva talks: what we know"),
        ("A quiet day by the lake", "<h1>Four hours of quiet talks beside a lake in Switzerland</h1>",
         "Four hours of quiet talks beside a lake in Switzerland"),
        ("Diplomats meet in Geneva", "<h1>Ukraine Diplomats meet in Geneva</h1>", "Diplomats meet in Geneva"),
    ])
    func onlyHeadingHeldByTheMetaTitleIsTheHeadline(metaTitle: String, headings: String, expected: String) throws {
        let article = try read(
            """
            <html><head><meta property="og:title" content="\(metaTitle)"></head>
            <body><article>\(headings)\(story)</article></body></html>
            """)
        #expect(article.title == expected)
    }

    /// A stated title that the page's only `<h1>` goes on after (`Ultium Cells erhöht
    /// Gigafactory-Kapazität` stated, `… in Tennessee` printed) is the printed headline cut short:
    /// the `<h1>` is the headline. Not when what follows is a count, a stamp or the site's sections.
    @Test(arguments: [
        ("Diplomats meet in Geneva", "<h1>Diplomats meet in Geneva: four hours without a statement</h1>",
         "Diplomats meet in Geneva: four hours without a statement"),
        ("Diplomats meet in Geneva", "<h1>Diplomats meet in Geneva 149 Comments</h1>", "Diplomats meet in Geneva"),
        ("Diplomats meet in Geneva", "<h1>Diplomats meet in Geneva World news, Updated Nov 06, 2012</h1>", "Diplomats meet in Geneva"),
        ("Diplomats meet in Geneva", "<h1>Diplomats meet in Geneva - Talks - Switzerland - Europe</h1>", "Diplomats meet in Geneva"),
    ])
    func onlyHeadingGoingOnAfterTheMetaTitle(metaTitle: String, headings: String, expected: String) throws {
        let article = try read(
            """
            <html><head><meta property="og:title" content="\(metaTitle)"></head>
            <body><article>\(headings)\(story)</article></body></html>
            """)
        #expect(article.title == expected)
    }

    /// The same for a `<title>` no heading prints: the page's only `<h1>` the story repeats, or the
    /// first of several, is the headline, but not an `<h1>` of one word (`Lorem`, `Kontakt`: a label
    /// more often than a headline), and not a later `<h1>` after such a first one.
    @Test(arguments: [
        ("<h1>Four hours of talks without a joint statement</h1>", "Four hours of talks without a joint statement"),
        ("<h1>Diplomats</h1>", "Talks in Geneva: what we know so far"),
        ("<h1>Four hours of talks without a joint statement</h1><h1>Geneva</h1>", "Four hours of talks without a joint statement"),
        ("<h1>Geneva</h1><h1>Four hours of talks without a joint statement</h1>", "Talks in Geneva: what we know so far"),
    ])
    func onlyHeadingOverAPageTitleNoHeadingPrints(headings: String, expected: String) throws {
        let article = try read(
            """
            <html><head><title>Talks in Geneva: what we know so far</title></head>
            <body><article>\(headings)\(story)</article></body></html>
            """)
        #expect(article.title == expected)
    }

    /// A heading that is the `<title>`'s part before or after a separator, however short, is the
    /// headline (`maudlin` in `A.Word.A.Day --maudlin`); not the site's name, and not a part joined to
    /// the rest without a separator.
    @Test(arguments: [
        ("Talks Weekly --Geneva", "<h2>Geneva</h2>", "Geneva"),
        ("Geneva : Talks Weekly", "<h2>Geneva</h2>", "Geneva"),
        ("Geneva talks end without a statement | Talks Weekly", "<h2>Talks Weekly</h2>", "Geneva talks end without a statement"),
        ("Geneva talks weekly", "<h2>Geneva</h2>", "Geneva talks weekly"),
    ])
    func shortHeadingThatIsAPartOfThePageTitle(title: String, heading: String, expected: String) throws {
        let article = try read(
            """
            <html><head><title>\(title)</title><meta property="og:site_name" content="Talks Weekly"></head>
            <body><article>\(heading)\(story)</article></body></html>
            """)
        #expect(article.title == expected)
    }

    /// The page's `<h1>` that is the stated title's first or last part between separators is the
    /// headline, however long the rest (`Penny - Stardew Valley Wiki`, `Bielersee-Winterhechte |
    /// petri-heil.ch | Dein Schweizer Fischereimagazin`); not when it is the site's name, and not
    /// a heading that only begins like a part of it.
    @Test(arguments: [
        ("<h1>Geneva</h1>", "Geneva"),
        ("<h1>Talks Weekly</h1>", "Diplomats of Europe and their weekly talks"),
        ("<h1>Gen</h1>", "Diplomats of Europe and their weekly talks"),
    ])
    func headingThatIsAPartOfTheStatedTitle(heading: String, expected: String) throws {
        let article = try read(
            """
            <html><head><title>Geneva</title>
            <meta property="og:title" content="Geneva | Talks Weekly | Diplomats of Europe and their weekly talks">
            <meta property="og:site_name" content="Talks Weekly"></head>
            <body><article>\(heading)\(story)</article></body></html>
            """)
        #expect(article.title == expected)
    }

    /// A printed headline that is the stated title with a kicker before it (`Neue Leipziger Schule:
    /// Judy Lybke, …`, or the kicker's span run into the headline's, `"Es wird bald beginnen"Trump
    /// spricht …`) gives way to the title the page states without it, whether JSON-LD or the social
    /// card states it, and the printed form stays out of the body. A page that states no title without
    /// the kicker keeps it.
    @Test(arguments: [
        (#"<meta property="og:title" content="Diplomats from Ukraine and Russia meet in Geneva">"#,
         "<h1>Peace talks: Diplomats from Ukraine and Russia meet in Geneva</h1>",
         "Diplomats from Ukraine and Russia meet in Geneva"),
        (#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"\"First in a year\": Diplomats from Ukraine and Russia meet in Geneva"}</script><meta property="og:title" content="Diplomats from Ukraine and Russia meet in Geneva">"#,
         #"<h2 class="headlines"><span class="kicker">"First in a year"</span><span class="headline">Diplomats from Ukraine and Russia meet in Geneva</span></h2>"#,
         "Diplomats from Ukraine and Russia meet in Geneva"),
        (#"<meta property="og:title" content="Peace talks: Diplomats from Ukraine and Russia meet in Geneva">"#,
         "<h1>Peace talks: Diplomats from Ukraine and Russia meet in Geneva</h1>",
         "Peace talks: Diplomats from Ukraine and Russia meet in Geneva"),
    ])
    func aKickerTheStatedTitleLeavesOut(head: String, heading: String, expected: String) throws {
        let article = try read("<html><head>\(head)</head><body><article>\(heading)\(story)</article></body></html>")
        #expect(article.title == expected)
        #expect(article.body.count == 3)
    }

    /// A kicker is up to six words set off by a mark before the stated title; words before it with a
    /// space alone are the headline's own (a social card's shorter title).
    @Test(arguments: [
        ("Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig", "Judy Lybke, ganz und gar nicht eigenartig",
         "Judy Lybke, ganz und gar nicht eigenartig"),
        (#""Es wird bald beginnen"Trump spricht nach Tanker-Stürmung"#, "Trump spricht nach Tanker-Stürmung",
         "Trump spricht nach Tanker-Stürmung"),
        (#"MSV-Interimstrainer Schubert: "Nicht mehr viel zu verlieren""#, #"Interimstrainer Schubert: "Nicht mehr viel zu verlieren""#,
         #"Interimstrainer Schubert: "Nicht mehr viel zu verlieren""#),
        ("Officials Eyeing Possible Tsunami Debris off Wash.", "Possible Tsunami Debris off Wash.",
         "Officials Eyeing Possible Tsunami Debris off Wash."),
        ("One two three four five six seven: Diplomats meet in Geneva", "Diplomats meet in Geneva",
         "One two three four five six seven: Diplomats meet in Geneva"),
        ("Geneva: Diplomats meet", "Diplomats meet", "Geneva: Diplomats meet"),
    ])
    func kickersSetOffByAMark(printed: String, stated: String, expected: String) {
        #expect(MainContent.withoutKicker(printed, stated: stated) == expected)
    }

    /// The page's `<h1>` that is the stated title's first part is the headline when the story repeats
    /// its words as little as the rest's (`„Unermüdlicher Einsatz“ - Die Neue Südtiroler
    /// Tageszeitung`: neither in the story's opening), where the longer rest, the site's name, was
    /// taken for the headline.
    @Test func aShortPrintedHeadlineBeforeALongerSiteName() throws {
        let article = try read(
            """
            <html><head><title>Ferry service resumes - Die Neue Südtiroler Tageszeitung</title>
            <meta property="og:title" content="Ferry service resumes - Die Neue Südtiroler Tageszeitung"></head>
            <body><article><h1 class="cat_article_title">Ferry service resumes</h1>\(story)</article></body></html>
            """)
        #expect(article.title == "Ferry service resumes")
    }

    /// A page's headline loses the site's address or a day set off at its start or end, whether the
    /// `<title>` gives it (`Outdoor Lovers | talksweekly.eu`) or the page's `<h1>` (`23.01.2022 -
    /// Headline`); an address inside the headline, or a headline of three words, stays.
    @Test(arguments: [
        ("<title>Outdoor Lovers | talksweekly.eu</title>", "", "Outdoor Lovers"),
        ("", "<h1>23.01.2022 - Diplomats meet in Geneva again</h1>", "Diplomats meet in Geneva again"),
        ("<title>Diplomats meet again on talksweekly.eu</title>", "", "Diplomats meet again on talksweekly.eu"),
        ("<title>Diplomats | talksweekly.eu</title>", "", "Diplomats | talksweekly.eu"),
    ])
    func headlineWithoutTheSitesAddressOrADay(head: String, heading: String, expected: String) throws {
        let article = try read("<html><head>\(head)</head><body><article>\(heading)\(story)</article></body></html>")
        #expect(article.title == expected)
    }

    /// A stated title keeps a part after a separator that the `<title>` does not end with (the
    /// headline's own: `– Until Now`), and loses one it does (the site's name); a section before the
    /// headline is cut either way.
    @Test(arguments: [
        ("Diplomats meet in Geneva – Until Now", "Diplomats meet in Geneva – Until Now | Talks Weekly", "Diplomats meet in Geneva – Until Now"),
        ("Diplomats meet in Geneva | Talks Weekly", "Diplomats meet in Geneva | Talks Weekly", "Diplomats meet in Geneva"),
        ("Fachmeldungen - Diplomats meet in Geneva", "Diplomats meet in Geneva", "Diplomats meet in Geneva"),
    ])
    func statedTitleLosesOnlyWhatThePageTitleAlsoEndsWith(stated: String, title: String, expected: String) throws {
        let article = try read(
            """
            <html><head><title>\(title)</title><meta property="og:title" content="\(stated)"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(article.title == expected)
    }

    /// A stated title cut short is completed from the `<title>` that goes on from it: an attribute
    /// ended by the quotation mark it holds, a headline stopped mid-sentence or at an ellipsis (up to
    /// the `<title>`'s next separator); a `<title>` that goes on with a byline or a capitalised word
    /// (a site's name) completes nothing.
    @Test(arguments: [
        (#"<meta property="og:title" content="Senator calls the president "unfit"">"#,
         #"Senator calls the president "unfit""#, #"Senator calls the president "unfit""#),
        (#"<meta property="og:title" content="Diplomats from Ukraine and Russia meet">"#,
         "Diplomats from Ukraine and Russia meet in Geneva, ending a year without talks | Talks Weekly",
         "Diplomats from Ukraine and Russia meet in Geneva, ending a year without talks"),
        (#"<meta property="og:title" content="Diplomats from Ukraine and Russia meet…">"#,
         "Diplomats from Ukraine and Russia meet Swiss hosts in Geneva - Talks Weekly",
         "Diplomats from Ukraine and Russia meet Swiss hosts in Geneva"),
        (#"<meta property="og:title" content="Diplomats meet in Geneva">"#,
         "Diplomats meet in Geneva von Anna Muster", "Diplomats meet in Geneva"),
        (#"<meta property="og:title" content="Diplomats meet in Geneva">"#,
         "Diplomats meet in Geneva Talks Weekly", "Diplomats meet in Geneva"),
    ])
    func statedTitleCutShortIsCompleted(head: String, title: String, expected: String) throws {
        let article = try read("<html><head>\(head)<title>\(title)</title></head><body><article>\(story)</article></body></html>")
        #expect(article.title == expected)
    }

    /// The headline an `<h1 itemprop="headline">` states inside a `<header>` among `<div>`s (no
    /// `<article>` around it) wins over a stated title that adds the site's name.
    @Test func headlineStatedByItsHeading() throws {
        let article = try read(
            """
            <html><head><meta property="og:title" content="Diplomats meet in Geneva for talks | Talks Weekly"></head><body>
            <div id="main"><div class="news-single"><header><h1 itemprop="headline">Diplomats meet in Geneva for talks</h1></header>
            <div itemprop="articleBody">\(story)</div></div></div></body></html>
            """)
        #expect(article.title == "Diplomats meet in Geneva for talks")
    }

    /// A `<title>` written without spaces names its site after a bare `-` or `|` beside a wide
    /// character (`…！-新华网`); a date is never the part kept.
    @Test(arguments: [
        ("武汉的声音：有英勇的你，才有英雄的城！-新华网", "武汉的声音：有英勇的你，才有英雄的城！"),
        ("NEWS WEB EASY|子どもへの体罰を禁止する法律ができる", "子どもへの体罰を禁止する法律ができる"),
        ("Wochenbericht 14. - 20. Januar 2022 - SLF", "Wochenbericht 14. - 20. Januar 2022 - SLF"),
    ])
    func titleSitesWithoutSpacesAndNoDate(documentTitle: String, expected: String) throws {
        let article = try read("<html><head><title>\(documentTitle)</title></head><body><div>\(story)</div></body></html>")
        #expect(article.title == expected)
    }

    /// A `<title>` that names only the site (or only names: no part over four words): the heading
    /// whose words the story repeats is the headline, not a heading of the menus; a `<title>` the
    /// story echoes stays.
    @Test(arguments: [
        ("Geneva Daily Online", "Ukraine and Russia diplomats meet in Geneva"),
        ("The Geneva Network - Swiss Foreign Ministry", "Ukraine and Russia diplomats meet in Geneva"),
        ("Diplomats meet in Geneva for first talks in a year - Geneva Daily", "Diplomats meet in Geneva for first talks in a year"),
    ])
    func siteNameTitleGivesTheHeadingTheStoryRepeats(documentTitle: String, expected: String) throws {
        let article = try read(
            """
            <html><head><title>\(documentTitle)</title></head><body>
            <div><h2>Most popular stories this week</h2></div>
            <div><h3>Ukraine and Russia diplomats meet in Geneva</h3>\(story)</div></body></html>
            """)
        #expect(article.title == expected)
    }

    /// A site's description of itself (a list of its sections) as the `<title>` or the
    /// metadata title is no headline: the heading the story repeats is. A headline with a colon and
    /// a list stays one.
    @Test(arguments: [
        ("<title>Geneva Daily - Latest swiss news, transfers, reports</title>", "Ukraine and Russia diplomats meet in Geneva"),
        ("<title>Geneva Daily - Swiss News, Weather, Traffic and Sports | Talks</title>", "Ukraine and Russia diplomats meet in Geneva"),
        ("<meta name=\"title\" content=\"Breaking News, Geneva, World, Cricket, Entertainment and Swiss News\"><title>The Daily Courier</title>",
         "Ukraine and Russia diplomats meet in Geneva"),
    ])
    func siteDescriptionIsNoHeadline(head: String, expected: String) throws {
        let article = try read(
            """
            <html><head>\(head)</head><body>
            <div><h3>Ukraine and Russia diplomats meet in Geneva</h3>\(story)</div></body></html>
            """)
        #expect(article.title == expected)
    }

    @Test func headlineWithAColonAndAListIsAHeadline() {
        #expect(!MainContent.describesASite("WTA Finals 2023: Latest results, today's matches, schedule and order of play"))
        #expect(MainContent.describesASite("Providence, Rhode Island News, Weather, Traffic and Sports"))
        #expect(!MainContent.describesASite("Storms hit Geneva, Basel and Bern overnight"))
    }

    /// What a `<title>` wraps around its headline is cut, and only that: a colon or a lower-case
    /// subtitle belongs to the headline, a site's long description, a trail of colons and a web
    /// address before a colon do not.
    @Test(arguments: [
        ("Rail fares rise again this spring | The Daily Example", "Rail fares rise again this spring"),
        ("Rail fares rise again this spring - Example", "Rail fares rise again this spring"),
        ("Rail fares rise again this spring", "Rail fares rise again this spring"),
        ("Geneva talks: diplomats meet for the first time in a year", "Geneva talks: diplomats meet for the first time in a year"),
        ("Diplomats meet in Geneva - the first talks in a year", "Diplomats meet in Geneva - the first talks in a year"),
        ("Geneva Daily Online - Swiss News, Weather, Traffic and Sports | Diplomats meet in Geneva for talks",
         "Diplomats meet in Geneva for talks"),
        ("Diplomats meet in Geneva: World: News: Geneva Daily", "Diplomats meet in Geneva"),
        ("GenevaDaily.com: Diplomats meet in Geneva for talks", "Diplomats meet in Geneva for talks"),
        ("Geneva : les diplomates se rencontrent", "Geneva : les diplomates se rencontrent"),
        ("World -- Diplomats meet in Geneva for talks", "Diplomats meet in Geneva for talks"),
        ("Diplomats meet in Geneva -- AT LAST!!!", "Diplomats meet in Geneva -- AT LAST!!!"),
    ])
    func titleCutOnlyAroundTheHeadline(documentTitle: String, expected: String) throws {
        let article = try read("<html><head><title>\(documentTitle)</title></head><body><div>\(story)</div></body></html>")
        #expect(article.title == expected)
    }

    /// A stated title the page prints whole as its heading is the headline however few of its words
    /// the story's opening repeats (an essay's `Unstillbares Heimweh`), where a stated title no
    /// heading prints and the story does not repeat names the site.
    @Test func statedTitlePrintedWholeIsTheHeadlineTheStoryNeedNotRepeat() throws {
        let article = try read(
            """
            <html><head><meta property="og:title" content="Unspoken Homesickness">
            <title>Unspoken Homesickness – a geneva review</title></head>
            <body><article><h1>Unspoken Homesickness</h1>\(story)<h2>Talks in Geneva, a second round</h2></article></body></html>
            """)
        #expect(article.title == "Unspoken Homesickness")
    }

    /// A page's only `<h1>` that prints every word of the social card's title with more between them
    /// is the fuller form of the same headline, though the story repeats fewer of its words; one that
    /// holds the stated title with a kicker before it leaves the stated title as it is.
    @Test(arguments: [
        ("Geneva talks between the envoys end in stalemate without a statement",
         "Geneva talks between the envoys end in stalemate without a statement"),
        ("Diplomacy: Geneva talks end without a statement", "Geneva talks end without a statement"),
    ])
    func headingThatPrintsTheStatedTitleFullerIsTheHeadline(heading: String, expected: String) throws {
        let article = try read(
            """
            <html><head><meta property="og:title" content="Geneva talks end without a statement"></head>
            <body><article><h1>\(heading)</h1>\(story)</article></body></html>
            """)
        #expect(article.title == expected)
    }

    /// A `<title>` that is the page's `<h1>` and the site's name, where the `<h1>` itself holds a
    /// separator (`Hund vertreibt Einbrecher – Zeugenaufruf – Hildesheimer Presse`): the `<h1>` whole
    /// is the headline, not the `<title>`'s first part.
    @Test func headingThatIsThePageTitleLessTheSiteIsWhole() throws {
        let article = try read(
            """
            <html><head><title>Geneva talks end without a statement – Second round in June – Talks Weekly</title></head>
            <body><article><header><h1>Geneva talks end without a statement – Second round in June</h1></header>
            \(story)</article></body></html>
            """)
        #expect(article.title == "Geneva talks end without a statement – Second round in June")
    }

    /// A stated title of two parts that the `<title>` holds whole before the site's name is the
    /// headline whole (`Silver Society – The young old people | OTRSmag`); when the page prints its
    /// last part alone as a heading, the first is a section (`Fachmeldungen - …`) and goes.
    @Test(arguments: [
        ("", "Geneva Diary – Four hours without a statement"),
        ("<h2>Four hours without a statement</h2>", "Four hours without a statement"),
    ])
    func twoPartStatedTitleBeforeTheSiteNameStaysWhole(heading: String, expected: String) throws {
        let article = try read(
            """
            <html><head><meta property="og:title" content="Geneva Diary – Four hours without a statement">
            <meta property="og:site_name" content="Talks Weekly">
            <title>Geneva Diary – Four hours without a statement | Talks Weekly</title></head>
            <body><article>\(heading)\(story)</article></body></html>
            """)
        #expect(article.title == expected)
    }

    /// A metadata title that is only the site's name (no word of it in the story) gives way to the
    /// `<title>`; a heading that is only a date is no headline, and a stamp run on after a headline
    /// goes (numbers alone, a score, stay).
    @Test func siteNameMetaTitleAndDateHeadingsAreNoHeadlines() throws {
        let meta = try read(
            """
            <html><head><meta name="title" content="Example Courier">
            <title>Example Courier - Diplomats meet in Geneva for talks</title></head><body><div>\(story)</div></body></html>
            """)
        #expect(meta.title == "Diplomats meet in Geneva for talks")
        let dated = try read(
            """
            <html><body><div><h2>01-14-2008 15:45</h2><h2>Diplomats from Ukraine and Russia meet in Geneva</h2>
            \(story)</div></body></html>
            """)
        #expect(dated.title == "Diplomats from Ukraine and Russia meet in Geneva")
        let stamped = try read("<html><body><div><h2>Diplomats meet in Geneva Thursday, 10, January, 2008, 09:14</h2>\(story)</div></body></html>")
        #expect(stamped.title == "Diplomats meet in Geneva")
        let scored = try read("<html><body><div><h2>Geneva beats Basel in the final 81-65</h2>\(story)</div></body></html>")
        #expect(scored.title == "Geneva beats Basel in the final 81-65")
        // A date the headline leads to is its own.
        let edition = try read("<html><body><div><h2>Diplomats Weekly Edition for March 26, 2015</h2>\(story)</div></body></html>")
        #expect(edition.title == "Diplomats Weekly Edition for March 26, 2015")
    }

    /// A page without headings whose `<title>` names only the site sets its headline in a styled
    /// line above the story: that line, whose words the story repeats, not the site's name.
    @Test func styledLineAboveTheStoryIsTheHeadline() throws {
        let article = try read(
            """
            <html><head><title>Example Courier Online</title></head><body><table><tr><td>
            <font class="storyhead"><b>Ukraine and Russia diplomats meet in Geneva</b></font>
            \(story)</td></tr></table></body></html>
            """)
        #expect(article.title == "Ukraine and Russia diplomats meet in Geneva")
    }

    /// A first paragraph of a few words over the site's long menu (`The Hindu / Print Edition`) is
    /// not where the story starts: the styled line above its first long paragraph is the headline
    /// when the `<title>` names the site.
    @Test func styledLineAboveTheFirstLongParagraphIsTheHeadline() throws {
        let menu = (1...30).map { "<li><a href=\"/s\($0)\"><font style=\"text-decoration:none\">Section \($0)</font></a><br>" }
        func page(_ line: String) throws -> Article {
            try read(
                """
                <html><head><title>Courier News Update Service</title></head><body><table><tr>
                <td width=150><p style="margin-left:2pt"><b>Example Courier<br>Print Edition</b>
                <font class=leftnavi><ul>\(menu.joined(separator: "\n"))</ul></font></td>
                <td align=left valign=top width=470>
                <a href="top.htm"><font class=leftnavi>Top Stories</font></a><br>
                <font style="margin-left:2pt"><FONT class=storyhead size=4><b>\(line)</b></FONT>
                <p style="margin-left:2pt">
                Diplomats from Ukraine and Russia met in Geneva on Monday, officials in Kyiv and Moscow said, \
                the first such meeting in more than a year.
                <p style="margin-left:2pt">
                The talks, hosted by the Swiss government, lasted four hours and ended without a joint \
                statement, according to people familiar with the matter.
                <p style="margin-left:2pt">
                A second round is planned for June, the Swiss foreign ministry said in a statement on Monday evening.
                </td></tr></table></body></html>
                """)
        }
        let article = try page("Ukraine and Russia diplomats meet in Geneva")
        // (The short paragraph is kept as the story's, so the headline is not the line just above
        // the story's first block.)
        #expect(article.body.first == "Example Courier")
        #expect(article.title == "Ukraine and Russia diplomats meet in Geneva")
        // A label's count there (`Word Count: 676`) is no headline.
        #expect(try page("Word Count: 676").title == "Courier News Update Service")
    }

    /// A page without a `<title>` whose first block is a stamp's cell (`01-14-2008 15:45`), its
    /// headline in the next row: the headline is the line above the story's first long paragraph, in
    /// whatever element it stands (`<td><u>`), not the stamp.
    @Test func lineAboveTheFirstLongParagraphPastAStampIsTheHeadline() throws {
        let article = try read(
            """
            <td align="left"><table width="100%"><td width="70%">&nbsp;&nbsp;01-14-2008&nbsp;15:45</td>
            <tr><td class="style7"><u>Ukraine and Russia diplomats meet in Geneva</u></td></table></td>
            <td valign="top"><p align="left"><font id=font>Diplomats from Ukraine and Russia met in Geneva on \
            Monday, officials in Kyiv and Moscow said, the first such meeting in more than a year. The talks, \
            hosted by the Swiss government, lasted four hours and ended without a joint statement, according \
            to people familiar with the matter.<br>
            """)
        #expect(article.title == "Ukraine and Russia diplomats meet in Geneva")
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
    }

    /// A teaser card's author (`<article class="slider-teaser-opinion">` of another story, listed
    /// before the story) is not the page's, whose own byline box follows; a story's header that
    /// wears a teaser's class words (`teaser-small__metadata`) is still its byline.
    @Test func teaserCardsAuthorIsNotThePagesByline() throws {
        let teaser = """
            <div class="swiper-slide"><article class="slider-teaser-opinion"><h2><a href="/x">Another opinion</a></h2>
            <footer><span class="slider-teaser-opinion__author">Manfred Prisch</span></footer></article></div>
            """
        let article = try read(
            """
            <html><head><meta name="author" content="Die Wochenzeitung"></head><body>\(teaser)
            <article><h1>Diplomats meet in Geneva</h1>\(story)
            <div class="author"><a href="/autor/ursula-baa" rel="author"><h2 class="author__name">Ursula Baa</h2></a></div>
            </article></body></html>
            """)
        #expect(article.authors == ["Ursula Baa"])
        let header = try read(
            """
            <html><body>\(teaser)<article><h1>Diplomats meet in Geneva</h1>
            <div class="teaser-small__metadata"><p class="byline__author">Von Moritz Gath</p></div>\(story)</article></body></html>
            """)
        #expect(header.authors == ["Moritz Gath"])
    }

    /// Microdata authors of the teasers in an `<aside>` of onward reading, thirteen levels below it
    /// (the Telegraph's `aside.onward-journey` of cards, each with `itemprop="author"`), are not the
    /// page's: its own byline is.
    @Test func microdataAuthorsOfTeasersInAnAsideAreNotThePages() throws {
        let card = { (name: String) in
            """
            <li><article class="card"><div class="card__content"><h2><a href="/x">Another story</a></h2>\
            <div class="u-meta"><div class="card__meta-wrapper"><span class="e-byline"><span class="e-byline__meta" \
            itemscope itemtype="https://schema.org/Person" itemprop="author"><a href="/authors/x/" rel="author">\
            <span itemprop="name">\(name)</span></a></span></span></div></div></div></article></li>
            """
        }
        let onward = """
            <aside class="onward-journey"><div class="container"><div class="grid"><div class="grid-col">\
            <div class="articleList"><div class="section"><section class="article-list">\
            <ul>\(card("Rebecca Astill") + card("Jack Rear"))</ul></section></div></div></div></div></div></aside>
            """
        let article = try read(
            """
            <html><body><main><article><h1>Diplomats meet in Geneva</h1><p class="byline">By Madeleine Howell</p>\
            \(story)</article></main>\(onward)</body></html>
            """)
        #expect(article.authors == ["Madeleine Howell"])
    }

    /// A styled line above the story that is a byline or a reader's comment opening in lower case is
    /// no headline.
    @Test func bylineOrCommentAboveTheStoryIsNoHeadline() throws {
        for line in ["By Anna Weber, Geneva Correspondent, 6/20/04", "ahh, these talks in Geneva went on and on!"] {
            let article = try read(
                """
                <html><head><title>Courier News Update Service</title></head><body><table><tr><td>
                <font class="storyhead"><b>\(line)</b></font>\(story)</td></tr></table></body></html>
                """)
            #expect(article.title != line)
        }
    }

    /// A `<title>` of a few words that no heading prints (`Geneva Wire`, `Example.com :: News
    /// Article`) is the site's or the section's name over a heading the story repeats, even where the
    /// story names the site; a one-word `<title>` and one a heading prints stay.
    @Test func shortTitleNoHeadingPrintsGivesWayToTheStorysHeading() throws {
        let cited = story.replacingOccurrences(of: "officials in Kyiv and Moscow said", with: "officials told Geneva Wire")
        for title in ["Geneva Wire", "Example.com :: News Article"] {
            let article = try read(
                """
                <html><head><title>\(title)</title></head><body><div><h3>Diplomats from Ukraine and Russia meet in Geneva</h3>
                \(cited)</div></body></html>
                """)
            #expect(article.title == "Diplomats from Ukraine and Russia meet in Geneva")
        }
        let printed = try read(
            """
            <html><head><title>Talks in Geneva</title></head><body><div><h2>Talks in Geneva</h2>
            <h3>Diplomats from Ukraine and Russia meet in Geneva</h3>\(story)</div></body></html>
            """)
        #expect(printed.title == "Talks in Geneva")
    }

    /// `Site: Headline` in the `<title>`, the headline printed alone above the story: the printed
    /// line; the end of `Post title - Blog Name` printed in the blog's header is not.
    @Test func titleEndPrintedAboveTheStory() throws {
        let printed = try read(
            """
            <html><head><title>IOL: Ukraine and Russia diplomats meet in Geneva</title></head><body><table><tr><td>
            <p><font><b>Ukraine and Russia diplomats meet in Geneva</b></font></p>
            \(story)</td></tr></table></body></html>
            """)
        #expect(printed.title == "Ukraine and Russia diplomats meet in Geneva")
        let blog = try read(
            """
            <html><head><title>Geneva talks, a diary of the week - The Daily Geneva Diplomat</title></head><body>
            <div><b>The Daily Geneva Diplomat</b></div><div>\(story)</div></body></html>
            """)
        #expect(blog.title != "The Daily Geneva Diplomat")
    }

    @Test func dateInTheAddressIsTheLastResort() throws {
        let article = try read(
            """
            <html><head><link rel="canonical" href="https://example.com/2023/11/05/city-council-vote/"></head>
            <body><article><h1>City council vote</h1>\(story)</article></body></html>
            """)
        #expect(article.published == "2023-11-05")
        #expect(article.url == "https://example.com/2023/11/05/city-council-vote/")
    }

    /// A day printed under a publication label (`Erschienen am:`, the day in the next element, or
    /// `Veröffentlicht am …`) outranks `<meta name="date">`, not a publication field; labels that
    /// give different days (a list of posts) and a label inside a link give none.
    @Test(arguments: [
        (#"<meta name="date" content="2021-10-15">"#, "<footer><span>Erschienen am:</span> <h2>13.10.2021</h2></footer>",
         "2021-10-13"),
        (#"<meta name="date" content="2021-10-15">"#, "<footer><p>Veröffentlicht am 16.08.2019<br>Dauer: 58 Minuten</p></footer>",
         "2019-08-16"),
        (#"<meta property="article:published_time" content="2021-10-15T09:00:00Z">"#,
         "<footer><p>Published: 13 October 2021</p></footer>", "2021-10-15T09:00:00Z"),
        (#"<meta name="date" content="2021-10-15">"#,
         "<ul><li><p>Published: 13 October 2021</p></li><li><p>Published: 12 October 2021</p></li></ul>", "2021-10-15"),
        (#"<meta name="date" content="2021-10-15">"#, #"<footer><a href="/archive">Published on 13 October 2021</a></footer>"#,
         "2021-10-15"),
    ])
    func dayUnderAPublicationLabel(meta: String, printed: String, expected: String) throws {
        let article = try read(
            """
            <html><head>\(meta)</head>
            <body><article><h1>City council vote</h1>\(story)</article>\(printed)</body></html>
            """)
        #expect(article.published == expected)
    }

    @Test func compactDayInTheAddress() throws {
        let article = try read(
            """
            <html><head><link rel="canonical" href="https://example.com/20200428/city-council-vote/"></head>
            <body><article><h1>City council vote</h1>\(story)</article></body></html>
            """)
        #expect(article.published == "2020-04-28")
        // Days that are not in the calendar, and numbers that are no day, are not read.
        #expect(MainContent.dateInAddress("https://example.com/20200231/story/") == nil)
        #expect(MainContent.dateInAddress("https://example.com/2020/02/31/story/") == nil)
        #expect(MainContent.dateInAddress("https://example.com/id/20251399/") == nil)
        #expect(MainContent.dateInAddress("https://example.com/2020/2/9/story/") == "2020-02-09")
    }

    @Test func webPageDateWhenNoArticleStatesOne() throws {
        // Site plug-ins state the page's date on a `WebPage` in a `@graph`; meta tags come first.
        let graph = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Example"},
            {"@type":"WebPage","name":"About us","datePublished":"2018-06-07T10:13:17+00:00"}]}</script>
            """
        let article = try read("<html><head>\(graph)</head><body><article><h1>About us</h1>\(story)</article></body></html>")
        #expect(article.published == "2018-06-07T10:13:17Z")
        let stated = try read(
            """
            <html><head>\(graph)<meta property="article:published_time" content="2018-06-09T08:00:00Z"></head>
            <body><article><h1>About us</h1>\(story)</article></body></html>
            """)
        #expect(stated.published == "2018-06-09T08:00:00Z")
    }

    /// A day the page prints keeps the time a script states for the same day (JSON-LD too broken to
    /// be read as such: names without quotes); a script's time of another day does not replace it,
    /// and a printed Polish day is read without any script.
    @Test func printedDayKeepsTheScriptsTimeOfTheSameDay() throws {
        func page(_ stated: String) -> String {
            """
            <html><head><script type="application/ld+json">{ "@context": "http://schema.org", "@type": "NewsArticle",
            "@author": Jane Doe, "headline": "Diplomats meet in Geneva", "datePublished": "\(stated)" }</script></head>
            <body><article><h1>Diplomats meet in Geneva</h1><div class="row"><div class="col-6"><span>11 maja 2021, 11:49</span></div></div>
            \(story)</article></body></html>
            """
        }
        #expect(try read(page("2021-05-11 09:49:18")).published == "2021-05-11T09:49:18Z")
        #expect(try read(page("2021-05-12 09:49:18")).published == "2021-05-11")
        let printed = try read(
            """
            <html><body><article><h1>Diplomats meet in Geneva</h1><div class="row"><span>11 maja 2021, 11:49</span></div>
            \(story)</article></body></html>
            """)
        #expect(printed.published == "2021-05-11")
    }

    @Test func rdfaDateOnAnyElementAndAMalformedTime() throws {
        let rdfa = try read(
            """
            <html><body><article><h1>Growth in the wine trade</h1>
            <span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span>\(story)</article></body></html>
            """)
        #expect(rdfa.published == "2022-01-28T12:45:46Z")
        // Milliseconds after a colon: no reader takes the time, the day stays.
        let malformed = try read(
            """
            <html><head><meta property="article:published_time" content="2022-01-10T22:06:08:684Z"></head>
            <body><article><h1>Growth in the wine trade</h1>\(story)</article></body></html>
            """)
        #expect(malformed.published == "2022-01-10")
        // A zone's name run in between the day and the time: the day stays.
        let zoneRunIn = try read(
            """
            <html><head><meta property="article:published_time" content="2018-11-28CET11:59:00+0100"></head>
            <body><article><h1>Growth in the wine trade</h1>\(story)</article></body></html>
            """)
        #expect(zoneRunIn.published == "2018-11-28")
        // A meta tag dating related content is no date of this page.
        let related = try read(
            """
            <html><head><meta name="relatedContentDate" content="2030-12-31"></head>
            <body><article><h1>Growth in the wine trade</h1>\(story)</article></body></html>
            """)
        #expect(related.published == nil)
    }

    @Test func liveBlogUpdatesAreTheBody() throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">
            {"@type":"LiveBlogPosting","headline":"Election night: live results","datePublished":"2025-11-04T22:00:00Z",
             "liveBlogUpdate":[
               {"@type":"BlogPosting","headline":"Polls close in the east","articleBody":"Voting has ended in six eastern states.","datePublished":"2025-11-05T00:00:00Z"},
               {"@type":"BlogPosting","headline":"Turnout high","articleBody":"Officials report turnout above 60 percent in the capital.","datePublished":"2025-11-04T23:00:00Z"}]}
            </script></head><body><div>Loading the live page…</div></body></html>
            """)
        #expect(article.kind == .live)
        #expect(article.title == "Election night: live results")
        #expect(article.body == [
            "Polls close in the east", "Voting has ended in six eastern states.",
            "Turnout high", "Officials report turnout above 60 percent in the capital.",
        ])
        #expect(article.subheadings == ["Polls close in the east", "Turnout high"])
    }

    /// A live blog's introduction, printed above its posts, opens the body; a post's stamp and a
    /// player's notice above the posts do not, nor does a post printed with other words than its
    /// metadata's after its opening.
    @Test func aLiveBlogKeepsItsIntroduction() throws {
        let intro = [
            "Rival groups of demonstrators faced each other in the city centre this evening, police said.",
            "THIS IS A LIVE BLOG. SCROLL DOWN FOR THE LATEST UPDATES.",
        ]
        let posts = [
            ("Bottles thrown near the station", "Reporters at the scene said bottles and stones had been thrown at officers near the station."),
            ("Vigil held in the park", "Hundreds of people gathered in the park for a peaceful vigil for the victims of the attack."),
            ("Arrests overnight", "Police said twelve people had been arrested overnight and that more arrests would follow this week."),
            ("Mayor calls for calm", "The mayor asked residents to stay away from the centre and to trust the police to keep the peace."),
        ]
        let updates = posts.map { #"{"@type":"BlogPosting","headline":"\#($0.0)","articleBody":"\#($0.1)"}"# }.joined(separator: ",")
        let printed = posts.enumerated().map { k, post in
            "<div class=\"post\"><p>21 mins ago 11:48 Jon King</p><h2>\(post.0)</h2><p>\(post.1)\(k == 0 ? " More followed." : "")</p></div>"
        }
        let article = try read(
            """
            <html><head><script type="application/ld+json">
            {"@type":"LiveBlogPosting","headline":"Protests live","datePublished":"2024-08-05T17:00:00Z","liveBlogUpdate":[\(updates)]}
            </script></head><body><article><h1>Protests live</h1>\
            <div class="story">\(intro.map { "<p>\($0)</p>" }.joined())<p>Video Loading</p>\
            \(printed.joined())</div></article></body></html>
            """)
        #expect(article.kind == .live)
        #expect(article.body == intro + posts.flatMap { [$0.0, $0.1] })
        #expect(article.subheadings == posts.map(\.0))
    }

    /// A live blog whose metadata holds older posts than the page prints keeps the posts up to the
    /// last one printed: the rest are the blog's history, not what was saved. A later post that opens
    /// as a printed one does (a repeated summary) does not stretch the cut.
    @Test func aLiveBlogKeepsThePostsThePagePrints() throws {
        let posts = [
            ("Bottles thrown near the station", "Reporters at the scene said bottles and stones had been thrown at officers near the station."),
            ("Vigil held in the park", "Hundreds of people gathered in the park for a peaceful vigil for the victims of the attack."),
            ("Arrests overnight", "Police said twelve people had been arrested overnight and that more arrests would follow this week."),
            ("Mayor calls for calm", "The mayor asked residents to stay away from the centre and to trust the police to keep the peace."),
            ("Vigil recap", "Hundreds of people gathered in the park for a peaceful vigil for the victims, as reported yesterday."),
            ("Trains cancelled", "Rail operators cancelled every evening service through the centre because of the disorder."),
        ]
        let updates = posts.map { #"{"@type":"BlogPosting","headline":"\#($0.0)","articleBody":"\#($0.1)"}"# }.joined(separator: ",")
        let printed = posts.prefix(3).map { "<div class=\"post\"><h2>\($0.0)</h2><p>\($0.1)</p></div>" }
        let article = try read(
            """
            <html><head><script type="application/ld+json">
            {"@type":"LiveBlogPosting","headline":"Protests live","datePublished":"2024-08-05T17:00:00Z","liveBlogUpdate":[\(updates)]}
            </script></head><body><article><h1>Protests live</h1>\
            <div class="story">\(printed.joined())<p><a href="/older">Load more updates</a></p></div></article></body></html>
            """)
        #expect(article.kind == .live)
        #expect(article.body == posts.prefix(3).flatMap { [$0.0, $0.1] })
        #expect(article.subheadings == posts.prefix(3).map(\.0))
    }

    /// A live blog's updates are read as stated bodies are: references decoded, markup gone.
    @Test func liveBlogUpdatesAsText() throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">
            {"@type":"LiveBlogPosting","headline":"Storm live","datePublished":"2025-11-04T22:00:00Z",
             "liveBlogUpdate":[
               {"@type":"BlogPosting","headline":"Roads &amp; rail","articleBody":"<p>Trains won&#8217;t run.</p><p>Roads are shut.</p>"},
               {"@type":"BlogPosting","headline":"","articleBody":"&lt;b&gt;Schools&lt;/b&gt; stay closed on Friday."}]}
            </script></head><body><div>Loading the live page…</div></body></html>
            """)
        #expect(article.kind == .live)
        #expect(article.body == ["Roads & rail", "Trains won’t run.", "Roads are shut.", "Schools stay closed on Friday."])
        #expect(article.subheadings == ["Roads & rail"])
    }

    @Test func brokenJSONLDFallsBackToMeta() throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":</script>
            <meta property="og:title" content="Bridge reopens to traffic"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(article.title == "Bridge reopens to traffic")
    }
}

@Suite struct PrintedDateTests {
    @Test(arguments: [
        ("Artikel veröffentlicht am 16.12.2012", "2012-12-16"),
        ("Samstag, 19. Juli 2014", "2014-07-19"),
        ("le 3 mars 2019 à 15:20", "2019-03-03"),
        ("Posted on May 19, 2025 at 10:00", "2025-05-19"),
        ("2018/07/03", "2018-07-03"),
        ("07/03/2018", "2018-07-03"),
        // Day first where the text says it is from where the day comes first.
        ("Kompas.com - 02/11/2023, 21:34 WIB", "2023-11-02"),
        ("02/11/2023 02:00pm GMT", "2023-11-02"),
        ("Dieser Beitrag wurde am 04/02/2020 von kj veröffentlicht", "2020-02-04"),
        ("02/11/2023 9:34 pm", "2023-02-11"),
        ("Post date: 08/09/2012 - 14:49", "2012-08-09"),
        ("31.02.2018", nil),
        ("Copyright 1998-2018", nil),
        ("Call 555-1234 today", nil),
    ])
    func dayInText(text: String, expected: String?) {
        #expect(DateText.find(in: text) == expected)
    }

    @Test func dayInTheStoryIsTheLastResort() throws {
        let article = try read(
            """
            <html><body><div class="content"><h1>Club party by the lake</h1>
            <p>Unter dem Motto Come Together wurde am 06.05.2018 das erste inklusive Turnier in der Halle gespielt, \
            mit Teams aus der ganzen Stadt und vielen Gästen.</p>
            <p>Die Organisatoren wollen das Turnier im nächsten Jahr wiederholen, sagten sie nach der Siegerehrung.</p>
            </div></body></html>
            """)
        #expect(article.published == "2018-05-06")
    }

    @Test func dateAloneInFurnitureAboveTheStory() throws {
        // A header box the rules set aside, holding little but the day: the story's date. A teaser's
        // linked date above it is not.
        let article = try read(
            """
            <html><body><div class="sidebar"><a href="/older"><span>Older post 03.01.2019</span></a></div>
            <div class="c-page-header"><h1>Council approves the new budget</h1>
            <p class="c-page-header__subtitle">  Handball Schweiz&nbsp;&nbsp;&bull;&nbsp;&nbsp;02.02.2022  </p></div>
            <article>\(story)</article></body></html>
            """)
        #expect(article.published == "2022-02-02")
    }

    @Test func dateAloneInTheFooterBelowTheStory() throws {
        let article = try read(
            """
            <html><body><article><h1>Council approves the new budget</h1>\(story)
            <div class="social-share"><div class="pull-left"><h5>23.01.2019</h5></div></div></article></body></html>
            """)
        #expect(article.published == "2019-01-23")
    }

    /// A date alone in the byline box between a story's lead and its next paragraphs (with the
    /// authors and the share buttons) is the story's; the carousel caption above is no paragraph of it.
    @Test func dateInTheBylineBoxAfterTheLead() throws {
        let article = try read(
            """
            <html><body><div class="carousel"><div class="item">Steve Forbes</div></div>
            <div class="detail"><h2>Council approves the new budget</h2>
            <p class="lead">The council approved the city's budget for next year on Tuesday, after a debate that lasted into the night.</p>
            <div class="social-share"><div class="pull-left"><h5>23.01.2019</h5><div>By Ann Lee and Bo Chen</div></div></div>
            \(String(repeating: story, count: 2))\(String(repeating: "<p>The last part of the story, at length, about what the vote means for the city.</p>", count: 30))
            <div class="related-stories"><span>12.12.2012</span></div></div></body></html>
            """)
        #expect(article.published == "2019-01-23")
    }

    /// A date stated only in a script's state object (a JavaScript framework's page data) is read
    /// last; metadata and printed dates come first; a key whose value is no ISO date is passed over.
    @Test func dateInAScriptsStateObject() throws {
        let state = """
            <script>window.__STATE__={"teaser":{"title":"x","publishedAt":"soon"},"article":{"id":7,\
            "datePublished" : "2022-01-31T15:58:43+01:00","author":"A"}}</script>
            """
        let article = try read("<html><head>\(state)</head><body><article>\(story)</article></body></html>")
        #expect(article.published == "2022-01-31T14:58:43Z")
        let stated = try read(
            """
            <html><head><meta property="article:published_time" content="2021-05-02T10:00:00Z">\(state)</head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(stated.published == "2021-05-02T10:00:00Z")
    }

    @Test(arguments: [
        ("{\"pubDate\":\"2020-04-28\"}", "2020-04-28"),
        ("{\"publishDate\" :\"2020-04-28T06:00:00Z\"}", "2020-04-28T06:00:00Z"),
        ("{\"publishedAt\":1588053600}", nil),
        ("{\"datePublished\":\"yesterday\"}", nil),
        ("{\"datePublished\"}", nil),
        ("\"datePublished\":\"2020-04-", nil),
    ] as [(String, String?)])
    func scriptDates(text: String, day: String?) {
        #expect(ScriptDates.find(in: Array(text.utf8)) == day)
    }

    /// Character references no parser decoded (JSON-LD strings, a meta tag escaped twice) are
    /// decoded in headlines and names; a stray `&` stays.
    @Test func characterReferencesInStatedFields() throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle",
            "headline":"&#8216;The Medium is the Message&#8217;: a festival of light for &#163;71.6m &amp; more",
            "author":{"@type":"Person","name":"Ren&eacute;e O&#x2019;Hara"}}</script></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(article.title == "‘The Medium is the Message’: a festival of light for £71.6m & more")
        #expect(article.authors == ["Renée O’Hara"])
        let twice = try read(
            """
            <html><head><meta property="og:title" content="Glasgow&amp;#8217;s Latin American delight &amp; R&D"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(twice.title == "Glasgow’s Latin American delight & R&D")
    }

    /// References that are not characters stay as written: no scalar (`&#xD800;`, `&#99999999;`,
    /// `&#0;`), no `;` within reach, an unknown name, a lone `&`, a sign before the digits (`&#+65;`).
    @Test(arguments: [
        ("&#xD800; &#99999999; &#0; &#xZZ;", "&#xD800; &#99999999; &#0; &#xZZ;"),
        ("&#+65; &#x+41; &#-0; &#; &#x;", "&#+65; &#x+41; &#-0; &#; &#x;"),
        ("&#65;&#x41;&#X61;", "AAa"),
        ("AT&T and R&D; &bogus; & more", "AT&T and R&D; &bogus; & more"),
        ("&amp;amp; &amp;#8217; &#x2019;&rsquo;", "& ’ ’’"),
        ("a &", "a &"),
    ])
    func referencesThatAreNotCharacters(text: String, decoded: String) {
        #expect(PageMetadata.unescape(text) == decoded)
    }

    @Test(arguments: [("pt-BR", true), ("en_GB", true), ("de", true), ("en-US", false), ("en", nil), ("ja-JP", nil), ("", nil)] as [(String, Bool?)])
    func localesDayOrder(locale: String, dayFirst: Bool?) {
        #expect(DayOrder.dayFirst(locale: locale) == dayFirst)
    }

    /// A placeholder a system writes for "no date" (.NET's and Go's zero time, the Unix epoch) is no
    /// publication date: the next source is read.
    @Test(arguments: ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1970-01-01"])
    func placeholderDatesAreNoDates(placeholder: String) throws {
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"\(placeholder)"}</script>
            <meta property="article:published_time" content="2019-11-19T10:00:00Z"></head>
            <body><article>\(story)</article></body></html>
            """)
        #expect(article.published == "2019-11-19T10:00:00Z")
        #expect(PageArticle.date(placeholder) == nil)
        #expect(PageArticle.date("1823-05-04") == "1823-05-04")
    }

    @Test func numericDateInThePagesOrder() throws {
        // `26/02/2012` in a list below says the page writes the day first.
        let article = try read(
            """
            <html><body><article><h1>Council approves the new budget</h1>
            <span class="post-date">09/08/2012</span>\(story)</article>
            <aside><ul><li><a href="/a">Older budget story</a> 26/02/2012</li></ul></aside></body></html>
            """)
        #expect(article.published == "2012-08-09")
    }

    /// A page that declares its locale and prints no date that tells the order is read as its locale
    /// writes dates: `pt-BR` and `en-GB` day first, `en-US` month first.
    @Test(arguments: [("pt-BR", "2018-10-05"), ("en-GB", "2018-10-05"), ("en-US", "2018-05-10"), ("en", "2018-05-10")])
    func numericDateInTheLocalesOrder(locale: String, day: String) throws {
        let article = try read(
            """
            <html lang="\(locale)"><body><div class="col"><p class="headline">Ambulance depot broken into overnight</p>
            <small><b>05/10/2018</b> - Clara Borba</small>\(story)</div></body></html>
            """)
        #expect(article.published == day)
    }

    /// XHTML saved as HTML states its locale as `xml:lang`, read as `lang` is.
    @Test(arguments: [("en-GB", "2020-10-02"), ("en-US", "2020-02-10")])
    func numericDateInTheXMLLocalesOrder(locale: String, day: String) throws {
        let article = try read(
            """
            <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="\(locale)"><body><div class="col">
            <p class="headline">Student halls too full to be safe</p>
            <small><b>02/10/2020</b> - Clara Borba</small>\(story)</div></body></html>
            """)
        #expect(article.published == day)
    }

    /// A `<time>` in an embedded post is the post's, and one in a list of related stories is theirs:
    /// neither dates the page, whose own day printed under a class that says date does.
    @Test func aTimeInAnEmbeddedPostOrARelatedListIsAnotherStorys() throws {
        let article = try read(
            """
            <html><body><article><h1>What the ruling changes for advertising</h1>\(story)
            <blockquote class="instagram-media"><p>Ein Beitrag geteilt von <a href="/v">Vreni</a> am
            <time datetime="2018-03-12T19:30:12+00:00">Mär 12, 2018</time></p></blockquote>
            <div class="publish"><span class="PublishDate_date">29. Januar 2019</span></div></article>
            <ul class="related-posts"><li><div class="related-inner"><h4><a href="/old">Workstations</a></h4>
            <time class="published" datetime="2009-04-11 18:06:36">11. April 2009</time></div></li></ul>
            </body></html>
            """)
        #expect(article.published == "2019-01-29")
        // The same page without its own day: no date rather than the post's or a related story's.
        let undated = try read(
            """
            <html><body><article><h1>What the ruling changes for advertising</h1>\(story)
            <blockquote class="twitter-tweet"><p>Posted <time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></p>
            </blockquote></article><div id="related"><time datetime="2009-04-11">11 April 2009</time></div></body></html>
            """)
        #expect(undated.published == nil)
    }

    /// A day in an `<aside>` (a blog's recent posts) is another story's; a theme that sets the post
    /// itself in an `<aside>` with its headline keeps the post's `<time>`.
    @Test func aDayInAnAsideIsAnotherStorys() throws {
        let sidebar = """
            <aside class="widget"><h2>Blogbeiträge</h2><ul><li><a href="/gift">Ein Geschenk zur Hochzeit</a> \
            <span class="post-date">29. September 2020</span></li></ul></aside>
            """
        let article = try read("<html><body><article><h2>Katzendecke mit Namen</h2>\(story)</article>\(sidebar)</body></html>")
        #expect(article.published == nil)
        let post = try read(
            """
            <html><body><aside class="blogPost"><h1>Katzendecke mit Namen</h1><time datetime="2021-03-18T09:00:00Z">heute</time>\
            \(story)\(story)\(story)</aside>\(sidebar)</body></html>
            """)
        #expect(post.published == "2021-03-18T09:00:00Z")
    }

    /// A date in a card one link makes of a heading is another page's teaser; a permalink around
    /// the story's own date is not.
    @Test func aDateInALinkedCardIsATeasers() throws {
        let article = try read(
            """
            <html><body><article><h1>Berlin confronts its colonial past</h1>\(story)</article>
            <div class="promo"><a href="https://social.example/news"><h2>Follow us <span class="date">11.07.2017</span></h2></a></div>
            <ul class="smallList"><li><span class="date">19.01.2020</span></li></ul></body></html>
            """)
        #expect(article.published == "2020-01-19")
        let permalink = try read(
            """
            <html><body><article><h1>Berlin confronts its colonial past</h1>
            <a href="/2020/berlin-colonial" rel="bookmark"><span class="date">19.01.2020</span></a>\(story)</article></body></html>
            """)
        #expect(permalink.published == "2020-01-19")
    }

    /// Publication fields a day or more apart: the one whose day the page prints wins, unless the
    /// most trusted one's day is printed too, a second field confirms it, the printed one is the
    /// day the page was modified, or the two are within a day (one instant in two zones).
    @Test func theDayThePagePrintsChoosesBetweenStatedFields() throws {
        func page(json: String, meta: String, modified: String? = nil, printed: String, extra: String = "") -> String {
            """
            <html><head><meta property="article:published_time" content="\(meta)">\(extra)
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Vanlife in Sweden",
            "datePublished": "\(json)"\(modified.map { #", "dateModified": "\#($0)""# } ?? "")}</script></head>
            <body><article><h1>Vanlife in Sweden</h1><div class="info-item">\(printed)</div>\(story)</article></body></html>
            """
        }
        // The page prints the meta tag's day, not JSON-LD's.
        #expect(try read(page(json: "2022-01-04T07:29:00.000Z", meta: "2022-01-06T08:29:34Z", printed: "06.01.2022")).published
            == "2022-01-06T08:29:34Z")
        // JSON-LD's day printed too: JSON-LD's.
        #expect(try read(page(json: "2022-01-04T07:29:00.000Z", meta: "2022-01-06T08:29:34Z", printed: "04.01.2022 · 06.01.2022"))
            .published == "2022-01-04T07:29:00Z")
        // The printed day is the day the page was modified: the publication's.
        #expect(try read(page(json: "2021-12-06T14:36:00Z", meta: "2022-12-15T09:13:00Z", modified: "2022-12-15T08:13:00Z", printed: "15.12.2022"))
            .published == "2021-12-06T14:36:00Z")
        // A second field confirms JSON-LD's day.
        #expect(try read(page(json: "2017-12-15T08:50:02-05:00", meta: "2018-07-24T10:00:00Z", printed: "24.07.2018",
            extra: #"<meta name="pubdate" content="2017-12-15T08:50:02-05:00">"#)).published == "2017-12-15T13:50:02Z")
        // One instant in two zones (a local time without its zone beside UTC's): the trusted one's.
        #expect(try read(page(json: "2016-12-20T00:08:44+00:00", meta: "2016-12-19 19:08:44", printed: "December 19, 2016")).published
            == "2016-12-20T00:08:44Z")
    }

    /// A name that is a menu's item (a topic in a bar of links) is no byline. The page states the
    /// outlet as its author and its story was not found; its text, read for a person's byline,
    /// shows the topic alone on a line, after a box that names two actors.
    @Test func aMenusItemIsNoByline() throws {
        func list(_ title: String, _ items: [String]) -> String {
            "<div class=\"nav_layout\"><div class=\"nav_section_title\">\(title)</div><ul>"
                + items.map { "<li><a href=\"/x\">\($0)</a></li>" }.joined() + "</ul></div>"
        }
        let headlines = ["The Seven Best Film Sets of the Year", "A Festival Opens Without Its Stars", "Is the Band Back Together?",
            "Who Will Play the Lead?", "Two Singers Share Five Awards"]
        let slideshows = ["The Best-Dressed List", "This Week's Round-Up", "A Singer's Furry Friend", "A Summer in the City", "Faces Without Makeup"]
        let article = try read(
            """
            <meta name="author" content="ABC News"><meta property="og:url" content="http://abcnews.go.com/Entertainment/story?id=1">
            <div class="container">\(list("Culture Headlines", headlines))<div class="nav_video"><div class="nav_section_title">\
            <a href="/x">WATCH VIDEO: Culture &raquo</a></div><div class="nv_content"><a href="/x">Anna Weber, Paul Martin Star in...</a></div>\
            <div class="nv_content"><a href="/x">A Singer Engaged: Marriage Before...</a></div></div>\
            \(list("Culture Slideshows", slideshows))\(list("In The News", ["Movie Reviews", "TV News", "Dancing Shows", "Kate Middleton"]))</div>
            More from ABC News
            """)
        #expect(article.authors == ["ABC News"])
    }

    /// A byline just under the story's standfirst (its opening paragraph) names the author where the
    /// page names no person yet; a sentence that opens with `By` there stays the story's.
    @Test func aBylineUnderTheStandfirst() throws {
        let standfirst = "Sometimes big stories are ignored by news organisations because they simply cannot be stood up. "
            + "So when did we start putting so much trust in rumours?"
        let article = try read(
            """
            <html><body><div class="post"><h1>Rumours and the news</h1><p>\(standfirst)</p><p>By Steven Baxter</p>\(story)</div></body></html>
            """)
        #expect(article.authors == ["Steven Baxter"])
        #expect(!article.body.contains("By Steven Baxter"))
        let sentence = "By Monday the rumour had spread to three countries and two languages."
        let other = try read(
            """
            <html><body><div class="post"><h1>Rumours and the news</h1><p>\(standfirst)</p><p>\(sentence)</p>\(story)</div></body></html>
            """)
        #expect(other.authors.isEmpty)
        #expect(other.body.contains(sentence))
        // A German byline of three names and the desk.
        let german = try read(
            """
            <html><body><article><h1>Datenleck bei Rheinmetall</h1><p><strong>\(standfirst)</strong></p>
            <p class="autorenzeile small">Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>\(story)</article></body></html>
            """)
        #expect(german.authors == ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"])
        // A byline's element elsewhere on the page names the author first; the line under the
        // standfirst still leaves the body.
        let element = try read(
            """
            <html><body><div class="post"><h1>Rumours and the news</h1><span class="byline">By Tariq Panja</span>
            <p>\(standfirst)</p><p>By Steven Baxter</p>\(story)</div></body></html>
            """)
        #expect(element.authors == ["Tariq Panja"])
        #expect(!element.body.contains("By Steven Baxter"))
    }

    @Test func twoDigitYearInAnElementNamedForTheDate() throws {
        let article = try read(
            """
            <html><body><div class="text"><div class="date"> Party, 30.10.23 </div><h1>Halloween costumes</h1>\(story)
            </div></body></html>
            """)
        #expect(article.published == "2023-10-30")
        #expect(DateText.find(in: "Version 1.10.23") == nil)
    }

    @Test func aLinkedDateInFurnitureIsATeasers() throws {
        let article = try read(
            """
            <html><body><div class="sidebar"><a href="/older"><span>03.01.2019</span></a></div>
            <article><h1>Council approves the new budget</h1>\(story)</article></body></html>
            """)
        #expect(article.published == nil)
    }

    @Test func dateClassElement() throws {
        let article = try read(
            """
            <html><body><article><h1>Council approves the new budget</h1>
            <span class="post-date">27.06.2018 09:54</span>\(story)</article></body></html>
            """)
        #expect(article.published == "2018-06-27")
    }
}

/// A page whose markup names no author (or states no date) and that says it is an article is read
/// again as whole-page text, as `html-text` renders it: a byline that only the text reader knows
/// (a day, a dash and a name below the headline).
@Suite struct RenderedTextTests {
    static let menu = (1...12).map { "<li><a href=\"/s\($0)\">Section \($0)</a></li>" }.joined()
    static let footer = (1...8).map { "<li><a href=\"/f\($0)\">Footer link \($0)</a></li>" }.joined()

    /// Only a page that says it is an article (`og:type`, JSON-LD, `<article>`) is read again.
    @Test(arguments: [("<meta property=\"og:type\" content=\"article\">", ["Amelie Loevenich"]), ("", [])])
    func bylineOnlyTheTextReaderKnows(statement: String, authors: [String]) throws {
        let page = """
            <html><head>\(statement)<title>Variablen und ihr Zuhause - IT for Kids</title></head><body>
            <nav><ul>\(Self.menu)</ul></nav>
            <div class="col"><h1>Variablen und ihr Zuhause</h1><p class="text-muted">11.12.2019 - Amelie Loevenich</p></div>
            <div class="content">\(story)</div><footer><ul>\(Self.footer)</ul></footer></body></html>
            """
        let article = try read(page)
        #expect(article.authors == authors)
    }

    /// A date only the text reader finds (the day opening the story's first paragraph).
    @Test func dateOnlyTheTextReaderKnows() throws {
        let page = """
            <html><head><meta property="og:type" content="article"><title>Arbeitsmarkt auf Erholungskurs</title></head><body>
            <nav><ul>\(Self.menu)</ul></nav><div class="ba-copytext"><h1>Arbeitsmarkt auf Erholungskurs</h1>
            <p><strong>01.02.2022 „Der Arbeitsmarkt ist gut in das neue Jahr gestartet“, sagte der Vorstand am Dienstag in Nürnberg.</strong></p>
            \(story)</div><footer><ul>\(Self.footer)</ul></footer></body></html>
            """
        let article = try read(page)
        #expect(article.published?.hasPrefix("2022-02-01") == true)
    }

    @Test func linesAsAPageRendersThem() {
        let document = HTMLDocument(
            utf8: Array(
                """
                <html><head><title>Site title</title><script>var x = "<p>no</p>";</script></head><body>
                <p>One <b>bold</b> line
                wrapped</p><ul><li>First</li><li>Second</li></ul><div>A<br>B</div></body></html>
                """.utf8))
        #expect(document.renderedLines(title: "Site title") == ["Site title", "", "One bold line wrapped", "", "First", "Second", "", "A", "B"])
    }
}
