import Foundation

/// Spelling variants that name one entity (`Zelensky`, `Zelenskiy` → `Volodymyr Zelenskyy`).
/// Built-in data covers common names; an operator's JSON file extends it.
public struct EntityAliases: Sendable, Equatable {
    /// Canonical name → its variants.
    public var table: [String: [String]]

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
    }

    /// Reads `{"Canonical Name": ["Variant", …], …}`.
    /// - Throws: `DecodingError` when the JSON is not of that shape.
    public init(json: Data) throws {
        self.table = try JSONDecoder().decode([String: [String]].self, from: json)
    }

    /// This table with `other`'s entries added; `other` wins on conflicts.
    public func merging(_ other: EntityAliases) -> EntityAliases {
        EntityAliases(table: table.merging(other.table) { _, new in new })
    }
}
