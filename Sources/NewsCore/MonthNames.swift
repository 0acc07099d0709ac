/// Month names the date readers of text and of pages share beyond the Western European ones.
package enum MonthNames {
    /// Month names as a day is written with them in Russian, Ukrainian, Polish and Czech (the
    /// genitive: `21 сентября 2020`, `3 marca 2021`, with the nominative where it differs and is
    /// used) and in Arabic (`03 يونيو 2020`, and the Levant's single-word names: `حزيران`).
    package static let slavicAndArabic: [(String, Int)] = {
        let names: [[String]] = [
            ["января", "январь", "січня", "stycznia", "ledna", "يناير"],
            ["февраля", "февраль", "лютого", "lutego", "února", "فبراير", "شباط"],
            ["марта", "березня", "marca", "března", "مارس", "آذار"],
            ["апреля", "квітня", "kwietnia", "dubna", "أبريل", "ابريل", "نيسان"],
            ["мая", "травня", "maja", "května", "مايو", "أيار"],
            ["июня", "червня", "czerwca", "června", "يونيو", "يونيه", "حزيران"],
            ["июля", "липня", "lipca", "července", "يوليو", "يوليه", "تموز"],
            ["августа", "серпня", "sierpnia", "srpna", "أغسطس", "اغسطس", "آب"],
            ["сентября", "вересня", "września", "září", "سبتمبر", "أيلول"],
            ["октября", "жовтня", "października", "října", "أكتوبر", "اكتوبر"],
            ["ноября", "листопада", "listopada", "listopadu", "نوفمبر"],
            ["декабря", "грудня", "grudnia", "prosince", "ديسمبر"],
        ]
        return names.enumerated().flatMap { index, list in list.map { ($0, index + 1) } }
    }()
}
