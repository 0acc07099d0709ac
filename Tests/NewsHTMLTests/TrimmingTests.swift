import Foundation
import Testing

@testable import NewsHTML

/// Gumbo is given the page without script, style and comment text and without the attributes newsd
/// never reads: the tree newsd copies must be the same as from the whole page, for tags written any
/// way HTML allows.
@Suite struct TrimmingTests {
    @Test(arguments: [
        // What is left out.
        #"<p class="a" data-x="1" onclick="f()">One <!-- note --> two</p><script>var a = "<b>";</script><style>p{}</style>"#,
        #"<img src=x alt="y" width=3 class=pic><a href="/a" rel=author target=_blank>Name</a>"#,
        #"<script type="application/ld+json">{"headline": "Kept"}</script><p>Text</p>"#,
        // Where HTML reads a tag, a comment or raw text otherwise than at first sight.
        #"<p title="a > b" data-x="<!-- y -->">Text</p><!-- z --><p data-q=1>After</p>"#,
        #"<a ="x>" data-a=1>Link</a><p data-b=2>After</p>"#,
        #"<img src="a"alt="b" data-c=3 class="d"><p data-e=4>After</p>"#,
        #"<img title="And The "Reporter" Who Is" alt="And The "Reporter" Who Is" class="wide">"#,
        "<li \u{0}class=\"\" data-x=1>Item</li>",
        #"<a/ data-x=1 class=c>x</a><br/ data-y=2>"#,
        #"<script><!-- document.write('<script src=a></script>'); //--></script><p data-x=1>After</p><!-- c -->"#,
        #"<script>var s = 1; <!-- document.write('<SCRIPT src=a></SCRIPT>'); //--></script><p data-x=1>After</p>"#,
        #"<script type="application/LD+JSON">{"headline": "Kept"}</script><p>Text</p>"#,
        #"<title>Site</titlevalue="true" --></head><body><p data-x=1>Text</p><!-- c -->"#,
        #"<p>Text<!--> still text <!-- c --><p data-x=1>After</p>"#,
        #"<p>Text<!-- a --!> after <!-- b --><p data-x=1>More</p>"#,
        #"<select><style><!-- x --></select><p data-x=1>After</p></style><!-- y -->"#,
        #"<iframe><!-- a --><p data-x=1>raw</p></iframe><p data-y=2>After</p><!-- b -->"#,
        #"<noscript><img src=x data-y=1></noscript><p data-x=1>After</p>"#,
        #"<svg><![CDATA[ <!-- a --> <b data-x=1> ]]></svg><p data-y=2>After</p>"#,
        #"<p>Text <plaintext><p data-x=1>raw <!-- c --></p>"#,
        #"<frameset><script>if (a<b) {}</script><!-- c --><frame src=x data-x=1></frameset>"#,
        #"<?php echo "<!--"; ?><p data-x=1>Text</p><!-- c -->"#,
        #"<p>A</ <!-- b -->><p data-x=1>C</p>"#,
        #"<font color=red data-x=1><svg><font color=red data-y=2>x</font></svg></font>"#,
        #"<table><input type=hidden data-x=1><tr><td data-y=2>Cell</td></tr></table>"#,
        #"<p data-x="unclosed>Text</p><p class=after>More</p>"#,
        // Formatting elements HTML reopens: which of several open ones it keeps depends on their attributes.
        #"<p><b data-x=1><b data-x=2><b data-x=3><b data-x=4>Bold</p><p>Reopened</p>"#,
        #"<p><font data-x=1 size=2><font data-x=2 size=2><font data-x=3 size=2><font size=2>x</p><p>y"#,
        #"<p><a href=/1 data-x=1><a href=/2><a href=/3><a href=/4>Link</p><p>After</p>"#,
        // An `href` is read from `<link>`, and from an `<a>` to an author's page only.
        #"<link rel=canonical href="https://example.com/a"><a href="/b" class=c>B</a><base href="/">"#,
        #"<a href="/author/jane-doe" class=c>Jane Doe</a><a href="/b">B</a><a href='/Autoren/x'>X</a>"#,
        // SVG and MathML: the attributes never read go, those their tree building reads stay.
        ##"<svg viewBox="0 0 24 24" class="icon"><path d="M0 0L1 1" fill="red"/><use xlink:href="#a" /></svg><p data-x=1>x</p>"##,
        #"<svg><title class="t">Icon</title><foreignObject width="5"><p data-x=1>In</p></foreignObject></svg>"#,
        #"<svg><font color=red data-x=1>out</font><font data-y=2 size=3>too</font></svg><p>after</p>"#,
        #"<math><annotation-xml encoding="text/html" data-x=1><p class=a data-y=2>x</p></annotation-xml></math>"#,
        #"<svg><style data-x=1>.a{}</style><script data-y=2>f()</script><circle r="2" data-z=3/></svg>"#,
        // An attribute before a tag's closing slash.
        #"<img src="a.png"/><br data-x="1"/><a data-y="2"/ class=c>x</a><input type="hidden" value="v"/>"#,
        #"<p data-x="1"/class="c">Text</p><p data-y='2'/>More</p>"#,
    ])
    func sameTree(html: String) {
        let bytes = Array(html.utf8)
        #expect(HTMLDocument(utf8: bytes, trimmed: true).outline == HTMLDocument(utf8: bytes, trimmed: false).outline)
    }

