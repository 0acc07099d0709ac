import Foundation
import Testing
@testable import NewsCore

@Suite struct EntityTests {
    @Test func laterSurnameIsTheFullName() throws {
        let text = "Talks\nRussian President Vladimir Putin spoke on Monday. Later Mr Putin left, and Putin’s aides stayed.\n"
        let article = try #require(try TestSupport.article(text))
        #expect(article.people == ["Vladimir Putin"])
        #expect(article.places.isEmpty)
    }

    @Test(arguments: ["Zelenskyy", "Zelenskiy", "Zelensky", "Volodymyr Zelensky"])
    func spellingVariantsAreOnePerson(variant: String) throws {
        let article = try #require(try TestSupport.article("Talks\nUkrainian President \(variant) spoke in Kyiv.\n"))
        #expect(article.people == ["Volodymyr Zelenskyy"])
        #expect(article.places == ["Kyiv"])
    }

    @Test(arguments: ["JD Vance", "J.D. Vance", "Vice President JD Vance"])
    func vanceVariants(variant: String) throws {
        let article = try #require(try TestSupport.article("Talks\nUS \(variant) told reporters he was hopeful.\n"))
        #expect(article.people == ["JD Vance"])
    }

    @Test func organisationsPlacesAndNoPhrasesAsPeople() throws {
        let text = """
            Talks
            European Council President Antonio Costa met officials of the European Commission in Brussels.
            The Institute for the Study of War said the Kremlin and NATO disagreed. Known as Security Action for Europe, the fund grows.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.people == ["Antonio Costa"])
        #expect(article.organisations.contains("European Commission"))
        #expect(article.organisations.contains("Institute for the Study of War"))
        #expect(article.organisations.contains("Kremlin"))
        #expect(article.organisations.contains("NATO"))
        #expect(article.places.first == "Brussels")
    }

    @Test func operatorAliasesExtendTheBuiltinTable() throws {
        let json = Data(#"{"Jane Q. Doe": ["Doe", "Janie Doe"]}"#.utf8)
        let aliases = EntityAliases.builtin.merging(try EntityAliases(json: json))
        var parser = ArticleParser(format: .text, aliases: aliases)
        try parser.consume(Array("Talks\nMinister Janie Doe said it was over. Doe left.\n".utf8))
        let article = try #require(try parser.articles().first)
        #expect(article.people == ["Jane Q. Doe"])
    }

    @Test(arguments: [
        ("“We are more than open to walking away,” Vice President J.D. Vance told reporters.", "JD Vance"),
        ("Asked about it, Trump said: „If I did, it’s a smart thing.“", "Donald Trump"),
        ("\"There are no deadlines at all,\" Kremlin spokesman Dmitry Peskov said.", "Dmitry Peskov"),
        ("« Nous sommes prêts à négocier », a dit Emmanuel Macron.", "Emmanuel Macron"),
        ("Merz wrote on X: „Wir werden die Ukraine eng unterstützen.“", "Friedrich Merz"),
        ("‚Look, are you serious about this,‘ said Keir Starmer.", "Keir Starmer"),
        ("Chinese President Xi Jinping had also lauded Carrie Lam’s bravery during “these unusual times”.", "Xi Jinping"),
    ])
    func quoteSpeakers(line: String, speaker: String) throws {
        let article = try #require(try TestSupport.article("Talks\n" + line + "\n"))
        #expect(article.quotes.count == 1)
        #expect(article.quotes.first?.speaker == speaker)
    }

    @Test func pronounIsTheLastNamedPerson() throws {
        let text = """
            Talks
            Ursula von der Leyen spoke about the fund on Monday.
            „The instrument has now been approved, so it’s ready to go,“ she said.
            """
        let article = try #require(try TestSupport.article(text))
        #expect(article.quotes.first?.speaker == "Ursula von der Leyen")
        #expect(article.quotes.first?.text == "The instrument has now been approved, so it’s ready to go")
    }

    @Test func scareQuotesAreNotQuotations() throws {
        let article = try #require(try TestSupport.article("Talks\nThe „peacemaker“ president will „trouble“ Kyiv.\n"))
        #expect(article.quotes.isEmpty)
    }

    /// The byte-keyed table answers as the dictionary it was built from, for every key, for words
    /// that are no key, and with ASCII letters lowercased.
    @Test func asciiKeyTableAnswersAsTheDictionary() {
        let table = WordInfo.table
        let ascii = WordInfo.asciiTable
        var probes = Array(table.keys)
        probes += ["", "a", "Zz", "xyzzy", "Washingtonian", "the", "THE", "Of", "NATO", "Mr", "Putin’s"]
        probes += table.keys.map { $0 + "s" } + table.keys.map { String($0.dropFirst()) }
        for word in probes where word.utf8.allSatisfy({ $0 < 0x80 }) {
            let found = Array(word.utf8).withUnsafeBufferPointer { ascii.find($0) }
            let expected = table[word]
            #expect(found?.flags == expected?.flags, "\(word)")
            #expect(found?.hitIndex == expected?.hitIndex, "\(word)")
            #expect(found?.gazetteerWords == expected?.gazetteerWords, "\(word)")
        }
        let stopWords = LanguageDetector.asciiIndex
        for word in ["The", "AND", "und", "Der", "sagte", "Quick", "x", ""] {
            let found = Array(word.utf8).withUnsafeBufferPointer { stopWords.find(lowercasingLetters: $0) }
            #expect(found == LanguageDetector.index[word.lowercased()], "\(word)")
        }
    }
}
