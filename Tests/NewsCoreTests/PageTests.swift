import Foundation
import Testing
@testable import NewsCore

/// Whole-page text (menus, related links, footers), quote attribution across sentences and
/// paragraphs, appends that start inside a line, and news-please dates.
@Suite struct PageTests {
    static let page = """
        Council approves new harbour bridge after long debate - The Daily Example

        Skip to content
        Home
        News
        Sport
        Business
        Weather
        Sign in
        Subscribe

        Latest stories
        Storm closes coastal road again
        14 March 2021
        School meals budget cut in half
        13 March 2021

        Local news

        Council approves new harbour bridge after long debate

        By Jane Holloway

        March 15, 2021

        The city council voted on Monday night to approve the construction of a new bridge across the harbour, ending a debate that has lasted for more than ten years.

        The bridge, which will carry cars, buses and bicycles, is expected to cost about 80 million pounds and take four years to build, according to the council's own figures.

        Opponents said the money would be better spent on repairing existing roads, and several residents who live near the planned site said they were worried about noise during the work.

        Supporters argued that the bridge would cut journey times for thousands of commuters and bring new business to the northern side of the city, which has long felt left behind.

        The council will now ask for bids from construction companies, and the first work on the site could begin as early as next spring if the plans are approved by the regional government.

        Share this article
        Facebook
        Twitter
        Email

        Related articles
        Harbour ferry to stop running in winter
        2 February 2021
        New cycle lanes planned for city centre
        20 January 2021

        Contact us
        Privacy policy
        Terms of use
        Cookie settings
        © 2021 The Daily Example. All rights reserved.
        """

    @Test func aTextOfMoreLinesThanAnyPageIsReadAsAnArticlesOwnText() throws {
        // The page above, then more short lines than a page prints: the line model is not run (its
        // features for every line would take a worker past its memory limit on a long list), and
        // the text is read as an article's own: its menus and list stay in the body.
        let list = (0..<TextExtractor.maximumPageLines).map { "Item \($0)" }.joined(separator: "\n")
        let article = try #require(try TestSupport.article(Self.page + "\n" + list))
        #expect(article.body.contains("Subscribe"))
        #expect(article.body.contains("Item 39999"))
        // Under the limit it is still a page: the menus are furniture.
        let shorter = (0..<(TextExtractor.maximumPageLines - 200)).map { "Item \($0)" }.joined(separator: "\n")
        let page = try #require(try TestSupport.article(Self.page + "\n" + shorter))
        #expect(!page.body.contains("Subscribe"))
        #expect(page.body.first?.hasPrefix("The city council voted") == true)
    }

    @Test func wholePageGivesStoryHeadlineBylineAndDate() throws {
        let article = try #require(try TestSupport.article(Self.page))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == ["Jane Holloway"])
        #expect(article.published == "2021-03-15")
        #expect(article.body.count == 5)
        #expect(article.body.first?.hasPrefix("The city council voted") == true)
        let furniture = ["Home", "Subscribe", "Sign in", "Storm closes coastal road again", "Related articles",
                         "Harbour ferry to stop running in winter", "Privacy policy", "Cookie settings"]
        for line in furniture { #expect(!article.body.contains(line), "\(line)") }
    }

    /// A wire story's slug printed above its dateline (`AP-UK--Harbour-Bridge, 1st Ld-Writethru` over
    /// `HARBOUR CITY (AP) - …`) heads the story: the body opens at the dateline.
    @Test func linesAboveAWireDatelineHeadTheStory() throws {
        let text = Self.page
            .replacingOccurrences(of: "March 15, 2021\n\nThe city council voted", with: "March 15, 2021\n\nAP-UK--Harbour-Bridge, 1st Ld-Writethru\n\nHARBOUR CITY (AP) - The city council voted")
        #expect(text != Self.page)
        let article = try #require(try TestSupport.article(text))
        #expect(article.body.first?.hasPrefix("HARBOUR CITY (AP) - The city council voted") == true)
        #expect(article.body.count == 5)
    }

    /// The site's notices under the story — a call to follow it, a newsletter offer — read as
    /// sentences but are no part of the body.
    @Test func noticesUnderTheStoryLeaveTheBody() throws {
        let notices = """
            regional government.

            Follow The Daily Example on Twitter and Instagram @DailyExample and on Facebook for the latest news.

            Never miss a story: sign up for our free daily newsletter and get the headlines in your inbox every morning.

            Share this article
            """
        let text = Self.page.replacingOccurrences(of: "regional government.\n\nShare this article", with: notices)
        #expect(text != Self.page)
        let article = try #require(try TestSupport.article(text))
        #expect(article.body.count == 5)
        #expect(article.body.last?.hasPrefix("The council will now ask for bids") == true)
    }

    /// A page whose story names nobody near its headline, signed under its last paragraph: the
    /// name alone on the next line is its author. Not when the story is an interview of that person,
    /// nor when other names stand beside it (a letter's signatories).
    @Test func storySignedUnderItsLastParagraph() throws {
        let unsigned = Self.page.replacingOccurrences(of: "By Jane Holloway\n\n", with: "")
        #expect(unsigned != Self.page)
        let signature = "regional government.\n\nMartin Keller\n\nShare this article"
        let signed = unsigned.replacingOccurrences(of: "regional government.\n\nShare this article", with: signature)
        #expect(signed != unsigned)
        #expect(try #require(try TestSupport.article(unsigned)).authors == [])
        let article = try #require(try TestSupport.article(signed))
        #expect(article.authors == ["Martin Keller"])
        #expect(!article.body.contains("Martin Keller"))

        // The one asked in an interview, named in a box under it.
        let interview = signed.replacingOccurrences(of: "The bridge, which will carry", with: "Keller: The bridge, which will carry")
        #expect(interview != signed)
        #expect(try #require(try TestSupport.article(interview)).authors == [])

        // The first of several who signed.
        let letter = signed.replacingOccurrences(of: "Martin Keller\n", with: "Martin Keller\nAnna Weber, Harbour Trust\n")
        #expect(letter != signed)
        #expect(try #require(try TestSupport.article(letter)).authors == [])

        // Signed with a dash under the story's source and day; a dash right under a paragraph names
        // the one quoted in it.
        let sourced = unsigned.replacingOccurrences(
            of: "regional government.\n\nShare this article",
            with: "regional government.\n\nQuelle: City council\n\n28. November 2022\n\n- Martin Keller\n\nShare this article")
        #expect(sourced != unsigned)
        #expect(try #require(try TestSupport.article(sourced)).authors == ["Martin Keller"])
        let quoted = unsigned.replacingOccurrences(
            of: "regional government.\n\nShare this article", with: "regional government.\n\n- Martin Keller\n\nShare this article")
        #expect(quoted != unsigned)
        #expect(try #require(try TestSupport.article(quoted)).authors == [])
    }

    /// A page whose story names nobody near its headline, signed with a byline under a paragraph
    /// (`Von Martin Keller`, as German regional papers sign): under the last one, or under an earlier
    /// one when the reader took teasers printed under the story for its last paragraphs; the line
    /// leaves the body. Not when a second such line stands among the paragraphs (a teaser's byline).
    @Test func storySignedWithABylineUnderIt() throws {
        let unsigned = Self.page.replacingOccurrences(of: "By Jane Holloway\n\n", with: "")
        #expect(unsigned != Self.page)
        let teasers = """
            Storm closes coastal road again: waves threw stones across both lanes, and the county's highways office shut it for the night.

            School meals budget cut in half after the council's vote, a decision parents' groups said they would fight in the courts.
            """
        // A longer story: its signature far below the headline, where no byline is looked for.
        let more = (1...8).map {
            "Paragraph \($0) of the report describes how the plans changed after the public hearings, which drew "
                + "hundreds of residents to the town hall over three evenings in February."
        }.joined(separator: "\n\n")
        func article(_ under: String) throws -> Article {
            let text = unsigned.replacingOccurrences(
                of: "regional government.\n\nShare this article", with: "regional government.\n\n\(more)\n\n\(under)\n\nShare this article")
            #expect(text != unsigned)
            return try #require(try TestSupport.article(text))
        }
        for under in ["Von Martin Keller", "Von Martin Keller\n\n\(teasers)"] {
            let signed = try article(under)
            #expect(signed.authors == ["Martin Keller"])
            #expect(!signed.body.contains("Von Martin Keller"))
        }
        let teaserSigned = teasers.replacingOccurrences(of: "\n\nSchool", with: "\n\nBy Anna Weber\n\nSchool")
        #expect(try article("Von Martin Keller\n\n\(teaserSigned)").authors == [])
    }

    /// A `By …` line above the story's first paragraph with a row of share buttons between (the AP's
    /// thirteen: `Share`, `Copy`, `Email`, `Facebook`, …), where the page prints no headline above it,
    /// is the story's byline.
    @Test func bylineAboveARowOfShareButtons() throws {
        let buttons = ["Share", "Share", "Copy", "Link copied", "Email", "Facebook", "X", "Reddit", "LinkedIn", "Pinterest",
                       "Flipboard", "Print", "Read More"].joined(separator: "\n")
        let page = Self.page
            .replacingOccurrences(of: "Council approves new harbour bridge after long debate\n\nBy Jane Holloway\n\nMarch 15, 2021\n\n",
                                  with: "By Jane Holloway\n\(buttons)\n\n")
        #expect(page != Self.page)
        let article = try #require(try TestSupport.article(page))
        #expect(article.authors == ["Jane Holloway"])
        #expect(article.body.first?.hasPrefix("The city council voted on Monday night") == true)
    }

    /// Bylines in the story's header that no `By` opens: a name with a labelled age after a separator
    /// (`Published 15 hours ago`), a name over or under the story's stamp with the page's font and share
    /// buttons between it and the headline, and a byline that ends a line of the story's facts.
    @Test func bylinesInTheStorysHeader() throws {
        let header = "Council approves new harbour bridge after long debate\n\nBy Jane Holloway\n\nMarch 15, 2021\n\n"
        #expect(Self.page.contains(header))
        func authors(_ replacement: String) throws -> [String] {
            let page = Self.page.replacingOccurrences(of: header, with: "Council approves new harbour bridge after long debate\n\n\(replacement)\n\n")
            return try #require(try TestSupport.article(page)).authors
        }
        // A name newsd does not know as a given name needs what dates it.
        #expect(try authors("Thandeka Mbeleni | Published 15 hours ago") == ["Thandeka Mbeleni"])
        #expect(try authors("Thandeka Mbeleni | Sponsored") == [])
        // Buttons push the name and its stamp away from the headline; a stamp with a time of day is
        // the story's, a bare day is not enough so far down.
        let buttons = "Text size\nBackground colour\nShare\nComment"
        #expect(try authors("\(buttons)\n\nThandeka Mbeleni\n\nCape Town - 15/03/2021 20:00") == ["Thandeka Mbeleni"])
        #expect(try authors("\(buttons)\n\nThandeka Mbeleni\n\nMarch 15, 2021") == [])
        // Or right under the story's stamp (the WAZ's order); a control's label there is no name.
        #expect(try authors("\(buttons)\n\n15.03.2021, 15:04 | Lesedauer: 7 Minuten\n\nThandeka Mbeleni") == ["Thandeka Mbeleni"])
        #expect(try authors("15.03.2021, 15:04 | Lesedauer: 7 Minuten\n\nIncrease Text Size") == [])
        #expect(try authors("\(buttons)\n\n15.03.2021\n\nThandeka Mbeleni") == [])
        // A name with an age or a story's stamp after it on its line, under a standfirst and a caption.
        let above = "The vote ends a year of debate.\nThe bridge will open in 2024.\nGetty Images"
        #expect(try authors("\(above)\nThandeka Mbeleni 2 minutes ago") == ["Thandeka Mbeleni"])
        #expect(try authors("\(above)\nThandeka Mbeleni vor 2 Stunden") == ["Thandeka Mbeleni"])
        // (German hours and minutes before `Uhr` are a time of day.)
        #expect(PageLayout.isStoryStamp("15.03.2021, 16.03 Uhr") && !PageLayout.isStoryStamp("15.03.2021, 16.03"))
        // A labelled stamp with the name after its last comma (Golem's), under buttons.
        #expect(try authors("\(buttons)\n\nArtikel veröffentlicht am 15. März 2021, 14:26 Uhr, Thandeka Mbeleni") == ["Thandeka Mbeleni"])
        #expect(try authors("\(buttons)\n\nArtikel veröffentlicht am 15. März 2021, 14:26 Uhr, Lokales Berlin") == [])
        #expect(PageLayout.nameAfterLabelledStamp("Published March 15, 2021, 9:15 AM, Jane Holloway") == "Jane Holloway")
        #expect(PageLayout.nameAfterLabelledStamp("March 15, 2021, 9:15 AM, Jane Holloway") == nil)
        // A stamp without its year (VG's `mandag 5. august kl. 14:47`) is a stamp when it holds a time.
        #expect(try authors("Thandeka Mbeleni\n\nmandag 15. mars kl. 14:47") == ["Thandeka Mbeleni"])
        #expect(try authors("Thandeka Mbeleni\n\nmandag 15. mars") == [])
        #expect(PageLayout.isStamp("Thursday 18 July, 11:48") && PageLayout.isStamp("July 18 at 11:48"))
        #expect(!PageLayout.isStamp("Room 15 at 14:47") && !PageLayout.isStamp("Chapter 5: March 14:47 remix and more words here to be long enough over sixty bytes"))
        // The last part of a line of facts.
        #expect(try authors("Local, News | Published: 5 hours ago | Written by Thandeka Mbeleni") == ["Thandeka Mbeleni"])
        #expect(try authors("Local, News | Published: 5 hours ago | By the numbers") == [])
    }

    /// A printed byline is never the headline (the title model took `By Alan Boyle Science editor`,
    /// `Posted by Chef John at 2:28 PM` and `von David Straub, MDR THÜRINGEN` over the lines around
    /// them); a headline that opens with the same words is one.
    @Test func aBylineIsNoHeadline() {
        for line in ["By Jane Holloway, News Reporter", "von Jane Holloway, MDR THÜRINGEN", "Posted by Jane Holloway at 2:28 PM",
                     "By Jane Holloway Science editor"] {
            #expect(TitleRanker.isPrintedByline(line), "\(line)")
        }
        for line in ["By the numbers: how the harbour bridge will be paid for", "Von der Leyen warnt vor neuen Zöllen",
                     "Council approves new harbour bridge after long debate", "By train or by car: the new bridge explained"] {
            #expect(!TitleRanker.isPrintedByline(line), "\(line)")
        }
    }

    /// A breadcrumb trail of eight words or more right above the story's first paragraph (the page's
    /// title at its end) is the site's, not the story's opening.
    @Test func breadcrumbAboveTheStory() throws {
        let trail = "EPA Home > Response to the Storm > News Releases > Oh My God, Look at That Bridge!"
        let page = Self.page.replacingOccurrences(of: "March 15, 2021\n\n", with: "March 15, 2021\n\n\(trail)\n\n")
        #expect(page != Self.page)
        let article = try #require(try TestSupport.article(page))
        #expect(!article.body.contains(trail))
        #expect(article.body.first?.hasPrefix("The city council voted on Monday night") == true)
        #expect(article.title == "Council approves new harbour bridge after long debate")
    }

    /// A personal site's page that names no author but in its footer's copyright notice: the person
    /// the notice names is the author. Not a photo's credit (the name alone, or with its agency or
    /// archive), a company, or a notice that names two people.
    @Test func aPersonalSitesCopyrightHolder() throws {
        let unsigned = Self.page.replacingOccurrences(of: "By Jane Holloway\n\n", with: "")
        func author(_ notice: String) throws -> [String] {
            let text = unsigned.replacingOccurrences(of: "© 2021 The Daily Example. All rights reserved.", with: notice)
            #expect(text != unsigned)
            return try #require(try TestSupport.article(text)).authors
        }
        #expect(try #require(try TestSupport.article(unsigned)).authors == [])
        #expect(try author("© 2009-2012 Jonathan Krase. Impressum & Datenschutz Proudly powered by WordPress") == ["Jonathan Krase"])
        #expect(try author("(c) Johannes Wolf • Weitere Rechte siehe Impressum") == ["Johannes Wolf"])
        #expect(try author("Copyright (c) 2012- Gregory Szorc. All rights reserved.") == ["Gregory Szorc"])
        #expect(try author("Copyright 2004, James J. Broad") == ["James J. Broad"])
        // A story signed under its last paragraph is the signer's, whoever the footer names.
        let signed = unsigned.replacingOccurrences(of: "regional government.\n\nShare this article", with: "regional government.\n\nMartin Keller\n\nShare this article")
            .replacingOccurrences(of: "© 2021 The Daily Example. All rights reserved.", with: "© 2009-2012 Jonathan Krase. Impressum")
        #expect(try #require(try TestSupport.article(signed)).authors == ["Martin Keller"])
        for notice in [
            "© Marcel Burkhardt", "© Frank Derer (LBV-Bildarchiv)", "© 2021 Michael Kappeler/dpa",
            "© 2021 Paul Parey Zeitschriftenverlag GmbH", "© Copyright 2010-2014, Pierre-Yves David, Greg Ward, and contributors.",
            // Two notices that name different people: neither is the page's author.
            "© 2009-2012 Jonathan Krase. Impressum\n© 2012 Gregory Szorc. All rights reserved.",
        ] {
            #expect(try author(notice) == [], "\(notice)")
        }
    }

    /// A name alone over the story's stamp right under its first paragraph (a standfirst), share
    /// buttons between the headline and the story, is the story's byline.
    /// A comma after the name runs on into the stamp (`Amelie Siekmann,` / `am Sonntag, …`).
    @Test(arguments: [
        ("Martin Keller", "March 15, 2021 10:30"), ("Martin Keller,", "am Montag, 15.03.2021 - 10:30 (1 Kommentar)"),
    ])
    func nameOverTheStampUnderTheFirstParagraph(name: String, stamp: String) throws {
        let share = (1...20).map { "Share on network \($0)" }.joined(separator: "\n\n")
        let byline = name + "\n" + stamp
        let text = Self.page
            .replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021\n\n", with: share + "\n\n")
            .replacingOccurrences(of: "more than ten years.\n\n", with: "more than ten years.\n\n" + byline + "\n\n")
        #expect(text.contains(byline) && text.contains("Share on network 20"))
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == ["Martin Keller"])
        #expect(article.published?.hasPrefix("2021-03-15") == true)
    }

