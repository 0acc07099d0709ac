import Testing
@testable import NewsCore

@Suite struct DatelineParserTests {
    /// Lines of stamps the dateline reader does not read whole: two on one line, a time of day
    /// before the day, older pages' labels. A line that says more than its stamp, or opens with no
    /// label, is none.
    @Test(arguments: [
        ("Published: January 10 2008 02:00 | Last updated: January 10 2008 03:00", "2008-01-10", "2008-01-10"),
        ("Published Nov. 7, 2012 2:25 pm Updated Nov. 8, 2012 4:01 pm", "2012-11-07", "2012-11-08"),
        ("Last Updated: 12:01am GMT 08/01/2008", nil, "2008-01-08"),
        ("Last updated at 00:11am on 14th January 2008", nil, "2008-01-14"),
        ("Sunday, December 30, 2007 - Page updated at 12:00 AM", "2007-12-30", nil),
        ("Created: 1/10/2008 4:09:14 PM", "2008-01-10", nil),
        ("Submitted on Mon, 2019-01-21 13:49", "2019-01-21", nil),
        ("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", "2019-04-28", "2019-04-29"),
        ("Veröffentlicht: 07.11.2023, 10:37 Uhr | aktualisiert: 07.11.2023, 11:01 Uhr", "2023-11-07", "2023-11-07"),
        ("Updated at 11:31 a.m. ET", nil, nil),
        // German broadcasters' `Stand` ("as of"): the day the page was last revised.
        ("Stand: 28.04.2023 17:23 Uhr", nil, "2023-04-28"),
        // The line's French words set its numeric date day first; a time zone's name does not (an
        // American page prints GMT).
        ("Publié le 06/01/2026 - 14:16 UTC+1", "2026-01-06", nil),
        ("Published 01/08/2008 - 10:07 a.m. GMT", "2008-01-08", nil),
    ] as [(String, String?, String?)])
    func labelledStamps(line: String, published: String?, updated: String?) throws {
        let stamps = try #require(PageLayout.labelledStamps(line))
        #expect(stamps.published == published)
        #expect(stamps.updated == updated)
    }

    @Test(arguments: [
        "Published on November 7th, 2012 Read the 8 comments",  // more than a stamp
        "Updated March 3, 2020 with the council's reply",
        "Tucson, Arizona | Published: 01.09.2008",  // a place beside it
        "January 7, 2008 4:30 PM | Printable version",  // no label
        "Updated guidance for schools",  // no date
        "Stand der Ermittlungen: 28.04.2023",  // more than the label
    ])
    func noLabelledStamps(line: String) {
        #expect(PageLayout.labelledStamps(line) == nil)
    }

    @Test(arguments: [
        ("Monday 19 May 2025 17:13, UK", "2025-05-19T16:13:00Z"),
        ("Wednesday 15 January 2025 17:13, UK", "2025-01-15T17:13:00Z"),
        ("Published 19 May 2025 at 21:52 IST", "2025-05-19T16:22:00Z"),
        ("Updated 27 December 2025 at 04:05 EST", "2025-12-27T09:05:00Z"),
        ("Updated 20 June 2025 at 19:36 EDT", "2025-06-20T23:36:00Z"),
        ("Published 2 May 2025 at 22:23 BST", "2025-05-02T21:23:00Z"),
        ("Published 2 May 2025 at 22:23 GMT", "2025-05-02T22:23:00Z"),
        ("Published 2 May 2025 at 22:23 UTC", "2025-05-02T22:23:00Z"),
        ("Published 2 July 2025 at 10:00 ET", "2025-07-02T14:00:00Z"),
        ("Published 2 January 2025 at 10:00 ET", "2025-01-02T15:00:00Z"),
        ("Published 2 July 2025 at 10:00 CEST", "2025-07-02T08:00:00Z"),
        ("Published 2 January 2025 at 10:00 CET", "2025-01-02T09:00:00Z"),
        ("Published 2 January 2025 at 10:00 MSK", "2025-01-02T07:00:00Z"),
        ("Published May 19, 2025 at 5:13 pm ET", "2025-05-19T21:13:00Z"),
        ("2025-05-19T17:13:00+01:00", "2025-05-19T16:13:00Z"),
        ("2025-05-19T16:13:00Z", "2025-05-19T16:13:00Z"),
        ("Mon, 19 May 2025 17:13:00 +0100", "2025-05-19T16:13:00Z"),
        ("Mon, 19 May 2025 17:13:00 GMT", "2025-05-19T17:13:00Z"),
        ("Published 19 May 2025", "2025-05-19"),
        ("2025-05-19", "2025-05-19"),
    ])
    func datelines(line: String, expected: String) {
        #expect(DatelineParser.parseLine(line)?.value == expected)
    }

