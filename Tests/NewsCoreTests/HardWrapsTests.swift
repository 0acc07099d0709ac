import Testing
@testable import NewsCore

/// Text wrapped at a fixed width (`lynx -dump`, `w3m -dump`, a mail client, wire copy) is read with
/// each paragraph's lines joined; text that is not wrapped is read line by line as before.
@Suite struct HardWrapsTests {
    static let wrapped = """
        Council approves new harbour bridge after long debate

        By Jane Holloway
        March 15, 2021

        The city council voted on Monday night to approve the construction of a new
        bridge across the harbour, ending a debate that has lasted for more than ten
        years. Opponents said the money would be better spent on repairing existing
        roads.

        The bridge, which will carry cars, buses and bicycles, is expected to cost
        about 80 million pounds and take four years to build, according to the
        council's own figures.

        "This is a great day for the city, and the work will start in spring," said
        the mayor, Tom Baker. "We have waited long enough for this bridge."
        """

    @Test func aWrappedArticleKeepsItsParagraphsWhole() throws {
        let article = try #require(try TestSupport.article(Self.wrapped))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == ["Jane Holloway"])
        #expect(article.body == [
            "The city council voted on Monday night to approve the construction of a new bridge across the harbour, "
                + "ending a debate that has lasted for more than ten years. Opponents said the money would be better "
                + "spent on repairing existing roads.",
            "The bridge, which will carry cars, buses and bicycles, is expected to cost about 80 million pounds and "
                + "take four years to build, according to the council's own figures.",
            "\"This is a great day for the city, and the work will start in spring,\" said the mayor, Tom Baker. "
                + "\"We have waited long enough for this bridge.\"",
        ])
        // The quote that ran over a line's end is found with its speaker.
        #expect(article.quotes.contains { $0.speaker == "Tom Baker" && $0.text.hasPrefix("This is a great day") })
    }

    @Test func textThatIsNotWrappedIsLeftAsItIs() {
        let lines = [
            "Home", "News", "Sport", "Weather", "",
            "Council approves new harbour bridge after long debate", "",
            "The city council voted on Monday night to approve the construction of a new bridge across the harbour, ending a debate that has lasted for more than ten years.",
            "The bridge, which will carry cars, buses and bicycles, is expected to cost about 80 million pounds.",
            "Opponents said the money would be better spent on repairing existing roads, and several residents were worried.",
            "Supporters argued that the bridge would cut journey times for thousands of commuters.",
        ]
        #expect(HardWraps.wrapWidth(lines, lines.map { HardWraps.columns($0[...]) }) == nil)
        #expect(HardWraps.unwrapped(lines) == lines)
    }

    /// A list's items stay apart, a list item's wrapped text runs on under its bullet, a word broken
    /// at its hyphen is joined without a space, and a paragraph whose first line is indented (wire
    /// copy) starts anew.
    @Test func listsIndentsAndHyphens() {
        let lines = [
            "Residents of the northern districts will be able to reach the city centre in",
            "less than ten minutes once the bridge opens, the council said in its E-Mail-",
            "Adresse notice on Tuesday.",
            "  * The first item of a list that is long enough to be wrapped at the width of",
            "    the text, under its bullet.",
            "  * A second item.",
            "The council will now ask for bids from construction companies, and the first",
            "   Work on the site could begin as early as next spring if the plans are",
            "approved by the regional government, the council's spokesman said today.",
        ]
        #expect(HardWraps.unwrapped(lines) == [
            "Residents of the northern districts will be able to reach the city centre in less than ten minutes "
                + "once the bridge opens, the council said in its E-Mail-Adresse notice on Tuesday.",
            "  * The first item of a list that is long enough to be wrapped at the width of the text, under its bullet.",
            "  * A second item.",
            "The council will now ask for bids from construction companies, and the first",
            "   Work on the site could begin as early as next spring if the plans are approved by the regional "
                + "government, the council's spokesman said today.",
        ])
    }

    /// A hostile text of a hundred thousand wrapped lines and no paragraph break is one paragraph,
    /// joined in place (a copy of the paragraph per line joined took minutes).
    @Test func aHundredThousandWrappedLinesAreOneParagraph() {
        let line = "every line of this endless paragraph runs on into the next one without a stop"
        let joined = HardWraps.unwrapped(Array(repeating: line, count: 100_000))
        #expect(joined.count == 1)
        #expect(joined.first?.utf8.count == 100_000 * (line.utf8.count + 1) - 1)
    }

    /// A header's fields of about the wrap's width stay on lines of their own; the message under
    /// them is joined.
    @Test func labelledLinesStayApart() {
        let lines = [
            "From: Susan Parker (s.parker@example.org)",
            "Next message: Donna Crumley: \"On remembering everything, a second reply\"",
            "Previous message: Judy Chatwin: \"On the man with a shattered world\"",
            "",
            "Luria's patient was once a very clever student studying at a polytechnic in",
            "Russia, and he was in his fourth year of study when he suffered severe brain",
            "damage which destroyed his chance of a normal life, and which came from a",
            "bullet fragment shot into his brain during the war.",
        ]
        #expect(HardWraps.unwrapped(lines) == Array(lines[..<4]) + [
            "Luria's patient was once a very clever student studying at a polytechnic in Russia, and he was in his "
                + "fourth year of study when he suffered severe brain damage which destroyed his chance of a normal "
                + "life, and which came from a bullet fragment shot into his brain during the war.",
        ])
    }

    /// Without blank lines between paragraphs, a line that ends a sentence ends its paragraph when
    /// the next opens with a capital; with them, a paragraph runs on over a sentence's end.
    @Test func sentenceEndsAtALinesEnd() {
        let lines = [
            "The city council voted on Monday night to approve the construction of a new",
            "bridge across the harbour, ending a debate that lasted for more than ten years.",
            "Opponents said the money would be better spent on repairing existing roads, and",
            "several residents who live near the planned site said they were worried about",
            "the noise. Supporters argued that the bridge would cut journey times for many.",
            "The council will now ask for bids from construction companies, and the work",
            "could begin next spring.",
        ]
        #expect(HardWraps.unwrapped(lines).count == 3)
        // Blank lines set paragraphs apart: one after the fifth line (and the text's last lines).
        let spaced = Array(lines[..<5]) + [""] + Array(lines[5...]) + ["", "", ""]
        let joined = HardWraps.unwrapped(spaced)
        #expect(joined.filter { !$0.isEmpty }.count == 2)
    }
}
