import Foundation
import NewsCore
import Testing

@testable import NewsHTML

@Suite struct BodyTests {
    /// A page with everything around the story that is not the story.
    static let page = """
        <!doctype html><html><head><title>Water rationing begins in the capital</title></head><body>
        <header><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></header>
        <nav><ul><li><a href="/a">Politics</a></li><li><a href="/b">Business</a></li></ul></nav>
        <div class="share-tools">Share on Facebook Share on X</div>
        <main><article>
        <h1>Water rationing begins in the capital</h1>
        <p>Residents of the capital will receive piped water only four days a week from Monday, the city's \
        utility said, as reservoirs fell to their lowest level in three decades.</p>
        <figure><img src="dam.jpg"><figcaption>The main reservoir at a third of its capacity on Sunday.</figcaption>\
        <span class="image-credit">Photo: J. Doe</span></figure>
        <h2>Hospitals exempt</h2>
        <p>Hospitals, schools and fire stations are exempt from the cuts, which will be reviewed every two weeks, \
        the utility's director told reporters.</p>
        <ul><li>Monday to Thursday: normal supply in the north of the city</li>\
        <li>Friday to Sunday: normal supply in the south of the city</li></ul>
        <blockquote><p>"We ask everyone to use water as if every drop were the last," the mayor said at a news conference.</p></blockquote>
        <div class="related-stories"><h3>Related</h3><ul><li><a href="/x">Drought hits farmers across the region</a></li>\
        <li><a href="/y">Heatwave to last another week, forecasters say</a></li></ul></div>
        <p>The rationing plan follows the driest winter since records began in 1951, according to the weather service.</p>
        </article></main>
        <aside><h3>Most read</h3><p>Celebrity chef opens a new restaurant in the old town square, with queues around the block.</p></aside>
        <footer><p>© 2025 Example News. All rights reserved. Contact us at the address below for corrections.</p></footer>
        </body></html>
        """

    /// A blog engine's entry names its author, categories and tags in class words (TypePad's
    /// `entry-author-…`, WordPress's `category-social-media`): the entry is still the story, and a
    /// sidebar is not taken instead; its trackbacks are no text of it, and an element that is a post
    /// by one word and an author box by another (`<div class="post" id="author">`) stays furniture.
    @Test(arguments: [
        #"<div class="entry-category-news entry-author-aws_evangelist entry-type-post entry" id="entry-1">"#,
        #"<div class="post-81 post type-post status-publish hentry category-social-media tag-newsletter">"#,
    ])
    func blogEntryNamedByItsAuthorAndCategories(entry: String) throws {
        let article = try read(
            """
            <html><head><title>Deploy a server farm in six steps</title></head><body>
            <div id="alpha"><div class="module"><h2>Events</h2>
            <p>This session will use real world case studies to help introduce how gaming companies can use the cloud \
            to stay flexible, agile and ahead of the curve, with customer speakers and a panel discussion.</p>
            <p>You are interested in running your web app in the cloud, but you do not know which services will best \
            meet your needs; through a series of questions you will learn which are right for you.</p></div></div>
            <div id="beta">\(entry)<h3 class="entry-header">Deploy a server farm in six steps</h3>
            <div class="entry-content"><div class="entry-body">
            <p>One of the key differentiators of the cloud is its flexibility: it allows you to choose the programming \
            models, languages and operating systems, and to deploy packaged applications tested by the industry.</p>
            <p>A server farm is one such application, and these six steps with their scripts and templates deploy one \
            in about an hour, from the network to the last web server.</p>
            <p>The first step creates the network: two subnets, one for the web servers and one for the database, \
            with the rules that let the servers talk to each other and nothing else reach the database.</p>
            <p>The second and third steps start the domain controllers and the database cluster; the scripts wait for \
            each to answer before they go on, so that a failed start stops the deployment where it happened.</p>
            <p>The last steps add the application servers and the web servers behind a load balancer, and a final \
            script checks every page of the farm from outside before it reports the farm ready.</p></div></div>
            <div class="post" id="author"><p>Jane Doe is the founder of the blog and writes about clouds, servers and \
            the people who run them, from her home in the hills.</p></div>
            <div class="trackbacks"><h3 class="trackbacks-header">TrackBack</h3>
            <p>TrackBack URL for this entry: http://example.com/trackback/1</p></div>
            </div></div></body></html>
            """)
        #expect(article.body.first?.hasPrefix("One of the key differentiators") == true)
        let all = article.body.joined(separator: "\n")
        #expect(all.contains("six steps with their scripts"))
        #expect(!all.contains("gaming companies"))
        #expect(!all.contains("TrackBack"))
        #expect(!all.contains("founder of the blog"))
    }

    /// A wire story's byline and stamp printed as paragraphs above its dateline are its header, not
    /// its text: the body opens at `WASHINGTON (Reuters) - `.
    @Test func linesAboveAWireDatelineLeaveTheBody() throws {
        let article = try read(
            """
            <html><head><title>Scientists map dark matter</title></head><body><article>
            <h1>Scientists map dark matter</h1>
            <p>By Reuters</p>
            <p>November 19, 2019 / 12:21 AM / Updated 14 hours ago</p>
            <p>WASHINGTON (Reuters) - Scientists on Monday unveiled the most detailed map yet of the dark matter \
            that fills much of the space between galaxies, a project that took eight years.</p>
            <p>The map covers a tenth of the sky and shows where the unseen matter gathers, the team said in a \
            statement released with the study.</p>
            </article></body></html>
            """)
        #expect(article.body.first?.hasPrefix("WASHINGTON (Reuters) - Scientists") == true)
        #expect(article.body.count == 2)
    }

