import Testing
@testable import NewsCore

/// The hand-made expectations for the five sample pages.
@Suite struct SeedGoldTests {
    struct Gold: Sendable, CustomStringConvertible {
        var file: String
        var titlePrefix: String
        var source: String?
        var published: String?
        var authors: [String]
        var kind: Article.Kind
        var people: [String]
        var description: String { file }
    }

    static let gold: [Gold] = [
        Gold(file: "000_edc18a25d3498dcf.txt", titlePrefix: "Donald Trump’s call with Vladimir Putin is under way",
             source: "Sky News", published: "2025-05-19T16:13:00Z", authors: ["James Matthews"], kind: .live,
             people: ["Donald Trump", "Vladimir Putin", "JD Vance", "Ursula von der Leyen", "Antonio Costa"]),
        Gold(file: "001_21c871b8396f508a.txt", titlePrefix: "US President Donald Trump and Russian President Vladimir Putin",
             source: nil, published: nil, authors: [], kind: .article, people: ["JD Vance", "Karoline Leavitt"]),
        Gold(file: "002_3204eb3f43a6d663.txt", titlePrefix: "On the campaign trail last year, Donald Trump promised",
             source: "Al Jazeera", published: nil, authors: [], kind: .article, people: ["Marco Rubio", "Marina Miron"]),
        Gold(file: "003_03a027c79ce3cc39.txt", titlePrefix: "US President Donald Trump and Russian President Vladimir Putin held",
             source: nil, published: "2025-05-19T16:22:00Z", authors: [], kind: .article,
             people: ["Volodymyr Zelenskyy", "JD Vance"]),
        Gold(file: "004_cd1cb9dd255ad211.txt", titlePrefix: "President Trump and Vladimir Putin's call is over",
             source: "Reuters", published: nil, authors: [], kind: .live,
             people: ["Bill Clinton", "George W. Bush", "John Roberts", "Dmitry Peskov"]),
    ]

    @Test(arguments: gold)
    func seed(gold: Gold) throws {
        let article = try #require(try TestSupport.parse(TestSupport.seed(gold.file)).articles().first)
        #expect(article.title?.hasPrefix(gold.titlePrefix) == true)
        #expect(article.source == gold.source)
        #expect(article.published == gold.published)
        #expect(article.authors == gold.authors)
        #expect(article.kind == gold.kind)
        for person in gold.people { #expect(article.people.contains(person)) }
        #expect(article.people.allSatisfy { $0.split(separator: " ").count <= 4 && $0.first?.isUppercase == true })
        #expect(article.language == "en")
        #expect(article.wordCount > 300)
    }

    @Test func skyPageDebrisAndSubheadings() throws {
        let article = try #require(try TestSupport.parse(TestSupport.seed("000_edc18a25d3498dcf.txt")).articles().first)
        #expect(!article.body.contains("Install the Sky News app for free"))
        #expect(!article.body.contains("By James Matthews, US correspondent"))
        #expect(article.body.contains("The Kremlin denied Woodward’s report."))
        #expect(article.subheadings == ["How often have they spoken?", "What about unofficial contact?"])
        let quote = article.quotes.first { $0.text.contains("If I did, it’s a smart thing") }
        #expect(quote?.speaker == "Donald Trump")
    }

    @Test func reutersLivePage() throws {
        let article = try #require(try TestSupport.parse(TestSupport.seed("004_cd1cb9dd255ad211.txt")).articles().first)
        #expect(article.summary.count == 4)
        #expect(article.subheadings == ["BILL CLINTON", "GEORGE W. BUSH", "BARACK OBAMA", "DONALD TRUMP", "JOE BIDEN"])
        #expect(article.captions.contains { $0.contains("Trump and Putin at the G20 in Hamburg, July 7, 2017") })
        #expect(!article.body.contains { $0.contains("REUTERS/") })
        #expect(!article.body.contains("Thomson Reuters"))
    }
}