    /// EU rules switch at 01:00 UTC on the last Sunday of March and October.
    @Test(arguments: [
        ("Sunday 30 March 2025 00:59, UK", "2025-03-30T00:59:00Z"),
        ("Sunday 30 March 2025 02:30, UK", "2025-03-30T01:30:00Z"),
        ("Saturday 25 October 2025 12:00, UK", "2025-10-25T11:00:00Z"),
        ("Sunday 26 October 2025 02:00, UK", "2025-10-26T02:00:00Z"),
        ("Monday 27 October 2025 12:00, UK", "2025-10-27T12:00:00Z"),
    ])
    func europeanSummerTime(line: String, expected: String) {
        #expect(DatelineParser.parseLine(line)?.value == expected)
    }

    /// US rules: second Sunday of March and first Sunday of November, 02:00 local.
    @Test(arguments: [
        ("Published 9 March 2025 at 01:30 ET", "2025-03-09T06:30:00Z"),
        ("Published 9 March 2025 at 03:30 ET", "2025-03-09T07:30:00Z"),
        ("Published 1 November 2025 at 12:00 ET", "2025-11-01T16:00:00Z"),
        ("Published 2 November 2025 at 03:00 ET", "2025-11-02T08:00:00Z"),
    ])
    func americanDaylightTime(line: String, expected: String) {
        #expect(DatelineParser.parseLine(line)?.value == expected)
    }

    @Test(arguments: [
        "By now, the talks have stalled.",
        "FILE PHOTO: Trump and Putin at the G20 in Hamburg, July 7, 2017. REUTERS/Carlos Barria",
        "They spoke again on 18 March.",
        "Published 31 February 2025 at 10:00 GMT",
        "The two leaders have been talking since about 10 a.m. ET (1400 GMT).",
    ])
    func notDatelines(line: String) {
        #expect(DatelineParser.parseLine(line) == nil)
    }

    /// Publication and update labels in the languages newsd reads, with their `on` and a colon, before
    /// a stamp this parser reads (ISO 8601, RFC 2822, English month names); a day in another
    /// language's words (`16.08.2019`, `4. Februar 2022`) is the page readers' (`DateFinder`).
    @Test(arguments: [
        ("Veröffentlicht am 2019-08-16", DatelineParser.Label.published, "2019-08-16"),
        ("Erschienen am: 2022-02-04T10:15:00+01:00", .published, "2022-02-04T09:15:00Z"),
        ("Published on: March 3, 2020", .published, "2020-03-03"),
        ("Publié le 2019-06-29", .published, "2019-06-29"),
        ("Publication Date: Wednesday, August 11, 2004", .published, "2004-08-11"),
        ("Updated on March 3, 2020", .updated, "2020-03-03"),
        ("Last Updated: Oct 29, 2012 9:03 AM ET", .updated, "2012-10-29T13:03:00Z"),
        ("Aktualisiert am 2019-08-16", .updated, "2019-08-16"),
        ("Mis à jour le 2020-03-03", .updated, "2020-03-03"),
        ("Posted : Thu, 10 Jan 2008 03:47:03 GMT", .published, "2008-01-10T03:47:03Z"),
        ("Date: 2020-03-03", .published, "2020-03-03"),
    ])
    func labelledDatelines(line: String, label: DatelineParser.Label, expected: String) {
        let found = DatelineParser.parseLine(line)
        #expect(found?.label == label)
        #expect(found?.value == expected)
    }