    /// A stamp alone on its line below the story's opening (a related story's day, a labelled
    /// revision) is no text of the story; a time of day alone, as a story told hour by hour heads its
    /// paragraphs, is.
    @Test func stampsBelowTheOpeningLeaveTheBody() throws {
        let article = try read(
            """
            <html><head><title>Storm closes the coast road</title></head><body><article>
            <h1>Storm closes the coast road</h1>
            <p>The coast road was closed on Tuesday evening after waves threw stones and driftwood across both             lanes, the county's highways office said.</p>
            <p>8 p.m.:</p>
            <p>Crews with two loaders began clearing the northern stretch, working in the dark with lamps.</p>
            <p>January 10, 2008 -</p>
            <p>Last Updated: 11:48 IST(11/1/2008)</p>
            <p>The office expects the road to reopen on Thursday morning if the wind drops as forecast.</p>
            </article></body></html>
            """)
        #expect(article.body == [
            "The coast road was closed on Tuesday evening after waves threw stones and driftwood across both lanes, "
                + "the county's highways office said.",
            "8 p.m.:", "Crews with two loaders began clearing the northern stretch, working in the dark with lamps.",
            "The office expects the road to reopen on Thursday morning if the wind drops as forecast.",
        ])
    }

    /// A dateline set in a span of its own inside the first paragraph (`<span class="dateline">KOBE –
    /// </span>`) is the story's text; a day in such a span is a stamp and stays out.
    @Test func aDatelineSpanInTheFirstParagraphIsText() throws {
        func body(_ span: String) throws -> String? {
            try read(
                """
                <html><head><title>Masks lost at hospital</title></head><body><article>
                <p><span class="dateline">\(span)</span>A total of 6,000 surgical masks have been lost at a hospital in \
                Kobe, it was learned Tuesday, and the police are investigating the incident as a case of theft.</p>
                <p>The masks, worth ¥40,000, had been kept in a machine room on the third floor of the hospital, \
                which noticed they were missing during a stock check.</p>
                <p>Masks have been in short supply across the country since January, and several hospitals have \
                asked the prefecture to help them buy more from manufacturers abroad.</p>
                <p>The prefectural government said on Wednesday that it would release 200,000 masks from its own \
                reserves to hospitals and nursing homes by the end of the month.</p>
                </article></body></html>
                """
            ).body.first
        }
        #expect(try body("KOBE – ")?.hasPrefix("KOBE – A total of 6,000") == true)
        #expect(try body("21.01.2022 ")?.hasPrefix("A total of 6,000") == true)
    }

    /// Short lines under the story's last sentence (`previous post`, `Comments (+)`, a photo's credit)
    /// are the page's, not the story's; a list the story ends with (its last line after one that ends
    /// no sentence) stays, and a name signed under the story is still its author.
    @Test func shortLinesUnderTheLastSentenceLeaveTheBody() throws {
        func page(_ tail: String) throws -> Article {
            try read("<html><body><article>\(story)\(story)\(tail)</article></body></html>")
        }
        let links = try page("<p>previous post</p><p>next post</p><p>Main image credit: Getty</p>")
        #expect(links.body.last == "A second round is planned for June, the Swiss foreign ministry said in a statement on Monday evening.")
        let list = try page("<p>The delegations named three topics for June</p><ul><li>prisoners</li><li>grain exports</li></ul>")
        #expect(list.body.last == "grain exports")
        let signed = try page("<p>Stefan Wasmer</p>")
        #expect(signed.authors == ["Stefan Wasmer"])
        #expect(!signed.body.contains("Stefan Wasmer"))
        // A stamp of more than five words under the story (a page's last update, a blog's permalink
        // line) leaves with the short lines; one that names who posted, or a sentence that ends
        // with a day, stays.
        let stamped = try page("<p>Last Updated: 31 December 2007 10:36 AM</p><p>Page 1 of 1</p>")
        #expect(stamped.body.last == "A second round is planned for June, the Swiss foreign ministry said in a statement on Monday evening.")
        let dated = try page("<p>Friday December 8, 2006 | permalink | comments (1)</p>")
        #expect(dated.body.last == "A second round is planned for June, the Swiss foreign ministry said in a statement on Monday evening.")
        let posted = try page("<p>Posted by: Chloe at Feb 28, 2005 4:08:17 AM</p>")
        #expect(posted.body.last == "Posted by: Chloe at Feb 28, 2005 4:08:17 AM")
        let sentence = try page("<p>The film is set to open in theaters on February 13, 2013.</p>")
        #expect(sentence.body.last == "The film is set to open in theaters on February 13, 2013.")
    }

    /// Styling nested around the same text is one paragraph: a sidebar's teaser inside seven
    /// `<font>`s (as old pages wrap theirs) scored once, not seven times, does not join the story
    /// beside it.
    @Test func nestedStylingAroundATeaserCountsOnce() throws {
        let paragraphs = [
            "The city council voted on Tuesday to close the old bridge to cars from March, after engineers found cracks in two of its piers.",
            "Buses, bicycles and people on foot may still cross, the council said.",
            "Repairs are expected to take two years and cost about 40 million, twice the first estimate, according to the city's own report.",
            "Shops on both banks of the river fear they will lose trade while the work goes on, and have asked for lower rents during the closure.",
            "The council's transport committee will meet traders next week to discuss the plan.",
            "Engineers first raised concerns about the bridge in 2019, when a routine inspection found that water had seeped into the "
                + "concrete of the eastern pier, and a second inspection last autumn found the damage had spread.",
            "The mayor said the city had no choice but to act now, before the spring floods put more strain on the piers.",
            "Opposition members said the council had known about the cracks for years and should have started the repairs sooner, when they would have cost far less.",
            "A temporary footbridge will open beside the old one in April, the council said, and ferries will run from both banks every fifteen minutes at peak hours.",
            "The bridge, built in 1902, carries about 30,000 vehicles a day.",
            "Traders on the north bank said footfall had already fallen since the council first talked of closing the bridge, a claim the council disputes.",
            "The work will be paid for from the city's own budget and a grant from the national government, which has promised half of the cost.",
            "Residents can comment on the plan until the end of the month, on the council's website or at the town hall.",
        ]
        let singers = (1...21).map { "the singer from town number \($0)" }.joined(separator: ", ")
        let fonts = ["size=\"2\"", "size=\"4\"", "color=\"#003366\" size=\"2\"", "size=\"3\"", "size=\"3\"", "size=\"2\"", "color=\"#003366\""]
        let article = try read(
            """
            <html><body><div align="center"><div id="wrapper"><div id="middlecolumn">\
            <p class="byline">By Anna Weber (AP) Published: 2008-01-09 02:55:03</p>\
            \(paragraphs.map { "<p>\($0)</p>" }.joined())\
            <p>Copyright 2008 The Example Press. All rights reserved.</p></div>\
            <div class="noprint"><div id="rightcolumn"><div id="greyLinedBox"><table border="0"><tbody><tr><td>\
            \(fonts.map { "<font \($0)>" }.joined())\
            <p> It is his birthday this week, which reminds me that it is January, which reminds me of the anniversary \
            of his death. I had to look up the year, but I remember the phone call from a friend, one of the few I knew \
            who saw him live. </p>\
            <p> If you do not know him, he is the godfather of a school of songwriters: \(singers), and many more I \
            leave out, who all go together, as some bands do. </p>\
            \(String(repeating: "</font>", count: 7))\
            <p><font size="2"><font color="#003366"><a href="/blogs/other/">: Another column of the week</a></font></font></p>\
            </td></tr></tbody></table></div></div></div></div></div></body></html>
            """)
        #expect(article.body.first == paragraphs[0])
        #expect(article.body.contains(paragraphs[12]))
        #expect(!article.body.contains { $0.contains("godfather") })
    }

    /// A blog post typed between line breaks whose later paragraphs sit in a division left open (a
    /// list of key points, then the rest, as the editor left it): the paragraphs typed before that
    /// division are the story too, not the list alone.
    @Test func paragraphsTypedBeforeADivisionLeftOpen() throws {
        let opening = [
            "The city council voted on Tuesday to close the old bridge to cars from March, after engineers found cracks in two of its piers.",
            "Repairs are expected to take two years and cost about 40 million, twice the first estimate, according to the city's own report.",
            "Shops on both banks of the river fear they will lose trade while the work goes on, and have asked for lower rents during the closure.",
            "The mayor, who had promised in her campaign to keep the bridge open, said the city had no choice but to act now, before the spring floods.",
        ]
        let points = [
            "Firstly, the cracks were found in 2019, when a routine inspection showed that water had seeped into the concrete of the "
                + "eastern pier, and a second inspection last autumn found that the damage had spread to the western one as well.",
            "Secondly, the repairs cannot wait for the summer, as the council had hoped, because the spring floods would put more "
                + "strain on both piers than the engineers are willing to accept, and the insurers agree with them.",
            "Thirdly, a temporary footbridge will open beside the old one in April, the council said, and ferries will run from both "
                + "banks every fifteen minutes at peak hours, paid for from the same budget as the repairs.",
            "Finally, traders on the north bank said footfall had already fallen since the council first talked of closing the "
                + "bridge, a claim the council disputes, and they have asked for a meeting with the mayor before March.",
        ]
        let closing = "The bridge, built in 1902, carries about 30,000 vehicles a day, and the council expects to reopen it to cars in 2027."
        let article = try read(
            """
            <html><body><div id="sidebar"><h2>About</h2><p>A blog about the city, its council and its bridges.</p></div>\
            <div id="p1"><h3><a href="/bridge">Old bridge to close to cars</a></h3>\
            <div><p><div dir="ltr">\(opening.joined(separator: "<br /><br />\n"))<br /><br />
            <div>So, what are the key points?</div>
            <div><ul>\(points.map { "<li>\($0)</li>" }.joined())</ul>
            <div>\(closing)</div>
            </p></div>
            <div class="post-footer">Posted by Anna Weber at 9:15 AM</div></div></body></html>
            """)
        #expect(article.body.first == opening[0])
        #expect(article.body.contains(opening[2]))
        #expect(article.body.contains(points[3]))
        #expect(article.body.contains(closing))
        #expect(!article.body.contains { $0.contains("A blog about the city") })
    }

    /// A story set one paragraph to a division (`div.firstPar > p`, `div.secondPar > p`, … before
    /// the related links and `div.body`, as the Telegraph did): those paragraphs are the story's
    /// opening. A notice alone in its division under the story is not.
    @Test func paragraphsSetOneToADivision() throws {
        let opening = [
            "Emergency services were called to a restaurant's curry-eating challenge on Saturday, after competitors fell ill.",
            "One participant was so ill that she had to be taken to hospital twice in a matter of hours.",
            "Today, the ambulance service said it wanted the restaurant to review the way the event was managed.",
        ]
        let rest = [
            "The owner admitted that he would have to tone down the contest, but said the challenge had raised hundreds of pounds for charity.",
            "He added that half of the 20 people who took part had dropped out after watching the first ten diners fall ill, one after another.",
            "Previously the restaurant's dish had caused diners to suffer nose bleeds, and one elderly man had to go to hospital, the owner said.",
            "The contest will go on next year, he said, with a doctor on hand and a smaller portion of the sauce for those who want to try it.",
        ]
        let notice = "Now let's hear what you've got to say about this story, or anything else in the news. Send your opinions to the editor."
        let ordinals = ["first", "second", "third"]
        let article = try read(
            """
            <html><body><div id="mainBodyArea">\
            \(zip(ordinals, opening).map { "<div class=\"\($0)Par\"><p>\($1)</p></div>" }.joined())\
            <div class="related_links_inline"><h2>Related Articles</h2><ul><li><a href="/a">Flag to fly above the promenade</a></li>\
            <li><a href="/b">Water column forms over the lake</a></li></ul></div>\
            <div class="body">\(rest.map { "<p>\($0)</p>" }.joined())</div>\
            <div class="note"><p>\(notice)</p></div>\
            </div></body></html>
            """)
        #expect(article.body.first == opening[0])
        #expect(article.body.contains(opening[2]))
        #expect(article.body.last == rest[3])
    }

    /// A story the server streamed after the rest of the page, in a hidden division its script moves
    /// into place (React's `<div hidden id="S:1">`), is what a reader sees; a hidden element that is
    /// no such part stays hidden.
    @Test func aStreamedPartOfThePageIsText() throws {
        func page(_ id: String) -> String {
            """
            <html><body><main><template id="B:1"></template><div class="skeleton"></div></main>\
            <div hidden id="\(id)"><article><h1>Ferry service resumes</h1>\(story)</article></div></body></html>
            """
        }
        #expect(try read(page("S:1")).body.first?.hasPrefix("Diplomats from Ukraine") == true)
        #expect(try read(page("S:1a")).body.count == 3)
        #expect(try HTMLReader.articles(Array(page("legacy").utf8)).allSatisfy { $0.body.isEmpty })
    }

    /// Commas of scripts other than Latin count as commas do in the scoring: a Japanese story whose
    /// sentences run on with `、` outscores a note box that its class words lift.
    @Test func ideographicCommasCount() throws {
        let story = [
            "気象庁は、十三日午後九時十九分ごろ、日向灘で震度五弱の地震があったと発表した。震源の深さは、約三十キロ、地震の規模は、六・九と推定される。",
            "この地震で、気象庁は、高知県と宮崎県に、一メートルの津波注意報を出した。沿岸の住民は、海岸から離れ、高台に避難した。",
            "宮崎県では、高鍋町、新富町、宮崎市などで、震度五弱を観測した。県によると、けが人の情報は、今のところ入っていない。",
        ]
        let note = "有料記事を読むにはログインしてください。会員登録は無料です。今なら二か月間月額百円でお読みいただけます。"
        let article = try read(
            """
            <html><body><div class="side"><div class="article-note"><p>\(note)</p></div></div>\
            <div class="col"><div>\(story.map { "<p>\($0)</p>" }.joined())</div></div></body></html>
            """)
        #expect(article.body == story)
    }

    /// A story split in sections dressed alike (`div.con`), each holding its paragraphs six levels
    /// down, the longest last (`div.con > div.modCon > div.mod > div.boxCon > div.box > div.paragraph > p`), deeper than a
    /// paragraph's score reaches, with a box of teasers between them: every section is the story's.
    @Test func sectionsDressedAlikeHoldingParagraphsDeepDown() throws {
        let parts = [
            ["The carcasses still steam as they hang from hooks in the hall, waiting to be pushed along a "
                + "rail to the next station. The pigs have been dead for only a few minutes, and some of their "
                + "fellows at the entrance of the hall are still squealing, in a plant that does not work at scale.",
             "Two hundred pigs an hour pass through the hall on a working day, and the firm sells the meat "
                + "in the region, to butchers, to restaurants and to its own shops, under a name it has used "
                + "since the plant was bought from the state more than thirty years ago."],
            ["Slaughter numbers have fallen for years",
             "There are 103 licensed slaughterhouses in the state, according to the ministry of agriculture, "
                + "among them some small local butchers who still slaughter themselves, and a handful of "
                + "larger plants that take in animals from farms across the region and beyond it."],
            ["The state is among the leaders in meat consumption, according to a study of 2016, with each "
                + "inhabitant eating more than sixty kilograms a year, most of it pork, and the sausage that "
                + "bears its name is sold across the country, although less of it is made from local animals.",
             "The large plants have lower costs, the manager says, and the small ones struggle to keep up "
                + "with the rules on hygiene and on animal welfare, which have grown stricter every year, and "
                + "with the wages that workers in the trade now expect to be paid.",
             "Some farmers now drive their animals two hours or more to the nearest plant, the association of "
                + "pig farmers says, and it has asked the state to help the small plants that remain, with "
                + "grants for new equipment and with advice on the rules they must follow.",
             "The ministry says it is looking at the request, but that the decline has many causes, among them "
                + "the falling number of farms, the rising cost of energy, and a public that eats less meat, "
                + "especially the young, who say they care more about how animals are kept."],
        ]
        let section = { (part: [String]) -> String in
            let blocks = part.map { $0.count < 60 ? "<h3 class=\"subtitle\">\($0)</h3>" : "<div class=\"paragraph\"><p class=\"text\">\($0)</p></div>" }
            return "<div class=\"con\"><div class=\"modCon\"><div class=\"mod modParagraph\"><div class=\"boxCon\">"
                + "<div class=\"box\">\(blocks.joined())</div></div></div></div></div>"
        }
        let teasers = ["More on meat", "Fewer butchers in the region", "A study of pig farming"]
            .map { "<div class=\"box\"><a href=\"/news/\($0.count)\">\($0)</a></div>" }.joined()
        let article = try read(
            """
            <html><head><title>The hard trade of slaughter</title></head><body>\
            <h1>The hard trade of slaughter</h1><div class="section">\(section(parts[0]))\
            <div class="con teaser"><h3>New section</h3>\(teasers)</div>\
            \(section(parts[1]))\(section(parts[2]))</div></body></html>
            """)
        #expect(article.body == parts.flatMap { $0 })
    }

    /// A story whose opening paragraphs each stand in a wrapper of their own two levels deep
    /// (`div[data-area=text] > div.RichText > p`), between advertisement slots and above a box of
    /// related links, and whose longer rest stands in the same kind of wrapper below that box: the
    /// opening is the story's, the box is not.
    @Test func oneParagraphWrappersTwoLevelsDeep() throws {
        let opening = [
            "The central bank admitted failures in its supervision of the failed lender on Friday and "
                + "announced stricter rules for banks of its size, in a report of more than a hundred pages.",
            "The collapse shows that there are weaknesses in regulation and in supervision that must be "
                + "addressed, the bank's vice chair for supervision wrote in a letter attached to the report.",
            "Mismanagement of important risks by the bank itself lay at the heart of its failure, the report "
                + "said. But its supervisors had not fully recognised the problems, and when they did, they had "
                + "been slow to act, waiting to gather more evidence even as the weaknesses grew plain.",
        ]
        let rest = [
            "Regulators closed the bank on March 10, after customers had withdrawn 42 billion dollars of "
                + "deposits within a few hours the day before, and requests for a further 100 billion dollars had "
                + "piled up by the following morning, in the largest failure of a bank since the financial crisis, "
                + "which shook the confidence of markets in America and in Europe for weeks afterwards.",
            "The vice chair called the report unflinching. It found that supervisory practice had changed "
                + "between 2018 and 2021, with supervisors expected to gather more evidence before acting, and "
                + "staff interviewed for it spoke of pressure to reduce the burden on firms, while the assets of "
                + "the banking sector grew by 37 percent and the supervisory staff shrank by three percent.",
        ]
        let wrapped = { (text: String) in
            "<div data-area=\"text\"><div class=\"RichText lg:w-8/12 break-words\"><p>\(text)</p></div></div>"
        }
        let slot = "<div class=\"sm:mb-24\"><div class=\"gujAd\" id=\"rectangle_1\"></div></div>"
        let related = ["Save the rich", "Banks under pressure", "What the crisis means for savers"]
            .map { "<li><a href=\"/economy/\($0.count)\">\($0)</a></li>" }.joined()
        let article = try read(
            """
            <html><body><div data-area="body">\
            \(opening.map { wrapped($0) + slot }.joined())\
            <section><span>More on the subject</span><ul>\(related)</ul></section>\
            <div data-area="text"><div class="RichText RichText--last lg:w-8/12 break-words">\
            \(rest.map { "<p>\($0)</p>" }.joined())</div></div>\
            </div></body></html>
            """)
        #expect(article.body == opening + rest)
    }

    /// A story set one paragraph to a division dressed alike (a class that lifts each long one:
    /// `text-trout`), in two rows that each hold a column of them and an aside: the best of those
    /// divisions lies in the second row, beside a short paragraph, and the first row's divisions,
    /// which score nearly as well, are the story's opening.
    @Test func paragraphsInRowsOfDivisionsDressedAlike() throws {
        let first = [
            "Donald Trump has again shared a picture made with software, showing himself beside a "
                + "religious figure at a lectern. The post, shared on Wednesday afternoon from his own account, "
                + "drew criticism within hours from clergy, from political opponents in Congress and from a "
                + "number of his own supporters, who called it a provocation that served no purpose at all, on "
                + "a day of other news.",
            "A similar picture had been deleted on Monday after a day of criticism, in which bishops, "
                + "pastors and lawmakers of both parties joined. The White House did not say at the time who "
                + "had posted it, and a spokeswoman said on Tuesday that the president had not seen the "
                + "criticism before the picture was taken down from his account by members of his staff in the "
                + "early evening hours.",
            "The president said on Tuesday, speaking to reporters in the Oval Office, that he had thought "
                + "the first picture showed him as a doctor. He said he had been told it showed a worker of the "
                + "Red Cross, and that he had shared it because he liked it, not to offend anyone, least of all "
                + "the believers who had written to him about it since then, in letters of their own.",
            "Critics were not persuaded by the explanation. A bishop in Texas wrote that the picture "
                + "could not be mistaken for a doctor's, and a senator from his own party said that the "
                + "president should apologise to the churches. Others said that the affair would be forgotten "
                + "within a week, as so many of his posts had been before it, whatever they said about them at "
                + "the time they were posted.",
        ]
        let second = "He did not, however, say why the picture was shared again, whether he had seen it before, "
            + "who had made it, or whether, as critics said, it was meant to provoke them. His aides "
            + "declined to comment on the matter when they were asked about it on Wednesday evening, and "
            + "the account that first posted the picture did not answer questions sent to it by reporters "
            + "from several newspapers."
        let third = "The White House is expected to address the matter at its briefing on Thursday morning."
        let paragraph = { (text: String) in "<div class=\"px-24 pt-16 leading-12 text-trout\"><p>\(text)</p></div>" }
        let article = try read(
            """
            <html><body><div class="wrap">\
            <div class="row"><div class="column">\(first.map(paragraph).joined())</div>\
            <aside><p>Most read: a whale in the harbour, a storm on the coast, a strike at the airport.</p></aside></div>\
            <div class="row"><div class="column">\(paragraph(second) + paragraph(third))</div>\
            <aside><p>Headlines: the budget, the election, the weather for the weekend in the north.</p></aside></div>\
            </div></body></html>
            """)
        #expect(article.body == first + [second, third])
    }

    /// A page that appends the next story under the first, each in an `<article>` with its own
    /// `<h1>` (Dagbladet's `#second-article`): the story is the one its stated title heads, however
    /// much longer the next one is, and the next one stays out.
    @Test func theNextStoryAppendedUnderTheFirstIsNotIt() throws {
        let next = (1...6).map {
            "Paragraph \($0) of the next story: the club's board met on Tuesday, people close to it said, and is expected to name "
                + "a new manager, a former player, before the weekend's match against the league's leaders."
        }
        let article = try read(
            """
            <html><head><meta property="og:title" content="Ferry service resumes"></head><body><main>\
            <article id="main-article"><h1>Ferry service resumes</h1><div class="bodytext">\(story)</div></article>\
            <div class="under-article"><article id="second-article"><h1>Club to name a new manager</h1>\
            <div class="bodytext">\(next.map { "<p>\($0)</p>" }.joined())</div></article></div>\
            </main></body></html>
            """)
        #expect(article.title == "Ferry service resumes")
        #expect(article.body.count == 3)
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
    }

    /// Text a page sets off screen for screen readers (`h-offscreen`: an expander's "open box" and
    /// "close box"), a video player's notice to readers without scripts and an embed's consent box
    /// are no text of the story.
    @Test func screenReaderTextAndConsentBoxesLeaveTheBody() throws {
        let more = [
            "The Swiss delegation said that both sides had agreed to exchange lists of prisoners before the next round, "
                + "a step that officials on both sides described as modest but useful.",
            "Neither government commented on reports that a ceasefire along the southern front had been discussed.",
        ]
        let article = try read(
            """
            <html><body><article><h1>Ferry service resumes</h1>\(story)\
            <div class="expandable-box__expand-icon"><span class="h-offscreen">Personen-Box aufklappen</span> \
            <span class="h-offscreen">Personen-Box zuklappen</span></div>\
            <p class="vjs-no-js">To view this video please enable JavaScript, and consider upgrading to a web browser that supports HTML5 video</p>\
            <div class="info-box"><div>Empfohlener redaktioneller Inhalt</div>\
            <p>An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.</p>\
            <p>Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.</p></div>\
            \(more.map { "<p>\($0)</p>" }.joined())</article></body></html>
            """)
        #expect(article.body.count == 5)
        #expect(Array(article.body.suffix(2)) == more)
    }

    /// Stamps above the story that the dateline reader does not read whole (two on a line, a time
    /// of day before the day) date the page and leave the body; an editor's note that opens with a
    /// label and says more stays.
    @Test(arguments: [
        ("Published: January 10 2008 02:00 | Last updated: January 11 2008 03:00", "2008-01-10", "2008-01-11"),
        ("Last updated at 00:11am on 14th January 2008", nil, "2008-01-14"),
        ("Updated March 3, 2020 with the council's reply", nil, nil),
    ] as [(String, String?, String?)])
    func stampsAboveTheStory(line: String, published: String?, updated: String?) throws {
        let leaves = published != nil || updated != nil
        let story = [
            "The city council voted on Tuesday to close the old bridge to cars from March, after engineers found cracks in two of its piers.",
            "Repairs are expected to take two years and cost about 40 million, twice the first estimate, according to the city's own report.",
            "Shops on both banks of the river fear they will lose trade while the work goes on, and have asked for lower rents during the closure.",
        ]
        let article = try read(
            """
            <html><body><div class="article"><h1>Old bridge to close to cars</h1><p class="dates">\(line)</p>\
            \(story.map { "<p>\($0)</p>" }.joined())</div></body></html>
            """)
        #expect(article.body.contains(line) == !leaves)
        #expect(article.body.last == story[2])
        if leaves {
            #expect(article.published == published)
            #expect(article.updated == updated)
        }
    }

    /// A breadcrumb trail above the story leaves the body, with its label and a title at its end;
    /// a line that names a menu's path in a sentence, or quotes a reply, stays.
    @Test(arguments: [
        ("News &gt; Economy &gt; <strong>Business</strong>", true),
        ("Full list of categories: City Guide » Food » Restaurants", true),
        ("» Home » Community News » How many lives can you save in 2008?", true),
        ("Main Page &gt;&gt; English &gt;&gt; Introduction", true),
        ("To start, choose Design &gt; Widgets in the menu.", false),
        ("Peter Barber wrote: &gt; WebKit is the basis of the browser and of every app that shows a page", false),
    ])
    func breadcrumbAboveTheStory(trail: String, leaves: Bool) throws {
        let story = [
            "The city council voted on Tuesday to close the old bridge to cars from March, after engineers found cracks in two of its piers.",
            "Repairs are expected to take two years and cost about 40 million, twice the first estimate, according to the city's own report.",
        ]
        let article = try read(
            """
            <html><body><div class="article"><p class="location">\(trail)</p><h1>Old bridge to close to cars</h1>\
            \(story.map { "<p>\($0)</p>" }.joined())</div></body></html>
            """)
        #expect(article.title == "Old bridge to close to cars")
        #expect(article.body.count == (leaves ? 2 : 3))
        #expect(article.body.last == story[1])
    }

    /// A blog theme that sets the post itself in an `<aside>`, headline and all (a kilobyte of text
    /// or more): that aside is the story, while the page's other asides (a sidebar of links, with no headline) stay furniture.
    @Test func aPostSetInAnAsideWithItsHeadlineIsTheStory() throws {
        let paragraphs = [
            "The city council voted on Tuesday to close the old bridge to cars from March, after engineers found cracks in two of its piers.",
            "Repairs are expected to take two years and cost about 40 million, twice the first estimate, according to the city's own report.",
            "Shops on both banks of the river fear they will lose trade while the work goes on, and have asked for lower rents during the closure.",
            "Engineers first raised concerns about the bridge in 2019, when a routine inspection found that water had seeped into the "
                + "concrete of the eastern pier, and a second inspection last autumn found the damage had spread.",
            "A temporary footbridge will open beside the old one in April, the council said, and ferries will run from both banks every fifteen minutes at peak hours.",
            "Opposition members said the council had known about the cracks for years and should have started the repairs sooner, when they would have cost far less.",
            "The work will be paid for from the city's own budget and a grant from the national government, which has promised half of the cost.",
        ]
        let sidebar = (1...12).map { "<li><a href=\"/p/\($0)\">Another post about the town, number \($0)</a></li>" }.joined()
        let article = try read(
            """
            <html><body><section id="contentWrap"><section id="leftColumn"><aside class="blogPost">            <h1>Old bridge to close to cars</h1><div class="detailsBar"><h4>Posted, August 9th, 2012</h4></div>            <div class="blogContent">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div></aside>            <div id="respond"><h3>Speak your mind</h3><p>Signed in as Guest</p></div></section>            <aside id="sidebar"><h3>Recent posts</h3><ul>\(sidebar)</ul>            <p>Our newsletter brings you the week's posts every Friday, with the best of the comments and a few links we liked.</p></aside>            </section></body></html>
            """)
        #expect(article.body == paragraphs)
        #expect(article.title == "Old bridge to close to cars")
        // The comment form's heading under the story's last paragraph heads nothing of it.
        #expect(article.subheadings.isEmpty)
    }

    /// A form for readers to fill in under the story (an e-mail-to-a-friend box, a comment box with
    /// its registration, a login) leaves the body with its labels and notes, at every strictness; a
    /// story a site sets inside its one `<form>` (prose, a page's worth of text, or half the page's
    /// text or more) stays.
    @Test func aFormForReadersLeavesTheBody() throws {
        let forms = """
            <form action="/mail" method="post"><table><tr><td>Your Name</td><td><input name="n"></td></tr>\
            <tr><td>Your e-mail address (for return address purposes)</td><td><input type="email" name="e"></td></tr>\
            <tr><td>Message (optional)</td><td><textarea name="m"></textarea></td></tr></table>\
            <p>Disclaimer: we do not keep this information; it is used to send this one e-mail.</p></form>
            <form method="post"><p>Note: Fields marked with an asterisk (*) are required!</p><table>\
            <tr><th>*Create a Member ID:</th><td><input type="text" name="id"></td></tr>\
            <tr><th>*Choose a password:</th><td><input type="password" name="pw"></td></tr></table></form>
            """
        let article = try read("<html><body><table><tr><td>\(story)\(forms)</td></tr></table></body></html>")
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
        #expect(article.body.last?.hasPrefix("A second round is planned") == true)
        for label in ["Your Name", "Message (optional)", "Disclaimer", "Fields marked", "Member ID", "password"] {
            #expect(!article.body.contains { $0.contains(label) }, "\(label)")
        }
        // A story set inside a form with a search box: its paragraphs are prose, and they stay.
        let wrapped = try read(
            """
            <html><body><form id="aspnetForm" method="post"><input type="text" name="q"><table><tr><td>\
            <p>Diplomats from Ukraine and Russia met in Geneva on Monday, officials in Kyiv and Moscow said, the first \
            such meeting in more than a year, and the first since the two sides broke off talks over the exchange of \
            prisoners last spring.</p><p>A second round is planned for June, the Swiss foreign ministry said.</p>\
            </td></tr></table></form></body></html>
            """)
        #expect(wrapped.body.count == 2)
        #expect(wrapped.body.first?.hasPrefix("Diplomats from Ukraine") == true)
        // A short brief on a page the site wraps whole in its form (no run of prose, little text):
        // the form holds the page, and the brief stays.
        let brief = try read(
            """
            <html><body><form id="aspnetForm" method="post"><input type="text" name="q">\
            <p>The north road will close for repairs from Monday to Friday next week.</p>\
            <p>Buses will take the bridge instead, the city said.</p></form></body></html>
            """)
        #expect(brief.body == ["The north road will close for repairs from Monday to Friday next week.", "Buses will take the bridge instead, the city said."])
    }

    /// A heading under the story's last paragraph (a form's, a list's whose links are not kept) is
    /// no subheading; one between paragraphs stays where it stands.
    @Test func aHeadingUnderTheLastParagraphHeadsNothing() throws {
        let article = try read(
            """
            <html><body><article><h1>Old bridge to close to cars</h1>\(story)<h2>What happens next</h2>\(story)
            <h3>Similar projects:</h3><ul><li><a href="/a">A bridge in another town</a></li><li><a href="/b">A tunnel</a></li></ul>
            </article></body></html>
            """)
        #expect(article.subheadings == ["What happens next"])
        #expect(article.body.contains("What happens next"))
        #expect(!article.body.contains("Similar projects:"))
    }

    /// A day and time alone above the story, in a form the stamp reader does not read
    /// (`01-14-2008 15:45`, `14.01.2008`), is no text of the story; a score (`81-65`) stays.
    @Test func aDayAloneAboveTheStoryLeavesTheBody() throws {
        for stamp in ["01-14-2008 15:45", "14.01.2008"] {
            let article = try read("<html><body><article><p>\(stamp)</p>\(story)</article></body></html>")
            #expect(!article.body.contains(stamp))
            #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
        }
        let scored = try read("<html><body><article><p>81-65</p>\(story)</article></body></html>")
        #expect(scored.body.first == "81-65")
        // A year is four digits from 1900 to 2099, at the end of the text too; a run of a thousand
        // digits is none (and no overflow).
        #expect(MainContent.namesAYear("14.01.2008"))
        #expect(!MainContent.namesAYear("81-65 12345"))
        #expect(!MainContent.namesAYear(String(repeating: "9", count: 1000)))
    }

    /// A ruby annotation's reading, the kana printed small over a Japanese word, is not read into the
    /// text: `<ruby>子<rt>こ</rt></ruby>ども` is `子ども`, as a reader reads it, not `子こども`.
    @Test func rubyReadingsAreNotText() throws {
        let article = try read(
            """
            <html><head><title>法律ができる</title></head><body><article>
            <p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための\
            <ruby>法律<rt>ほうりつ</rt></ruby>ができて、<ruby>親<rt>おや</rt></ruby>が子どもを教育するために、\
            たたいたり蹴ったりする体罰を禁止することになりました。</p>
            <p>最近、親に虐待された子どもを児童相談所が守ることができなくて、子どもが亡くなる事件が続いています。</p>
            </article></body></html>
            """)
        #expect(article.body.first == "子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、たたいたり蹴ったりする体罰を禁止することになりました。")
    }

    /// The site's notices under the story — a call to follow it, a newsletter offer, the copyright
    /// line — are no part of the body; a last paragraph about a copyright stays.
    @Test func noticesUnderTheStoryLeaveTheBody() throws {
        let story = """
            <html><head><title>Band wins back its catalogue</title></head><body><article>
            <h1>Band wins back its catalogue</h1>
            <p>The band has won back the rights to its first five albums after a two-year dispute with its former \
            label, a court in London ruled on Tuesday.</p>
            <p>The judge said the contract signed in 1998 had expired, and that the label could no longer sell the \
            records without the band's consent.</p>
            <p>The band's manager said the members had asked for the copyright of their previous catalogue to be \
            returned to them years ago.</p>
            """
        let article = try read(
            story + """
                <p>Follow The Example Times on Twitter and Instagram @ExampleTimes and on Facebook.</p>
                <p>Get the best of The Example Times delivered to your inbox: sign up for our daily newsletter.</p>
                <p>© 2025 Example Media Ltd. All rights reserved. This material may not be published or redistributed.</p>
                </article></body></html>
                """)
        #expect(article.body.count == 3)
        #expect(article.body.last?.hasSuffix("returned to them years ago.") == true)
        let plain = try read(story + "</article></body></html>")
        #expect(plain.body == article.body)
    }

    /// A page that never closes its `<header role="banner">` has the rest of the page inside it, as
    /// HTML5 builds the tree: the story in its `<main>` or `<article>` is still read, the menu beside it is not.
    @Test(arguments: [true, false])
    func storyInsideAHeaderNeverClosed(inMain: Bool) throws {
        let story = """
            <article><h1>Singer registers his name as a trademark</h1>
            <div class="article-body"><p>The well-known accordion player filed on Thursday a request to register his \
            name as a trademark at the ministry of trade, so that no one else may use it on a stage.</p>
            <p>"My name is what represents me, so I have formally asked for the exclusive right to its use," he said \
            in a statement, after a band in the west of the country had played under it for a year.</p>
            </div></article>
            """
        let article = try read(
            """
            <html><head><title>Singer registers his name as a trademark</title></head><body>
            <header id="header" class="header" role="banner"><div class="menu-principal">\
            <a href="/a">Sections</a> <a href="/b">Sport</a> <a href="/c">Fame</a> <a href="/d">Opinion</a></div>
            \(inMain ? "<main class=\"main-content\" role=\"main\">\(story)</main>" : "<div id=\"content\">\(story)</div>")
            <footer><p>Contact us</p></footer></body></html>
            """)
        #expect(article.body.count == 2)
        #expect(article.body.first?.hasPrefix("The well-known accordion player") == true)
        #expect(!article.body.joined().contains("Sections"))
    }

    /// A story in an accordion (`role="tablist"` holding its `role="tabpanel"`s, each section opened
    /// by its heading) is read; a bar of tabs (`role="tablist"` without its panels) stays furniture.
    @Test func storyInAnAccordion() throws {
        let article = try read(
            """
            <html><head><title>Unemployment rose in January</title></head><body><main><article>
            <h1>Unemployment rose in January</h1>
            <div class="copytext"><p>Tip: all of this year's news is on the page of current reports.</p></div>
            <div class="panel-group" role="tablist"><div class="panel">
            <div class="panel-heading" role="tab"><h2><a href="#p1">The labour market in January</a></h2></div>
            <div id="p1" class="panel-collapse collapse" role="tabpanel"><div class="panel-body">
            <p>Unemployment rose by 133,000 to 2.46 million people in January, as it does every winter, the agency \
            said on Tuesday in its monthly report on the labour market.</p>
            <p>Adjusted for the season, the number of people out of work fell by 48,000 against December, and the \
            rate of unemployment stayed at 5.4 percent for the third month in a row.</p>
            <p>Employers registered short-time work for 286,000 people in the first four weeks of the year, fewer \
            than in the same weeks a year before, when the second lockdown had begun.</p>
            </div></div></div></div>
            <div class="tabs" role="tablist"><a role="tab" href="/a">Reports of 2022 and of the years before them</a> \
            <a role="tab" href="/b">Figures of the regions and of their labour markets</a></div>
            </article></main></body></html>
            """)
        #expect(article.body.contains { $0.hasPrefix("Unemployment rose by 133,000") })
        #expect(article.body.contains { $0.hasPrefix("Employers registered short-time work") })
        #expect(!article.body.joined().contains("Figures of the regions"))
    }

    /// Teaser cards whose link is an empty `<a>` laid over the whole card hold no text inside a
    /// link: in a list of three or more, their kickers are no paragraphs of the story. A single such
    /// card, or an empty anchor that is a named target, leaves the text alone; a "most viewed" box is
    /// furniture by its class.
    @Test(arguments: [3, 1])
    func teaserCardsWithAnOverlaidLink(cards: Int) throws {
        let kickers = ["Sharp criticism", "Views", "No anaesthetic"]
        let teasers = kickers.prefix(cards).enumerated().map { k, kicker in
            """
            <li><article class="content-article"><div class="text"><h3>Another story number \(k + 1) of the day</h3>\
            <p>\(kicker)</p></div><a class="links" href="/story-\(k + 1).html"></a></article></li>
            """
        }.joined()
        let article = try read(
            """
            <html><head><title>The president answers his critics</title></head><body><div class="news">
            <h1>The president answers his critics</h1>
            <section class="most-viewed"><span>The most read</span></section>
            <ul class="latest">\(teasers)</ul>
            <p><a name="top"></a>"Nobody owns the government," the president said on Tuesday at noon, answering a new attack \
            from a minister of his own coalition who had questioned his leadership once again.</p>
            <p>It is the first time the president has answered the attacks so directly, after weeks in which his \
            spokespeople had left the replies to the ministers closest to him.</p>
            <p>The two leaders have not spoken for two months, according to people close to both, and a meeting \
            planned for the end of the month has not been confirmed by either office.</p>
            </div></body></html>
            """)
        let body = article.body.joined(separator: "\n")
        #expect(body.contains("Nobody owns the government"))
        #expect(!body.contains("The most read"))
        for kicker in kickers.prefix(cards) { #expect(body.contains(kicker) == (cards < 3), "\(kicker)") }
    }

    @Test func keepsTheStoryAndDropsTheFurniture() throws {
        let article = try read(Self.page)
        #expect(article.title == "Water rationing begins in the capital")
        #expect(article.body.first?.hasPrefix("Residents of the capital") == true)
        #expect(article.body.last?.hasPrefix("The rationing plan") == true)
        let all = article.body.joined(separator: "\n")
        for furniture in ["Politics", "Share on", "Drought hits farmers", "Celebrity chef", "All rights reserved", "Home"] {
            #expect(!all.contains(furniture), "\(furniture)")
        }
    }

    /// A blog post filed under `social-media` (WordPress writes its categories and tags into the
    /// post's classes) is the story, not a share bar; a share bar inside it still goes.
    @Test func aPostsCategorySlugsAreNoFurnitureWords() throws {
        let article = try read(
            """
            <html><body><div id="primary"><div class="post-7 post type-post status-publish hentry category-social-media tag-sharing">
            <h1>Networking is not linking</h1><div class="entry-content">\(story)
            <p>Networking is about meeting people you have something in common with; linking is what comes next, \
            when you connect one part, thing or person with another and keep the connection going.</p></div>
            <div class="social-share">Share on Facebook</div></div></div></body></html>
            """)
        #expect(article.body.count == 4)
        #expect(!article.body.contains("Share on Facebook"))
    }

    /// The story and a fourth paragraph: over the length below which looser passes are tried.
    static let longerStory = story + """
        <p>Both delegations brought economists and lawyers, and the Swiss foreign ministry set aside a second \
        building near the station for their staff, who worked through the night on the draft statements.</p>
        """

    /// A story whose second half sits in a "read more" expander (`<div id="read-more">` holding the
    /// link and the rest of the text) keeps that half; the link alone is no paragraph.
    @Test func storyContinuedInAReadMoreExpander() throws {
        let article = try read(
            """
            <html><body><div class="story-body">\(Self.longerStory)
            <div id="read-more"><div id="read-more-link"><a href="">Read more</a></div>
            <div id="read-more-content"><p>The Swiss hosts said they were ready to organise a third round later in the \
            summer if both delegations asked for one, and offered the same venue by the lake.</p></div></div>
            </div></body></html>
            """)
        #expect(article.body.count == 5)
        #expect(article.body.last?.hasPrefix("The Swiss hosts said") == true)
        #expect(!article.body.contains("Read more"))
    }

    /// Readers' comments in blocks named for them (`commentText`, a content word inside) are not the
    /// story.
    @Test func readersCommentsAreNotTheStory() throws {
        let article = try read(
            """
            <html><body><div class="entry">\(Self.longerStory)
            <div class="commentText"><p>What in the world is empowering about a meeting that ends without a statement? \
            It all seems self-defeating to me, and I have followed these talks for years.</p></div>
            <p class="posted">Posted by: Lucky Lakeshore | January 14, 2008 06:24 PM</p></div></body></html>
            """)
        #expect(!article.body.contains { $0.hasPrefix("What in the world") })
        #expect(article.body.filter { $0.hasPrefix("Both delegations") || $0.hasPrefix("Diplomats") }.count == 2)
    }

    /// A short post (too short for the strict pass to be trusted) under which readers wrote more than
    /// its author: the passes that trust class words less leave the comment section out, as the strict
    /// one did. A post with no text of its own is still read from what the page has.
    @Test(arguments: ["<div id=\"comments\" class=\"comments-area\">", "<div id=\"disqus_thread\">"])
    func readersCommentsUnderAShortPost(section: String) throws {
        let comment = """
            <li class="comment"><div class="comment-body"><p>I have followed these talks for years and every \
            round ends the same way, with a statement nobody reads and a promise to meet again in spring.</p></div></li>
            """
        let post = """
            <html><body><div class="post"><h1>Open thread: September</h1>
            <p>Our goal with these open threads is to give readers a place to raise questions about our work in the \
            comments below. You are also welcome to write to us if you would rather discuss something privately.</p>
            </div>\(section)<ol class="comment-list">\(String(repeating: comment, count: 40))</ol></div></body></html>
            """
        let article = try read(post)
        #expect(article.body.first?.hasPrefix("Our goal with these open threads") == true)
        #expect(!article.body.contains { $0.hasPrefix("I have followed these talks") })
    }

    @Test func listsQuotesSubheadingsAndCaptions() throws {
        let article = try read(Self.page)
        #expect(article.body.contains("Monday to Thursday: normal supply in the north of the city"))
        #expect(article.body.contains { $0.hasPrefix("\"We ask everyone") })
        #expect(article.subheadings == ["Hospitals exempt"])
        #expect(article.captions == ["The main reservoir at a third of its capacity on Sunday."])
        #expect(!article.body.contains { $0.contains("J. Doe") })
    }

    /// The body is the story in reading order: a subheading stands before the paragraph it heads
    /// (and is listed among the subheadings too); the word count counts it once and the content hash
    /// reads the paragraphs, as before subheadings were part of the body.
    @Test func subheadingsStandInTheBodyWhereTheyArePrinted() throws {
        let article = try read(Self.page)
        let at = try #require(article.body.firstIndex(of: "Hospitals exempt"))
        #expect(article.body[at - 1].hasPrefix("Residents of the capital"))
        #expect(article.body[at + 1].hasPrefix("Hospitals, schools and fire stations"))
        #expect(article.body.filter { $0 == "Hospitals exempt" }.count == 1)
        let plain = try read(Self.page.replacingOccurrences(of: "<h2>Hospitals exempt</h2>", with: ""))
        #expect(plain.body == article.body.filter { $0 != "Hospitals exempt" })
        #expect(plain.wordCount + 2 == article.wordCount)
        #expect(plain.contentHash == article.contentHash)
    }

    /// A subheading keeps its place among the paragraphs that are left once empty ones are dropped,
    /// and one with no place given ends the body.
    @Test func subheadingsKeepTheirPlaceAmongCleanedParagraphs() throws {
        var page = PageArticle()
        page.title = "Water rationing begins"
        page.body = ["The utility said on Sunday that supply will be cut.", " ", "Hospitals are exempt from the cuts."]
        page.subheadings = ["Who is exempt", "", "What next"]
        page.subheadingPlacement = [2, 2]
        let article = try #require(page.article(aliases: .builtin))
        #expect(article.body == [
            "The utility said on Sunday that supply will be cut.", "Who is exempt", "Hospitals are exempt from the cuts.",
            "What next",
        ])
        #expect(article.subheadings == ["Who is exempt", "What next"])
    }

    @Test func analysisRunsOverTheBody() throws {
        let article = try read(Self.page)
        #expect(article.language == "en")
        #expect(article.quotes.contains { $0.text.hasPrefix("We ask everyone") })
        #expect(article.wordCount > 80)
        #expect(!article.contentHash.isEmpty)
    }

    @Test func linkListsAreNotParagraphs() throws {
        let article = try read(
            """
            <html><body><div class="content"><p>\(String(repeating: "The council met on Tuesday to discuss the budget. ", count: 4))</p>
            <p><a href="/1">More news about the council budget</a> <a href="/2">Council elections next May</a></p>
            <p>\(String(repeating: "Members voted to raise spending on roads. ", count: 4))</p></div></body></html>
            """)
        #expect(article.body.count == 2)
        #expect(!article.body.contains { $0.contains("Council elections next May") })
    }

    @Test func hiddenElementsAreNotText() throws {
        let article = try read(
            """
            <html><body><article>\(story)<p hidden>Secret text that is never shown to readers of the page.</p>
            <div style="display:none">Another hidden paragraph that readers never see on the page at all.</div>
            </article></body></html>
            """)
        #expect(!article.body.contains { $0.contains("never") })
    }

    @Test func textSplitByLineBreaks() throws {
        let article = try read(
            """
            <html><body><td>\(String(repeating: "First paragraph of an old page, set with line breaks. ", count: 3))<br><br>\
            \(String(repeating: "Second paragraph of the same old page, also long. ", count: 3))</td></body></html>
            """)
        #expect(article.body.count == 2)
    }

    /// A story typed into a table's cell between line breaks (one paragraph to the scoring, however
    /// long) beside a reader poll whose cell's class says `text`: the poll's question is no story.
    @Test func storyInATableCellBesideAPollNamedText() throws {
        let article = try read(
            """
            <html><head><title>Agency approves research with hybrid embryos</title></head><body>
            <table><tr><td valign="top">
            <table><tr><td>
            <b class="Headline">Agency approves research with hybrid embryos</b><br>LONDON<br><br>
            British authorities on Thursday approved the use of animal eggs to create human stem cells, a ruling             that is expected to boost the supply of stem cells for research, officials said.<br><br>
            The decision means that researchers, in London, Newcastle and elsewhere, will be able to refine their             techniques by practising first on animal eggs, of which there is a steady supply.<br><br>
            "This is good news for research, but most importantly, it is good news for patients," said a spokeswoman             for a group of medical research charities, who welcomed the ruling.<br><br>
            Scientists have explored the use of stem cells to cure diseases such as Parkinson's, since the cells,             unlike most, can develop into any cell in the human body.<br><br>
            The authority said it had granted conditional one-year licences to two institutions, a college and a             university, to conduct the research, which must be approved case by case.
            </td></tr></table>
            </td><td valign="top">
            <table><tr><td><a href="/a">Community calendar and events</a><br><a href="/b">Obituaries and memorials</a><br>\
            <a href="/c">Letters to the editor</a><br><a href="/d">Getting married? Tell us</a><br>\
            <a href="/e">Company directory</a><br><a href="/f">Subscribe to the paper</a><br><a href="/g">News tips</a></td></tr>
            <tr><td class="sections">READER POLL</td></tr>
            <tr><td class="polltext"><font>Should professional drivers be required for school trips outside the county?</font></td></tr>
            <tr><td><input type="radio" name="p"> Yes <input type="radio" name="p"> No</td></tr></table>
            </td></tr></table>
            </body></html>
            """)
        #expect(article.body.contains { $0.hasPrefix("British authorities on Thursday") })
        #expect(!article.body.contains { $0.contains("professional drivers") })
    }

    @Test func embeddedTweet() throws {
        let article = try read(
            """
            <html><body><article>\(story)
            <blockquote class="twitter-tweet"><p lang="en">We are ready to talk. pic.twitter.com/abc</p>&mdash; The White House \
            (@WhiteHouse) <a href="https://twitter.com/WhiteHouse/status/1">May 19, 2025</a></blockquote>
            </article></body></html>
            """)
        #expect(
            article.embeddedPosts == [
                Article.EmbeddedPost(author: "The White House", handle: "WhiteHouse", date: "May 19, 2025", text: "We are ready to talk. pic.twitter.com/abc")
            ])
        #expect(!article.body.contains { $0.contains("We are ready to talk") })
    }

    /// A theme that names the story's own container like an embed (`instagram-media
    /// post-template-content`) has its story read as the body: no post holds that much text.
    @Test func storyInAContainerNamedLikeAnEmbed() throws {
        let paragraph = "<p>The column this week is about how a job changed over two years and what it did to the writing here, slowly and then all at once.</p>"
        let article = try read(
            """
            <html><body><main><article class="post-article"><h1>Kolumne: Ein wenig lost</h1>
            <div class="instagram-media post-template-content">\(String(repeating: paragraph, count: 30))</div>
            </article></main></body></html>
            """)
        #expect(article.body.count == 30)
        #expect(article.embeddedPosts.isEmpty)
    }

    /// A stated `articleBody` written with its markup is read as text: it neither wins over the
    /// page's own paragraphs by its tags' length nor brings tags into the body.
    @Test func articleBodyStatedWithMarkup() throws {
        let paragraph = "<p class='MsoBodyText'>Ministers met on Monday to <a href='https://example.com'>discuss</a> the plan.</p>"
        let stated = String(repeating: paragraph, count: 12)
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"A story","articleBody":"\(stated)"}</script>
            </head><body><article>\(story)</article></body></html>
            """)
        #expect(article.body.count == 3)
        #expect(!article.body.joined().contains("<"))
        #expect(JSONLDFields.plainText(paragraph + "<br>Next") == "\nMinisters met on Monday to discuss the plan.\n\nNext")
        #expect(JSONLDFields.plainText("a < b and c > d") == "a < b and c > d")
    }

    /// A data table's row is one line of the body (its cells in order); a layout table's cells,
    /// which hold paragraphs and line breaks, stay blocks of their own.
    @Test func dataTableRowsAreLines() throws {
        let article = try read(
            """
            <html><body><article>\(story)
            <table><tr><th>Film</th><th>Year</th><th>Description</th></tr>
            <tr><td><a href="/wiki/Repeat">Repeat Performance</a></td><td>1947</td><td>A woman relives the year.</td></tr>
            <tr><td>The Time Travelers</td><td>1964</td><td>Scientists test a time-viewing device.</td></tr></table>
            <table><tr><td><p>First column of a layout, a paragraph of its own with several words in it.</p></td>
            <td>Second column<br>with a line break</td></tr></table>
            </article></body></html>
            """)
        #expect(article.body.contains("Film Year Description"))
        #expect(article.body.contains("Repeat Performance 1947 A woman relives the year."))
        #expect(article.body.contains("First column of a layout, a paragraph of its own with several words in it."))
        #expect(!article.body.contains { $0.hasPrefix("First column") && $0.contains("Second column") })
    }

    /// A story split over sibling sections dressed alike is read whole; a sibling dressed alike
    /// that is mostly links (a list of teasers) is not part of it.
    @Test func storySplitOverSectionsOfTheSameClass() throws {
        let long = String(repeating: story, count: 4)
        let article = try read(
            """
            <html><body><article>
            <div class="n p"><div class="z">\(long)</div></div><div class="hr"><hr></div>
            <div class="n p"><div class="z"><h2>What comes next</h2>
            <p>The second part of the story is in a section of its own and says what the two sides will do before June</p>
            <p>Officials from both capitals are expected to travel to Switzerland again in the first week of that month</p>
            <p>Neither side has said who will lead its delegation or how long the next round of talks could last</p></div></div>
            <div class="n p"><div class="z"><p><a href="/a">Teaser one about another story entirely</a></p>
            <p><a href="/b">Teaser two about yet another story</a> and more.</p></div></div>
            </article></body></html>
            """)
        #expect(article.body.contains { $0.hasPrefix("The second part of the story") })
        #expect(!article.body.contains { $0.contains("Teaser") })
    }

    /// A story typed straight into a page column, beside its headline, byline and share buttons
    /// (no `<p>` around it), is the body; the site's address centred in the footer is not.
    @Test func storyTypedIntoAColumn() throws {
        let archive = (1...60).map { "<li><a href=\"/archive?m=\($0)\">Month \($0) <span>(\($0 * 3))</span></a></li>" }.joined()
        let article = try read(
            """
            <html><body><div class="container"><div class="row">
            <div class="col-md-3"><ul class="tree">\(archive)</ul></div>
            <div class="col-md-9"><p class="titulo">Ambulance depot broken into overnight</p>
            <small><b>05/10/2018</b> - Published by: Clara Borba - <a href="/cat/19">Health</a></small><br><br>
            <img src="van.jpg">The home-care team of the Amizade district found two of its five vehicles broken into this \
            morning, their batteries gone and their windows smashed. A police report was filed and officers came to \
            see the damage. Patients booked for this morning are being given new appointments.<br><br><br>
            <div class="row"><a class="btn" href="#">Facebook</a> <a class="btn" href="#">Twitter</a></div></div>
            </div></div>
            <div class="bottom"><div class="row"><div style="text-align: center;">City Hall - Rua Walter Marquardt, 1111 - \
            Barra do Rio Molha - 89259-565 - Phone: (047) 2106-8000</div></div></div></body></html>
            """)
        #expect(article.body.contains { $0.hasPrefix("The home-care team of the Amizade district") })
        #expect(!article.body.contains { $0.contains("Rua Walter Marquardt") })
    }

    /// What stands beside a story's `<main>` (the site's teasers of other stories, each a sentence or
    /// two) is not part of it.
    @Test func teasersBesideMainAreNotTheStory() throws {
        let teasers = (1...6).map {
            "<li><div class=\"teaser-text\"><p>Teaser \($0): a columnist writes at length, with commas, clauses, and more, about another matter entirely.</p></div></li>"
        }.joined()
        let article = try read(
            """
            <html><body><main class="page-main"><article><h1>Talks in Geneva</h1>
            <div class="article-body">\(String(repeating: story, count: 2))</div></article></main>
            <div class="below"><ul class="two-columns">\(teasers)</ul></div></body></html>
            """)
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
        #expect(!article.body.contains { $0.hasPrefix("Teaser") })
    }

    /// A story in an `<article>` that is nearly all of the page's text is read to the article's
    /// edges: the "Trending" heading above it and the publisher's address below it are the site's.
    @Test func theArticleIsTheStorysEdge() throws {
        let article = try read(
            """
            <html><body><div id="page"><div class="region-highlighted"><h2>TRENDING:</h2></div>
            <div class="content"><article class="node"><div class="field-body">\(String(repeating: story, count: 3))</div></article></div>
            <div class="bottom"><p>The Daily Example 1625 K Street, Washington DC 20006 | 202-628-8500 tel</p></div></div>
            </body></html>
            """)
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
        #expect(!article.body.contains { $0.contains("TRENDING") || $0.contains("1625 K Street") })
        #expect(!article.subheadings.contains { $0.contains("TRENDING") })
    }

    /// A paragraph of sentences whose words are mostly links (a deals roundup) is the story's; a
    /// label before links (`Read more: …`) and a line of links are not.
    @Test func linkedProseIsAParagraph() throws {
        let article = try read(
            """
            <html><body><article>
            <p>Monday's best deals include <a href="/a">various laptop models from $700 at the big online stores</a>. \
            You'll also find <a href="/b">wireless earphones with a charging case for $150</a> and more.</p>
            \(String(repeating: story, count: 2))
            <p>Read more: <a href="/c">Talks in Geneva end without a statement as both sides return home for consultations</a></p>
            <p><a href="/d">Geneva talks</a> | <a href="/e">Ukraine and Russia</a> | <a href="/f">Swiss diplomacy in the twenty-first century</a></p>
            </article></body></html>
            """)
        #expect(article.body.first?.hasPrefix("Monday's best deals include") == true)
        #expect(!article.body.contains { $0.hasPrefix("Read more") || $0.contains("Swiss diplomacy") })
    }

    /// A photo's caption in an element named for it inside the photo's box (`span.newsCaption`,
    /// `div.caption > p`) is a caption, not a paragraph; a gallery whose slides are all such
    /// captions keeps them as its story.
    @Test func captionsNamedInAPhotosBox() throws {
        let article = try read(
            """
            <html><body><article>\(story)
            <div class="photo"><p class="withoutCaption"><img src="a.jpg"></p><span class="newsCaption">Protesters in the \
            city centre on Sunday <span class="caption">(Image: Agency)</span></span></div>
            <div class="media"><div class="caption"><p><span>A delegate arrives at the talks in Geneva.</span></p></div></div>
            \(story)</article></body></html>
            """)
        #expect(article.captions.contains { $0.hasPrefix("Protesters in the city centre") })
        #expect(article.captions.contains { $0.hasPrefix("A delegate arrives") })
        #expect(!article.body.contains { $0.hasPrefix("Protesters") || $0.hasPrefix("A delegate") })

        let slides = (1...6).map {
            "<div class=\"slide\"><img src=\"\($0).jpg\"><div class=\"caption-text\"><p>Slide \($0): the festival's second day drew a larger crowd than the first, with queues at every stall.</p></div></div>"
        }.joined()
        let gallery = try read("<html><body><div class=\"gallery\"><h1>Festival in pictures</h1>\(slides)</div></body></html>")
        #expect(gallery.body.count == 6)
        #expect(gallery.body.first?.hasPrefix("Slide 1") == true)
    }

    /// A photo blog that sets each photo's story, several paragraphs long, in an element named for a
    /// caption (`div.caption-image`) sets no caption: those paragraphs are the body. A short caption
    /// in a box so named stays a caption.
    @Test func aCaptionsElementHoldingAStoryIsNoCaption() throws {
        let post = [
            "It is half past one in the morning here and I need to get up in a few hours to be on stage at the festival.",
            "None of our team have slept to bring you the biggest booth ever, and this time we will be serving a load of goodies.",
            "These photos were all taken today at the expo hall while I ran back and forth to rehearsals and the team built the booth.",
            "I will be on stage this Sunday for my talk but will also host a load of other segments on both days of the festival.",
            "If you have a spare pair of boots, then please help: we are one pair short for the costume parade on Sunday.",
            "The hall is huge, so bring a good pair of walking shoes, some water and a bag for everything you will want to take home.",
        ]
        let article = try read(
            """
            <html><body><div class="post"><h1>Festival preview</h1>
            <div class="image-wrapper"><div class="note">Mouseover photo to load notes</div>\
            <div class="caption-image"><img src="1.jpg" alt="Festival preview">\
            <div class="inline-edit-bbcode">\(post.map { "<p>\($0)</p>" }.joined())</div></div></div>
            <div class="image-wrapper"><div class="note">Mouseover photo to load notes</div>\
            <div class="caption-image"><img src="2.jpg"><div><p>The hall at night, an hour before the doors open.</p></div></div></div>
            \(String(repeating: #"<div class="image-wrapper"><div class="note">Mouseover photo to load notes or add a comment</div><div class="caption-image"><img src="n.jpg"></div></div>"#, count: 30))
            </div></body></html>
            """)
        #expect(article.body.filter { !$0.hasPrefix("Mouseover") } == post)
        #expect(article.captions == ["The hall at night, an hour before the doors open."])
    }

    /// A slideshow's page tells its story in its photo's caption (`div.caption`), under a line of
    /// its own: when the captions hold more than twice the paragraphs' text, they are the story.
    @Test func aSlideshowsCaptionIsItsStory() throws {
        let caption = "The actress looked a tad too done up after a night of partying at a hotel in the hills on Saturday. "
            + "She got into the driver's seat of her car with a face full of lipstick and eyeliner, and drove off alone. "
            + "Her latest project is a film she is shooting this summer in the city."
        let article = try read(
            """
            <html><body><div id="main"><h1>Heavy on makeup</h1><p>Her latest look featured a lot of lipstick.</p>
            <div class="slideshow"><div class="thumbs">\((1...12).map { "<div class=\"thumb\"><a href=\"/s/\($0)\"><img src=\"\($0).jpg\"></a></div>" }.joined())</div>
            <div class="content-wrapper"><div class="image"><img src="big.jpg"></div><div class="caption">\(caption) <span class="credit">(Agency photo)</span></div></div>
            </div></div></body></html>
            """)
        #expect(article.body.contains { $0.hasPrefix("The actress looked a tad too done up") })
        // A story with a photo keeps its caption apart.
        let story = try read(
            """
            <html><body><article><h1>Heavy on makeup</h1>\(story)<div class="image"><img src="big.jpg"><div class="caption">\(caption)</div></div>
            </article></body></html>
            """)
        #expect(story.captions.first?.hasPrefix("The actress looked") == true)
        #expect(!story.body.contains { $0.hasPrefix("The actress looked") })
    }

    /// A story's lead typed into a division of its own above the body (`div.article__summary`) is
    /// part of it.
    @Test func leadInASummaryDivisionAboveTheBody() throws {
        let article = try read(
            """
            <html><body><div class="article"><h1>Talks in Geneva</h1>
            <div class="article__summary summary">
            Diplomats met in Geneva for four hours on Monday and parted without a statement, officials said.</div>
            <div class="article__text">\(String(repeating: story, count: 2))</div>
            <div class="more">\((1...8).map { "<p><a href=\"/\($0)\">Another story from the region, number \($0), on the same talks</a></p>" }.joined())</div>
            </div></body></html>
            """)
        #expect(article.body.first?.hasPrefix("Diplomats met in Geneva for four hours") == true
            || article.summary.first?.hasPrefix("Diplomats met in Geneva for four hours") == true)
    }

    /// A news ticker beside the story (each item another story's headline link and its excerpt) is
    /// not part of it; footnotes that open with a `^` link are no teasers.
    @Test func newsTickerBesideTheStoryIsNotIt() throws {
        let ticker = (1...8).map {
            "<li><a href=\"/s\($0)\">Headline of another story number \($0)</a><span>CITY: The first words of that story, "
                + "which go on, with some detail, for a while, about the people in it, the places they went and what they "
                + "said to reporters, before they stop...</span></li>"
        }.joined()
        let notes = (1...4).map { "<li><a href=\"#r\($0)\">^</a> Note \($0): a source the story cites, with its title and year.</li>" }.joined()
        let article = try read(
            """
            <html><body><div class="wrapper"><div class="left">
            <div class="breaking"><b>Breaking News</b><div class="block"><ul>\(ticker)</ul></div></div>
            <div class="main-article">\(String(repeating: story, count: 5))<ol>\(notes)</ol></div>
            </div></div></body></html>
            """)
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
        #expect(!article.body.contains { $0.contains("Headline of another story") || $0.contains("CITY: The first words") })
        #expect(article.body.contains { $0.contains("Note 4: a source the story cites") })
    }

    /// Boxes of other stories named for what they are — recirculation modules, "read next", "more
    /// from", editors' picks, related content even where `content` would vouch for a block — are
    /// furniture; a story's own container is not.
    @Test(arguments: [
        ("recirculation-module l-grid article-recirculation", true), ("read-next-list", true), ("more-from-author", true),
        ("editors-picks", true), ("related-content-box", true), ("most-viewed", true), ("article-body story-content", false),
        // A video or audio player and its card (its title, description and playing time); a sports
        // table's row of a player is the story's.
        ("player-placeholder-ui", true), ("video-item video-card-overlay", true), ("c-video-player", true),
        ("jwplayer jw-reset", true), ("audio-player", true), ("oddrow player-2020-580", false),
    ])
    func boxesOfOtherStories(words: String, furniture: Bool) {
        #expect(MainContent.isFurnitureByWords(words, unlikely: true) == furniture)
    }

    /// Class and id words of a dialog laid over the page: a cookie-consent dialog by its words or its
    /// vendor's, and an element that is a modal, a popup or a dialog itself; an element that only
    /// opens one (`nyp-slideshow-modal-image`, `search_popup_expand`) is none.
    @Test(arguments: [
        ("cookie-notice", true), ("onetrust-consent-sdk", true), ("moove_gdpr_cookie_info_bar", true), ("app-modal fade in", true),
        ("modal", true), ("popup-banner box-shadow", true), ("b-dialog x-dialog-login", true), ("modal_window", true),
        ("nyp-slideshow-modal-image wp-block-image", false), ("jeg_search_popup_expand", false), ("article-body", false),
        ("dialogue-column", false),
        // A popover (a share button's `Noticia guardada en tu perfil`) and a photo's enlarged view,
        // whose caption is the one under the photo again; a WordPress plugin's `lightbox-content`
        // wraps a whole story.
        ("ft-mol-popover", true), ("popover-content", true), ("lightbox", true), ("lightbox-content", false),
        ("lightbox__wrapper", false),
    ])
    func dialogsByTheirNames(words: String, dialog: Bool) {
        #expect(MainContent.namesADialog(words) == dialog)
    }

    /// Teaser cards that each wear a class naming a story's body (`story-content` on every card of
    /// other stories, with a sentence each) do not outweigh the story, whose paragraphs sit deep in
    /// wrappers of their own; a story's container that wears such a class alone keeps its weight.
    @Test func teaserCardsNamedLikeAStorysBody() throws {
        let paragraphs = (1...10).map {
            """
            <div class="section-outer"><div class="section-container"><div class="section-text">Paragraph \($0) of the \
            story, in which a psychotherapist says that questions about being single, asked at the table, hurt more \
            than people think.</div></div></div>
            """
        }
        let cards = (1...8).map {
            "<div class=\"card\"><div class=\"story-content\"><p>Teaser \($0): another story of the site, with a line of its own.</p></div></div>"
        }
        let article = try read(
            """
            <html><head><title>Single at Christmas</title></head><body><main><article><h1>Single at Christmas</h1>
            <section class="body">\(paragraphs.joined())</section></article>
            <div class="more">\(cards.joined())</div></main></body></html>
            """)
        #expect(article.body.count == 10)
        #expect(!article.body.contains { $0.hasPrefix("Teaser") })
        // One such container holding a short story is the story's.
        let short = try read(
            """
            <html><body><div class="menu"><a href="/a">Home</a> <a href="/b">News</a></div>
            <div class="story-content"><p>The ferry runs again from Monday, its operator said, after a month of \
            repairs to the pier.</p></div></body></html>
            """)
        #expect(short.body.first?.hasPrefix("The ferry runs again") == true)
    }

    /// A page that leaves an element open inside a `<noscript>` (`<noscript><div id="nojava"></noscript>`,
    /// whose end tag HTML then ignores) has the rest of the page inside it, as a parser that runs no
    /// scripts builds it; the story is still read. A `<noscript>`'s notice that scripts are off that
    /// holds less than a third of the page's text, however long, is still no part of it.
    @Test func storyInsideANoscript() throws {
        let paragraphs = (1...12).map {
            "<p>Paragraph \($0) of the report on the bears of the park, which counted sixteen cubs this year, a record.</p>"
        }
        let article = try read(
            """
            <html><head><title>A record year for the bears</title></head><body><noscript><div id="nojava"></noscript>
            <div id="menu"><a href="/a">Nature</a> <a href="/b">Visit</a> <a href="/c">News</a></div>
            <div id="text"><h1>A record year for the bears</h1>\(paragraphs.joined())</div>
            <noscript></div></noscript></body></html>
            """)
        #expect(article.body.count == 12)
        #expect(article.body.first?.hasPrefix("Paragraph 1 of the report") == true)

        let notice = (1...16).map { "<p>Notice \($0): please turn on JavaScript, in your browser's settings, to see this page.</p>" }
        let long = (1...40).map { "<p>Paragraph \($0) of a longer story on the bears, counted in every valley this year.</p>" }
        let withNotice = try read(
            """
            <html><head><title>A record year for the bears</title></head><body>
            <noscript><div class="article-content">\(notice.joined())</div></noscript>
            <div class="article-content"><h1>A record year for the bears</h1>\(long.joined())</div></body></html>
            """)
        #expect(withNotice.body.count == 40)
        #expect(!withNotice.body.contains { $0.contains("JavaScript") })
        // That notice is over a thousand bytes but under a third of its page's text: furniture; alone
        // beside a short story, it is not.
        let storyNoscript = { (page: String) in
            let document = HTMLDocument(utf8: Array(page.utf8))
            let evidence = MainContent.Evidence(document)
            return document.nodes.indices.filter { document.nodes[$0].name == "noscript" }.map { evidence.holdsTheStory[$0] }
        }
        let noticePage = "<html><body><noscript><div>\(notice.joined())</div></noscript><div>\(long.joined())</div></body></html>"
        let shortPage = "<html><body><noscript><div>\(notice.joined())</div></noscript><div>\(long[0])</div></body></html>"
        #expect(storyNoscript(noticePage) == [false])
        #expect(storyNoscript(shortPage) == [true])
    }

    /// A short story beside dialogs with more text than it (a paywall's lock in a modal, the cookie
    /// settings) is read, and the dialogs are not, however little the class words are trusted; a
    /// wrapper named for the consent's state that holds the story, and a glossary link in a sentence
    /// that opens a modal, are no dialogs.
    @Test func dialogsAreNoStory() throws {
        let settings = (1...4).map { "<p>Marketing cookies, number \($0), let us and our partners, such as advertisers, show you offers.</p>" }
        let page = """
            <html><head><title>Ferry service resumes</title></head><body><div class="page cookies-accepted">
            <main><h1>Ferry service resumes</h1>
            <p>The ferry to the island runs again from Monday, its operator said, after a month of repairs to \
            the <span class="modal_lexicon"><a href="/glossary/pier">pier</a></span> that was damaged in a storm.</p>
            </main></div>
            <div id="post-lock" class="suplist-modal"><div class="modal-content"><p>This post is locked while an \
            editor, who has been editing it since this morning, checks it, and it will be back, with all its \
            changes, shortly.</p><p>Something is wrong, a short history of this post, its edits and its editors, \
            follows below, and it is long, with many commas, for a lock.</p></div></div>
            <div id="cookie-settings" class="consent-layer">\(settings.joined())</div>
            </body></html>
            """
        let article = try read(page)
        #expect(article.body.count == 1)
        #expect(article.body.first?.contains("repairs to the pier that was damaged") == true)
        #expect(!article.body.contains { $0.contains("locked") || $0.contains("cookies") })
    }

    /// The previous and next articles' box under a story (`next-prev`) is furniture, teasers and all;
    /// a story's own container with `next` in a longer word is not.
    @Test func previousAndNextArticlesAreFurniture() throws {
        #expect(MainContent.isFurnitureByWords("grid-container next-prev", unlikely: true))
        #expect(MainContent.isFurnitureByWords("post-nav prevnext", unlikely: false))
        #expect(!MainContent.isFurnitureByWords("article-body nextgen-layout", unlikely: true))
        let article = try read(
            """
            <html><body><div class="cell article">\(String(repeating: story, count: 2))
            <div class="grid-container next-prev"><div class="row-desc"><p>The most powerful hatchback of the year has \
            306 horsepower, a huge rear wing and a price to match, its maker said.</p></div></div></div></body></html>
            """)
        #expect(!article.body.contains { $0.contains("most powerful hatchback") })
    }

    /// A story whose paragraphs are divisions (`<div class="zn-body__paragraph">`), the first few
    /// beside the container that holds the rest, is read from its first paragraph; a division of
    /// another dress beside them (a reader's comment) is not.
    @Test func paragraphDivisionsBesideTheRestOfTheStory() throws {
        let paragraph = { (text: String) in "<div class=\"zn-body__paragraph\">\(text)</div>" }
        let rest = (1...8).map { paragraph("Paragraph \($0) of the rest of the story, which goes on, with detail, for a while longer.") }.joined()
        let article = try read(
            """
            <html><body><section id="body-text"><div class="l-container">
            \(paragraph("The opening paragraph of the story, set apart from the rest by the page's own expander."))
            \(paragraph("Its second paragraph, also a division of its own beside the expander."))
            <div class="zn-body__read-all">\(rest)</div>
            <div class="comment-text-body">A reader writes, at some length and with feeling, that the story misses the point entirely.</div>
            </div></section></body></html>
            """)
        #expect(article.body.first?.hasPrefix("The opening paragraph of the story") == true)
        #expect(article.body.contains { $0.hasPrefix("Its second paragraph") })
        #expect(article.body.contains { $0.hasPrefix("Paragraph 8 of the rest") })
        #expect(!article.body.contains { $0.hasPrefix("A reader writes") })
    }

    /// The same story's first paragraphs as pages wear them: a class with a word after the dress
    /// (`zn-body__paragraph speakable`), and the first one in a wrapper of its own under the outlet's
    /// name (`div.el__leafmedia > p`); a promotion beside them is still not the story's.
    @Test func paragraphDivisionsWornWithMoreClassWords() throws {
        let paragraph = { (text: String) in "<div class=\"zn-body__paragraph\">\(text)</div>" }
        let rest = (1...8).map { paragraph("Paragraph \($0) of the rest of the story, which goes on, with detail, for a while longer.") }.joined()
        let article = try read(
            """
            <html><head><title>Why the statements cannot be trusted - Example News</title></head><body>
            <h1>Why the statements cannot be trusted</h1><section id="body-text"><div class="l-container">
            <div class="el__leafmedia"><p class="zn-body__paragraph speakable"><cite>(CNN)</cite>The opening paragraph of the story, \
            <a href="/x">according to the officials</a>, set apart in a wrapper of its own under the outlet's name, \
            as the first paragraph of every story on the site is.</p></div>
            <div class="zn-body__paragraph speakable">You shouldn't just believe them.</div>
            <div class="el__embedded"><div class="element-raw"><p><b>THE POINT, NOW ON VIDEO!</b></p><p>Subscribe to the weekly show.</p></div></div>
            <div class="zn-body__paragraph speakable">Which is not to say that what happened was anything but minor, as the officials say it was.</div>
            <div class="zn-body__read-all">\(rest)</div>
            </div></section></body></html>
            """)
        #expect(article.body.first?.hasPrefix("(CNN)The opening paragraph of the story") == true)
        #expect(article.body.dropFirst().first == "You shouldn't just believe them.")
        #expect(article.body.contains { $0.hasPrefix("Which is not to say") })
        #expect(article.body.last?.hasPrefix("Paragraph 8 of the rest") == true)
        #expect(!article.body.contains { $0.contains("Subscribe") })
    }

    /// A list under a summary's label above the story (`Key Points`, `Highlights`) followed by the
    /// story's prose is its summary, not its body; a post that opens with a section so named and
    /// goes on with more sections keeps it in the body.
    @Test func keyPointsAboveTheStoryAreItsSummary() throws {
        let story = (1...4).map { "<p>Paragraph \($0): the airline finalised the order on Wednesday at the air show, executives of both companies said in a statement.</p>" }.joined()
        let article = try read(
            """
            <html><head><title>Airline orders 30 jets</title></head><body><article><h1>Airline orders 30 jets</h1>
            <div class="keyPoints"><div class="keyPoints-label">Key Points</div><ul><li>The airline has finalised a deal to buy 30 jets.</li>\
            <li>The deal comes in addition to five sales earlier this week.</li></ul></div>
            <figure><img src="a.jpg"><figcaption>The new jet at the air show on Sunday, before the order was announced by the airline.</figcaption></figure>
            \(story)</article></body></html>
            """)
        #expect(article.summary == ["The airline has finalised a deal to buy 30 jets.", "The deal comes in addition to five sales earlier this week."])
        #expect(article.body.first?.hasPrefix("Paragraph 1") == true)
        #expect(!article.body.contains("Key Points") && !article.body.contains { $0.hasPrefix("The deal comes") })

        let post = try read(
            """
            <html><head><title>These weeks in the project: issue 85</title></head><body><article><h1>These weeks in the project: issue 85</h1>
            <h3>Highlights</h3><ul><li>We have just landed a change that stops an update from starting twice.</li>\
            <li>The year in review is out, with the numbers of every team.</li></ul>
            <h3>Friends of the team</h3><ul><li>Thanks to everyone who fixed a bug this month, and there were many of them.</li></ul>
            \(story)</article></body></html>
            """)
        #expect(post.summary.isEmpty)
        #expect(post.body.contains { $0.hasPrefix("We have just landed a change") })
    }

    /// A feature whose opening section sits deeper, in the wrapper of its hero image, than the
    /// sections after it keeps that opening (its text container is dressed like the rest's); a
    /// short excerpt dressed alike (a teaser of the next story) is not part of it.
    @Test func openingSectionOfAFeatureInItsHeroWrapper() throws {
        let section = { (paragraphs: String) in
            "<section class=\"outer\"><div class=\"flex\"><div class=\"post__section\"><div class=\"post__content\">\(paragraphs)</div></div></div></section>"
        }
        let many = { (word: String, n: Int) in
            (1...n).map { "<p>\(word) paragraph \($0): the feature goes on, with its scientists, their doubts, and what they found in the end.</p>" }.joined()
        }
        let article = try read(
            """
            <html><body><div class="post"><div class="theme">
            <div class="acf"><div class="wrapper"><div class="hero"><div class="relative">\(section(many("Opening", 6)))</div></div></div></div>
            <div class="acf">\(section(many("Middle", 12)))</div>
            <div class="next"><div class="card"><div class="x"><div class="post__content"><p>The next story in one short line.</p></div></div></div></div>
            </div></div></body></html>
            """)
        #expect(article.body.first?.hasPrefix("Opening paragraph 1") == true)
        #expect(article.body.contains { $0.hasPrefix("Middle paragraph 12") })
        #expect(!article.body.contains { $0.hasPrefix("The next story") })
    }

    /// Blogger puts every post in `div.widget.Blog`: that widget is the page's main part; the other
    /// widgets beside it (`widget HTML`, `widget BlogArchive`) stay furniture.
    @Test func bloggerPostsWidgetIsTheMainPart() throws {
        let long = String(repeating: story, count: 3)
        let article = try read(
            """
            <html><body><div id="main-wrapper"><div class="widget Blog" id="Blog1"><div class="post">
            <h3 class="post-title">Talks in Geneva</h3><div class="post-body"><div>\(long)</div></div></div></div></div>
            <div id="about"><div class="widget HTML">\(String(repeating: "<p>Welcome to the blog, where we bring you the analysis, the numbers and the doubts you will not find anywhere else.</p>", count: 6))</div></div>
            </body></html>
            """)
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
        #expect(!article.body.contains { $0.hasPrefix("Welcome to the blog") })
    }

    /// WordPress's related-posts blocks (`jp-relatedposts-post-excerpt`: "post" in the class does
    /// not make them the story's) are furniture.
    @Test func relatedPostsAreFurniture() throws {
        let article = try read(
            """
            <html><body><article class="post">\(story)\(story)
            <div id="jp-relatedposts" class="jp-relatedposts"><div class="jp-relatedposts-items">
            <p class="jp-relatedposts-post-excerpt">Stack Overflow published the results of its developer survey, summarizing responses from developers.</p>
            <p class="jp-relatedposts-post-context">In "News"</p></div></div>
            </article></body></html>
            """)
        #expect(article.body.count == 6)
        #expect(!article.body.contains { $0.contains("Stack Overflow") || $0.contains("In \"News\"") })
    }

    @Test func articleBodyStatedInJSONLDWhenTheMarkupHasLittle() throws {
        let text = String(repeating: "The full text of the story as the publisher states it in its metadata. ", count: 10)
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"A story","articleBody":"\(text)"}</script>
            </head><body><div id="app">Loading…</div></body></html>
            """)
        #expect(article.body.joined().hasPrefix("The full text of the story"))
    }

    /// A story whose wrapper wears a class word that the strictest reading sets aside (Tailwind's
    /// `overflow-hidden`) is read from the markup by the next reading, not replaced by the page's
    /// stated `articleBody` the strictest reading fell back on (Habertürk's lost its apostrophes).
    @Test func aStoryTheStrictestReadingSetAsideIsNotTheStatedText() throws {
        let story = [
            "İzmir'in Bornova ilçesinde ormanlık alanda çıkan yangına havadan ve karadan müdahale ediliyor, yetkililer açıkladı.",
            "Beşyol Mahallesi'ndeki ormanlık alanda henüz belirlenemeyen nedenle yangın çıktı ve rüzgârla hızla yayıldı.",
            "İhbar üzerine bölgeye 6 uçak, 9 helikopter, 25 arazöz ve 8 su ikmal aracı ile çok sayıda personel sevk edildi.",
            "Yangın nedeniyle İzmir - Manisa kara yolunun Sabuncubeli bölümü tedbir amacıyla her iki yönde ulaşıma kapatıldı.",
            "Bölgede incelemelerde bulunan Vali, gazetecilere yangının kısa sürede kontrol altına alınmasının beklendiğini söyledi.",
        ]
        let stated = story.map { $0.replacingOccurrences(of: "'", with: " ") }.joined(separator: " ")
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Orman yangını",\
            "articleBody":"\(stated)"}</script></head>\
            <body><h1>Orman yangını</h1><div class="wrapper px-5 overflow-hidden"><div class="cms-container">\
            \(story.map { "<p>\($0)</p>" }.joined())<div class="adv-news">REKLAM</div></div></div></body></html>
            """)
        #expect(article.body == story)
    }

    /// A stated `articleBody` is text as written into JSON: its character references (`&apos;`,
    /// WordPress's `&#8217;`) are decoded, and markup escaped as references (`&lt;p&gt;`) is markup.
    @Test func articleBodyStatedWithCharacterReferences() throws {
        let sentence = "They&apos;re open on weekends, the owner&#8217;s &quot;winter&quot; plan says &amp; more. "
        let escaped = "&lt;p&gt;" + String(repeating: sentence, count: 6) + "&lt;/p&gt;"
        let article = try read(
            """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"A story","articleBody":"\(escaped + escaped)"}</script>
            </head><body><div id="app">Loading…</div></body></html>
            """)
        #expect(article.body.count == 2)
        #expect(article.body.first?.hasPrefix("They're open on weekends, the owner’s \"winter\" plan says & more.") == true)
        #expect(!article.body.joined().contains("&#") && !article.body.joined().contains("&quot;"))
        #expect(!article.body.joined().contains("<"))
    }
}

@Suite struct CharacterTests {
    /// The validation that passes over ASCII eight bytes at a time says what the standard library's
    /// says, on damaged sequences next to ASCII and on random bytes.
    @Test func utf8ValidationAsTheStandardLibrary() {
        func standard(_ bytes: [UInt8]) -> Bool { (try? UTF8Span(validating: bytes.span)) != nil }
        let pieces: [[UInt8]] = [
            Array("plain ascii text ".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8),
            [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8], [0xFF], [0x00], Array("12345678".utf8),
        ]
        // A fixed linear congruential sequence: the same bytes on every run.
        var seeded = UInt64(0x9E37_79B9_7F4A_7C15)
        func next() -> UInt64 {
            seeded = seeded &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seeded >> 33
        }
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(next() % 12) { bytes += pieces[Int(next() % UInt64(pieces.count))] }
            #expect(HTMLReader.isUTF8(bytes) == standard(bytes), "\(bytes)")
        }
        for _ in 0..<2000 {
            let bytes = (0..<Int(next() % 40)).map { _ in UInt8(truncatingIfNeeded: next()) }
            #expect(HTMLReader.isUTF8(bytes) == standard(bytes), "\(bytes)")
        }
    }

    @Test func metaCharsetWindows1251() throws {
        let head = Array("<html><head><meta charset=\"windows-1251\"><title>".utf8)
        let cyrillic: [UInt8] = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]  // «Привет» in Windows-1251
        let tail = Array("</title></head><body><article>\(story)</article></body></html>".utf8)
        let article = try #require(try HTMLReader.articles(head + cyrillic + tail).first)
        #expect(article.title == "Привет")
    }

    @Test func latin1WithoutDeclaration() throws {
        let bytes = Array("<html><body><article><p>".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(" au lait, servi chaque matin dans le vieux quartier de la ville.</p></article></body></html>".utf8)
        let article = try #require(try HTMLReader.articles(bytes).first)
        #expect(article.body.first?.hasPrefix("Café au lait") == true)
    }

    @Test func utf16WithByteOrderMark() throws {
        let html = "<html><head><title>Ünïcode headline test</title></head><body><div>\(story)</div></body></html>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in html.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let article = try #require(try HTMLReader.articles(bytes).first)
        #expect(article.title == "Ünïcode headline test")
        #expect(HTMLReader.looksLikeHTML(bytes))
    }

    /// A page in a legacy charset, its title and story with characters of that charset.
    private func page(charset: String, titleBytes: [UInt8], before: String = "") -> [UInt8] {
        Array("<html><head>\(before)<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(charset)\"><title>".utf8)
            + titleBytes + Array("</title></head><body><article>\(story)</article></body></html>".utf8)
    }

    @Test(arguments: [
        ("gb2312", [0xD0, 0xC2, 0xCE, 0xC5], "新闻"),  // GB2312 is read as GB18030, its superset
        ("EUC-KR", [0xB1, 0xB9, 0xB9, 0xAB], "국무"),
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42], "日本"),  // 7-bit, with escapes
        ("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        ("iso-8859-2", [0x62, 0xEA, 0x64, 0x7A, 0x69, 0x65], "będzie"),
        ("latin1", [0x43, 0x61, 0x66, 0xE9], "Café"),
    ] as [(String, [UInt8], String)])
    func legacyCharsetsAreConverted(charset: String, bytes: [UInt8], title: String) throws {
        let article = try #require(try HTMLReader.articles(page(charset: charset, titleBytes: bytes)).first)
        #expect(article.title == title)
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
    }

    /// A script's `charset` attribute names the script's encoding, not the page's: the `<meta>`
    /// after it is the declaration.
    @Test func aScriptsCharsetIsNoDeclaration() throws {
        let bytes = page(
            charset: "iso-8859-2", titleBytes: [0x64, 0x7A, 0x69, 0x65, 0x73, 0x69, 0xB1, 0x74, 0x65, 0x6A],
            before: "<!-- charset=utf-8 --><script src=\"a.js\" charset=\"UTF-8\"></script>")
        #expect(Charset.declaredLabel(bytes[...]) == "iso-8859-2")
        #expect(try HTMLReader.articles(bytes).first?.title == "dziesiątej")
    }

    /// A page that still declares its old charset but was saved again as UTF-8 keeps its UTF-8;
    /// bytes the declared charset does not define become U+FFFD and the reading goes on.
    @Test func utf8UnderALegacyDeclarationAndUndefinedBytes() throws {
        let resaved = page(charset: "iso-8859-2", titleBytes: Array("Paweł będzie".utf8))
        #expect(try HTMLReader.articles(resaved).first?.title == "Paweł będzie")
        // 0x80 opens no GB18030 character; 0xA1 0x40 is none either.
        let damaged = page(charset: "gbk", titleBytes: [0xD0, 0xC2, 0x80, 0xCE, 0xC5])
        #expect(try HTMLReader.articles(damaged).first?.title == "新\u{FFFD}闻")
        #expect(Charset.convert([0x41, 0xA1], from: "GB18030") == Array("A\u{FFFD}".utf8))
        #expect(Charset.convert([0x41], from: "NO-SUCH-CHARSET") == nil)
    }

    @Test(arguments: [
        ("UTF8", Charset.Reading.utf8), ("utf-16", .utf8), ("ISO-8859-1", .windows1252), ("us-ascii", .windows1252),
        ("iso8859_1", .windows1252), ("iso-8859-9", .converter("CP1254")), ("ISO_8859-2", .converter("ISO-8859-2")),
        ("windows-1251", .converter("CP1251")), ("cp1250", .converter("CP1250")), ("Shift_JIS", .converter("CP932")),
        ("euc_kr", .converter("CP949")), ("big5", .converter("BIG5-HKSCS")), ("tis-620", .converter("CP874")),
    ] as [(String, Charset.Reading)])
    func labelsAreReadAsTheStandardReadsThem(label: String, reading: Charset.Reading) {
        #expect(Charset.reading(ofLabel: label) == reading)
    }

    @Test func unknownLabelsAreNoDeclaration() {
        for label in ["x-unknown", "iso-8859-99", "windows-9999", "../../etc/passwd", ""] {
            #expect(Charset.reading(ofLabel: label) == nil)
        }
        #expect(Charset.declaredLabel(Array("<html><body><meta charset=koi8-r>".utf8)[...]) == nil)
        #expect(Charset.declaredLabel(Array("<?xml version=\"1.0\" encoding=\"windows-1250\"?><html>".utf8)[...]) == "windows-1250")
    }

    @Test func binaryIsRefused() {
        let bytes = Array("<html>".utf8) + [UInt8](repeating: 0, count: 100)
        #expect(throws: ParseError.self) { try HTMLReader.articles(bytes) }
    }

    /// A page with a few NUL bytes in its markup (27 in 33 KB on a real page) is still a page.
    @Test func aFewNulBytesInAPage() throws {
        let images = (0..<27).map { _ in "<img src='a.gif' border=\0>" }.joined()
        let damaged = Array(("<html><body><article>" + String(repeating: story, count: 10) + images + "</article></body></html>").utf8)
        #expect(damaged.count(where: { $0 == 0 }) == 27)
        let article = try #require(try HTMLReader.articles(damaged).first)
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
    }

    @Test(arguments: [
        ("<!DOCTYPE html><html><body>x</body></html>", true),
        ("\u{FEFF}  <html lang=\"en\">", true),
        ("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true),
        ("<!-- saved from url=(0014)about:internet -->\n<html>", true),
        ("<div class=\"x\"><p>text</p></div><body>", true),
        ("Leaders meet in Geneva\n\nBy Jane Doe\n\nText with <b>bold</b> words.", false),
        ("<b>Note:</b> this is plain text that starts with a tag.", false),
        ("", false),
    ])
    func sniffing(head: String, expected: Bool) {
        #expect(HTMLReader.looksLikeHTML(Array(head.utf8)) == expected)
    }
}

@Suite struct BrokenTitleTests {
    /// A template's comment cut into the end tag (`</titlevalue="true" -->`) with no proper
    /// `</title>` after it: in HTML the title would swallow the page; the title ends there instead.
    @Test func titleEndTagCutByAComment() throws {
        let page = """
            <html><head><title id="TitleID">Bush to Saudis: More Oil Please - World - CBN News</titlevalue="true" -->
            </head><body><h1>Bush to Saudis: More Oil Please</h1><article><p>\(story)</p></article></body></html>
            """
        let article = try #require(try HTMLReader.articles(Array(page.utf8)).first)
        #expect(article.title == "Bush to Saudis: More Oil Please")
        #expect(article.body.first?.hasPrefix("Diplomats from Ukraine") == true)
    }

    /// With a proper `</title>` further on, HTML ends the title there, and so does newsd.
    @Test func aProperEndTagLaterStillEndsTheTitle() throws {
        let page = "<html><head><title>A </titlex> B</title></head><body><article><p>\(story)</p></article></body></html>"
        let document = HTMLDocument(utf8: Array(page.utf8))
        #expect(PageMetadata(document).documentTitle == "A B")  // the markup in it is no text
    }

    @Test(arguments: [
        ("Whiskey Bar: He May Be a Son of a Bitch,<br/> But He's <i>Our</i> Son of a Bitch",
         "Whiskey Bar: He May Be a Son of a Bitch, But He's Our Son of a Bitch"),
        (#"DD &#34;Graduates&#34; from speech next week! <IMG SRC="http://example.com/happy.gif" ALT=":&#41;"> "#,
         #"DD "Graduates" from speech next week!"#),
        ("Rates < 2% and > 1%: what it means", "Rates < 2% and > 1%: what it means"),
    ])
    func markupWrittenIntoATitleIsNoText(written: String, read: String) {
        let document = HTMLDocument(utf8: Array("<html><head><title>\(written)</title></head><body></body></html>".utf8))
        #expect(PageMetadata(document).documentTitle == read)
    }
}

@Suite struct HostileHTMLTests {
    @Test(arguments: ["div", "b", "table", "span", "font", "ul", "section"])
    func deepNesting(tag: String) throws {
        let html = String(repeating: "<\(tag)>", count: 100_000) + "The only words on this page of deeply nested markup."
        let articles = try HTMLReader.articles(Array(html.utf8))
        #expect(articles.first?.body.joined().contains("The only words") == true)
    }

    /// Headings nested in headers inside an article (each `<h1>` a candidate headline of an
    /// article's own header) are read once each, a few levels around: the page is read.
    @Test func headingsNestedInArticleHeaders() throws {
        let html = "<html><head><meta property=\"og:title\" content=\"A headline about nothing here\"></head><body><main><article>"
            + String(repeating: "<header><div><h1>Headline words here ", count: 20_000) + "</article></main>"
            + "<p>The only paragraph of this page that is not a heading at all, written out at length.</p></body></html>"
        let articles = try HTMLReader.articles(Array(html.utf8))
        #expect(articles.count <= 1)
        #expect(articles.first?.title == "A headline about nothing here")
    }

    /// A paragraph of fifty thousand dateline spans, each a place and a dash, is read once (only a
    /// paragraph's first element is asked whether it opens a dateline): the page is read, the first
    /// span's dateline kept with the story's text.
    @Test func manyDatelineSpansInOneParagraph() throws {
        let html = "<html><body><article><p>" + String(repeating: "<span class=\"dateline\">KOBE – </span>words ", count: 50_000)
            + "</p>\(story)</article></body></html>"
        let articles = try HTMLReader.articles(Array(html.utf8))
        #expect(articles.first?.body.first?.hasPrefix("KOBE – words") == true)
    }

    /// A story beside thirty thousand divisions of one short paragraph each (each asked whether its
    /// neighbour is one too, by its place among the siblings: searched for, the page took seconds
    /// in a release build): the page is read.
    @Test func manySiblingDivisionsOfOneParagraph() throws {
        let siblings = (0..<30_000).map { "<div><p>Item \($0) here</p></div>" }.joined()
        let html = "<html><body><div><div class=\"body\">\(story)</div>\(siblings)</div></body></html>"
        let articles = try HTMLReader.articles(Array(html.utf8))
        #expect(articles.first?.body.first?.hasPrefix("Diplomats from Ukraine and Russia met in Geneva") == true)
    }

    /// A story in an `<article>` headed by another headline than the stated one (one paragraph of
    /// forty thousand commas, which outscores everything), beside an article of thirty thousand
    /// divisions of one paragraph each and no `<h1>` (each of them asked which article holds it and
    /// whether the stated title heads that one: asked afresh, the page took minutes): the page is
    /// read, and its story is the best container's.
    @Test func manyCandidatesInAnArticleWithoutAHeadline() throws {
        let long = "Diplomats from Ukraine and Russia met in Geneva" + String(repeating: ", and again", count: 40_000) + "."
        let items = (0..<30_000).map { "<div><p>Item \($0) of the list, in words</p></div>" }.joined()
        let html = """
            <html><head><meta property="og:title" content="Ferry service resumes"></head><body>\
            <article><h1>Club to name a new manager</h1><div class="story-body"><p>\(long)</p></div></article>\
            <article>\(items)</article></body></html>
            """
        let articles = try HTMLReader.articles(Array(html.utf8))
        #expect(articles.first?.body.first?.hasPrefix("Diplomats from Ukraine and Russia met in Geneva") == true)
    }

    /// Text that is all one link is no article text, however deep.
    @Test func deepNestingOfLinks() throws {
        let html = String(repeating: "<a href=x>", count: 100_000) + "The only words on this page, all of them a link."
        let articles = try HTMLReader.articles(Array(html.utf8))
        #expect(articles.allSatisfy { $0.body.isEmpty })
    }

    @Test func strayEndTagsDoNotLiftTheBound() throws {
        let html = String(repeating: "<div></span>", count: 50_000) + "<p>Still read after fifty thousand open divs.</p>"
        let articles = try HTMLReader.articles(Array(html.utf8))
        #expect(articles.first?.body.joined().contains("Still read") == true)
    }

    @Test func hugeAttributes() throws {
        let value = String(repeating: "x", count: 20 << 20)
        let html = "<html><body><div class=\"\(value)\" data-x=\"\(value.prefix(1000))\"><article>\(story)</article></div></body></html>"
        let article = try #require(try HTMLReader.articles(Array(html.utf8)).first)
        #expect(article.body.count == 3)
    }

    @Test func scriptOnlyPageHasNoArticle() throws {
        let html = "<html><head><script>var a = '<p>not text</p>';</script></head><body><script>document.write('x')</script></body></html>"
        #expect(try HTMLReader.articles(Array(html.utf8)).isEmpty)
    }

    @Test(arguments: [
        "", "<", "<<<<>>>>", "<html", "</html>", "<!--", "<![CDATA[", "<script>", "<table><tr><td><table>",
        "\u{FFFD}\u{FFFD}", "<meta charset=\"x-unknown\"><p>text</p>", "<a href='", "&#xFFFFFF;&#0;&amp",
    ])
    func brokenMarkupNeverTraps(html: String) throws {
        _ = try HTMLReader.articles(Array(html.utf8))
    }

    @Test func brokenEncodingDecodes() throws {
        let bytes: [UInt8] = Array("<html><head><meta charset=\"utf-8\"></head><body><p>".utf8) + [0xC3, 0x28, 0xFF, 0xFE, 0x80]
            + Array(" broken bytes inside a paragraph that is otherwise perfectly readable text.</p></body></html>".utf8)
        let article = try #require(try HTMLReader.articles(bytes).first)
        #expect(article.body.first?.contains("broken bytes") == true)
    }
}

/// Inputs the fuzzer found (FuzzHTML), kept so they stay fixed.
@Suite struct FuzzFoundTests {
    @Test(arguments: [
        "PGh0bWw+PGhlYWQ+PMhldGEgY2hhcnNldDwxdGl0bG0+z/Do4uXyPC90PGZvb3Rlcj5lMDFyc2V0PSIhaW5kb3dzLTE8IT48aGVhZDI1MSI+PHRpdGxl",
    ])
    func neverTraps(base64: String) throws {
        let bytes = try #require(Data(base64Encoded: base64))
        _ = try? HTMLReader.articles(Array(bytes))
        #expect(HTMLDocument.boundingDepth(Array(bytes)).count <= bytes.count * 2 + 8)
    }

    @Test(arguments: ["<title", "<p>text</p><title", "<div><script", "</", "<a href='x"])
    func tagCutOffAtTheEnd(html: String) {
        #expect(HTMLDocument.boundingDepth(Array(html.utf8)) == Array(html.utf8))
    }
}
