/// Month names the date readers of text and of pages share beyond English.
package enum MonthNames {
    /// Month names of Western and Northern Europe and beyond as a day is written with them, full
    /// and (where no other word is spelt so) short: German, French, Spanish, Italian, Portuguese,
    /// Dutch, Romanian, Indonesian; Danish, Norwegian and Swedish (`10. marts 2020`, `3 augusti
    /// 2021`), Catalan (`23 de març de 2020`), Finnish (`23. marraskuuta 2020`), Hungarian (`2020.
    /// március 23.`), Turkish (`23 Mart 2020`), Greek (`23 Μαρτίου 2020`, and without its accents,
    /// as capitals print it), Slovak, Serbian and Bulgarian (the genitive where the day is written
    /// with it). Croatian is left out: its `listopada` is October where the Polish is November.
    /// French short forms as Les Échos prints them (`18 juil. 2024`, `3 févr. 2021`).
    package static let european: [(String, Int)] = {
        let names: [[String]] = [
            [
                "januar", "jänner", "janvier", "janv", "enero", "gennaio", "janeiro", "januari", "ianuarie", "gener",
                "tammikuuta", "január", "ocak", "ιανουαρίου", "ιανουαριου", "januára", "januara", "януари",
            ],
            [
                "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "februari", "februarie", "febrer",
                "helmikuuta", "február", "şubat", "φεβρουαρίου", "φεβρουαριου", "februára", "februara", "февруари",
            ],
            [
                "märz", "mär", "maerz", "mars", "marzo", "março", "maart", "martie", "marts", "març", "maaliskuuta",
                "március", "mart", "maret", "μαρτίου", "μαρτιου", "marca", "marta", "март",
            ],
            [
                "avril", "avr", "abril", "aprile", "aprilie", "huhtikuuta", "április", "nisan", "απριλίου", "απριλιου",
                "apríla", "aprila", "април",
            ],
            [
                "mai", "mayo", "maggio", "maio", "mei", "maj", "maig", "toukokuuta", "május", "mayıs", "μαΐου", "μαιου",
                "mája", "maja", "май",
            ],
            [
                "juni", "juin", "junio", "giugno", "junho", "iunie", "juny", "kesäkuuta", "június", "haziran",
                "ιουνίου", "ιουνιου", "júna", "juna", "юни",
            ],
            [
                "juli", "juillet", "juil", "julio", "luglio", "julho", "iulie", "juliol", "heinäkuuta", "július", "temmuz",
                "ιουλίου", "ιουλιου", "júla", "jula", "юли",
            ],
            [
                "august", "août", "aout", "agosto", "augustus", "agustus", "augusti", "agost", "elokuuta", "augusztus",
                "ağustos", "αυγούστου", "αυγουστου", "augusta", "avgusta", "август",
            ],
            [
                "september", "septembre", "septiembre", "settembre", "setembro", "septembrie", "setembre", "syyskuuta",
                "szeptember", "eylül", "σεπτεμβρίου", "σεπτεμβριου", "septembra", "септември",
            ],
            [
                "oktober", "octobre", "octubre", "ottobre", "outubro", "octombrie", "okt", "lokakuuta", "október",
                "ekim", "οκτωβρίου", "οκτωβριου", "októbra", "oktobra", "октомври",
            ],
            [
                "november", "novembre", "noviembre", "novembro", "noiembrie", "marraskuuta", "kasım", "νοεμβρίου",
                "νοεμβριου", "novembra", "ноември",
            ],
            [
                "dezember", "décembre", "decembre", "déc", "diciembre", "dicembre", "dezembro", "december", "dez", "decembrie",
                "desember", "desembre", "joulukuuta", "aralık", "δεκεμβρίου", "δεκεμβριου", "decembra", "декември",
            ],
        ]
        return names.enumerated().flatMap { index, list in list.map { ($0, index + 1) } }
    }()

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