    /// A label run into a word is no label (`Publishers`), and a label's text is what follows it.
    @Test func labelsEndAtAWordsEnd() {
        #expect(DatelineParser.parseLine("Publishers 12.03.2021") == nil)
        #expect(DatelineParser.parseLine("Dates 12.03.2021") == nil)
        let labels = DatelineParser.publicationLabels
        #expect(DatelineParser.afterLabel("Veröffentlicht am: 16.08.2019", among: labels) == "16.08.2019")
        #expect(DatelineParser.afterLabel("  First published on 3 March", among: labels) == "3 March")
        #expect(DatelineParser.afterLabel("Publisher: Acme", among: labels) == nil)
        #expect(DatelineParser.afterLabel("Updated 3 March", among: labels) == nil)
    }

    /// The first look at a line: its first two letters, in either case, after white space, open a
    /// label or the line is passed over without being read further.
    @Test func labelsFirstTwoLetters() {
        for line in ["Published: 3 March", "  PUBLISHED 3 March", "\tveröffentlicht am", "Mis à jour le", "dateline", "Posted"] {
            #expect(DatelineParser.mayOpenWithLabel(line.utf8), "\(line)")
        }
        for line in ["Paris, 3 March", "12.03.2021", "P", "", "   ", "Über", "Pz: 2021"] {
            #expect(!DatelineParser.mayOpenWithLabel(line.utf8), "\(line)")
        }
        let bytes = Array("Erschienen am 13.10.2021".utf8)
        #expect(bytes.withUnsafeBufferPointer { PageArticle.mayOpenWithDateLabel(utf8: $0) })
    }

    @Test func dateInsideTextIsNotTheArticleDate() throws {
        let text = "Headline here\nTrump spoke on Monday 19 May 2025 at 17:13 with Putin.\n"
            + "— The White House (@WhiteHouse) May 19, 2025\n"
            + "FILE PHOTO: A flag, March 12, 2017. REUTERS/Giulia Okafor\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.published == nil)
    }

    @Test func headerStampWinsAndUpdatedIsKept() throws {
        let text = "Updated 12 June 2024 at 04:51 IST\nNigeria misses wildfire response\nBody text here.\n"
            + "Published 12 June 2024 at 04:46 IST\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.published == "2024-06-11T23:21:00Z")
        #expect(article.updated == "2024-06-11T23:21:00Z")
        #expect(!article.body.contains { $0.hasPrefix("Published") })
    }
}

/// A story's opening dateline (`WireDateline`), and the lines a page prints above it.
@Suite struct WireDatelineTests {
    @Test(arguments: [
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", true),
        ("BUFFALO, N.Y. — Hours before the game, the coach spoke.", true),
        ("WASHINGTON, Nov 19 (Reuters) - Scientists on Monday unveiled a map.", true),
        ("NEW DELHI: Their American dream ended at an airport.", true),
        ("KOBE – A total of 6,000 surgical masks have been lost.", true),
        ("BERLIN -- The European Space Agency says it is ready.", true),
        ("SAN FRANCISCO, Calif. -- President Obama spoke.", true),
        ("Washington - The Senate voted on Tuesday.", false),
        ("A – the first letter.", false),
        ("NASA announced on Monday that it was adding companies.", false),
    ])
    func opensWithADateline(paragraph: String, opens: Bool) {
        #expect(WireDateline.opens(paragraph) == opens)
    }

    /// Short lines that end no sentence above the dateline are the story's header; a standfirst that
    /// ends a sentence, or more than three lines, are not.
    @Test func linesAboveTheDatelineHeadTheStory() {
        let story = "WASHINGTON (Reuters) - Scientists on Monday unveiled the most detailed map yet of the sky."
        #expect(WireDateline.headerLines(["By Reuters", "November 19, 2019 / 12:21 AM / Updated 14 hours ago", story]) == 2)
        #expect(WireDateline.headerLines(["AP-US--Trump-Impeachment, 4th Ld-Writethru", story, "More."]) == 1)
        #expect(WireDateline.headerLines(["The map shows where dark matter lies.", story]) == 0)
        // A label ends no sentence here (`Font size:`, `Share:` above the dateline are the page's).
        #expect(WireDateline.headerLines(["Font size:", "Share:", story]) == 2)
        #expect(WireDateline.headerLines(["One", "Two", "Three", "Four", story]) == 0)
        #expect(WireDateline.headerLines([story, "By Reuters"]) == 0)
        #expect(WireDateline.headerLines([]) == 0)
        #expect(WireDateline.headerLines([story]) == 0)
    }
}