    @Test func dateInARelatedListIsNotThePublicationDate() throws {
        // Without its own date line the page has no publication date; the related list's dates are not it.
        let text = Self.page.replacingOccurrences(of: "March 15, 2021\n", with: "")
        let article = try #require(try TestSupport.article(text))
        #expect(article.published == nil || article.published == "2021-03-15")
        #expect(article.published != "2021-02-02" && article.published != "2021-01-20")
        #expect(article.published != "2021-03-14" && article.published != "2021-03-13")
    }

    /// A stamp below a share bar and a photo credit, further from the headline than the header block
    /// reaches, is still the page's date; a date mentioned in a sentence nearer the headline is not.
    @Test func stampBelowTheHeadlineBlockBeatsADateInProse() throws {
        let shareBar = "Share on Facebook\nShare on Twitter\nShare via Email\nPrint\nComments 12\nSave for later\n"
            + "Photograph: Jane Doe/The Daily Example\nListen to this story\nFollow us\nText size\n"
        var text = Self.page.replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021\n", with: shareBar)
        text = text.replacingOccurrences(
            of: "The city council voted on Monday night",
            with: "Thu 15 Apr 2021 02.00 EST\n\nIn a meeting first planned for 3 March 2021, the city council voted on Monday night")
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.published == "2021-04-15")
    }

    /// A story that opens with its dateline (`Karlsruhe, (15.03.2021). The city council …`) in a long
    /// first paragraph and prints no date line: the dateline's day is the page's.
    @Test func datelineOpeningTheStorysFirstParagraph() throws {
        var text = Self.page.replacingOccurrences(of: "March 15, 2021\n", with: "")
        text = text.replacingOccurrences(
            of: "The city council voted on Monday night",
            with: "Harbourtown, (16.03.2021). After a debate that filled the whole evening and most of the night, with "
                + "speakers from every district of the city and from the harbour's own board, the city council voted on Monday night")
        let article = try #require(try TestSupport.article(text))
        #expect(article.published == "2021-03-16")
    }

    /// A page title that is the site's description of itself (a list of its sections) is no
    /// headline: the short line above the story is.
    @Test func siteDescriptionTitleLineGivesTheLineAboveTheStory() throws {
        let text = """
            clubcall - Latest football news, transfers, reports

            Home
            Football
            Premiership
            Championship
            League One
            League Two
            Scotland
            Europe
            International
            Cricket
            Rugby Union
            Rugby League
            Tennis
            Golf
            Horse Racing
            Other Sport
            FREE Newsletter
            Reading 0-2 Portsmouth
            2008-01-01 17:15:00.0
            Portsmouth made the best possible start to the new year with a 2-0 win over ten-man Reading at the Madjeski Stadium.
            The writing was on the wall for Reading as early as the second minute when Ibrahima Sonko got on the wrong side of Benjani inside the penalty area and was shown a straight red card.
            Niko Krancjar though hit his penalty off the foot of the post leaving Reading somewhat relieved for the short term.
            (c) Copyright Clubcall.com 2006 Contact Us
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Reading 0-2 Portsmouth")
    }

    /// A page whose `<title>` line is only the site and section: the headline is the headline-shaped
    /// line above the story, not the site's name.
    @Test func siteNameTitleLineGivesTheHeadlineAboveTheStory() throws {
        let text = Self.page.replacingOccurrences(
            of: "Council approves new harbour bridge after long debate - The Daily Example", with: "dailyexample.com - Local News Wire")
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
    }

    /// The page title printed in the forms pages use, or no title at all: the title model (`TitleRanker`)
    /// still takes the story's headline, not the site, the section or a related story's.
    @Test(arguments: [
        "The Daily Example | Local News | Council approves new harbour bridge after long debate",
        "Council approves new harbour bridge after long debate | The Daily Example",
        "Daily Example > News > Local > Story > Council approves new harbour bridge after long debate",
        "Home",
        "The Daily Example",
    ])
    func headlineWhateverThePageTitleLineHolds(firstLine: String) throws {
        let text = Self.page.replacingOccurrences(of: "Council approves new harbour bridge after long debate - The Daily Example", with: firstLine)
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == ["Jane Holloway"])
        #expect(article.published == "2021-03-15")
    }

    /// A page as a browser's copy has it (select all, copy): no window title above the page, whose
    /// first line is a skip link. The title model is trained on pages in both forms; one trained
    /// only on pages whose first line is their `<title>` took `Skip to content` for the headline.
    @Test func headlineOfAPageCopiedWithoutItsWindowTitle() throws {
        let text = """
            Skip to content

            blog.example.org Home

            Go

            Home
            Articles
            Demos
            About

            Example Labs

            Home
            Articles

            A faster way to sync your notes between devices

            Older Article
            Newer Article

            on March 10, 2015 by Maria Lindqvist

            in Featured Article Sync Storage

            2 comments

            For more than a decade the notes app has kept every note in one large file that had to be copied whole whenever anything changed. While simple, that design made syncing slow and used far more data than it needed to on phones.

            The new sync engine fixes most of these problems. It splits the notes into small pieces and sends only the pieces that changed, so that a small edit travels in a fraction of a second even on a slow connection.

            The engine also keeps a short history of every note, which means that two devices editing the same note at the same time no longer overwrite each other's changes.

            As of this writing, the new engine is available in the nightly builds, and it will reach everyone with the next release in the spring.

            Share this article
            Facebook
            Twitter
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "A faster way to sync your notes between devices")
        #expect(article.authors == ["Maria Lindqvist"])
        #expect(article.published == "2015-03-10")
        #expect(article.body.first?.hasPrefix("For more than a decade") == true)
    }

    /// A bar with a space on one side only separates a page title's parts as ` | ` does
    /// (`Headline| Sport | Site`); a bar inside a word does not.
    /// Titles written without spaces: parts are measured in wide characters, and the full-width
    /// bar and dash separate them.
    @Test func titleWrittenWithoutSpacesLosesItsSite() {
        #expect(PageLayout.siteStripped("指紋認証でサインインできるマウスを発売。｜サンワサプライ株式会社") == "指紋認証でサインインできるマウスを発売。")
        #expect(PageLayout.siteStripped("気軽に新聞をスクラップできる「ペン」、CUTPEN ｜ ガジェット通信 GetNews") == "気軽に新聞をスクラップできる「ペン」、CUTPEN")
        #expect(PageLayout.siteStripped("インテル、容量1ペタバイトのSSDを発売し大容量を実現 － Publickey") == "インテル、容量1ペタバイトのSSDを発売し大容量を実現")
        // A long paragraph without spaces is many words, not one: no headline candidate.
        let paragraph = String(repeating: "不正アクセス行為の処罰については本法の目的を達成するために規定を置いた。", count: 5)
        #expect(TitleRanker.wordsIn(paragraph) > 40)
        #expect(TitleRanker.wordsIn("Leaders meet in Geneva") == 4)
        #expect(TitleRanker.wordsIn("Leaders meet in Geneva", spaced: 3) == 3)
        #expect(TitleRanker.wordsIn("朝日新聞デジタル") == 2)
    }

    /// Bylines as news sites print them: two names joined by `and` over the stamp, a name before
    /// the outlet and the stamp set off by middle dots, names after a date and `von`, a German
    /// opening of two words, a reading time or publication label after the name.
    @Test(arguments: [
        ("Julia Carrie Wong and Sam Levin\nTue 29 Nov 2016 15.26 EST", ["Julia Carrie Wong", "Sam Levin"]),
        ("Pete Evans · CBC News · Posted: Oct 14, 2022 9:27 AM ET | Last Updated: October 14", ["Pete Evans"]),
        ("1.11.23 20:19 von Lars Sobiraj Lesezeit: 4 Min.", ["Lars Sobiraj"]),
        ("Veröffentlicht von Chris Jung", ["Chris Jung"]),
        ("von Mathilda Trausch, Online-Redaktion Veröffentlicht: 26.12.2022", ["Mathilda Trausch"]),
    ])
    func bareBylineBesideTheStamp(byline: String, names: [String]) throws {
        let text = Self.page.replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: byline)
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == names)
    }

    @Test func datesWrittenWithTheirUnitsInText() {
        #expect(DateFinder.find(in: "By.KJ : 2019年04月04日 09:00") == "2019-04-04")
        #expect(DateFinder.find(in: "2019년 4월 21일") == "2019-04-21")
        #expect(DateFinder.find(in: "2019年02月30日") == nil)
    }

    @Test func barSpacedOnOneSideSeparatesTitleParts() {
        let title = "Proud Chasetown claim the glory after shocking Cardiff| Sport | This is London"
        #expect(PageLayout.siteStripped(title) == "Proud Chasetown claim the glory after shocking Cardiff")
        #expect(TitleRanker.titleParts(title).contains("Proud Chasetown claim the glory after shocking Cardiff"))
        #expect(PageLayout.siteStripped("Headline about the harbour |Local | Daily Example") == "Headline about the harbour")
        #expect(PageLayout.spacedPipes("AC|DC tour dates announced") == "AC|DC tour dates announced")
        #expect(PageLayout.spacedPipes("trailing |") == "trailing |")
        #expect(PageLayout.spacedPipes("| leading") == "| leading")
    }

    /// The page title's headline printed below what was taken for the story's start (a kept line of
    /// furniture): the headline stands on that line, so the story starts after it.
    @Test func headlineBelowTheTakenStoryStartStandsOnItsLine() throws {
        let text = Self.page.components(separatedBy: "\n").map(TextExtractor.clean)
        let headline = try #require(text.lastIndex(of: "Council approves new harbour bridge after long debate"))
        let early = try #require(text.firstIndex(of: "Storm closes coastal road again"))
        let roles = [TextExtractor.Role](repeating: .paragraph, count: text.count)
        let layout = PageLayout(text: text, start: 0)
        let best = try #require(TitleRanker.best(text: text, first: 0, firstBody: early, roles: roles, layout: layout))
        #expect(best.text == "Council approves new harbour bridge after long debate")
        #expect(best.line == headline)
    }

    /// A long page's text is read for its byline from forty lines above the printed headline to 120
    /// below it, with its window title: the byline under the headline and an author's box below a
    /// story are still found; a page too short to cut, or that does not print the headline alone,
    /// is read whole.
    @Test func bylineOfALongPageAroundItsHeadline() {
        let menu = (1...400).map { "Menu item \($0)" }
        let footer = (1...400).map { "Footer link \($0)" }
        let headline = "Council approves new harbour bridge after long debate"
        let story = (1...8).map { "Paragraph \($0) of the story, which the council debated for six hours on Monday night." }
        let page = ["Council approves new harbour bridge after long debate | Example News", ""] + menu
            + [headline, "By Jane Doe", "12 May 2024"] + story + footer
        let cut = TextExtractor.aroundHeadline(page, headline: headline, before: 40, after: 120)
        #expect(cut.count == 2 + 40 + 120)
        #expect(cut[0] == page[0] && cut[42] == headline && cut[41] == "Menu item 400" && cut.last == "Footer link 109")
        #expect(TextExtractor.aroundHeadline(page, headline: "Printed nowhere alone", before: 40, after: 120) == page)
        #expect(TextExtractor.aroundHeadline(Array(page.prefix(100)), headline: headline, before: 40, after: 120).count == 100)
        #expect(PageArticle.pageAuthors(lines: page, headline: headline) == ["Jane Doe"])
    }

    /// A headline the title bar gives cut at its own dash is completed from the line that prints it
    /// whole; a bar that goes on with a name or a section after the cut is not.
    @Test func aHeadlineCutAtItsOwnDashIsCompleted() {
        let bar = "Benjamin Berger: «Liebe kennt keine Pause – gegen Homophobie in Katar» – Mannschaft"
        let text = [bar, "", "Menu", "Benjamin Berger: «Liebe kennt keine Pause – gegen Homophobie in Katar»", "von Newsdesk"]
        #expect(PageLayout.completedFromTitleBar("Benjamin Berger: «Liebe kennt keine Pause", titleBar: bar, in: text)
            == "Benjamin Berger: «Liebe kennt keine Pause – gegen Homophobie in Katar»")
        let opinion = "Labour, make the case for the EU | Polly Toynbee | Opinion | The Guardian"
        let printed = [opinion, "", "Labour, make the case for the EU | Polly Toynbee", "Labour, make the case for the EU"]
        #expect(PageLayout.completedFromTitleBar("Labour, make the case for the EU", titleBar: opinion, in: printed) == nil)
        // A line that stops inside one of the bar's words completes nothing.
        let inside = [bar, "", "Benjamin Berger: «Liebe kennt keine Pause – gegen Homo"]
        #expect(PageLayout.completedFromTitleBar("Benjamin Berger: «Liebe kennt keine Pause", titleBar: bar, in: inside) == nil)
    }

    /// A headline the title bar gives shorter than the page prints it (`Leasing oder Finanzierung »
    /// Der große Vergleich | FINANZCHECK.de`) takes the subtitle the page prints after a dash, in
    /// lower case; a run-on date, a part in capitals, a colon's subheading or the site does not.
    @Test func aHeadlinePrintedWithItsSubtitle() {
        let bar = "Leasing oder Finanzierung » Der große Vergleich | FINANZCHECK.de"
        let title = "Leasing oder Finanzierung"
        let text = [bar, "", "Kredit", "Leasing oder Finanzierung – was lohnt sich mehr?", "Leasing oder Finanzierung: Worin liegt der Unterschied?"]
        #expect(PageLayout.printedLonger(title, titleBar: bar, in: text) == "Leasing oder Finanzierung – was lohnt sich mehr?")
        for line in [
            "Leasing oder Finanzierung 12. Dezember 2015", "Leasing oder Finanzierung - Warme Worte vom Berater",
            "Leasing oder Finanzierung: die Vorteile auf einen Blick", "Leasing oder Finanzierung – finanzcheck.de",
            "Leasing oder Finanzierung – was sich lohnt, lesen Sie in unserem großen Ratgeber mit allen Rechnern und Tabellen zum Thema",
        ] {
            #expect(PageLayout.printedLonger(title, titleBar: bar, in: [bar, "", line]) == nil, "\(line)")
        }
        #expect(PageLayout.printedLonger("Kredit", titleBar: "Kredit | Bank", in: ["Kredit | Bank", "Kredit – was lohnt sich?"]) == nil)
    }

    /// A form's spam trap above the story is never the headline, whatever else is left.
    @Test(arguments: ["Wenn du ein Mensch bist, lasse das Feld leer:", "Leave this field empty if you're human:"])
    func aSpamTrapIsNoHeadline(trap: String) {
        let text = ["Newsletter", "", trap, "", "Keine Angst, wir spammen dich nicht voll.", "",
            "Der Verband hat am Montag in einer Petition gefordert, vor dem Turnier ein Zeichen zu setzen."]
        let roles = [TextExtractor.Role](repeating: .paragraph, count: text.count)
        let layout = PageLayout(text: text, start: 0)
        let best = TitleRanker.best(text: text, first: 0, firstBody: 6, roles: roles, layout: layout)
        #expect(best?.text != trap)
        #expect(Debris.isSpamTrap(trap))
        #expect(!Debris.isSpamTrap("Leave the EU: what the vote means"))
    }

    /// A page whose story start was not found (the start is past its last line) still gets a
    /// headline from its title, and nothing traps.
    @Test func headlineOfAPageWithoutAStoryLine() throws {
        let text = Self.page.components(separatedBy: "\n").map(TextExtractor.clean)
        let roles = [TextExtractor.Role](repeating: .debris, count: text.count)
        let layout = PageLayout(text: text, start: 0)
        let best = try #require(TitleRanker.best(text: text, first: 0, firstBody: text.count, roles: roles, layout: layout))
        #expect(best.text == "Council approves new harbour bridge after long debate")
    }

    /// Where a page-title part stands on the page: the headline part is printed again near the story
    /// and opens the title; the site's part closes it and is printed in the copyright line; a part
    /// printed nowhere gets the far value for its copy's distances.
    @Test func titlePartsAreFoundWhereThePagePrintsThem() throws {
        let text = Self.page.components(separatedBy: "\n").map(TextExtractor.clean)
        let story = try #require(text.firstIndex { $0.hasPrefix("The city council voted") })
        let headline = try #require(text.lastIndex(of: "Council approves new harbour bridge after long debate"))
        let roles = [TextExtractor.Role](repeating: .paragraph, count: text.count)
        let layout = PageLayout(text: text, start: 0)
        let all = TitleRanker.candidates(text: text, first: 0, firstBody: story, roles: roles, layout: layout)
        func feature(_ name: String, of candidate: TitleRanker.Candidate) throws -> Double {
            candidate.features[try #require(TitleRanker.featureNames.firstIndex(of: name))]
        }
        let part = try #require(all.first { $0.line == nil && $0.text == "Council approves new harbour bridge after long debate" })
        #expect(try feature("title part printed on the page", of: part) == 1)
        #expect(try feature("log distance of the copy nearest the story", of: part) == log1p(Double(story - headline)))
        #expect(try feature("log lines from top to first copy", of: part) == log1p(Double(headline)))
        #expect(try feature("opens page title", of: part) == 1)
        #expect(try feature("closes page title", of: part) == 0)
        #expect(try feature("in a copyright line", of: part) == 0)
        let whole = try #require(all.first { $0.line == nil && $0.text == text[0] })
        #expect(try feature("log distance of the copy nearest the story", of: whole) == 9)
        #expect(try feature("closes page title", of: whole) == 1)
        let site = try #require(all.first { $0.line == nil && $0.text == "The Daily Example" })
        #expect(try feature("in a copyright line", of: site) == 1)
        #expect(try feature("closes page title", of: site) == 1)
        #expect(try feature("opens page title", of: site) == 0)
    }

    /// A headline printed in other words than the page title's shares some of its words, in both
    /// directions; a menu's line shares none.
    @Test func headlineInOtherWordsThanThePageTitle() throws {
        let text = [
            "Harbour bridge approved by council after decade of debate - The Daily Example", "", "Home", "Weather", "",
            "Council votes for new harbour bridge", "", "By Jane Holloway", "",
            "The city council voted on Monday night to approve the construction of a new bridge across the harbour.",
        ].map(TextExtractor.clean)
        let roles = [TextExtractor.Role](repeating: .paragraph, count: text.count)
        let layout = PageLayout(text: text, start: 0)
        let all = TitleRanker.candidates(text: text, first: 0, firstBody: 9, roles: roles, layout: layout)
        func feature(_ name: String, of text: String) throws -> Double {
            let candidate = try #require(all.first { $0.line != nil && $0.text == text })
            return candidate.features[try #require(TitleRanker.featureNames.firstIndex(of: name))]
        }
        // council, harbour, bridge of council, votes, for, new, harbour, bridge; of the title's seven
        // words of three letters or more (`by`, `of` are shorter).
        #expect(try feature("share of words in page title", of: "Council votes for new harbour bridge") == 3.0 / 6)
        #expect(try feature("share of page title's words held", of: "Council votes for new harbour bridge") == 3.0 / 7)
        #expect(try feature("share of words in page title", of: "Weather") == 0)
        #expect(try feature("share of page title's words held", of: "Weather") == 0)
        #expect(TitleRanker.held(["bridge", "harbour"], by: "Bridge, bridge and more bridge") == 0.5)
        #expect(TitleRanker.held([], by: "Bridge") == 0)
    }

    /// Copyright lines in the forms sites print them, and no more than the bound of them.
    @Test func copyrightLinesOfAPage() {
        let text = ["© 2021 The Daily Example", "Copyright 2020 Harbour Weekly", "ALL RIGHTS RESERVED", "Our rights and yours"]
        #expect(TitleRanker.copyrightKeys(text) == ["2021thedailyexample", "copyright2020harbourweekly", "allrightsreserved"])
        #expect(TitleRanker.copyrightKeys(Array(repeating: "© Site", count: 100)).count == TitleRanker.maxOwnerLines)
    }

    /// A title written without spaces has its site glued to the headline by a plain dash or bar;
    /// a title in Latin letters is not cut inside a hyphenated word.
    @Test func titleWrittenWithoutSpacesIsCutAtAGluedDash() {
        #expect(TitleRanker.titleParts("益阳：“数字”是优长-半月谈").contains("益阳：“数字”是优长"))
        #expect(TitleRanker.titleParts("子どもへの体罰を禁止する法律ができる|NEWS WEB EASY").contains("子どもへの体罰を禁止する法律ができる"))
        #expect(TitleRanker.titleParts("Harbour-bridge plans approved after long debate").isEmpty)
    }

    /// The title model was trained on the features the parser computes, in the same order, and reads
    /// only those (a feature added, dropped or moved without training again fails here).
    @Test func titleModelWasTrainedOnTheseFeatures() {
        #expect(TitleRanker.trainedFeatureNames == TitleRanker.featureNames)
        #expect(TitleRanker.trees.widestFeature < TitleRanker.featureNames.count)
        #expect(TitleRanker.trees.widestFeature > 0)
    }

    /// A page title of several parts whose headline part the page prints again as a line of its
    /// own, far from the title (`Headline - Tip with picture - site`, the headline under a menu): the
    /// model sees which part is printed (feature "title part printed on the page") and takes it.
    @Test func titlePartPrintedOnThePageIsTheHeadline() throws {
        let text = """
            Slicing tomatoes properly - Tip with picture - cookbook.example

            Recipes
            Categories
            All recipes
            Recipes with videos
            Cookbook app
            Recommendations
            Recipes of the week
            Seasonal calendar
            Cooking on TV
            Magazine
            Consumer news
            Kitchen tips
            Appliances
            Cakes and tarts
            Healthy eating
            Community
            Who is online?
            All tips
            Tip categories

            Slicing tomatoes properly

            ...the trick with the stalk

            2 ratings

            by Marianne1
            on 20.09.2020
            Print tip
            Save tip
            You know it too!
            You want to cut tomatoes into slices because you want to arrange them nicely on a plate, for a salad with mozzarella and basil, and the slices fall apart as soon as the knife is through.
            Why is that so? The stalk holds the flesh together, and most of us cut across it from the wrong side.
            Turn the tomato on its side, with the stalk pointing left, and cut from the other end: every slice keeps a piece of the skin that holds its seeds in place.
            A serrated knife does the rest, and the slices stay whole even when the tomatoes are very ripe.
            Comments
            Write a comment
            """
        var parser = ArticleParser(format: .text)
        try parser.consume(Array(text.utf8))
        let candidates = try #require(try parser.titleCandidates())
        let printed = TitleRanker.featureNames.firstIndex(of: "title part printed on the page")!
        let parts = Dictionary(candidates.filter { $0.line == nil }.map { ($0.text, $0.features[printed]) }, uniquingKeysWith: max)
        #expect(parts["Slicing tomatoes properly"] == 1)
        #expect(parts["Tip with picture"] == 0)
        #expect(parts["Slicing tomatoes properly - Tip with picture - cookbook.example"] == 0)
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Slicing tomatoes properly")
    }

    /// A hostile first line of thousands of title parts (`part1 word1 | part2 word2 | …`) yields
    /// `maxTitleParts` part candidates, not a candidate per part scored against the whole page: the
    /// page is read, its story kept, and its title is one of the first parts.
    @Test func firstLineOfThousandsOfPartsIsBounded() throws {
        let title = (0..<20_000).map { "part\($0) word\($0)" }.joined(separator: " | ")
        #expect(TitleRanker.titleParts(title).count == TitleRanker.maxTitleParts)
        let story = String(repeating: "The harbour master published the new tide tables for the coming year on Monday, the council said.\n\n", count: 40)
        let menu = (0..<300).map { "Menu item \($0)" }.joined(separator: "\n")
        let article = try #require(try TestSupport.article(title + "\n\n" + menu + "\n\n" + story))
        #expect(article.body.contains { $0.hasPrefix("The harbour master published") })
        #expect(try #require(article.title).utf8.count < 200)
    }

    /// A short page (too few lines for the line model) that opens with its `<title>`, `AFP: Headline`,
    /// and repeats the headline alone: the title is the headline, without the agency.
    @Test func titleLineWithAnAgencyRepeatedBelow() throws {
        let text = """
            AFP: Corruption trial of former prime minister delayed

            Go to Google News

            Corruption trial of former prime minister delayed

            3 days ago

            DHAKA (AFP) — A special tribunal has adjourned a corruption case against the former prime minister until next month.

            The next hearing has been fixed for January 21 to give her lawyers time to prepare, a court official said.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Corruption trial of former prime minister delayed")
        #expect(!article.body.contains { $0.hasPrefix("AFP:") })
    }

    /// Bylines as pages print them, with a date, a handle, `Follow` or a button after the names.
    @Test(arguments: [
        ("By JEFFREY GETTLEMAN JAN. 13, 2017", ["Jeffrey Gettleman"]),
        ("by Steven Musil January 18, 2017 11:00 PM PST", ["Steven Musil"]),
        ("By Alissa Wilkinson @alissamarie Updated Jul 24, 2018, 2:15pm EDT", ["Alissa Wilkinson"]),
        ("By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham", ["Erin Cunningham"]),
        ("Par Sébastien Farcis", ["Sébastien Farcis"]),
        ("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project", ["Daniel Kahn Gillmor"]),
        ("By Stella Kim, Jennifer Jett", ["Stella Kim", "Jennifer Jett"]),
        ("by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)", ["Eleanor Ainge Roy"]),
        ("By Jane Doe (text), John Smith (video)", ["Jane Doe"]),
        ("// By Arun Sai Krishnan • Nov 11, 2020", ["Arun Sai Krishnan"]),
        ("By Alex Heath, a deputy editor and author of the Command Line newsletter. He has covered the industry.", ["Alex Heath"]),
        ("on March 10, 2015 by Nikhil Marathe", ["Nikhil Marathe"]),
        ("By Priya Raman Email Author", ["Priya Raman"]),
        ("06 November 2012 by Tom Walsh Discuss (0)", ["Tom Walsh"]),
        ("By Jane Holloway Last updated Nov 8, 2023 Share", ["Jane Holloway"]),
        ("By Tom Walsh No Comments", ["Tom Walsh"]),
        // An agency credited beside the names; Deutsche Welle's label for either writer.
        ("Von Diana Resnik mit AP", ["Diana Resnik"]), ("By Jane Doe with AFP", ["Jane Doe"]),
        ("By Jane Doe with agencies", ["Jane Doe"]), ("Autorin/Autor Roman Goncharenko", ["Roman Goncharenko"]),
    ])
    func bylineBeforeADateOrHandle(line: String, names: [String]) {
        #expect(PageLayout.byline(line) == names)
    }

    /// A line shaped like a name near the headline is the byline only when something says it is a
    /// person's (a known first name, a date beside it); a menu item, a toolbar or a control's label
    /// is not.
    @Test(arguments: [
        ("Discount Codes", nil),
        ("Middle East", nil),
        ("Priya Raman - March 15, 2021", ["Priya Raman"]),
        ("Mike Conley December 18, 2020", ["Mike Conley"]),
        ("E-Mail Article - March 15, 2021", nil),
        ("Print Save Email - March 15, 2021", nil),
        ("Article Tools - March 15, 2021", nil),
        ("Pin It - March 15, 2021", nil),
        ("Ibtisam Mahdi, Ruwaida Kamal Amer", ["Ibtisam Mahdi", "Ruwaida Kamal Amer"]),
        ("Politics, Business & Tech", nil),
        ("Isabel Caro, Rocío Latorre y José Miguel Wilson", ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"]),
        // Names over a section's name over the stamp; a caption's credit over its agency is none.
        ("Clara Löw, Siddharth Prakash & Klaus Jacob\n\nEnergie & Umwelt", ["Clara Löw", "Siddharth Prakash", "Klaus Jacob"]),
        ("Presidente de EEUU, Joe Biden / AFP\n\nAFP", nil),
        // A blog's line of a post's facts: the date, the author, the comments' link or count; a
        // category after the name is no such evidence.
        ("26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar", ["Ulrike Stockhausen"]),
        ("September 17, 2019 Ulrike Stockhausen 3 Kommentare", ["Ulrike Stockhausen"]),
        ("26. September 2019 Ulrike Stockhausen Kultur", nil),
        // The opening run into the name, as a page's text joins two elements.
        ("ByAlex Bozarjian", ["Alex Bozarjian"]),
        ("ByJ.R. Stone", ["J.R. Stone"]),
    ] as [(String, [String]?)])
    func nameAloneNearTheHeadline(line: String, names: [String]?) throws {
        let text = Self.page.replacingOccurrences(of: "By Jane Holloway", with: line)
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == (names ?? []))
    }

    /// A name alone above a reading time or an age (`8 min read`, `2 hours ago`), or with a handle
    /// beside it, is the byline; a section name above a line that names the author is not.
    @Test(arguments: [
        ("Priya Raman", "8 min read", ["Priya Raman"]),
        ("Priya Raman", "2 hours ago", ["Priya Raman"]),
        ("Priya Raman", "vor 2 Stunden", ["Priya Raman"]),
        ("Priya Raman", "Erstellt: vor 4 Stunden", ["Priya Raman"]),
        ("Priya Raman", "9/11/13 10:00AM", ["Priya Raman"]),
        ("Priya Raman, @praman", "Local news", ["Priya Raman"]),
        ("Tech Insider", "Alex Perry 1 day ago", ["Alex Perry"]),
        ("Priya Raman", "Local news", []),
        // A menu item a block away from a date; a heading's possessive.
        ("Discount Codes", "\nMarch 15, 2021", []),
        // Right under the headline and over a stamp, a block away or not: the story's header. A
        // heading there (a word of it no name's) is none.
        ("Stewart Perrie", "\nPublished 22:00, 11 July 2021 BST", ["Stewart Perrie"]),
        ("Economic Stimulus Proposals", "\nDecember 6, 2001 10:00", []),
        ("Jill Serjeant", "\n4 Min Read", ["Jill Serjeant"]),
        ("Lewis Mckenzie", "\nPublished: 17:55, 8 Nov 2023", ["Lewis Mckenzie"]),
        // Under a standfirst and a caption too; not a heading's or a role's words.
        ("The council's vote ends ten years of debate about the crossing.\n\nThe harbour at dusk.\n\nCarla Chevez",
         "Actualizado el 08/05/2022 02:14 a.m.", ["Carla Chevez"]),
        ("Unser Bayern", "\nMarch 15, 2021 10:00", []),
        ("FOCUS-Online-Experte Robin Tschöpe", "\nFreitag, 06.07.2018, 10:29", []),
        ("China’s Modus Operandi", "March 15, 2021", []),
        // Over a role instead of a stamp: a role of another language and its field, a German role
        // after `Stellvertretende`; a menu's `Blogger Stories` or a desk alone is no role.
        ("The council's vote ends ten years of debate about the crossing.\n\nPriya Raman", "\nPeriodista Judicial", ["Priya Raman"]),
        ("Priya Raman", "Stellvertretende Pressesprecherin und Bereichsleitung Presse", ["Priya Raman"]),
        ("Priya Raman", "\nBlogger Stories", []),
        ("Priya Raman", "\nHealth Care", []),
    ])
    func nameBesideAStamp(name: String, below: String, names: [String]) throws {
        let text = Self.page.replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: "\(name)\n\(below)")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == names)
    }

    /// After a date and a known first name, a third word is the post's category when the page's
    /// menu prints it alone on its line: the name without it is the byline; without such a menu item
    /// the line gives none (`nameAloneNearTheHeadline`).
    @Test func categoryAfterTheNameThatTheMenuPrints() throws {
        let text = Self.page
            .replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: "15. März 2021 Ulrike Stockhausen Kultur")
            .replacingOccurrences(of: "Weather\n", with: "Weather\nKultur\n")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == ["Ulrike Stockhausen"])
        let other = text.replacingOccurrences(of: "Weather\nKultur\n", with: "Weather\nReisen\n")
        #expect(try #require(try TestSupport.article(other)).authors == [])
    }

    /// A post signed by the account a blog's software signs with (`Posted by admin on …`) names no
    /// author, and the line is the byline's, not the story's first paragraph.
    @Test func postSignedByTheSitesAccount() throws {
        let text = Self.page.replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: "Posted by admin on March 15, 2021")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == [])
        #expect(!article.body.contains { $0.contains("Posted by") })
        #expect(article.published == "2021-03-15")
    }

    /// A name and, after its comma, the agency or outlet it writes for, under the headline over the
    /// story's stamp: the name. A short word in capitals or an agency newsd knows is a source; a
    /// place or a word in lower case after the comma is not, nor a line with no stamp under it.
    @Test func nameAndItsAgencyOverTheStamp() throws {
        #expect(PageLayout.nameBeforeAgency("John Patrick Pullen, TIME") == "John Patrick Pullen")
        #expect(PageLayout.nameBeforeAgency("Priya Raman, Reuters") == "Priya Raman")
        #expect(PageLayout.nameBeforeAgency("Priya Raman, Berlin") == nil)
        #expect(PageLayout.nameBeforeAgency("New Orleans, AP") == nil)
        #expect(PageLayout.nameBeforeAgency("Baton Rouge, LA") == nil)
        #expect(PageLayout.nameBeforeAgency("Latest News, AP") == nil)
        #expect(PageLayout.nameBeforeAgency("Priya Raman") == nil)
        for (line, stamp, names) in [
            ("John Patrick Pullen, TIME", "Updated: Dec 15, 2016 2:57 PM UTC", ["John Patrick Pullen"]),
            ("Priya Raman, Reuters", "March 15, 2021", ["Priya Raman"]),
            ("Priya Raman, Reuters", "Comments", [String]()),
        ] {
            let text = Self.page.replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: "\(line)\n\(stamp)")
            #expect(try #require(try TestSupport.article(text)).authors == names, "\(line) / \(stamp)")
        }
    }

    /// A name and the author's role on one line under the headline, a standfirst between: the name.
    /// A role first, a place before the role, or a heading's words before it are none.
    @Test func nameAndRoleOnOneLine() throws {
        #expect(PageLayout.nameBeforeRole("Priya Raman CEO") == "Priya Raman")
        #expect(PageLayout.nameBeforeRole("Priya Raman Senior Politics Editor, The Daily Example") == "Priya Raman")
        #expect(PageLayout.nameBeforeRole("Chief Washington Correspondent") == nil)
        #expect(PageLayout.nameBeforeRole("Priya Raman China Correspondent, in Seoul") == nil)
        #expect(PageLayout.nameBeforeRole("Priya Raman") == nil)
        #expect(PageLayout.nameBeforeRole("Unsere Themen Redakteur") == nil)
        let standfirst = "The council's vote ends ten years of debate about the crossing."
        let text = Self.page.replacingOccurrences(
            of: "By Jane Holloway\n\nMarch 15, 2021", with: "\(standfirst)\n\nPriya Raman Senior Politics Editor, The Daily Example")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == ["Priya Raman"])
    }

    /// Given names of the languages newsd reads beyond the entity recogniser's list vouch for a name
    /// alone under the headline or in a post's facts line; a month that is a given name opens a
    /// byline after `By`; a first name and an initial beside a date (a review's signature), a
    /// site's name that closes the title bar and a page's tags beside the date are no bylines.
    @Test(arguments: [
        ("Sabine Kornfeld", ["Sabine Kornfeld"]),
        ("15. März 2021 Markus Beispielmann", ["Markus Beispielmann"]),
        ("By April Holloway\n\nMarch 15, 2021", ["April Holloway"]),
        ("By May Day\n\nMarch 15, 2021", []),
        ("Georg N. am 15.3.2021", []),
        ("Harbour Works 15.03.2021", []),
    ] as [(String, [String])])
    func moreGivenNamesAndWhatIsNoByline(lines: String, names: [String]) throws {
        let text = Self.page
            .replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: lines)
            .replacingOccurrences(of: "Share this article\n", with: "Topics: Harbour Works, Council\nShare this article\n")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == names)
    }

    /// A post's facts line right under the headline with a one-word name: the name first, then the
    /// date and the comments' count, or a handle between the date and the comments' link. A
    /// capitalised word there is a category as often, and without the comments it is no byline.
    @Test(arguments: [
        ("Paddy · March 15, 2021 · Harbour · 7 comments", ["Paddy"]),
        ("15. März 2021 harbourwatcher Schreibe einen Kommentar", ["harbourwatcher"]),
        ("15. März 2021 Allgemein Schreibe einen Kommentar", []),
        ("Paddy · March 15, 2021 · Harbour", []),
    ] as [(String, [String])])
    func oneWordNameInAPostsFactsLine(line: String, names: [String]) throws {
        let text = Self.page.replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: line)
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == names)
    }

    /// The site's name that closes the title bar, printed beside the date, is no byline.
    @Test func siteNameClosingTheTitleBarIsNoByline() throws {
        let text = Self.page
            .replacingOccurrences(of: " - The Daily Example\n", with: " - Harbour Herald\n")
            .replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: "Harbour Herald • 15.03.2021")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == [])
        #expect(article.published == "2021-03-15")
    }

    /// A blog's name printed over the date, which the title bar opens with, is the site's, not a
    /// byline.
    @Test func blogNameOverTheDateIsNoByline() throws {
        let text = Self.page
            .replacingOccurrences(
                of: "Council approves new harbour bridge after long debate - The Daily Example",
                with: "Harbour Watch: Council approves new harbour bridge after long debate - The Daily Example")
            .replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: "Harbour Watch\nMarch 15, 2021")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == [])
        #expect(article.published == "2021-03-15")
    }

    /// A page whose headline is printed nowhere but in its title bar: the byline above the story is
    /// read past the share buttons between them.
    @Test func bylineAboveTheStoryPastShareButtonsWhenNoHeadlineIsPrinted() throws {
        let text = Self.page.replacingOccurrences(
            of: "Council approves new harbour bridge after long debate\n\nBy Jane Holloway\n\nMarch 15, 2021\n",
            with: "Veröffentlicht am 15. März 2021 09:35\nvon Jane Holloway Twitter Account von Jane Holloway\n\nFacebook\nTwitter\nXing\nLinkedIn\nInstagram\nE-Mail\nKommentare\n")
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == ["Jane Holloway"])
    }

    /// An author's card stacked above the headline, further than a byline usually stands (`Name` over
    /// `14 min read`, or a `Follow` button): the name is the byline. Menu items in the same place
    /// stay menu items, and a sentence that opens with a name is no byline.
    @Test(arguments: [
        ("Joseph Cox\n14 min read", ["Joseph Cox"]),
        ("Courtney Kirchoff\nFollow", ["Courtney Kirchoff"]),
        // A known first name, the stamp a block away: the renderer's blank line is no line of the page.
        ("Andrew Hayden\n\n14 March 2021", ["Andrew Hayden"]),
        ("Privacy Policy\n14 March 2021", []),
        ("Paul Dhaliwal, 19, told the father of the victim that nothing was thrown.", []),
    ] as [(String, [String])])
    func authorCardAboveTheHeadline(card: String, names: [String]) throws {
        let text = Self.page
            .replacingOccurrences(of: "Skip to content\n", with: "Skip to content\n\(card)\n")
            .replacingOccurrences(of: "By Jane Holloway\n\n", with: "")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == names)
    }

    /// A byline whose opening ends the line above the names (`Written on Mar 17 by`); a sponsor's
    /// line (`Supported by`) and a line of capitals with a function word are no bylines.
    @Test(arguments: [
        ("Written on Mar 17 by\nPippin Lee", ["Pippin Lee"]),
        ("Supported by\nHarbour Trust", []),
        ("By\n\nTO KEVIN WILLIAMSON", []),
    ] as [(String, [String])])
    func bylineOpeningAtTheEndOfALine(lines: String, names: [String]) throws {
        let text = Self.page.replacingOccurrences(of: "By Jane Holloway", with: lines)
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == names)
    }

    /// With no byline near the story, the page's title bar may name the author: a `by …` part
    /// (`Headline | by Jane Doe | Site`), or a personal site's name that its copyright line repeats.
    @Test(arguments: [
        ("Council approves new harbour bridge | by Maria Lopez | Medium", "", ["Maria Lopez"]),
        ("Council approves new harbour bridge | Notes | Nicolas Perriault", "© 2012 Nicolas Perriault — Contact me", ["Nicolas Perriault"]),
        ("Council approves new harbour bridge | Legal Nomads", "© Legal Nomads 2021", []),
        ("Council approves new harbour bridge | Notes | Nicolas Perriault", "© 2021 The Daily Example", []),
    ] as [(String, String, [String])])
    func authorInTheTitleBar(titleBar: String, footer: String, names: [String]) throws {
        let text = Self.page
            .replacingOccurrences(of: "Council approves new harbour bridge after long debate - The Daily Example", with: titleBar)
            .replacingOccurrences(of: "By Jane Holloway\n\n", with: "") + "\n" + footer + "\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == names)
    }

    /// A personal site whose header prints its owner's name alone, as its title bar and copyright
    /// line do: the owner is the author even when newsd does not know the first name; a
    /// newspaper's name printed the same way is no author.
    @Test(arguments: [
        ("Haki Benita", ["Haki Benita"]),
        ("Harbour Times", []),
    ] as [(String, [String])])
    func personalSiteOwnerPrintedInItsHeader(owner: String, names: [String]) throws {
        let text = Self.page
            .replacingOccurrences(of: "Council approves new harbour bridge after long debate - The Daily Example",
                with: "Council approves new harbour bridge | \(owner)")
            .replacingOccurrences(of: "Skip to content\n", with: "Skip to content\n\(owner)\n")
            .replacingOccurrences(of: "By Jane Holloway\n\n", with: "") + "\n© \(owner) 2016-2020\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == names)
    }

    /// The line taken for the headline is one copy of it (a teaser in a list of stories) and no byline
    /// stands near it: the byline right below another copy (the story's own header) is the byline,
    /// a name alone over a dated stamp or a `By` line. A section label printed alone elsewhere too
    /// is no name, and a `By` line after another story's headline is that story's.
    @Test(arguments: [
        ("PRIYA RAMAN\nHarbour Press March 15, 2021", ["Priya Raman"]),
        ("By Priya Raman\nMarch 15, 2021", ["Priya Raman"]),
        ("March 15, 2021\nBy Priya Raman", ["Priya Raman"]),
        ("Latest News\nMarch 15, 2021", []),
        ("Ferry to stop running in winter\nBy Tom Walsh", []),
        ("Priya Raman\nLocal news", []),
    ] as [(String, [String])])
    func bylineBelowAnotherCopyOfTheHeadline(header: String, names: [String]) {
        let headline = "Council approves new harbour bridge after long debate"
        let text = ["\(headline) - The Daily Example", "", "Top stories", "Latest News", headline,
            "The city council voted on Monday night to approve the construction of a new bridge across the harbour.", ""]
            + (1...12).map { "Other story number \($0) of the day" }
            + ["", headline, ""] + header.components(separatedBy: "\n")
            + ["", "The city council voted on Monday night to approve the construction of a new bridge across the harbour."]
        let found = PageLayout.authors(text: text, anchor: 4, firstBody: 5, headline: headline)
        #expect((found?.names ?? []) == names)
    }

    /// Bylines of blogs and German, French, Spanish and Nordic sites: a name of one word after a
    /// label or on a dated line, the time after the names (`am`, `um`, `at`, `on`, `à`), an opening
    /// with a colon or printed twice, a kind of piece before the opening, a comment count, a label
    /// (`Datum:`) or a social network's link after the names, a category before them. A bare `By`
    /// or `Von` before one word on an undated line is a menu's or a sentence's, and a place, a
    /// weekday or a control's word is nobody's name.
    @Test(arguments: [
        ("Geschrieben von Cooper am 25.08.2015 22:30 (1599 x gelesen)", ["Cooper"]),
        ("Escribe Camila Méndez en Territorio", ["Camila Méndez"]),
        ("Por João Silva em São Paulo", ["João Silva"]),
        ("Por Ana Torres y Luis Gómez", ["Ana Torres", "Luis Gómez"]),
        ("Veröffentlicht am 12. Juni 2017 von gizzmo", ["gizzmo"]),
        ("Posted on 21. Juli 2019 by Realiberry", ["Realiberry"]),
        ("By Daniel | Published: 23. Juli 2017 | Kommentare geschlossen", ["Daniel"]),
        ("Erstellt von Fabian am Dienstag 6. Mai 2014", ["Fabian"]),
        ("Posted by T. V. Raman at 2:33 PM", ["T. V. Raman"]),
        ("by oz on December 4, 2006", ["oz"]),
        ("Autor: gnaddrig", ["gnaddrig"]),
        ("Von Thilo / 6. November 2023 / Keine Kommentare", ["Thilo"]),
        ("12/04/2020 by Kay 24 Comments", ["Kay"]),
        ("Von: Björn Jahner | 31.10.23", ["Björn Jahner"]),
        ("By by JOSH HASKELL, DAVID CAPLAN and PATRICK REEVELL", ["Josh Haskell", "David Caplan", "Patrick Reevell"]),
        ("Gepostet von Katharina Volkwein | Wohnen", ["Katharina Volkwein"]),
        // An interview's author, not its partner.
        ("Ein Interview von Eugen Zentner mit Sonja Silberhorn.", ["Eugen Zentner"]),
        ("An interview by Jane Doe with John Smith", ["Jane Doe"]),
        ("Eine Kolumne von Nils Pickert", ["Nils Pickert"]),
        ("Ein Foto von Nils Pickert", nil),
        ("Accueil | Par Loïc Le Clerc | 30 septembre 2018", ["Loïc Le Clerc"]),
        ("KleineGrüneMonster Ein Kommentar", nil),
        ("By Topic", nil),
        ("Von Berlin", nil),
        ("von am 20.06.2018", nil),
        ("By Monday 12 March 2018", nil),
        ("Veröffentlicht am 19. Dezember 2022 von Stand", nil),
        ("Author: Gàbor Muniér, Datum: 03.Mär.19", ["Gàbor Muniér"]),
        ("Von Katharina Schmidt Kategorien: Mode 6. November 2023, 15:25 Uhr", ["Katharina Schmidt"]),
        ("von Claudio Kummerfeld Twitter Account von Claudio Kummerfeld", ["Claudio Kummerfeld"]),
        ("By Tatyana Turner.", ["Tatyana Turner"]),
        ("Posted in Datenschutz by damianduchamps on August 3, 2019", ["damianduchamps"]),
        ("Von Uta Staschewski, Projektleiterin der HSS", ["Uta Staschewski"]),
        ("Auteur : Kossivi Tiassou", ["Kossivi Tiassou"]),
        ("Artikel von Alexa von Heyden", ["Alexa von Heyden"]),
        ("Post author By Helge Fahrnberger", ["Helge Fahrnberger"]),
        ("6. Dezember 2022 von Fatima in Gefühle, Popkultur", ["Fatima"]),
        ("Written by: Julie Mollins", ["Julie Mollins"]),
        // `vom` (`von dem`) before a desk after a date; before other words it opens a heading.
        ("Eingetragen am 3. Januar 2020, aktualisiert am 3. Januar 2020 vom Support Team", ["Support Team"]),
        ("Vom Grätzltelefon zu Cloud Lösungen", nil),
        // An organisation or a paper after a dated byline's opening, as printed; undated, none.
        ("By Wikimedia Foundation • 15 January 2020", ["Wikimedia Foundation"]),
        ("By THE NEW YORK TIMES SEPT. 15, 2016", ["THE NEW YORK TIMES"]),
        ("By Wikimedia Foundation", nil),
        // Labels for text and pictures, a poster in Japanese, a category after `under`, a label with
        // its colon after the date, a lawyer's title before the name.
        ("Text & Fotos: Ivan Valetny", ["Ivan Valetny"]),
        ("投稿者 Masafumi Negishi", ["Masafumi Negishi"]),
        ("Posted by Nesselsetzer under Just For Fun, Rebloggt", ["Nesselsetzer"]),
        ("13. April 2017 Autor: Anna Becker 2 Kommentare", ["Anna Becker"]),
        ("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)", ["Eberhard Fuhr"]),
        ("12. März 2021 | Text: Anna Weber", ["Anna Weber"]),
        ("Autor: Rechtsanwalt Sebastian Einbock", ["Sebastian Einbock"]),
        // Danish, Norwegian and Swedish openings, a Nordic agency after the name.
        ("Af Jens Hansen", ["Jens Hansen"]),
        ("Av Kari Nordmann, NTB", ["Kari Nordmann"]),
        ("Skrevet af Mette Frederiksen 10. marts 2020", ["Mette Frederiksen"]),
        ("Danmark - 10. marts 2020 kl. 20:00 Af Jens Hansen", ["Jens Hansen"]),
        // The account a blog's software signs with: a byline that names no one.
        ("Posted on March 30, 2015 by Admin", []),
        ("by webmaster on December 4, 2006", []),
        // A role printed after the name without a comma (a German one, a desk or an adjective before
        // it).
        ("Von Ulrich Exner Korrespondent", ["Ulrich Exner"]),
        ("Von Sina Zehrfeld Landespolitische Korrespondentin", ["Sina Zehrfeld"]),
        ("By Emma Mackenzie Lifestyle Writer", ["Emma Mackenzie"]),
        ("Von Anna Maria Leitner", ["Anna Maria Leitner"]),
    ] as [(String, [String]?)])
    func bylinesOfBlogsAndOtherLanguages(line: String, names: [String]?) {
        #expect(PageLayout.byline(line) == names)
    }

    /// The kind of story a German byline names before its `von` (`Kolumne von Carla Siepmann`) is no
    /// part of the name, and a name printed twice in a row (a picture's text beside the name's) is
    /// one; a name with `von` in it stays whole.
    @Test func aStorysKindBeforeVonAndANamePrintedTwice() {
        #expect(Byline.cleanName("Kolumne von Carla Siepmann") == "Carla Siepmann")
        #expect(Byline.cleanName("Gastbeitrag von Anna Becker") == "Anna Becker")
        #expect(Byline.cleanName("Maria von der Leyen") == "Maria von der Leyen")
        #expect(Byline.cleanName("Martin Gramnæs Martin Gramnæs") == "Martin Gramnæs")
    }

    /// A name alone after the day and its time (`04.02.2022 | 13:10 Uhr | Uta Helkenberg`) when its
    /// first word is a given name newsd knows; not a name first, a place, a section or words after a
    /// part that is no time.
    @Test(arguments: [
        ("04.02.2022 | 13:10 Uhr | Anna Becker", ["Anna Becker"]),
        ("25.10.2022 - Anna Becker", ["Anna Becker"]),
        ("March 3, 2021 · 9:15 am · Stefan Wasmer", ["Stefan Wasmer"]),
        ("Anna Becker | 04.02.2022", nil),
        ("04.02.2022 | New York", nil),
        ("04.02.2022 | Politik | Anna Becker", nil),
        ("04.02.2022 | Wirtschaft und Finanzen", nil),
        ("04.02.2022 - Anna Becker erklärt die Lage", nil),
    ] as [(String, [String]?)])
    func nameAloneAfterTheDay(line: String, names: [String]?) {
        #expect(PageLayout.byline(line) == names)
    }

    /// A whole page's headline loses the site's address or a day set off by a separator at its start
    /// or end; an address or a version inside the headline, or a headline of a few words, stays.
    @Test(arguments: [
        ("makrophotos von insekten » gizmeo.eu", "makrophotos von insekten"),
        ("mediaarchitecture.de // \u{a0}» Jens Weber", "Jens Weber"),
        ("23.01.2022 - Dorothea Wierer darf beim Antholz-Abschluss noch jubeln",
         "Dorothea Wierer darf beim Antholz-Abschluss noch jubeln"),
        ("Musk-Firma mit erstem KI-Modell, auch für Tesla > teslamag.de", "Musk-Firma mit erstem KI-Modell, auch für Tesla"),
        ("Why Node.js is fast on one core", "Why Node.js is fast on one core"),
        ("Version 2.0 - what is new in it", "Version 2.0 - what is new in it"),
        ("Berlin - tagesschau.de", "Berlin - tagesschau.de"),
        ("Council votes on the bridge - 12.03.2021", "Council votes on the bridge - 12.03.2021"),
        ("Ein Interview mit Sonja über tagesschau.de", "Ein Interview mit Sonja über tagesschau.de"),
    ])
    func headlineWithoutAddressOrDay(headline: String, expected: String) {
        #expect(PageLayout.withoutAddressOrDay(headline) == expected)
    }

    /// A byline's name that runs into the site's name as the title bar ends or opens with it loses
    /// it; a site of one word (often the person's own name) or a name left with one word keeps it.
    @Test(arguments: [
        ("Sarah Schnieder Reiterrevue International", "Heulage: Besser als ihr Ruf? - Reiterrevue International", "Sarah Schnieder"),
        ("Jane Doe Example Times", "Example Times | Council votes on the bridge", "Jane Doe"),
        ("Henry Wadsworth Longfellow", "Dana Gioia Online - Longfellow", "Henry Wadsworth Longfellow"),
        ("Jane Example Times", "Council votes - Example Times", "Jane Example Times"),
        ("Jane Doe Example Times", "Council votes on the bridge", "Jane Doe Example Times"),
    ])
    func bylineWithoutTheSitesName(name: String, titleBar: String, expected: String) {
        #expect(PageLayout.withoutSiteName(name, titleBar: titleBar) == expected)
    }

    /// On a whole page, the byline's name stops where the site's name starts.
    @Test func wholePageBylineWithoutTheSitesName() throws {
        var lines = [
            "Heulage: Besser als ihr Ruf? - fuetterung - Reiterrevue International", "", "Zum Inhalt springen", "",
            "Home", "Pferde", "Ausbildung", "Fütterung", "Gesundheit", "Zucht", "Sport", "Shop", "",
            "Heulage: Besser als ihr Ruf?", "",
            "Veröffentlicht am 03.02.2022 von Sarah Schnieder Reiterrevue International", "",
        ]
        lines += (1...6).map { "Heulage ist bei vielen Pferdehaltern umstritten, doch richtig gelagert ist sie ein gutes Futter für \($0 + 2) Pferde." }
        let article = try #require(try TestSupport.article(lines.joined(separator: "\n") + "\n"))
        #expect(article.authors == ["Sarah Schnieder"])
    }

    /// A known person's name, as the page readers check it where no element says author: two to four
    /// capitalised words opening with a known given name, hyphenated parts capitalised, a full stop
    /// only at a word's end, no place.
    @Test(arguments: [
        ("Anna Becker", true),
        ("Stefan Hall-Jones", true),
        ("Anna J. Becker", true),
        ("Anna", false),
        ("Anna becker", false),
        ("Anna News-gazette", false),
        ("Anna Offoffoff.com", false),
        ("Anna Becker Und Die Stadt Berlin", false),
        ("Becker Anna", false),
    ])
    func knownPersonsName(name: String, known: Bool) {
        #expect(PageArticle.isKnownPersonsName(name) == known)
    }

    /// The same forms where a page prints them: under the headline, a label on its own line with the
    /// name on the next (`Von:` / `Moritz Pieczewski-Freimuth`; a desk too: `Autor` / `Teufel Blog
    /// Redaktion`), a date before a bare name with a known first name (`11.12.2019 - Anna Becker`,
    /// `Will Leitch / November 18, 2016`); a picture's credit (`Noah Berger / AP`), a date before a
    /// category (`07.12.2022 Wissenschaft Atmosphäre Klima`) and a control's label (`Text` /
    /// `background`) are none.
    @Test(arguments: [
        ("Von:\nMoritz Pieczewski-Freimuth", ["Moritz Pieczewski-Freimuth"]),
        ("Autor\nTeufel Blog Redaktion", ["Teufel Blog Redaktion"]),
        ("Von\nRedaktion", ["Redaktion"]),
        ("By :\nJoe S.", ["Joe S."]),
        ("11.12.2019 - Anna Becker", ["Anna Becker"]),
        ("September 17, 2019 Helmut Rubik 0", ["Helmut Rubik"]),
        ("Will Leitch / November 18, 2016", ["Will Leitch"]),
        ("Noah Berger / AP", []),
        ("07.12.2022 Wissenschaft Atmosphäre Klima", []),
        ("Text\nbackground", []),
        ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", ["Uta Helkenberg"]),
        ("21. Jan 2022 // Dominik Ricker", ["Dominik Ricker"]),
        ("04. November 2021 | PAID CONTENT", []),
        ("Autor:\nPeter Maahn/SP-X", ["Peter Maahn"]),
        ("Chuck Burton/AP", []),
        ("Submitted by Jane Doe on March 15, 2021", ["Jane Doe"]),
        ("Gespeichert von Uta Helkenberg am 15. März 2021", ["Uta Helkenberg"]),
        ("By oradmin", ["oradmin"]),
        ("von Kathrin\n\nZum Rezept Drucken Pinnen", ["Kathrin"]),
        ("von tennisnet.com", []),
        ("By Topic", []),
        // A name and a date after its comma, nothing else on the line, three printed lines under the
        // headline but more than four counting the blank ones: a byline's stamp. Words after the
        // date, or no comma, and it is none.
        ("A weekly letter about the harbour.\n\nSign up below.\n\nPriya Raman, March 15, 2021", ["Priya Raman"]),
        ("A weekly letter about the harbour.\n\nSign up below.\n\nPriya Raman, March 15, 2021, at the town hall", []),
        ("A weekly letter about the harbour.\n\nSign up below.\n\nPriya Raman March 15 2021 Weather", []),
        // A desk, a team or a staff after the opening, as printed; a person's name before a role stays
        // the name; lower-case words after the opening are none.
        ("By BWW News Desk\nMarch 15, 2021", ["BWW News Desk"]),
        ("by Smart Shopping Team\nMarch 15, 2021", ["Smart Shopping Team"]),
        ("von auto-motor.at Redaktion\nMarch 15, 2021", ["auto-motor.at Redaktion"]),
        ("By Staff Writer\nMarch 15, 2021", ["Staff Writer"]),
        ("By Jane Doe, Staff Writer\nMarch 15, 2021", ["Jane Doe"]),
        ("By the editors\nMarch 15, 2021", []),
        ("By our Newsroom Team\nMarch 15, 2021", []),
        // A desk that signs alone right under the headline, the date after it on its line or on the
        // next; a blog's one-word name after `vom`; soft hyphens inside a name go.
        ("Redaktion 15. März 2021 10:29", ["Redaktion"]),
        ("Redaktion - 15. März 2021", ["Redaktion"]),
        ("Redaktion\nam 15. März 2021 um 21:17", ["Redaktion"]),
        ("vom Krimiblogger", ["Krimiblogger"]),
        ("Von Mat\u{AD}thi\u{AD}as Lauerer\nMarch 15, 2021", ["Matthias Lauerer"]),
        // A name alone over a desk's line or over the author's address, then the stamp.
        ("Halvard Brenneke\nRedaktion Harbour.de\n15.03.2021 14:47 Uhr", ["Halvard Brenneke"]),
        ("Halvard Brenneke\nh.brenneke@harbour-news.example\n15.03.2021, 05:45:00", ["Halvard Brenneke"]),
        // A desk's line of the site's name beside the stamp; an outlet's credit with a separator left
        // at its end over the stamp.
        ("15.03.2021 | 14:10\nRedaktion Polizeiticker Schweiz", ["Redaktion Polizeiticker Schweiz"]),
        ("HB Online |\n15 Mar 2021, 02:32 PM IST", ["HB Online"]),
        // A syndicating portal's line: the outlet, the day, the author.
        ("Medical Daily 3/15/2021 Lizette Borreli", ["Lizette Borreli"]),
        ("The Guardian 15/03/2021 Anna Fazackerley", ["Anna Fazackerley"]),
        // The author's profile link between the name and the stamp.
        ("Nuño Domínguez\nTwitter\n15 MAR 2021 - 18:37 CET", ["Nuño Domínguez"]),
        // A given name newsd knows, over a bare date, under a standfirst.
        ("A weekly letter about the harbour and its bridge.\n\nPhoto: Harbour Archive\n\nTina Klostermeier\n\n15.03.2021", ["Tina Klostermeier"]),
        // A dated byline the byline rules do not read (a name with a closing initial, a date before
        // the opening): the name without its opening, when its first name is known; an organisation
        // or initials after the opening name no one.
        ("Par Nicolas Gutierrez C. le 15.03.2021 à 11h46", ["Nicolas Gutierrez C."]),
        ("March 15, 2021 By George Ambler 1 Comment", ["George Ambler"]),
        ("March 15, 2021 — By Clean Air - Cool Planet", []),
        ("Von R. R. am 15.03.2021 um 09:07 Uhr", []),
    ])
    func bylineFormsUnderTheHeadline(lines: String, names: [String]) throws {
        let text = Self.page.replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: lines)
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == names)
    }

    /// A byline below the picture, its caption and share buttons under the headline, on a page whose
    /// story start was found above the headline (in its furniture): up to ten printed lines below
    /// the headline are searched. When the story starts right after the headline, a `By` line in a
    /// teaser inside the story is out of reach.
    @Test func bylineBelowAPictureAndShareButtons() throws {
        let furniture = ["Continue reading the main story", "Send any friend a story", "Give this article", "2910", "Read in app",
                         "Share", "Ahmad Khan Rahami next to a street in Linden after he was shot by police officers"]
        let story = "The man who the police said sowed terror across two states was taken into custody on Monday after a gunfight."
        let text = ["Supported by", "", "Suspect arrested in bombings", ""] + furniture.flatMap { [$0, ""] }
            + ["By Marc Santora and Al Baker", "", "Sept. 19, 2016", "", story]
        let found = try #require(PageLayout.authors(text: text, anchor: 2, firstBody: 0))
        #expect(found.names == ["Marc Santora", "Al Baker"])
        let teaser = ["Suspect arrested in bombings", "", story, ""] + Array(repeating: story, count: 8).flatMap { [$0, ""] }
            + ["Read also", "Police search the suspect's home", "By Marc Santora"]
        #expect(PageLayout.authors(text: teaser, anchor: 0, firstBody: 2) == nil)
    }

    /// A kicker printed on the headline's line before the headline the title bar gives goes: one
    /// that ends in a colon, a date, or one run into the headline; not one set off by a dash, one
    /// that ends in a small word, nor one the title bar prints too.
    @Test(arguments: [
        ("Energiewende Oberland: Klimavorreiter Oberland?", "Klimavorreiter Oberland? | Tegernseer Stimme", "Klimavorreiter Oberland?"),
        ("23.01.2022 - Dorothea Wierer darf noch jubeln", "Dorothea Wierer darf noch jubeln - Biathlon Antholz", "Dorothea Wierer darf noch jubeln"),
        ("Immobilienkrise Rene Benko-Firma Signa in Sorge", "Rene Benko-Firma Signa in Sorge | Finanzmarktwelt", "Rene Benko-Firma Signa in Sorge"),
        ("Korsetts – Shops, Designer, online kaufen", "Shops, Designer, online kaufen | Pinup Fashion", nil),
        ("Eignet sich eine Wärmepumpe im Altbau?", "Wärmepumpe im Altbau | Heizung", nil),
        ("Algeria: Al-Qaeda claims northern attack", "Algeria: Al-Qaeda claims northern attack - World News", nil),
        ("ElixirConf 2016 - Keynote by José Valim", "Keynote by José Valim - YouTube", nil),
    ] as [(String, String, String?)])
    func kickerBeforeTheHeadline(printed: String, titleBar: String, headline: String?) {
        #expect(PageLayout.withoutKicker(printed, titleBar: titleBar) == headline)
    }

    /// A first line too long to be a title bar (a hostile page's single line) cuts nothing, however
    /// it ends.
    @Test func noCutAgainstAFirstLineTooLongForATitleBar() {
        let bar = String(repeating: "a", count: 200_000) + " | Klimavorreiter Oberland? Gebührenfinanzierte"
        #expect(PageLayout.withoutKicker("Energiewende Oberland: Klimavorreiter Oberland?", titleBar: bar) == nil)
        #expect(PageLayout.withoutRunInStandfirst("Klimavorreiter Oberland? Gebührenfinanzierte Verharmlosung", titleBar: bar) == nil)
    }

    /// A standfirst run into the headline's line with no separator, where the title bar gives the
    /// headline alone, goes; a title bar's part that ends at a colon is the headline's own first part.
    @Test(arguments: [
        ("Tagesschau unterschlägt Hass-Demo in Essen Gebührenfinanzierte Verharmlosung im ÖRR", "Tagesschau unterschlägt Hass-Demo in Essen | Reitschuster", "Tagesschau unterschlägt Hass-Demo in Essen"),
        ("Seat Mo 125: Was kann der Elektroroller mit dem Akku-Trolley?", "Seat Mo 125: Was kann der Elektroroller? - motor.at", nil),
        ("Harbour bridge approved after long debate and a vote", "Harbour bridge approved after long debate | The Daily Example", nil),
    ] as [(String, String, String?)])
    func standfirstRunIntoTheHeadline(printed: String, titleBar: String, headline: String?) {
        #expect(PageLayout.withoutRunInStandfirst(printed, titleBar: titleBar) == headline)
    }

    @Test func kickerOnTheHeadlinesLineLeavesTheTitle() throws {
        let text = Self.page
            .replacingOccurrences(of: "Council approves new harbour bridge after long debate - The Daily Example", with: "Harbour bridge approved after long debate | The Daily Example")
            .replacingOccurrences(of: "\nCouncil approves new harbour bridge after long debate\n", with: "\nHafenausbau: Harbour bridge approved after long debate\n")
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Harbour bridge approved after long debate")
    }

    /// A known name over the headline with nothing that dates it (a teaser's, a column's) gives way
    /// to a name under the headline over the story's stamp.
    @Test func nameUnderTheHeadlineBeatsAnUndatedOneOverIt() throws {
        let text = Self.page
            .replacingOccurrences(of: "Local news\n", with: "Local news\n\nAmanda Marcotte\n")
            .replacingOccurrences(of: "By Jane Holloway\n\nMarch 15, 2021", with: "Shares\n\nNathanael Johnson\n\nMarch 15, 2021 9:00AM (UTC)")
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == ["Nathanael Johnson"])
        // With no name under the headline, the one over it stays.
        let alone = Self.page
            .replacingOccurrences(of: "Local news\n", with: "Local news\n\nAmanda Marcotte\n")
            .replacingOccurrences(of: "By Jane Holloway\n\n", with: "")
        #expect(try TestSupport.article(alone)?.authors == ["Amanda Marcotte"])
    }

    /// Chinese and Japanese labelled bylines: the label, then a name of two to four Han characters; a
    /// page that labels two names, a name in Latin letters and a sentence give none.
    @Test func hanLabelledBylines() {
        #expect(PageLayout.hanLabelledByline(["益阳：“数字”是优长", "", "正文第一段。", "责任编辑：孔德明", "热门推荐"])?.names == ["孔德明"])
        #expect(PageLayout.hanLabelledByline(["责任编辑： 焦鹏"])?.names == ["焦鹏"])
        #expect(PageLayout.hanLabelledByline(["著者：後藤大地"])?.names == ["後藤大地"])
        // Brackets around the label and the name.
        #expect(PageLayout.hanLabelledByline(["正文第一段。", "[责任编辑:肖春芳]"])?.names == ["肖春芳"])
        #expect(PageLayout.hanLabelledByline(["【责任编辑：孔德明】"])?.names == ["孔德明"])
        #expect(PageLayout.hanLabelledByline(["责任编辑：孔德明", "责任编辑：焦鹏"]) == nil)
        #expect(PageLayout.hanLabelledByline(["作者： Diogo Carleto"]) == nil)
        #expect(PageLayout.hanLabelledByline(["编辑：在益阳一个智慧农业园区里物联网大数据等技术"]) == nil)
    }

    /// What ends a byline's names and what opens one: a day after `vom`, the name printed twice
    /// (the byline's text, then its link's), a forum thread's starter.
    @Test func bylineEndsAndForumOpenings() {
        // `Autor Mark Newton:`: the label's colon after the name.
        #expect(PageLayout.byline("Autor Maria Keller:") == ["Maria Keller"])
        #expect(PageLayout.byline("Author Jane Roth:") == ["Jane Roth"])
        #expect(PageLayout.byline("Autor des Monats:") == nil)
        #expect(PageLayout.byline("Autor Maria Keller") == nil)
        #expect(PageLayout.byline("Von Jane Roth vom 3. Februar 2022 0") == ["Jane Roth"])
        #expect(PageLayout.byline("by Maria Keller Maria Keller") == ["Maria Keller"])
        #expect(PageLayout.byline("By Juan Carlos Pérez Gómez") == ["Juan Carlos Pérez Gómez"])
        #expect(PageLayout.byline("Thread starter Gandalf42") == ["Gandalf42"])
        #expect(PageLayout.byline("Themenstarter Katzenfreundin") == ["Katzenfreundin"])
        #expect(PageLayout.byline("Thread starter") == nil)
    }

    /// A handle beside the post's date under the headline: a word no section's name is shaped as;
    /// a section, a label, a comment count or a word between two stamps is none.
    @Test func handleBesideTheDate() throws {
        #expect(PageLayout.handleBesideDate("lisamueller — 2. März 2021") == "lisamueller")
        #expect(PageLayout.handleBesideDate("TomK88 14.05.2020, 09:12 Uhr") == "TomK88")
        #expect(PageLayout.handleBesideDate("3 Mai, 2019 | Dark_Knight | Kommentare 12 |") == "Dark_Knight")
        #expect(PageLayout.handleBesideDate("12. März 2021 12. März 2021 gartenfee") == "gartenfee")
        #expect(PageLayout.handleBesideDate("Politik — 2. März 2021") == nil)
        #expect(PageLayout.handleBesideDate("News · April 19, 2019") == nil)
        #expect(PageLayout.handleBesideDate("opublikowano: 2021-04-29 17:13") == nil)
        #expect(PageLayout.handleBesideDate("1.3.2021 10:00 paivitetty 1.3.2021 10:05") == nil)
        #expect(PageLayout.handleBesideDate("August 3, 2012 · 0 comments") == nil)
        #expect(PageLayout.handleBesideDate("updated 2 May 2020") == nil)
        #expect(PageLayout.handleBesideDate("lisamueller") == nil)
        let story = "Der Gemeinderat hat am Montagabend den Bau einer neuen Brücke über den Hafen beschlossen."
        let text = ["Neue Brücke beschlossen – Hafenblog", "", "Start", "Archiv", "", "Neue Brücke beschlossen", "",
                    "lisamueller — 2. März 2021", "", story, "", story]
        let headline = "Neue Brücke beschlossen"
        let found = try #require(PageLayout.authors(text: text, anchor: 5, firstBody: 9, headline: headline))
        #expect(found.names == ["lisamueller"])
        #expect(found.line == 7)
    }

    /// A page's tags or topics: a line that opens with a tags label, or the line after the label
    /// alone, holds a name (a category printed with the date is no author); any other line does not.
    @Test func tagLinesHoldNoAuthors() {
        #expect(PageLayout.isTagged("Ehrenamt Jugend", text: ["Themen: Ehrenamt Jugend Verbände"]))
        #expect(PageLayout.isTagged("Ehrenamt Jugend", text: ["Tags : Ehrenamt Jugend, Sport"]))
        #expect(PageLayout.isTagged("Waffen Recht", text: ["Start", "Schlagwörter:", "Waffen Recht Aktuell"]))
        #expect(PageLayout.isTagged("Waffen Recht", text: ["SCHLAGWORTE", "", "Waffen Recht Aktuell"]))
        #expect(!PageLayout.isTagged("Waffen Recht", text: ["Menü", "Waffen Recht Aktuell"]))
        #expect(!PageLayout.isTagged("Anna Weber", text: ["Von Anna Weber: Themen der Woche"]))
        #expect(!PageLayout.isTagged("Anna Weber", text: ["Anna Weber"]))
        #expect(PageLayout.isTagLabel(" Themen: "[...]) && !PageLayout.isTagLabel("Thesen"[...]) && !PageLayout.isTagLabel(": "[...]))
    }

    /// A Chinese or Japanese byline without a label: a Han name before the story's stamp with its
    /// time, right below the headline; a stamp's label, a section before a bare day, a long name or
    /// a line further down are none.
    @Test func hanNameBeforeTheStamp() throws {
        #expect(PageLayout.hanNameBeforeStamp("王小明 2021-06-01 08:30") == "王小明")
        #expect(PageLayout.hanNameBeforeStamp("山田花子 2020年05月10日 10時15分") == "山田花子")
        #expect(PageLayout.hanNameBeforeStamp("公開日 2020年5月10日 10:15") == nil)
        #expect(PageLayout.hanNameBeforeStamp("更新 2021-06-01 08:30") == nil)
        #expect(PageLayout.hanNameBeforeStamp("科技 2021-06-01") == nil)
        #expect(PageLayout.hanNameBeforeStamp("城市交通新规今日实施 2021-06-01 08:30") == nil)
        #expect(PageLayout.hanNameBeforeStamp("Jane Doe 2021-06-01 08:30") == nil)
        let headline = "城市交通新规今日实施，市民出行更方便"
        let story = "今天起，本市开始实施新的交通规定，公交车和地铁的运营时间都有所延长，市民出行更加方便。"
        let text = ["\(headline)_新闻网", "", "首页", "新闻", "", headline, "", "王小明 2021-06-01 08:30", "", story, "", story]
        let found = try #require(PageLayout.authors(text: text, anchor: 5, firstBody: 9, headline: headline))
        #expect(found.names == ["王小明"])
        #expect(found.line == 7)
        let later = ["\(headline)_新闻网", "", headline, "", story, "", "相关新闻", "王小明 2021-06-01 08:30", "", story]
        #expect(PageLayout.authors(text: later, anchor: 2, firstBody: 4, headline: headline)?.names != ["王小明"])
    }

    /// The headline printed three times (a breadcrumb, the story's header, a sticky bar over the
    /// story): a name and a date right below the middle copy are the byline, though the copy taken
    /// for the headline is the last one.
    @Test func datedNameBelowAnEarlierCopyOfTheHeadline() throws {
        let headline = "China snubs Imran Khan, says resolve J&K bilaterally"
        let story = "China on Wednesday told Pakistan to resolve the Kashmir issue through talks with India, officials in Beijing said."
        let text = ["\(headline) | India News", "", "News", headline, "", "This story is from October 9, 2019", "", headline, "",
                    "Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST", "Share", "AA", "+ Text Size", "", "Small", "Medium",
                    "Large", "", headline, "", story, "", story]
        let found = try #require(PageLayout.authors(text: text, anchor: 18, firstBody: 20, headline: headline))
        #expect(found.names == ["Saibal Dasgupta"])
        #expect(found.line == 9)
    }

    /// A first line that is a page's title bar (`Headline — Site`) repeated without the site past the
    /// site's menus, up to `repeatReach` lines on: that line is the headline; further on, or a line
    /// the first does not hold, none. A shorter part counts when separators set it off.
    @Test func titleBarRepeatedPastTheMenus() {
        let menus = (1...60).map { "Menu item \($0)" }
        let text = ["Yellow Vests and I thought about it — Pamela Anderson", ""] + menus + ["Yellow Vests and I thought about it", "The story starts here."]
        #expect(PageLayout.repeatedHeadline(of: 0, in: text) == 62)
        let far = ["Yellow Vests and I thought about it — Pamela Anderson"] + Array(repeating: "Menu item", count: PageLayout.repeatReach)
            + ["Yellow Vests and I thought about it"]
        #expect(PageLayout.repeatedHeadline(of: 0, in: far) == nil)
        #expect(PageLayout.repeatedHeadline(of: 0, in: ["Yellow Vests and I thought about it — Pamela Anderson"] + menus + ["Green vests and you"]) == nil)
        // A short headline between a kicker and the site, a quarter of the title bar: set off by
        // separators it is the headline; inside the title's own words it is not.
        #expect(PageLayout.repeatedHeadline(of: 0, in: ["Rutger Bregman: Unser wahres Ich - brand eins online", "Menu", "Unser wahres Ich"]) == 2)
        #expect(PageLayout.repeatedHeadline(of: 0, in: ["Turpitude et architecture, par Didier Roy (Les blogs du Diplo)", "Turpitude et architecture"]) == 1)
        #expect(PageLayout.repeatedHeadline(of: 0, in: ["Brexit: what happens next for the country and its people", "what happens next"]) == nil)
        #expect(PageLayout.isSetOff("Jens Weber", in: "mediaarchitecture.de // » Jens Weber"))
        #expect(!PageLayout.isSetOff("Jens Weber", in: "Jens Weber"))
        #expect(!PageLayout.isSetOff("what happens next", in: "Brexit: what happens next for the country"))
    }

    /// A labelled byline far from the headline (`Author: Jacopo Cascioli` after the story) is the
    /// page's when it is the only one; a page that labels several authors (a forum, comments) has
    /// none of them.
    @Test func labelledBylineAnywhereWhenItIsTheOnlyOne() throws {
        let noByline = Self.page.replacingOccurrences(of: "By Jane Holloway\n\n", with: "")
        #expect(try TestSupport.article(noByline)?.authors == [])
        let once = noByline.replacingOccurrences(of: "Cookie settings", with: "Cookie settings\nAuteur: Anna Kubišta")
        #expect(try TestSupport.article(once)?.authors == ["Anna Kubišta"])
        let twice = once.replacingOccurrences(of: "Contact us", with: "Autor: Peter Maahn\nContact us")
        #expect(try TestSupport.article(twice)?.authors == [])
        // A line that names no person (a network's desk) does not count against the person's.
        let desk = noByline.replacingOccurrences(
            of: "Cookie settings", with: "Cookie settings\nGeschrieben von Elisa Marvena\nGeschrieben von Global Voices Latin America")
        #expect(try TestSupport.article(desk)?.authors == ["Elisa Marvena"])
        // The label alone on its line, the name on the next; a menu's `Autoren` over `Newsletter` is none.
        let alone = noByline.replacingOccurrences(of: "Cookie settings", with: "Cookie settings\nGeschrieben von\nGötz Warnke")
        #expect(try TestSupport.article(alone)?.authors == ["Götz Warnke"])
        let by = noByline.replacingOccurrences(of: "Cookie settings", with: "Cookie settings\nBy:\nGötz Warnke")
        #expect(try TestSupport.article(by)?.authors == ["Götz Warnke"])
        let menu = noByline.replacingOccurrences(of: "Cookie settings", with: "Cookie settings\nAutoren\nNewsletter\nApps")
        #expect(try TestSupport.article(menu)?.authors == [])
        // A post's own footer (`Posted by … at …`, `Erstellt von …`); comments' lines (a colon after
        // the label, or one that gives no name) are a list's.
        let footer = noByline.replacingOccurrences(of: "Cookie settings", with: "Cookie settings\nPosted by T. V. Raman at 2:33 PM")
        #expect(try TestSupport.article(footer)?.authors == ["T. V. Raman"])
        let created = noByline.replacingOccurrences(of: "Cookie settings", with: "Cookie settings\nErstellt von Andri Bryner")
        #expect(try TestSupport.article(created)?.authors == ["Andri Bryner"])
        let comments = noByline.replacingOccurrences(
            of: "Cookie settings", with: "Cookie settings\nPosted by: Media Buyers on Nov 3, 2012 9:12:46 AM\nPosted by: click here on Nov 6, 2012")
        #expect(try TestSupport.article(comments)?.authors == [])
        let spam = footer.replacingOccurrences(of: "Contact us", with: "Posted by click here on Nov 6, 2012\nContact us")
        #expect(try TestSupport.article(spam)?.authors == [])
        // German's labels for both genders (`Autor*in`, `AUTOR/IN`), a role after the name.
        for label in ["Autor*in", "AUTOR/IN", "Autor:in"] {
            let both = noByline.replacingOccurrences(
                of: "Cookie settings", with: "Cookie settings\n\(label)\nBrit Weirich (Medizinredakteurin. M.A. Mehrsprachige Kommunikation)")
            #expect(try TestSupport.article(both)?.authors == ["Brit Weirich"], "\(label)")
        }
    }

    /// An author's box at the end of the page, when no byline stands near the headline: a name over
    /// a role, over a link to the author's other pieces, or a note on what the person does. A menu's
    /// items over a role's word or a `See all` link, and a page with notes on several contributors
    /// (a live blog's), give no author.
    @Test(arguments: [
        ("Christoph Hein\nChefredakteur", ["Christoph Hein"]),
        ("Ingo Arzt\n\nRedakteur für Wirtschaft und Umwelt", ["Ingo Arzt"]),
        ("Lisa de Moraes\n\nTV Columnist", ["Lisa de Moraes"]),
        ("Kathrin Klinkusch\n\nPressesprecherin", ["Kathrin Klinkusch"]),
        ("Martin Junker\nAlles von Martin Junker", ["Martin Junker"]),
        ("Philipp Sarasin\nPhilipp Sarasin lehrt Geschichte der Neuzeit an der Universität Zürich.", ["Philipp Sarasin"]),
        ("Will Knight is a senior writer for WIRED, covering artificial intelligence.", ["Will Knight"]),
        ("Yirou Chen\nYirou Chen ist seit Juli 2018 Werkstudentin im Team.", ["Yirou Chen"]),
        ("Interest Dashboard\nDeveloper Edition", []),
        ("Jim Morin\nLetters to the Editor", []),
        ("Unsere Themen\n\nAlle Artikel", []),
        ("Farouq Suleiman is a Live Page Journalist in London.\nVanessa Balintec is a Live Page Journalist in Toronto.", []),
        ("Farouq is a Live Page Journalist in London.\nVanessa Balintec is a Live Page Journalist in Toronto.", []),
        ("She is a reporter.\nVanessa Balintec is a Live Page Journalist in Toronto.", ["Vanessa Balintec"]),
        ("Closet Diary\nDesigner\nNews", []),
        ("Vorheriger Beitrag Nächster Beitrag\n\nAutor", []),
        ("Nutzungsbasierte Onlinewerbung\nAlle Artikel", []),
        ("Autor\n\nJil Schuller\n\nAlle Artikel", ["Jil Schuller"]),
        ("Christie Wilcox\nDie Autorin ist Wissenschaftsautorin in Washington, USA.", ["Christie Wilcox"]),
        ("Jim Morin\nThe author is a senior writer for the Example.", ["Jim Morin"]),
        ("Jim Morin\nThe author is unknown.", []),
        ("Alexandra Weber\n\nStellvertretende Pressesprecherin und Bereichsleitung Presse und Öffentlichkeitsarbeit", ["Alexandra Weber"]),
        ("Interest Dashboard\nBlogger Stories", []),
    ])
    func authorsBoxAtTheEndOfThePage(box: String, names: [String]) throws {
        let noByline = Self.page.replacingOccurrences(of: "By Jane Holloway\n\n", with: "")
        let text = noByline.replacingOccurrences(of: "Contact us", with: box + "\n\nContact us")
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Council approves new harbour bridge after long debate")
        #expect(article.authors == names)
    }

    /// The headline printed in other words than the title's is found as a near copy (three in four
    /// of the shorter's words), and a dated name below it is the byline; an outlet on a dated line
    /// is no name.
    @Test func bylineBelowTheHeadlinePrintedInOtherWords() {
        let text = [
            "Kashmir issue: China snubs Imran Khan, says resolve J&K bilaterally - Times of India", "", "Menu",
            "China snubs Imran Khan, says resolve J&K bilaterally", "Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST",
            "China opens a new bridge over the river", "Kashmir issue: China snubs Imran Khan, says resolve J&K bilaterally",
        ]
        let copies = PageLayout.nearHeadlineCopies("Kashmir issue: China snubs Imran Khan, says resolve J&K bilaterally", in: text)
        #expect(copies == [3])
        #expect(PageLayout.datedName(text[4]) == "Saibal Dasgupta")
        #expect(PageLayout.datedName("Mike Conley December 18, 2020") == "Mike Conley")
        #expect(PageLayout.datedName("Auto Zeitung 02.11.2021") == nil)
        #expect(PageLayout.datedName("Saibal Dasgupta / TNN") == nil)
        let found = PageLayout.authors(text: text, anchor: 6, firstBody: 6, headline: "Kashmir issue: China snubs Imran Khan, says resolve J&K bilaterally")
        #expect(found?.names == ["Saibal Dasgupta"])
    }

    /// `Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger`: a byline after a dated part of the
    /// line under the headline; a bracket of role is dropped, a bracket that adds names
    /// (`avec Damien Leloup et Morgane Tual`) adds them.
    @Test func bylineAfterADatedPartOfItsLine() throws {
        let text = Self.page.replacingOccurrences(
            of: "By Jane Holloway", with: "The Daily Example | 15.03.2021 à 13h36 | Par Jeanne Moreau (à Genève)")
        let article = try #require(try TestSupport.article(text))
        #expect(article.authors == ["Jeanne Moreau"])
        let shared = Self.page.replacingOccurrences(of: "By Jane Holloway", with: "Par Jeanne Moreau (avec Paul Durand et Léa Martin)")
        #expect(try TestSupport.article(shared)?.authors == ["Jeanne Moreau", "Paul Durand", "Léa Martin"])
    }

    /// The headline a page's title bar gives is looked for below it as a line of its own (where the
    /// story's header stands when no candidate line was ranked): the first line that prints it
    /// alone, not the title bar itself, not a line that only holds it among more words.
    @Test func headlinePrintedOnALineOfItsOwn() {
        let text = [
            "How the brain turns information into thought - Example Health", "", "Menu",
            "Read: How the brain turns information into thought, and more", "How the brain turns information into thought?",
            "By Ana Example", "How the brain turns information into thought",
        ]
        #expect(PageLayout.printedHeadline("How the brain turns information into thought", in: text, after: 0) == 4)
        #expect(PageLayout.printedHeadline("Two words", in: text, after: 0) == nil)
        #expect(PageLayout.printedHeadline("Nothing of this is printed anywhere", in: text, after: 0) == nil)
    }

    /// Article text that is not a page: a stamp in a short line under the headline is its date (and
    /// a name beside it its byline); a date only mentioned in the story is not.
    @Test func stampUnderAPlainHeadline() throws {
        let story = [
            "The city council voted on Monday night to approve the construction of a new bridge across the harbour.",
            "The bridge is expected to cost about 80 million pounds and take four years to build, the council said.",
        ]
        let stamped = try #require(
            try TestSupport.article((["Harbour bridge approved", "Jane Holloway", "Oct 15, 2015 · 4 min read"] + story).joined(separator: "\n")))
        #expect(stamped.published == "2015-10-15")
        // The name under the headline is its byline, not a line of the story.
        #expect(stamped.authors == ["Jane Holloway"])
        #expect(stamped.body == story && stamped.subheadings.isEmpty)
        let mentioned = (["Harbour bridge approved"] + story
            + ["Work on the site could begin as early as 3 May 2016, if the regional government approves the plans in time."])
            .joined(separator: "\n")
        #expect(try TestSupport.article(mentioned)?.published == nil)
    }

    /// Text that opens with a summary block and a photo caption, one line per paragraph: its title
    /// is the first bullet, never the caption.
    @Test func aSummaryBlockGivesTheTitleNotThePhotoCaption() throws {
        let paragraphs = [
            "Indian media reported that the meeting lasted more than 54 minutes.",
            "A senior official said the two sides remained far apart on the details.",
            "A vote in parliament is scheduled for Monday, two weeks later than first planned.",
            "Several ministers are due to meet in Rome before the end of the month.",
            "Emergency services said they had answered 77 calls overnight.",
        ]
        let text = (["Summary", "- Ayla Ó says talks on a trade deal will continue", "- Meeting in Oslo lasted 178 minutes",
            "- Chile to announce its position on a trade deal", "Delegates arrive for talks in Madrid. REUTERS/Dalia Dragomir"]
            + paragraphs + paragraphs + paragraphs + paragraphs).joined(separator: "\n") + "\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Ayla Ó says talks on a trade deal will continue")
    }

    /// A headline over a summary block: the headline stays the title, not one of the bullets, whatever
    /// the rest of the text looks like (list items are no headline candidates).
    @Test func headlineOverASummaryBlockStaysTheTitle() throws {
        let text = """
            Spain and Mexico discuss a heat warning
            Summary
            - Quentin Yarton says talks on a heat warning will continue
            - Meeting in Nairobi lasted 153 minutes
            - Mexico to announce its position on a heat warning
            - 73 people affected in Nokamouth, officials say
            Delegates arrive for talks in Dublin. REUTERS/Jasper Castellanos
            Rivers near Goravale rose by 10 centimetres overnight.
            Markets in Moscow moved little after the announcement.
            Markets in Madrid moved little after the announcement.
            In a separate development, officials in Mexico announced new measures on a heat warning.
            "We are not going to rush this", Fonseca told reporters in Ottawa.
            Sigrid Rossmore, the Spanish president, said the plan would be reviewed within 34 days.
            Analysts at the Halden Foundation said the decision could shift the balance in the region.
            Emergency services in Goica said they had answered 85 calls overnight.
            The ministry said it would set out a timetable for a heat warning next month.
            The last comparable agreement collapsed after 90 months.
            The weather service issued an amber warning for the coast.
            The proposal would cost about 53 million euros over five years.
            REACTION
            By the end of the week, the committee is expected to publish its findings.
            At least 63 people were affected in Kaovo, according to local officials.
            By the end of the week, the committee is expected to publish its findings.
            By the end of the week, the committee is expected to publish its findings.
            Residents of Poradal gathered outside the town hall on Thursday evening.
            Polls suggest that most voters support the plan, though the margin is narrow.
            The proposal would cost about 36 million euros over five years.
            Markets in Nairobi moved little after the announcement.
            Rivers near Lozeovo rose by 46 centimetres overnight.
            Several ministers are due to meet in Helsinki before the end of the month.
            At least 36 people were affected in Betaford, according to local officials.
            Our Standards: The Thomson Reuters Trust Principles.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Spain and Mexico discuss a heat warning")
        #expect(TitleRanker.isListItem("- Mexico to announce its position on a heat warning"))
        #expect(TitleRanker.isListItem("• Meeting lasted 153 minutes") && TitleRanker.isListItem("– Meeting lasted 153 minutes"))
        #expect(!TitleRanker.isListItem("-5 degrees overnight") && !TitleRanker.isListItem("Mid-term results are in"))
        #expect(!TitleRanker.isListItem("-") && !TitleRanker.isListItem(""))
    }

    @Test func plainArticleTextKeepsItsFirstLineAsTitle() throws {
        let text = """
            Harbour bridge approved
            The city council voted on Monday night to approve the construction of a new bridge across the harbour.
            What happens next?
            The council will now ask for bids from construction companies.
            Short line.
            Another paragraph follows with more detail about the plans and the people affected by them.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "Harbour bridge approved")
        #expect(article.body.count == 5)
        #expect(article.body[1] == "What happens next?")
        #expect(article.subheadings == ["What happens next?"])
    }

    /// A subheading between two paragraphs, after one that ends a sentence, is part of the body where
    /// it stands; one under a line that ends no sentence (a window title or a menu read as a
    /// paragraph) is listed apart only.
    @Test func onlySubheadingsBetweenSentencesJoinTheBody() throws {
        let text = """
            Harbour bridge approved
            The city council voted on Monday night to approve the construction of a new bridge across the harbour.
            What happens next?
            The council will now ask for bids from construction companies before the end of the year.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.subheadings == ["What happens next?"])
        #expect(article.body == [
            "The city council voted on Monday night to approve the construction of a new bridge across the harbour.",
            "What happens next?", "The council will now ask for bids from construction companies before the end of the year.",
        ])
        let unended = try #require(try TestSupport.article(text.replacingOccurrences(of: "harbour.", with: "harbour")))
        #expect(unended.subheadings == ["What happens next?"])
        #expect(!unended.body.contains("What happens next?"))
        #expect(TextExtractor.inReadingOrder(paragraphs: ["a", "b"], subheadings: ["x", "y", "z"], before: [1, nil, 9]) == ["a", "x", "b", "z"])
        #expect(TextExtractor.endsASentence("He said: \"We will win.\"") && TextExtractor.endsASentence("Really?”"))
        #expect(!TextExtractor.endsASentence("NEWS FEATURES BEAUTY") && !TextExtractor.endsASentence(""))
    }

    /// Lines the line model is run for: only a text with enough of these can be a whole page.
    @Test(arguments: [
        ("Home", true),
        ("Read more", true),
        ("Sign up for our newsletter to get the best stories delivered to your inbox every morning", true),
        ("The council voted.", true),
        ("The city council voted on Monday night to approve the construction of a new bridge.", false),
        ("“We will build it, and we will build it soon,” the mayor told reporters after the vote.”", false),
        ("Did the city council vote on Monday night to approve a new bridge across the harbour?", false),
    ])
    func furnitureLikeLines(line: String, furnitureLike: Bool) {
        #expect(PageLayout.looksLikeFurniture(line) == furnitureLike)
    }

    @Test func articleOfLongSentencesIsNotAPageEvenWithAFewShortLines() throws {
        let sentence = "The city council voted on Monday night to approve the construction of a new bridge across the harbour."
        let lines = ["Harbour bridge approved"] + Array(repeating: sentence, count: 20) + ["Share", "Comments", "Print", "Email", "Related"]
        let article = try #require(try TestSupport.article(lines.joined(separator: "\n")))
        #expect(article.title == "Harbour bridge approved")
        #expect(article.body.filter { $0 == sentence }.count == 20)
    }

    @Test(arguments: [
        ("Posted on 19.07.2014 by admin", "2014-07-19"),
        ("Veröffentlicht am 3. März 2019", "2019-03-03"),
        ("Publié le 12 janvier 2020 à 10h", "2020-01-12"),
        ("Updated: July 24, 2012 12:11 AM", "2012-07-24"),
        ("2016-12-23T10:00:00", "2016-12-23"),
        ("12/23/2016", "2016-12-23"),
        ("23/12/2016", "2016-12-23"),
        ("15 de marzo de 2018", "2018-03-15"),
        ("Veröffentlicht am 12. Maerz 2020", "2020-03-12"),
        ("17.11.19", "2019-11-17"),
        ("1.11.23 20:19 von Lars Sobiraj", "2023-11-01"),
        ("duminică, 20 septembrie 2020", "2020-09-20"),
        ("Published 3rd Nov 2023, 08:08 GMT", "2023-11-03"),
        ("Oct 15, 2015 · 18 min read", "2015-10-15"),
        ("02/11/2023 02:00pm GMT", "2023-11-02"),
        ("Kompas.com - 02/11/2023, 21:34 WIB", "2023-11-02"),
        ("Updated 02/11/2023 9:34 pm ET", "2023-02-11"),
        ("Post date: 08/09/2012 - 14:49", "2012-08-09"),
        ("02/11/2023 8:30 am", "2023-02-11"),
        ("Publié le 18 juil. 2024 à 08:01 Mis à jour le 18 juil. 2024 à 09:06", "2024-07-18"),
        ("Le 3 févr. 2021", "2021-02-03"),
        ("Mis à jour le 9 déc. 2023 à 12:00", "2023-12-09"),
    ])
    func dateInsideALine(line: String, day: String) {
        #expect(DateFinder.find(in: line) == day)
    }

    /// Days written with Russian, Ukrainian, Polish, Czech and Arabic month names (the genitive a
    /// day takes; Arabic's Egyptian and Levantine names, a year followed by `م`).
    @Test(arguments: [
        ("21 сентября 2020, 14:05", "2020-09-21"),
        ("Опубліковано 3 березня 2021 о 10:15", "2021-03-03"),
        ("Opublikowano: 3 marca 2021", "2021-03-03"),
        ("Vydáno 12. června 2020", "2020-06-12"),
        ("التاريخ: 03 يونيو 2020", "2020-06-03"),
        ("11 شوال 1441هـ - 03 يونيو 2020م", "2020-06-03"),
        ("15 حزيران 2020", "2020-06-15"),
    ])
    func daysInMoreLanguages(line: String, day: String) {
        #expect(DateFinder.find(in: line) == day)
    }

    /// Days written with Nordic, Catalan, Finnish, Hungarian (the year first), Turkish, Greek,
    /// Slovak, Serbian and Bulgarian month names, as pages in those languages print them.
    @Test(arguments: [
        ("Danmark - 10. marts 2020 kl. 20:00", "2020-03-10"),
        ("Publisert 3. desember 2021", "2021-12-03"),
        ("Publicerad 3 augusti 2021 kl 10.15", "2021-08-03"),
        ("Dilluns, Març 23, 2020", "2020-03-23"),
        ("Publicat el 23 d'abril de 2020", "2020-04-23"),
        ("Julkaistu 23. marraskuuta 2020", "2020-11-23"),
        ("2020. március 23. 14:05", "2020-03-23"),
        ("23 Mart 2020 Pazartesi", "2020-03-23"),
        ("Δημοσίευση: 23 Μαρτίου 2020", "2020-03-23"),
        ("23 ΜΑΡΤΙΟΥ 2020", "2020-03-23"),
        ("Publikované 5. októbra 2021", "2021-10-05"),
        ("Objavljeno 5. oktobra 2021", "2021-10-05"),
        ("Публикувано на 5 октомври 2021", "2021-10-05"),
    ])
    func daysInNordicAndOtherLanguages(line: String, day: String) {
        #expect(DateFinder.find(in: line) == day)
    }

    /// Version numbers are no days with a two-digit year: a longer dotted number, or one after a
    /// version's word.
    @Test(arguments: [
        "- Gimlet v9.5 (version - 9.5.3.72)",
        "Linux Kernel version 2.6.29–5.1",
        "Firmware 1.2.23 is out",
    ])
    func versionsAreNoDates(line: String) {
        #expect(DateFinder.find(in: line) == nil)
    }

    /// A long story under a site's menu (few of its lines are furniture, and the window title is
    /// not printed again as it stands): still a whole page, so the printed headline, the byline under
    /// it and its date are read, and the menu is no part of the body. An article's own text with a
    /// few short lines above its first paragraph is no menu.
    @Test func longStoryUnderASiteMenu() throws {
        // Fifteen parts of three paragraphs: too few furniture lines among them for the line model's
        // share alone to call the text a page.
        let paragraphs = (1...45).map { k in
            "Section \(k): doctors say that a daily multivitamin can fill gaps in a diet that lacks fruit and vegetables, "
                + "although most healthy adults who eat well get what they need from their food, and a study of \(k * 1000) people agreed."
        }
        let story = (0..<15).map { part in
            (part == 0 ? "" : "Why a multivitamin may help, part \(part + 1)\nShutterstock\n")
                + paragraphs[(part * 3)..<(part * 3 + 3)].joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
        let text = """
            When you take a multivitamin every day, this happens

            ×

            NEWS
            FEATURES
            BEAUTY
            ENTERTAINMENT
            ROYALS
            HEALTH
            FOOD
            STYLE
            LIVING
            LOVE
            About
            Privacy Policy

            © 2020 Example Media ®. All Rights Reserved
            When you take a multivitamin every day, this is what happens to your body
            NEWS FEATURES BEAUTY ENTERTAINMENT ROYALS HEALTH LOVE

            When you take a multivitamin every day, this is what happens to your body

            Shutterstock
            By Cat Lafuente / June 12, 2020 9:49 am EST / Updated: Aug. 18, 2020 4:17 pm EST

            \(story)
            Recommended
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.title == "When you take a multivitamin every day, this is what happens to your body")
        #expect(article.authors == ["Cat Lafuente"])
        #expect(article.published.map { String($0.prefix(10)) } == "2020-06-12")
        let body = article.body.joined(separator: "\n")
        #expect(!body.contains("FEATURES") && !body.contains("Privacy Policy") && !body.contains("×"))
        #expect(body.contains("a study of 45000 people agreed"))

        let plain = "Council approves the bridge\nBy Jane Doe\nMay 4, 2025\nUpdated\nShare\nTweet\n" + paragraphs.prefix(12).joined(separator: "\n")
        #expect(!TextExtractor.menuAboveStory(text: plain.components(separatedBy: "\n"), start: 0))
        #expect(TextExtractor.menuAboveStory(text: text.components(separatedBy: "\n"), start: 0))
    }

    /// A headline taken from a teaser cut at an ellipsis is completed from a line of the page that
    /// prints it whole, without a site after a separator; nothing when no line goes on from it, when
    /// the line is far longer (a paragraph that opens with the same words) or cut again.
    @Test(arguments: [
        ("Vintage-Flair mit viel...", ["Menu", "Vintage-Flair mit viel Grün • COUCH", "Vintage-Flair mit viel Grün"], "Vintage-Flair mit viel Grün"),
        ("Kelly Ripa’s Skincare Secret Revealed:…", ["Kelly Ripa’s Skincare Secret Revealed: Botox"], "Kelly Ripa’s Skincare Secret Revealed: Botox"),
        ("Vintage-Flair mit viel Grün", ["Vintage-Flair mit viel Grün und Holz"], nil),
        ("Vintage-Flair mit viel…", ["Vintage-Flair mit viel Grün und Holz, sagt die Designerin, die seit zwanzig Jahren Wohnungen in Berlin einrichtet."], nil),
        ("Vintage-Flair mit viel…", ["Vintage-Flair mit viel Grün und…"], nil),
        ("Vintage-Flair mit viel…", ["Vintage-Flair mit vielen Pflanzen"], "Vintage-Flair mit vielen Pflanzen"),
    ] as [(String, [String], String?)])
    func headlineCutAtAnEllipsisIsCompleted(title: String, lines: [String], expected: String?) {
        #expect(PageLayout.uncut(title, in: lines) == expected)
    }

    @Test func foldKeysAreTheUnicodeTablesFoldKeys() {
        // The byte paths (ASCII, General Punctuation) must give exactly what the tables give: the
        // line lowercased, then its alphabetic and numeric scalars.
        func definition(_ line: String) -> String {
            var out = String.UnicodeScalarView()
            for scalar in line.lowercased().unicodeScalars
            where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.append(scalar)
            }
            return String(out)
        }
        // Printable ASCII, Latin-1 (with its ordinal indicators, micro sign and fractions), Greek,
        // General Punctuation and superscripts, Cyrillic, CJK, emoji.
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0xFF, 0x391...0x3C9, 0x2000...0x2071, 0x400...0x45F, 0x4E00...0x4E20, 0x1F600...0x1F610,
        ]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for k in 0..<6000 {
            var line = ""
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(seed >> 58) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // Half the lines ASCII only, the rest mixed.
                let pool = k % 2 == 0 ? pools[0] : pools[Int((seed >> 20) % UInt64(pools.count))]
                let value = pool.lowerBound + UInt32((seed >> 33) % UInt64(pool.count))
                if let scalar = Unicode.Scalar(value) { line.unicodeScalars.append(scalar) }
            }
            #expect(PageLayout.foldKey(line) == definition(line), "\(line)")
        }
        #expect(PageLayout.foldKey("AFP: Harbour Bridge, 2024!") == "afpharbourbridge2024")
        #expect(PageLayout.foldKey("Café – Zürich ½") == "cafézürich½")
    }

    /// A page writes its numeric dates one way: a date whose first number is over twelve elsewhere on
    /// it makes `09/08/2012` the ninth of August; the line's own cue wins over the page's.
    @Test func pageOrderOfNumericDates() {
        #expect(DayOrder.pageOrder(["26/02/2012, 30 Comments", "Published on 09/08/2012"]) == true)
        #expect(DayOrder.pageOrder(["12/26/2012", "Published on 09/08/2012"]) == false)
        #expect(DayOrder.pageOrder(["Published on 09/08/2012", "Page 3 of 12", "2012-08-09"]) == nil)
        #expect(DayOrder.pageOrder(["Call 123-45-67890", "2019-2020 season"]) == nil)
        let dayFirstPage = PageOrder { ["26/02/2012, 30 Comments"] }
        let monthFirstPage = PageOrder { ["12/26/2012"] }
        #expect(DateFinder.find(in: "Published on 09/08/2012 by Nicholas Griffin", page: dayFirstPage) == "2012-08-09")
        #expect(DateFinder.find(in: "Published on 09/08/2012 by Nicholas Griffin", page: monthFirstPage) == "2012-09-08")
        #expect(DateFinder.find(in: "Published on 09/08/2012 by Nicholas Griffin") == "2012-09-08")
        #expect(DateFinder.find(in: "Published 09/08/2012 14:30 GMT", page: monthFirstPage) == "2012-08-09")
        // The page's lines are read only for a date that could be read either way.
        var asked = false
        let page = PageOrder {
            asked = true
            return []
        }
        #expect(DateFinder.find(in: "Published 19.07.2014, updated 26/12/2019", page: page) == "2014-07-19")
        #expect(!asked)
        #expect(DateFinder.find(in: "Published 09/08/2012", page: page) == "2012-09-08")
        #expect(asked)
    }

    /// A page whose dates do not tell their order and that declares no locale writes them as its
    /// language does: a Spanish or German page day first, an English one (whose countries differ)
    /// month first; a declared locale and the page's own dates come before its language.
    @Test func numericDatesInThePagesLanguage() throws {
        let spanish = [
            "El presidente dijo que no es el dueño del Gobierno y que el Gobierno es del pueblo, en una jornada de cruces.",
            "Los ministros se reunieron con los gobernadores de las provincias para hablar de la economía del país.",
        ]
        let english = [
            "The president said that the government belongs to the people, in a day of fierce exchanges with his allies.",
            "The ministers met with the governors of the provinces to talk about the economy of the country.",
        ]
        #expect(DateFinder.find(in: "03/05/2022 22:46", page: PageOrder { spanish }) == "2022-05-03")
        #expect(DateFinder.find(in: "03/05/2022 22:46", page: PageOrder { english }) == "2022-03-05")
        #expect(DateFinder.find(in: "03/05/2022 22:46", page: PageOrder(locale: false) { spanish }) == "2022-03-05")
        #expect(DateFinder.find(in: "03/05/2022 22:46", page: PageOrder { spanish + ["12/26/2021"] }) == "2022-03-05")
        // As whole-page text: the stamp under a Spanish story's byline.
        let text = (["Aumenta la ofensiva sobre el Gobierno", "", "Federico Mayol", "", "03/05/2022 22:46", ""]
            + spanish.flatMap { [$0, ""] } + spanish.map { "Además, " + $0.lowercased() }).joined(separator: "\n")
        let article = try #require(try TestSupport.article(text))
        #expect(article.published.map { String($0.prefix(10)) } == "2022-05-03")
    }

    @Test(arguments: ["Page 12 of 30", "Call 555 1234", "Top 10 stories of 2019", "31.02.2020", "Version 2.3.10.5", "29.02.23"])
    func noDateInsideALine(line: String) {
        #expect(DateFinder.find(in: line) == nil)
    }

    @Test func pronounQuoteGoesToThePreviousParagraphsSpeakerNotTheLastMention() throws {
        let text = """
            Leaders meet in Brussels
            At the same news conference, European Council President Antonio Costa said he wishes „all the best“ for Donald Trump’s call with Vladimir Putin, which is due to take place later.
            „We have been very supportive of all President Trump’s efforts to stop this war,“ he added.
            Karoline Leavitt has now given a little more detail on Donald Trump’s call with Vladimir Putin.
            She’s said she „doesn’t want to get ahead of any conversations“, but did say Trump will call Volodymyr Zelenskyy after speaking with Putin.
            „I think I can summarise the president’s foreign policy agenda with two words – America first,“ she added.
            """
        let article = try #require(try TestSupport.article(text))
        func speaker(_ words: String) -> String? { article.quotes.first { $0.text.contains(words) }?.speaker }
        #expect(speaker("very supportive")?.contains("Costa") == true)
        #expect(speaker("get ahead of any conversations")?.contains("Leavitt") == true)
        #expect(speaker("America first")?.contains("Leavitt") == true)
        #expect(!article.quotes.contains { $0.speaker?.contains("Putin") == true })
    }

    @Test func describedSpeakerIsNotAPersonLaterInTheSentence() throws {
        let text = """
            Call ends
            Putin on Monday said Ukraine had “thwarted” those talks, but Zelenskyy said the negotiations fell apart.
            “I believe it went very well,” the US president said after the call with Putin.
            “It was a productive call,” said Dmitry Peskov after the talks.
            """
        let article = try #require(try TestSupport.article(text))
        let quote = try #require(article.quotes.first { $0.text.contains("went very well") })
        #expect(quote.speaker?.contains("Putin") != true)
        #expect(article.quotes.first { $0.text.contains("productive call") }?.speaker == "Dmitry Peskov")
    }

    @Test func newsPleaseDateKeepsItsTime() throws {
        let record = #"{"title": "T", "maintext": "Body text here.", "date_publish": "2025-05-19 16:13:00"}"#
        let article = try #require(try TestSupport.article(record, format: .json))
        #expect(article.published == "2025-05-19T16:13:00Z")
        let dayOnly = #"{"title": "T", "maintext": "Body text here.", "date_publish": "2025-05-19"}"#
        #expect(try TestSupport.article(dayOnly, format: .json)?.published == "2025-05-19")
        let zoned = #"{"title": "T", "maintext": "Body.", "date_publish": "2025-05-19T17:13:00+01:00"}"#
        #expect(try TestSupport.article(zoned, format: .json)?.published == "2025-05-19T16:13:00Z")
    }

    /// A file saved without a final line end, then appended to: the append continues the unfinished
    /// line exactly as a parse of the whole file would, through a saved state, wherever the cut is
    /// (inside a word, inside a UTF-8 sequence, between CR and LF).
    @Test(arguments: ["Headline\nFirst paragraph ends here.\nSecond para", "Headline\r\nCafé au lait est bon.\r",
                      "Headline\nA line with a multi-byte “quote"])
    func appendInsideALineContinuesIt(head: String) throws {
        let tail = Array(head.utf8) + Array("graph continues.\nA new paragraph.\n".utf8)
        let whole = try TestSupport.parse(tail)
        for cut in 1..<tail.count {
            var first = ArticleParser(format: .text)
            try first.consume(tail[..<cut])
            let saved = try #require(ArticleParser.State(serialized: first.state.serialized()))
            var resumed = ArticleParser(resuming: saved)
            try resumed.consume(tail[cut...])
            #expect(resumed.state == whole.state)
            #expect(try resumed.articles() == whole.articles())
        }
    }
}
