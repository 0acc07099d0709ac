import Foundation

/// Spelling variants that name one entity (`Zelensky`, `Zelenskiy` → `Volodymyr Zelenskyy`).
/// Built-in data covers common names; an operator's JSON file extends it.
public struct EntityAliases: Sendable, Equatable {
    /// Canonical name → its variants.
    public var table: [String: [String]] {
        didSet { compiled = Compiled(table) }
    }

    /// The lookup tables the recognizer needs, built once per table rather than once per article.
    private(set) var compiled: Compiled

    /// Lowercased, straight-quoted variant → canonical name, and the first words of the variants.
    final class Compiled: Sendable {
        /// Alias key (see `EntityRecognizer.key`) → canonical name.
        let index: [String: String]
        /// First word of every alias (lowercased) → the most words an alias starting with it has.
        let firstWords: [String: Int]
        /// `firstWords` for ASCII words, looked up by bytes.
        let asciiFirstWords: ASCIIKeyTable<Int>

        init(_ table: [String: [String]]) {
            var index: [String: String] = [:]
            for (canonical, variants) in table {
                index[EntityRecognizer.key(canonical)] = canonical
                for v in variants { index[EntityRecognizer.key(v)] = canonical }
            }
            self.index = index
            var firsts: [String: Int] = [:]
            for key in index.keys {
                let words = key.split(separator: " ")
                if let first = words.first { firsts[String(first), default: 0] = max(firsts[String(first)] ?? 0, words.count) }
            }
            firstWords = firsts
            asciiFirstWords = ASCIIKeyTable(firsts)
        }
    }

    /// Two tables are equal when they hold the same names.
    public static func == (lhs: EntityAliases, rhs: EntityAliases) -> Bool {
        lhs.table == rhs.table
    }

    /// The aliases newsd ships with.
    public static let builtin = EntityAliases(table: [
        "Volodymyr Zelenskyy": [
            "Zelenskyy", "Zelenskiy", "Zelensky", "Zelenskyi", "Volodymyr Zelensky", "Volodymyr Zelenskiy",
            "Volodymyr Zelenskyi", "Vladimir Zelensky", "President Zelensky", "Wolodymyr Selenskyj", "Selenskyj",
            "Zelenski", "Volodymyr Zelenski",
        ],
        "Vladimir Putin": ["Putin", "Vladimir V. Putin", "Wladimir Putin", "Poutine", "Vladimir Poutine"],
        "Donald Trump": ["Trump", "Donald J. Trump", "President Donald J. Trump", "Donald John Trump"],
        "JD Vance": ["J.D. Vance", "Vance", "Vice President JD Vance", "James David Vance", "J. D. Vance"],
        "Keir Starmer": ["Starmer", "Sir Keir Starmer"],
        "Joe Biden": ["Biden", "Joseph Biden", "Joseph R. Biden", "Joseph R. Biden Jr."],
        "Emmanuel Macron": ["Macron"],
        "Xi Jinping": ["Xi"],
        "Benjamin Netanyahu": ["Netanyahu", "Bibi Netanyahu"],
        "Recep Tayyip Erdoğan": ["Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "Tayyip Erdogan"],
        "Sergei Lavrov": ["Lavrov", "Sergey Lavrov"],
        "Dmitry Peskov": ["Peskov", "Dmitri Peskov", "Dmitriy Peskov"],
        "Olaf Scholz": ["Scholz"],
        "Friedrich Merz": ["Merz"],
        "Ursula von der Leyen": ["von der Leyen", "Von der Leyen"],
        "António Guterres": ["Guterres", "Antonio Guterres"],
        "Kim Jong Un": ["Kim Jong-un", "Kim Jong-Un"],
        "Narendra Modi": ["Modi"],
        "Giorgia Meloni": ["Meloni"],
        "Marco Rubio": ["Rubio"],
        "Steve Witkoff": ["Witkoff", "Steven Witkoff"],
        "Mark Rutte": ["Rutte"],
        "Rishi Sunak": ["Sunak"],
        "Kamala Harris": ["Harris"],
        "Karoline Leavitt": ["Leavitt"],
        "Barack Obama": ["Obama", "Barack H. Obama"],
        "Alexander Stubb": ["Stubb"],
        "Andriy Yermak": ["Yermak", "Andrii Yermak"],
        "Ali Khamenei": ["Khamenei", "Ayatollah Ali Khamenei"],
        "Mohammed bin Salman": ["MBS", "Mohammad bin Salman"],
        "Alexei Navalny": ["Navalny", "Alexey Navalny"],
        "Alexander Lukashenko": ["Lukashenko", "Aleksandr Lukashenko"],
        "Elon Musk": ["Musk"],
    ])

    /// Creates a table from canonical names and their variants.
    public init(table: [String: [String]]) {
        self.table = table
        self.compiled = Compiled(table)
    }

    /// Reads `{"Canonical Name": ["Variant", …], …}`.
    /// - Throws: `DecodingError` when the JSON is not of that shape.
    public init(json: Data) throws {
        let table = try JSONDecoder().decode([String: [String]].self, from: json)
        self.table = table
        self.compiled = Compiled(table)
    }

    /// This table with `other`'s entries added; `other` wins on conflicts.
    public func merging(_ other: EntityAliases) -> EntityAliases {
        EntityAliases(table: table.merging(other.table) { _, new in new })
    }
}