    @Test func formattingElementsKeepTheirAttributes() {
        let page = Array(#"<b data-x="1">Bold</b> <i onclick="f()">it</i> <a href="/x" data-y="2">link</a>"#.utf8)
        let trimmed = String(decoding: HTMLDocument.prepared(page, hollowing: true), as: UTF8.self)
        #expect(trimmed == #"<b data-x="1">Bold</b> <i onclick="f()">it</i> <a>link</a>"#)
    }

    /// A JSON-LD script's data goes to gumbo as one placeholder and comes back as written.
    @Test func jsonLDAsPlaceholder() {
        let json = "{\n  \"@type\": \"NewsArticle\",   \"url\": \"https://a.example/?x=1&y=2\"\n}"
        let page = Array("<head><script type=\"application/ld+json\">\(json)</script></head>".utf8)
        let prepared = HTMLDocument.prepared(page, hollowing: true, puttingAside: true).text
        #expect(!String(decoding: prepared, as: UTF8.self).contains("NewsArticle"))
        let document = HTMLDocument(utf8: page)
        let script = document.nodes.first { $0.name == "script" }
        #expect(script.map { document.text($0.index, raw: true) } == json)
    }

    /// Inside SVG the attributes newsd does not read go, and the values it copies stay as written.
    @Test func svgAttributes() {
        let page = Array(#"<svg class="icon" viewBox="0 0 24 24"><path d="M0 0L1 1" fill="red"/></svg>"#.utf8)
        let trimmed = String(decoding: HTMLDocument.prepared(page, hollowing: true), as: UTF8.self)
        #expect(trimmed == #"<svg class="icon"><path/></svg>"#)
    }

    @Test func hrefOfLinkOnly() {
        let page = Array(#"<link rel="canonical" href="https://example.com/a"><a href="https://example.com/b">B</a>"#.utf8)
        let document = HTMLDocument(utf8: page)
        let link = document.nodes.first { $0.name == "link" }
        let anchor = document.nodes.first { $0.name == "a" }
        #expect(link?[.href] == "https://example.com/a")
        #expect(anchor != nil && anchor?[.href] == nil)
    }

    /// The indentation between tags goes but for its first byte; text in `<pre>` and `<listing>`
    /// keeps its white space, as does a page read whole (`trimmed: false`).
    @Test func whiteSpaceRuns() {
        let page = Array("<div>\n    <p>One   two\t\tthree</p>\n  <pre>a   b\n\n  c</pre>\n\n</div>".utf8)
        let trimmed = String(decoding: HTMLDocument.prepared(page, hollowing: true), as: UTF8.self)
        #expect(trimmed == "<div>\n<p>One two\tthree</p>\n<pre>a   b\n\n  c</pre>\n</div>")
        #expect(HTMLDocument.prepared(page, hollowing: false) == page)
        // The tree is the same, each text with its runs of white space one byte long.
        let whole = HTMLDocument(utf8: page, trimmed: false)
        let read = HTMLDocument(utf8: page, trimmed: true)
        #expect(read.nodes.count == whole.nodes.count)
        #expect(read.nodes.map(\.name) == whole.nodes.map(\.name))
        #expect(read.nodes.first { $0.name == "pre" }.map { read.text($0.index, raw: true) } == "a   b\n\n  c")
    }

    /// Runs of text go to gumbo as one placeholder character each and come back in the copy of its
    /// tree: the tree is the one gumbo builds without them, wherever HTML reads text otherwise.
    @Test(arguments: [
        "<html><head><title>T</title></head><body><p>Plain text that is long enough</p></body></html>",
        // White space before `<body>` and in tables is read apart from the text around it.
        "<html> \n  <head>  some text in the head  <meta name=a content=b></head><body><p>More</p>",
        "<table>  stray text in a table  <tr><td>  a cell's text  </td></tr>  more  </table>",
        "<table><tr>   </tr>text<tr><td>x</td></tr></table>",
        // References, NUL, controls and noncharacters are left for gumbo to read.
        "<p>Fish &amp; chips &#8217;s &copy2024 &notit; &unknown; text</p>",
        "<p>Text with a \u{0} NUL and a \u{0B} tab and \u{85} a C1 and " + String(decoding: [0xEF, 0xB7, 0x90], as: UTF8.self)
            + " a nonchar " + String(decoding: [0xF0, 0x9F, 0xBF, 0xBE], as: UTF8.self) + " end</p>",
        "<p>Lines\r\nend\rwith\r\n\r\nreturns and more</p>",
        // Where this pass leaves text as written.
        "<pre>\n  kept   as it is  </pre><listing>\n a  b </listing><textarea> a  b </textarea>",
        "<svg><text>  in svg  </text><![CDATA[ a > b ]]></svg><p>after the cdata section</p>",
        "<math><mi>  x  </mi></math><p>  after math  </p>",
        "<frameset><frame src=a>  text in a frameset  </frameset>",
        "<p>a <b>bold <i>both</p> after the paragraph</b> end of it</i> and more",
        "<p>less < than and <3 hearts and </ not a tag > after</p>",
        "text before any tag at all <p>and after</p>",
        // A script never closed is raw text to the end: `</html>` in it is no tag.
        "<p>a</p><script>never closed </div></body></html>\n></html>\n",
        "<p>\u{E000} private use and \u{F0000} a page that holds a placeholder's bytes</p>",
        // Attribute values: those newsd copies go as placeholders, those HTML reads stay.
        #"<div class="story body" id="main-story" title="A title &amp; more" style="color: red" lang='en-GB'>x</div>"#,
        #"<table><input type="hidden" class="hidden-field"><tr><td class="cell-class">a</td></tr></table>"#,
        #"<p><b class="same-class">1<b class="same-class">2<b class="same-class">3<b class="same-class">4</p><p>5"#,
        #"<p><a class="first-link">1<a class="other-link">2</a></p>"#,
        "<div class=\"lines\r\nand more\">a</div><div class=\"with \u{7} bell\">b</div><div title=\"tab\there\">c</div>",
        #"<html class="first-class"><body id="body-one"><html lang="en-GB" class="second-class"><body class="body-two">x"#,
        #"<link rel="canonical" href="https://example.com/story"><meta property="og:title" content="A headline here">"#,
        #"<div class="a" class="repeated-name">x</div><div class=unquoted-value id = "spaced-value">y</div>"#,
        #"<svg class="icon-class"><use class="inner-class"></use></svg><p class="after-svg">z</p>"#,
        "<my-element\u{0C}class=\"story-class\">an unknown element whose name ends at a form feed</my-element>",
        #"<font color="red" face="serif-face" size="3" class="font-class">f</font><math><annotation-xml encoding="text/html"><p>q</p></annotation-xml></math>"#,
        // A JSON-LD script's data goes whole, as written; one that gumbo would read otherwise stays.
        "<script type=\"application/ld+json\">\n  {\"headline\": \"A &amp; B\",   \"url\": \"https://a.example/?x=1&y=2\"}\n</script>",
        "<script type=\"application/ld+json\">{\"a\":\n\r\n \"CR LF\"}</script><script type=\"application/ld+json\">{\"b\": \"\u{1}\"}</script>",
        "<script type=\"application/ld+json\">{\"c\": \"<!-- x -->\"}</script ><script type=\"application/ld+json\">{\"d\": 1}</scriptx>",
        "<svg><script type=\"application/ld+json\">{\"e\": \"<b>in svg</b>\"}</script></svg><p>after</p>",
    ])
    func placeholdersLeaveTheTree(html: String) {
        let bytes = Array(html.utf8)
        let aside = HTMLDocument(utf8: bytes, trimmed: true, puttingAside: true)
        #expect(aside.outline == HTMLDocument(utf8: bytes, trimmed: true, puttingAside: false).outline)
    }

    /// Inputs on which the `html` fuzz target found the tree changed by placeholders: bytes that
    /// are not UTF-8 inside a run (a page the decoder did not see: gumbo's decoder replaces them its
    /// own way), a `<script>` never closed, after which gumbo reads everything as its text, and an
    /// unknown element whose name the copy read on past a form feed into a value given as a placeholder,
    /// and a name that a control byte does not end (`<title\u{1A}>` is no title, so the `</title>`
    /// inside the next tag's value ends nothing), and `<` before U+0001, which opens no tag (the copy
    /// read it as `<!` and ended the tag at a `>` inside the next tag's quoted value).
    @Test(arguments: [
        "PAE8ciBwPSI+PmkiUD4=",
        "PGh0bWw+PG08dGk8aDE+ZWM+YTxkcmlwdCB0eXBlPSJhcHBsaWNhdGlvbi9sZCtqc29uIj57IkBjb250ZXh0IjoiaHR0cHM6Ly9zY2giYXV0aG9yIjp7IkB0eXBlIjoiUGVyc29uIiwibmFtZSI6ImVtYS5vK2pzb24iPnsiQGNvbnQ8aHRtbD48aGVlIjoiRWV0YSDEpcOyAAAArHRpdGxl8OXoPs/i8jwvdGl0bGU+PC9oZWFkPjxib2R5PjB0ZT48AQAAAAAAAAxsZC4xMi4ycy0xMjxhcnRpY2w8bWV0YSBwcm9wZXJ0eT0iYXJ0aWNsZTpwdWJsaXNoZWRfdGltZSIgY29udGVudD0iZT48dHI+PHRkPk9sZCBwYRsoQmJyPjxiOj4gdDxodG1sPjxoZWFkPjxtZXRhIGNoYXJzZXQ9IndpbmRvd3MtMTI1MSI+PHRpdGxlPs/w6OLl8jwvdGl0bGU+PC9oZWFkPjxib2R5Pjx0YWJsZT48dHI+PHRkPk9sZCBwYWdlPGJyPjxicj53aXRoIGxpbp2dnZ2dnZ2dnZ0AAAAAAAAAAAAAAHN0aW5nIiwiaGVhZGxpbmUjOiJQb2ciLCJoZWFkbGluPCFkb2N0eXBlIGh0bWw+PGh0bWwgbGFuZz0iZW4iPjxoZWFkPjxtZXRhIGNoYXJzZXQ9InV0Zi04Ij48dGl0bGU+VGFsa3MgcmVzdW1lIHwgRXhhbXBsZSBOZXdzPC90aXMiPgo8bWV0YSBwcm9wZXJ0eT0ib2c6dGl0bGUiIGNvbnRlbnQ9IlRhbGtzIHJlc3VtZSI+PG1ldGEgbmFtZT0iYXV0aG9yIiBjb250ZW50ZT0iSmFuZSA=",
        "PHRpdGxlGj48YSB0PSI8L3RpdGxlPiJuPsWh",
        "PGRpdj48ZGl2PjxkaXY+cG9zdGVkIGJ5OiA8c3Bhbj48Yj48aeXyPC90aXRsZXR5cGUiOiJCbG9nUG8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAc2Rpdj48L3NwYW4+mi90YWJsZXRsZT7P8Oji5fI8L3RpdGxldHlwZSI6IkJsb2dQb3NkaXY+PC9zcGFuPprRi57ACC0=",
        "PGh0bWw+PGhlYWQ+PC0tPnNjcmlwdCB0eXBlPSJhW3BsaWNhdGlvbi9sZCtqc29uIj57IkBjb250ZXh0IjoiaHR0cHM6Ly9zY2hlbWEub3JnIiwiQGdyYXBoIjpbeyJAdHlwZSI6IkxpdmVCbG9nUG9zdGluZyIsImhlYWRsaW5lIjoiRWxlY3Rpb24gbmlnaHQiLCJsaXZlQmxvZ1VwZGF0ZSI6W3siQHR5cGUiOiJCbG9nUG9zdGluZyIsLGhlYWRsaW5lIjoiUG9sbHMgY2xvc2UiLCJhcnRpY0JlbGQieW86IlZvdGluZyBoYXMgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAvAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABlbmRlZAsCAAAAAAAALiJ9XX1dfTwvc2NyaTxodG1sPjxoZWFkPjxzY3JpcHQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAZW5kZWQLAgAAAAAAAC4ifV19XX08L3Njcmk8aHRtbD48aG9zdAAAAAAAAAAAAAAAAAAAAAAAAABpbmUiOiJzY3JpcHQgdHlwZT0iYXBwbGljYXRpb24vbGQranNvbiI+eyJAY29udGV4dCJCbG9nUG9zYnRkaXY+TG9hZGluZzwvZGl2PjwvYm9keT48L2h0bWw+Cj48L2h0bWw+Cg==",
        "PGh0bWw+PGhlZSI6IkVldGEgxKXDsgAAAKx0aXRsZfDl6D7P4vI8L3RpdGxlPjwvaGVhZD48Ym9keT45dGU+PHRyPjx0ZD5PbGQuMTIuMnMtMTI1Pjx0YWIAZT48dHI+PHRkPk9sZCBwYRsoQmJyPjxicj4gdGl3bGhpbmUgYnJlYWtzLCAxNi4xMi4yMDExMjwvdGQ+PC90ZV09IndpbmRvd3MtMTI1MSI+PHNoZWQi8/MM9AwMDPPzDPTz8/Pz6QwMDGl0ZW1wcm9wPSJhdXRob3IiDAwMDAwMDAwMDAwMDAwMDAwMDP///z48aGVhZHJlZj14aHQMDAwMaXRlbXByb3A9ImRhdGVQPHN2Zz5oZWQi8/MM9PPz8/PpDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMPnJlYWtzLCD//zxodG1s////9///////////////PjxoZWFkcmVmPXhodAwMDAzz8wz08/Pz8+kMDAxpdGVtcHJvcD0iYXV0aG9yIgwMDAwMDAwMDAwMDAwMDAwMDAz///8+PGhlYWRyZWY9eD48dDwvaGVhZD48Ym9keT42dGU+PHRyPjx0ZD5PbGQuMTIuMjAxMjwvdGl0bGR5PjwvaHRtbD4K",
    ])
    func placeholdersFoundByTheFuzzer(base64: String) throws {
        let bytes = Array(try #require(Data(base64Encoded: base64)))
        #expect(HTMLDocument(utf8: bytes, trimmed: true, puttingAside: true).outline
            == HTMLDocument(utf8: bytes, trimmed: true, puttingAside: false).outline)
    }

    @Test func runsArePutAside() {
        let page = Array("<p>A run of text &amp; another run</p><p>tiny</p>".utf8)
        let (trimmed, runs) = HTMLDocument.prepared(page, hollowing: true, puttingAside: true)
        #expect(runs?.ranges.count == 2)
        // Each run is four bytes in gumbo's input; `tiny` is no longer than a placeholder.
        #expect(trimmed.count == "<p>".utf8.count + 4 + "&amp;".utf8.count + 4 + "</p><p>tiny</p>".utf8.count)
        #expect(HTMLDocument.prepared(page, hollowing: true, puttingAside: false).runs == nil)
        // A page that holds such characters itself gets no placeholders.
        #expect(HTMLDocument.prepared(Array("<p>A run of text \u{100000}</p>".utf8), hollowing: true, puttingAside: true).runs == nil)
    }

    @Test func attributeValuesArePutAside() {
        let page = Array(#"<div class="story-body" id="x" title="A &amp; B">Text</div>"#.utf8)
        let (trimmed, runs) = HTMLDocument.prepared(page, hollowing: true, puttingAside: true)
        // The class value is one placeholder; `x` is too short, a value with a reference stays.
        #expect(runs?.ranges.count == 1)
        #expect(trimmed.count == page.count - "story-body".utf8.count + 4 - "Text".utf8.count + "Text".utf8.count)
        let document = HTMLDocument(utf8: page)
        let div = document.nodes.first { $0.name == "div" }
        #expect(div?[.class] == "story-body")
        #expect(div?[.title] == "A & B")
    }

    /// A value holding a reference, a control, DEL, a carriage return or a character beyond ASCII at
    /// any offset (the check reads eight bytes at a time) reads as gumbo reads it.
    @Test(arguments: ["&amp;", "\u{1}", "\u{7F}", "\r\n", "é", "\u{85}"])
    func specialBytesAnywhereInAValue(special: String) {
        for offset in 0..<20 {
            let value = String(repeating: "x", count: offset) + special + String(repeating: "y", count: 11)
            let bytes = Array("<div class=\"\(value)\" title='\(value)'>text of the division</div>".utf8)
            #expect(HTMLDocument(utf8: bytes, trimmed: true, puttingAside: true).outline
                == HTMLDocument(utf8: bytes, trimmed: true, puttingAside: false).outline, "\(offset)")
        }
    }

    /// A value longer than newsd keeps is cut alike whether gumbo got it as a placeholder or not,
    /// also where the cut falls inside a character.
    @Test(arguments: [4090, 4094, 4095, 4096, 4097])
    func longValuesAreCutAlike(length: Int) {
        let value = String(repeating: "a", count: length) + "éü" + String(repeating: "b", count: 300)
        let bytes = Array("<div class=\"\(value)\">text of the division</div>".utf8)
        let aside = HTMLDocument(utf8: bytes, trimmed: true, puttingAside: true)
        #expect(aside.outline == HTMLDocument(utf8: bytes, trimmed: true, puttingAside: false).outline)
        #expect((aside.nodes.first { $0.name == "div" }?[.class]?.utf8.count ?? 0) <= HTMLDocument.maxAttributeBytes)
    }

    /// A page's reading does not depend on its indentation.
    @Test func indentationChangesNothing() throws {
        let story = (1...6).map { "<p>Paragraph \($0) of the story, long enough to be read as the story's own text.</p>" }
        let flat = "<html><head><title>Flat</title></head><body><article><h1>Flat</h1>\(story.joined())</article></body></html>"
        let indented = "<html>\n  <head>\n    <title>Flat</title>\n  </head>\n  <body>\n    <article>\n      <h1>\n        Flat\n      </h1>\n"
            + story.map { "      \($0)\n" }.joined() + "    </article>\n  </body>\n</html>\n"
        let a = try HTMLReader.articles(Array(flat.utf8))
        let b = try HTMLReader.articles(Array(indented.utf8))
        #expect(a.first?.title == "Flat")
        #expect(a.first?.body.count == 6)
        #expect(a.first?.body == b.first?.body)
        #expect(a.first?.title == b.first?.title)
    }

    @Test func leavesOut() {
        let page = Array(#"<p class="a" data-x="1">One <!-- note --> two</p><script>var a = 1;</script>"#.utf8)
        let trimmed = String(decoding: HTMLDocument.prepared(page, hollowing: true), as: UTF8.self)
        #expect(trimmed == #"<p class="a">One <!----> two</p><script></script>"#)
    }
}
