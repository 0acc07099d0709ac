/// Word lists for entity recognition, built once. Places and organisations are recognised by
/// name; people by shape (capitalised words) plus these lists of titles, roles and first names.
enum Gazetteer {
    /// Place name → canonical place name (abbreviations and old spellings point at one entry).
    static let places: [String: String] = {
        var table: [String: String] = [:]
        let plain = """
            Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|\
            Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Botswana|\
            Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Chad|Chile|China|Colombia|\
            Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|\
            Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|\
            Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|\
            Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|\
            Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|\
            Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|\
            Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|\
            New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|\
            Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|\
            San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|\
            South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|\
            Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkiye|Türkiye|Turkmenistan|\
            Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|\
            Vatican|Vatican City|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|England|Scotland|Wales|Northern Ireland|\
            Greenland|Crimea|Gaza|Gaza Strip|West Bank|Kashmir|Tibet|Xinjiang|Hong Kong|Macau|Puerto Rico|Chechnya|\
            Donbas|Donbass|Donetsk|Luhansk|Kherson|Zaporizhzhia|Kharkiv|Odesa|Odessa|Lviv|Dnipro|Mariupol|Bakhmut|\
            Avdiivka|Kramatorsk|Sloviansk|Pokrovsk|Kostyantynivka|Sumy|Chernihiv|Mykolaiv|Poltava|Zhytomyr|Vinnytsia|\
            Kursk|Belgorod|Bryansk|Siversk|Lyman|Kyiv|Kiev|Moscow|St Petersburg|Saint Petersburg|Sochi|Minsk|Warsaw|\
            Berlin|Paris|London|Rome|Madrid|Lisbon|Brussels|Amsterdam|The Hague|Vienna|Prague|Budapest|Bucharest|\
            Sofia|Athens|Istanbul|Ankara|Helsinki|Stockholm|Oslo|Copenhagen|Tallinn|Riga|Vilnius|Dublin|Edinburgh|\
            Belfast|Cardiff|Manchester|Birmingham|Liverpool|Glasgow|Geneva|Zurich|Bern|Munich|Hamburg|Frankfurt|\
            Cologne|Milan|Naples|Venice|Florence|Barcelona|Valencia|Seville|Marseille|Lyon|Nice|Strasbourg|\
            Copenhagen|Gdansk|Gdańsk|Krakow|Kraków|Belgrade|Zagreb|Ljubljana|Sarajevo|Tirana|Skopje|Chisinau|Tbilisi|\
            Yerevan|Baku|Washington|Washington DC|Washington D.C.|New York|New York City|Los Angeles|Chicago|Houston|\
            Philadelphia|Boston|Miami|Atlanta|Dallas|San Francisco|Seattle|Denver|Detroit|Las Vegas|Phoenix|\
            New Orleans|Texas|California|Florida|Ohio|Michigan|Pennsylvania|Arizona|Nevada|Alaska|Hawaii|Virginia|\
            Maryland|Illinois|Iowa|Montana|Toronto|Montreal|Ottawa|Vancouver|Ontario|Quebec|Mexico City|Havana|\
            Caracas|Bogota|Bogotá|Lima|Santiago|Buenos Aires|Sao Paulo|São Paulo|Rio de Janeiro|Brasilia|Brasília|\
            Montevideo|Beijing|Shanghai|Tokyo|Osaka|Seoul|Pyongyang|Taipei|Manila|Hanoi|Bangkok|Jakarta|\
            Kuala Lumpur|New Delhi|Delhi|Mumbai|Kolkata|Chennai|Bangalore|Bengaluru|Karachi|Lahore|Islamabad|Kabul|\
            Dhaka|Colombo|Kathmandu|Tehran|Baghdad|Damascus|Beirut|Amman|Jerusalem|Tel Aviv|Riyadh|Jeddah|Doha|\
            Dubai|Abu Dhabi|Muscat|Sanaa|Cairo|Alexandria|Tripoli|Tunis|Algiers|Rabat|Casablanca|Khartoum|Addis Ababa|\
            Nairobi|Mogadishu|Kampala|Kigali|Kinshasa|Lagos|Abuja|Accra|Dakar|Johannesburg|Cape Town|Pretoria|Harare|\
            Luanda|Sydney|Melbourne|Canberra|Brisbane|Perth|Auckland|Wellington|Singapore|Davos|Munich|Anchorage|\
            Danang|Da Nang|Buenos Aires|Hiroshima|Nagasaki|Kaliningrad|Mosul|Aleppo|Idlib|Rafah|Khan Younis|Hebron|\
            Ramallah|Golan Heights|Sinai|Europe|Asia|Africa|North America|South America|Latin America|Middle East|\
            Central Asia|Southeast Asia|East Asia|South Asia|Eastern Europe|Western Europe|Indo-Pacific|Balkans|\
            Baltic|Baltics|Caucasus|Scandinavia|Arctic|Antarctica|Sahel|Black Sea|Baltic Sea|Red Sea|Mediterranean|\
            Caspian Sea|North Sea|South China Sea|Persian Gulf|Gulf of Mexico|Strait of Hormuz|Taiwan Strait|\
            Pacific|Atlantic|Indian Ocean|Siberia|Ural|Chernobyl|Zaporizhzhia nuclear plant
            """
        for name in plain.split(separator: "|") { table[String(name)] = String(name) }
        let aliases: [String: String] = [
            "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
            "America": "United States", "United States of America": "United States", "UK": "United Kingdom",
            "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
            "UAE": "United Arab Emirates", "DRC": "Congo", "Democratic Republic of Congo": "Congo",
            "Democratic Republic of the Congo": "Congo", "Holland": "Netherlands", "Burma": "Myanmar",
            "Côte d'Ivoire": "Ivory Coast", "Kiev": "Kyiv", "Odessa": "Odesa", "Donbass": "Donbas",
            "Gaza Strip": "Gaza", "Vatican City": "Vatican", "Washington DC": "Washington",
            "Washington D.C.": "Washington", "New York City": "New York", "Saint Petersburg": "St Petersburg",
            "Czechia": "Czech Republic", "Bogotá": "Bogota", "Gdańsk": "Gdansk", "Kraków": "Krakow",
        ]
        for (variant, canonical) in aliases { table[variant] = canonical }
        table["Zaporizhzhia nuclear plant"] = nil
        return table
    }()

    /// Organisation name → canonical organisation name.
    static let organisations: [String: String] = {
        var table: [String: String] = [:]
        let plain = """
            White House|Kremlin|Pentagon|State Department|Downing Street|Elysee|Élysée|Congress|Senate|\
            House of Representatives|Supreme Court|Parliament|Bundestag|Duma|State Duma|Knesset|Verkhovna Rada|\
            European Commission|European Union|European Parliament|European Council|Council of Europe|\
            European Central Bank|NATO|United Nations|UN Security Council|Security Council|World Health Organization|\
            World Bank|International Monetary Fund|World Trade Organization|International Criminal Court|\
            International Court of Justice|International Atomic Energy Agency|Red Cross|Red Crescent|Amnesty International|\
            Human Rights Watch|Greenpeace|OPEC|G7|G20|BRICS|ASEAN|African Union|Arab League|OSCE|Interpol|Europol|\
            Frontex|UNICEF|UNESCO|UNHCR|Federal Reserve|Bank of England|Bank of Japan|FBI|CIA|NSA|FSB|KGB|GRU|SBU|\
            MI5|MI6|Mossad|Hamas|Hezbollah|Taliban|Islamic State|Wagner|Wagner Group|Houthis|Reuters|Associated Press|\
            AP|AFP|Agence France-Presse|Bloomberg|BBC|BBC News|CNN|Fox News|Sky News|Al Jazeera|The Guardian|Guardian|\
            The New York Times|New York Times|The Washington Post|Washington Post|Wall Street Journal|\
            The Wall Street Journal|Financial Times|The Times|The Economist|Politico|Axios|NBC|NBC News|CBS|CBS News|\
            ABC|ABC News|MSNBC|NPR|PBS|CBC|CBC News|Deutsche Welle|DW|Euronews|France 24|RT|TASS|RIA Novosti|\
            Interfax|Ukrinform|Xinhua|Kyodo|Yonhap|Anadolu|Le Monde|Der Spiegel|Spiegel|Truth Social|X|Twitter|\
            Facebook|Meta|Google|Alphabet|Apple|Microsoft|Amazon|Tesla|SpaceX|OpenAI|Nvidia|Intel|IBM|Samsung|\
            Huawei|TikTok|ByteDance|Telegram|Gazprom|Rosneft|Lukoil|Boeing|Airbus|Goldman Sachs|JPMorgan|\
            Institute for the Study of War|Kyiv School of Economics|King's College London|Chatham House|\
            Carnegie Endowment|Brookings Institution|RAND Corporation|Atlantic Council|Harvard University|\
            Oxford University|University of Oxford|Cambridge University|University of Cambridge|Stanford University|\
            Yale University|Columbia University|Princeton University|MIT|London School of Economics|Bocconi University|\
            Sciences Po|Democratic Party|Republican Party|Democrats|Republicans|Labour|Labour Party|Conservative Party|\
            Conservatives|Tories|Liberal Democrats|Reform UK|SNP|CDU|SPD|AfD|Greens|National Rally|United Russia|\
            Defence Ministry|Defense Ministry|Foreign Ministry|Home Office|Foreign Office|Treasury|Justice Department|\
            Department of Justice|Department of Defense|Ministry of Defence|Ministry of Foreign Affairs|Kremlin Palace|\
            Vatican Bank|Holy See
            """
        for name in plain.split(separator: "|") { table[String(name)] = String(name) }
        let aliases: [String: String] = [
            "EU": "European Union", "E.U.": "European Union", "UN": "United Nations", "U.N.": "United Nations",
            "EU Commission": "European Commission", "Elysee": "Élysée", "IMF": "International Monetary Fund",
            "WHO": "World Health Organization", "WTO": "World Trade Organization", "ICC": "International Criminal Court",
            "IAEA": "International Atomic Energy Agency", "ECB": "European Central Bank", "Fed": "Federal Reserve",
            "ISW": "Institute for the Study of War", "Institute for Study of War": "Institute for the Study of War",
            "The New York Times": "New York Times", "The Washington Post": "Washington Post",
            "The Wall Street Journal": "Wall Street Journal", "Guardian": "The Guardian", "BBC News": "BBC",
            "Associated Press": "AP", "Agence France-Presse": "AFP", "Spiegel": "Der Spiegel",
            "Wagner Group": "Wagner", "State Duma": "Duma", "Labour Party": "Labour", "Democrats": "Democratic Party",
            "Republicans": "Republican Party", "Tories": "Conservative Party", "Conservatives": "Conservative Party",
            "Defense Ministry": "Defence Ministry", "Department of Justice": "Justice Department",
            "Oxford University": "University of Oxford", "Cambridge University": "University of Cambridge",
            "ISIS": "Islamic State", "Twitter": "X", "NATO's": "NATO",
        ]
        for (variant, canonical) in aliases { table[variant] = canonical }
        table["X"] = nil
        table["Twitter"] = nil
        return table
    }()

    /// Outlets whose names may appear as publisher signatures.
    static let outlets: [String: String] = [
        "sky news": "Sky News", "reuters": "Reuters", "thomson reuters": "Reuters", "al jazeera": "Al Jazeera",
        "bbc": "BBC", "bbc news": "BBC", "cnn": "CNN", "fox news": "Fox News", "the guardian": "The Guardian",
        "guardian": "The Guardian", "associated press": "AP", "ap": "AP", "afp": "AFP", "bloomberg": "Bloomberg",
        "euronews": "Euronews", "deutsche welle": "Deutsche Welle", "dw": "Deutsche Welle", "france 24": "France 24",
        "npr": "NPR", "politico": "Politico", "axios": "Axios", "nbc news": "NBC News", "cbs news": "CBS News",
        "abc news": "ABC News", "the independent": "The Independent", "the telegraph": "The Telegraph",
        "the times": "The Times", "financial times": "Financial Times", "the new york times": "New York Times",
        "new york times": "New York Times", "the washington post": "Washington Post",
        "washington post": "Washington Post", "kyiv independent": "Kyiv Independent", "the kyiv independent":
            "Kyiv Independent", "times of india": "Times of India", "hindustan times": "Hindustan Times",
        "ndtv": "NDTV", "cnbc": "CNBC", "the economist": "The Economist", "rfe/rl": "RFE/RL",
    ]

    /// Web domains of outlets, for JSON records that only carry `source_domain`.
    static let domains: [String: String] = [
        "reuters.com": "Reuters", "news.sky.com": "Sky News", "sky.com": "Sky News", "aljazeera.com": "Al Jazeera",
        "bbc.co.uk": "BBC", "bbc.com": "BBC", "cnn.com": "CNN", "foxnews.com": "Fox News",
        "theguardian.com": "The Guardian", "apnews.com": "AP", "bloomberg.com": "Bloomberg",
        "nytimes.com": "New York Times", "washingtonpost.com": "Washington Post", "euronews.com": "Euronews",
        "dw.com": "Deutsche Welle", "france24.com": "France 24", "npr.org": "NPR", "politico.com": "Politico",
        "politico.eu": "Politico", "axios.com": "Axios", "independent.co.uk": "The Independent",
        "telegraph.co.uk": "The Telegraph", "ft.com": "Financial Times", "kyivindependent.com": "Kyiv Independent",
        "cnbc.com": "CNBC", "nbcnews.com": "NBC News", "cbsnews.com": "CBS News", "abcnews.go.com": "ABC News",
    ]

    /// Words that end an organisation's name (`Defence Studies Department`).
    static let organisationHeads: Set<String> = [
        "Ministry", "Department", "University", "College", "Institute", "Party", "Council", "Commission", "Bank",
        "Agency", "Court", "Office", "Corporation", "Corp", "Inc", "Ltd", "Group", "Committee", "Union",
        "Organisation", "Organization", "Fund", "Association", "Foundation", "Academy", "Authority", "Service",
        "Services", "Board", "Federation", "Company", "Motors", "Airlines", "Bureau", "Police", "Army", "Navy",
        "Forces", "Guard", "Brigade", "Assembly", "Parliament", "Senate", "Cabinet", "Secretariat", "Society",
        "Alliance", "Coalition", "Network", "Times", "Post", "News", "Press", "Agency's", "Steel", "Energy",
        "Holdings", "Industries", "Systems", "Technologies", "Labs", "School", "Hospital", "Center", "Centre",
        "Prosecutor's", "Museum", "Trust", "Club", "FC", "Exchange",
    ]

    /// Titles and roles that may precede a name; they are not part of it.
    static let titles: Set<String> = [
        "President", "Vice", "Prime", "Minister", "Chancellor", "Secretary", "Mr", "Mr.", "Mrs", "Mrs.", "Ms",
        "Ms.", "Dr", "Dr.", "Sir", "Dame", "Lord", "Lady", "King", "Queen", "Prince", "Princess", "Pope", "Senator",
        "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor", "General", "Gen.", "Admiral", "Adm.",
        "Colonel", "Col.", "Captain", "Capt.", "Major", "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Chief", "Justice",
        "Judge", "Ambassador", "Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "Foreign", "Defence", "Defense",
        "Finance", "Interior", "Home", "Press", "Deputy", "Commissioner", "Director", "Chairman", "Chairwoman",
        "Chair", "Leader", "Speaker", "Commander", "Marshal", "Sheikh", "Emir", "Crown", "Archbishop", "Bishop",
        "Cardinal", "Rabbi", "Imam", "Professor", "Prof.", "Rechtsanwalt", "Rechtsanwältin", "Federal", "Supreme", "Head", "CEO", "Executive",
        "Officer", "Attorney", "District", "Special", "Senior", "Former", "Acting", "Interim", "First", "Prosecutor",
        "Premier", "Sultan", "Tsar", "Czar", "Patriarch", "Father", "Sister", "Brother", "Saint", "St", "Analyst",
        "Correspondent", "Editor", "Reporter", "Economy", "Trade", "Health", "Energy", "Security", "National",
        "Presidential", "Adviser", "Advisor", "Aide", "Counsel", "Minority", "Majority", "Whip", "Opposition",
        "State", "Affairs", "General's", "Economic", "Permanent", "Staff", "Military", "Intelligence",
        "Dmitriy", "Field", "Mister", "Madam", "Herr", "Frau", "Monsieur", "Madame", "Signor", "Señor",
    ]

    /// Lowercase words that announce a name right after them (`spokesman Dmitry Peskov`).
    static let roleNouns: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "envoy", "analyst", "correspondent", "journalist", "official",
        "researcher", "professor", "minister", "secretary", "judge", "chief", "leader", "president", "director",
        "editor", "reporter", "writer", "author", "lawyer", "colleague", "adviser", "advisor", "aide", "ambassador",
        "economist", "expert", "commander", "general", "chancellor", "senator", "governor", "mayor", "premier",
        "counterpart", "negotiator", "diplomat", "head", "candidate", "rival", "successor", "predecessor", "staff",
        "prosecutor", "attorney", "chairman", "chairwoman", "chair", "ceo", "founder", "owner", "investor",
        "scientist", "doctor", "activist", "lawmaker", "mp", "mep", "deputy", "columnist", "historian", "fellow",
        "strategist", "pollster", "officer", "soldier", "commissioner", "representative", "speaker", "host",
        "presenter", "pope", "king", "queen", "prince", "emir", "sheikh", "tycoon", "billionaire", "banker",
        "student", "teacher", "resident", "witness", "survivor", "victim", "father", "mother", "son", "daughter",
        "wife", "husband", "brother", "sister", "cousin", "partner", "executive", "manager", "coach", "player",
    ]

    /// Capitalised words that are never part of a person's name.
    static let notNames: Set<String> = [
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "And", "But", "Or", "If", "As", "After",
        "Before", "During", "While", "When", "Where", "What", "Why", "How", "Who", "Which", "This", "That", "These",
        "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your",
        "There", "Here", "Then", "Now", "Yet", "So", "Still", "Also", "Asked", "Speaking", "According", "Despite",
        "Meanwhile", "However", "Although", "Though", "Since", "Until", "Under", "Over", "With", "Without", "About",
        "Against", "Between", "Among", "Into", "Through", "Some", "Many", "Most", "All", "Both", "Each", "Every",
        "No", "Not", "Only", "Just", "Even", "More", "Less", "Other", "Another", "Such", "Known", "Below", "Above",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "News", "Live", "Breaking", "Summary", "Update", "Updated", "Published", "Read", "Watch", "Follow",
        "Photo", "File", "Video", "Reporting", "Editing", "Writing", "War", "World", "Cold", "Day", "Truth",
        "Social", "Holy", "God", "Christmas", "Easter", "Ramadan", "Eid", "English", "Russian", "Ukrainian",
        "European", "American", "British", "French", "German", "Italian", "Chinese", "Western", "Eastern",
        "Northern", "Southern", "Central", "North", "South", "East", "West", "Internet", "Covid", "Covid-19",
        "COVID-19", "Brexit", "Q&A", "Act", "Law", "Treaty", "Accord", "Agreement", "Plan", "Programme",
        "Program", "Initiative", "Summit", "Conference", "Forum", "Games", "Cup", "Olympics", "Prize", "Award",
        "Palace", "Square", "Street", "Road", "Avenue", "Airport", "Station",
        "Building", "Capitol", "Mall", "Instrument", "Action", "Security", "Standards",
        "Trust", "Principles", "Pages", "Page", "Minister", "Ministers", "Presidents", "Leaders", "Officials",
        "Congress", "Republic", "Kingdom", "Empire", "Federation", "Region", "Province", "Oblast", "County",
        "City", "State", "States", "Union", "Islands", "Island", "River", "Sea", "Ocean", "Mount", "Lake",
        "Gulf", "Bay", "Coast", "Valley", "Desert", "Strait", "Canal", "Ceasefire", "Peace", "Talks", "Trade",
        "Tariff", "Tariffs", "Budget", "Election", "Elections", "Vote", "Referendum", "Democrat", "Republican",
        "Democrats", "Republicans", "Labour", "Tory", "Conservative", "Liberal", "Green", "Greens", "Socialist",
        "Communist", "Mr", "Mrs", "Ms", "Dr", "Sir", "Today", "Tonight", "Yesterday", "Tomorrow", "Earlier",
        "Later", "Last", "Next", "First", "Second", "Third", "One", "Two", "Three", "Four", "Five", "Ten",
        "Contact", "Our", "Thomson", "Get", "Install", "Download", "Sign", "Subscribe", "Share", "Click",
        "Please", "Related", "Advertisement", "Sponsored", "Newly", "Together", "Every", "Unless", "Besides",
        "Shortly", "Recent", "Separately", "Instead", "Likewise", "Ahead", "Following", "Having", "Being",
        "Let", "Let's", "Oh", "Yes", "Well", "OK", "Okay", "Thank", "Thanks", "Dear", "Hello", "Look", "Join",
        "Standard", "Time", "Times", "Post", "Office", "House", "Department", "Ministry", "Agency", "Council",
        "Commission", "Court", "Party", "Army", "Navy", "Police", "Forces", "Group", "Bank", "Fund",
        "Institute", "University", "College", "School", "Academy", "Company", "Committee", "Brigade",
    ]

    /// Nationality adjectives; they prefix titles (`Russian President`), never names.
    static let demonyms: Set<String> = [
        "American", "US", "U.S.", "British", "UK", "Russian", "Ukrainian", "French", "German", "Italian",
        "Spanish", "Portuguese", "Polish", "Dutch", "Belgian", "Swiss", "Austrian", "Hungarian", "Czech",
        "Slovak", "Romanian", "Bulgarian", "Greek", "Turkish", "Finnish", "Swedish", "Norwegian", "Danish",
        "Estonian", "Latvian", "Lithuanian", "Irish", "Scottish", "Welsh", "English", "Canadian", "Mexican",
        "Brazilian", "Argentine", "Argentinian", "Chilean", "Colombian", "Venezuelan", "Cuban", "Chinese",
        "Japanese", "Korean", "Indian", "Pakistani", "Afghan", "Iranian", "Iraqi", "Syrian", "Israeli",
        "Palestinian", "Lebanese", "Jordanian", "Egyptian", "Saudi", "Emirati", "Qatari", "Turkish", "Nigerian",
        "Kenyan", "Ethiopian", "South African", "Australian", "Indonesian", "Malaysian", "Filipino", "Thai",
        "Vietnamese", "Belarusian", "Georgian", "Armenian", "Azerbaijani", "Kazakh", "Serbian", "Croatian",
        "Bosnian", "Albanian", "Moldovan", "European", "EU", "Western", "NATO", "Slovenian", "Icelandic",
        "Taiwanese", "Mongolian", "Moroccan", "Algerian", "Tunisian", "Libyan", "Sudanese", "Somali", "Ghanaian",
        "Senegalese", "Congolese", "Zimbabwean", "Peruvian", "Bolivian", "Ecuadorian", "Uruguayan",
        "Paraguayan", "New Zealand", "Kremlin", "White", "Soviet", "Chechen", "Crimean",
    ]

    /// Common first names across languages; a capitalised pair starting with one is a person.
    static let firstNames: Set<String> = Set(
        """
        Aaron Abdul Abdullah Adam Adrian Ahmed Ahmad Alan Albert Alberto Alejandro Aleksandr Aleksei Alex \
        Alexander Alexandra Alexei Alexey Ali Alice Alicia Alina Alison Amanda Amir Amy Ana Anastasia Anatoly \
        Andrea Andreas Andrei Andrew Andrey Andriy Andrzej Angela Angelina Ann Anna Anne Annalena Anthony Antonio \
        Antony Anton Arkady Arnold Arthur Ashley Barack Barbara Ben Benjamin Bernard Bernie Beth Bill Bob Boris \
        Brian Bruce Carl Carlos Carol Caroline Catherine Charles Charlie Charlotte Chen Chris Christian Christina \
        Christine Christopher Claire Claudia Colin Daniel Daniela Danielle Dan Dave David Denis Dennis Diana \
        Dmitri Dmitriy Dmitro Dmitry Dmytro Donald Doug Douglas Ed Edward Elena Elizabeth Ella Ellen Elon Emily \
        Emma Emmanuel Eric Erik Ethan Eva Evgeny Fatima Felix Fernando Francesca Francesco Francis Francois \
        François Frank Franz Fred Frederick Friedrich Gabriel Gary Gavin Geert Gennady George Georgia Gerald \
        Gerhard Giorgia Giorgio Giovanni Giulia Giuseppe Gordon Grace Greg Gregory Hakan Hamid Hannah Hans Harry \
        Hassan Heather Heinz Helen Helmut Henry Hillary Hiroshi Hugh Hunter Hussein Ian Igor Ihor Ilya Ines Irina \
        Iryna Isaac Ivan Jack Jacob Jake James Jamie Jan Jane Janet Jared Jason Javier Jean Jeff Jeffrey Jennifer \
        Jeremy Jerome Jess Jessica Jim Jimmy Joachim Joan Joanna Joe Johann Johannes John Jon Jonathan Jordan \
        Jorge Jose José Josef Joseph Josh Joshua Juan Judith Julia Julian Julie Justin Kamala Karen Karl Karoline \
        Kate Katherine Kathleen Katie Kay Keir Keith Kelly Ken Kenneth Kevin Kim Kiril Kirill Klaus Kristi Kylie \
        Lara Larry Laura Lauren Lee Leo Leon Leonid Lily Linda Lindsey Lisa Liz Louis Louise Luca Lucy Luis Luke \
        Lyudmila Magdalena Maria Marie Marina Mario Mark Marco Marcos Margaret Maria Marine Mark Martin Mary \
        Maryna Mateusz Matt Matteo Matthew Max Maxim Megan Mehmet Melania Melissa Mette Michael Michel Michelle \
        Miguel Mike Mikhail Mohammad Mohammed Muhammad Mykola Nancy Naomi Natalia Natalie Nathan Neil Nick Nicola \
        Nicolas Nigel Nikita Nikolai Nina Noah Oleg Oleksandr Oleksiy Olaf Olga Oliver Olivia Olivier Omar Oscar \
        Paolo Patrick Paul Paula Pavel Pedro Pete Peter Petro Petr Philip Philippe Pierre Rachel Rafael Ralph \
        Ramzan Rashid Ravi Rebecca Recep Richard Rishi Rob Robert Roberto Robin Roger Roman Ron Ronald Rosa Ruslan \
        Ruth Ryan Sadiq Sam Samantha Samuel Sandra Sara Sarah Scott Sean Serge Sergei Sergey Sergiy Serhiy Shinzo \
        Simon Sophie Stefan Stefano Stephen Steve Steven Susan Svetlana Tamara Taras Ted Teresa Thomas Tim Timothy \
        Tom Tony Tulsi Ulrich Ursula Valentina Valery Vanessa Vasyl Viktor Viktoria Victor Victoria Vincent \
        Vitali Vitaly Vivek Vladimir Vladislav Volodymyr Walter Wang William Wolfgang Xi Yana Yevgeny Yulia Yuri \
        Yuriy Yury Zhang Zoe Emmanuelle Farouq Chinedu Pavlo Kaja Antonio Pedro Narendra Benjamin Jens Mark \
        Ahmed Abdel Mahmoud Joko Luiz Javier Gustavo Claudia Jair Cyril Bola Abiy Paul William Luiz Marine \
        Kemi Rachel Yvette Angela Kristalina Ngozi Christine Jerome Janet Gina Hakeem Chuck Mitch Nancy Kevin \
        Ilhan Alexandria Pete Marjorie Matt Lindsey Kash Tulsi Pam Kristi Howard Scott Doug Sean Linda Brooke
        """.split(separator: " ").map(String.init)
    )

    /// First names a byline's name may open with: `firstNames` and more given names common in the
    /// languages of the pages newsd reads (German, English, French, Spanish, Italian, Dutch). Only
    /// bylines ask it (a name beside a date, in an author's box): entity recognition keeps
    /// `firstNames`. No word that is as often a place, a brand, a common word or a month (`Florence`,
    /// `Brandon`, `Mercedes`, `Amber`, `April`).
    static let bylineFirstNames: Set<String> = firstNames.union(
        """
        Achim Alexa Alois Anja Anke Annette Antje Armin Axel Benedikt Bernd Bettina Birgit Björn Brigitte Burkhard \
        Carina Carola Carolin Christa Christiane Christoph Christof Clemens Cornelia Dagmar Detlef Dieter Dirk \
        Dominik Doris Elke Erich Ernst Erwin Fabian Florian Franziska Gabi Gabriele Georg Gerd Gisela Gudrun \
        Günter Günther Hannes Harald Hartmut Heidi Heike Heiko Heiner Heinrich Helga Herbert Hermann Holger Horst \
        Hubert Ingo Ingrid Jakob Jana Janina Jasmin Jochen Johanna Jonas Jörg Jürgen Jutta Kai Karin Karsten \
        Katharina Kathrin Katrin Kerstin Kilian Kirsten Konrad Kurt Lars Lena Lothar Lukas Lutz Manfred Manuela \
        Marc Marcel Marcus Mareike Maren Marion Markus Martina Matthias Maximilian Melanie Miriam Monika Moritz \
        Nadine Nicole Niklas Nils Norbert Petra Philipp Rainer Ralf Reinhard Renate Rolf Rüdiger Sabine Sascha \
        Sebastian Silke Simone Sonja Stefanie Steffen Stephan Stephanie Susanne Sven Svenja Tanja Thilo Thorsten \
        Tobias Torsten Udo Ulf Ulrike Ute Uwe Verena Volker Werner Wiebke Wilhelm \
        Abigail Allison Andy Anderson Angie Becky Bradley Brenda Brett Brittany Caitlin Cameron Carla \
        Carrie Cheryl Chloe Cindy Cody Connor Courtney Craig Cynthia Dana Darren Deborah Debbie Derek Devin Donna \
        Dylan Erica Erin Evan Glenn Hayley Holly Jacqueline Jenna Jenny Jill Joel Jenifer Kara Katy Kayla Kelsey \
        Kristen Kyle Leah Lori Lucas Madeline Marcia Marissa Meghan Melinda Mia Molly Nathaniel Nicholas Patricia \
        Phil Phillip Randy Rick Rita Russell Sally Seth Shannon Sharon Shawn Stacy Stuart Tara Tiffany Todd \
        Tracy Travis Trevor Tyler Wendy Zach Zachary \
        Antoine Aurélie Baptiste Camille Céline Chantal Christophe Claude Clément Delphine Didier Émilie Étienne \
        Fabien Françoise Frédéric Guillaume Hélène Isabelle Jacques Jérôme Julien Laurent Loïc Lucie Mathieu \
        Maxime Nathalie Pascal Patrice Quentin Raphaël Romain Sébastien Stéphane Sylvie Thierry Valérie Véronique \
        Xavier Yves Alejandra Alessandro Alessandra Andrés Beatriz Carmen Chiara Cristina Davide Diego Eduardo \
        Enrique Fabio Federico Federica Francisco Gabriela Gianluca Guillermo Ignacio Lorenzo Lucía Manuel Marcela \
        Mariano Marta Massimo Matías Nicolás Pablo Paola Riccardo Roberta Rodrigo Sergio Silvia Valeria Vicente \
        Jeroen Joost Pieter Sanne Wouter Willem Hendrik Marieke Femke \
        Amelie Tina Uta Nadja Swantje Bärbel Frauke Gesa Hanna Insa Jannik Lea Leonie Malte Mirko Ole Pia Timo \
        Tilman Ulla Yvonne Anett Antonia Carsten Claas Detlev Eckhard Friederike Gregor Hauke Henning Ilka \
        Imke Inga Jörn Knut Lennart Mathias Meike Merle Nele Sönke Annika Benno Dörte Elmar Gunnar Hajo Ivonne \
        Marlene Reinhold Roland Theresa Volkmar Waltraud Anabel Bruno André Carlo Dario Emanuele Enrico \
        Fabrizio Filippo Giacomo Gianni Ilaria Leonardo Luigi Mattia Michela Monica Pietro Salvatore Simona \
        Tommaso Vittorio Alessio Antonella Alexandre Amélie Anaïs Benoît Bertrand Cécile Damien Dominique Éric \
        Gaëlle Gilles Hervé Henri Jérémy Jean-Pierre Jean-Claude Jean-Marc Jean-Luc Jean-François Jeanne \
        Joëlle Laure Laurence Léa Martine Mathilde Morgane Murielle Pauline Pierre-Yves Renaud Sandrine Solène \
        Thibault Thibaut Virginie Yannick Arnaud Aurélien Bérénice Corinne Fanny César Luisa Mónica Raúl \
        Ricardo Rocío Sofía Verónica Agustín Alfonso Catalina Cecilia Esteban Facundo Fernanda Gonzalo Inés \
        Joaquín Julieta Leandro Mariana Martín Mateo Nahuel Óscar Patricio Ramiro Rubén Tomás Valentín Ximena \
        João Paulo Renata Thiago Tiago Vinícius Luana Bruna Camila Felipe Larissa Letícia Marcelo Sérgio Vitor \
        Raphael Eleanor Gillian Corey Alissa Arielle Kelli Pamela Abby Alexis Annie Audrey Bethany Bianca \
        Chelsea Ciara Declan Desmond Eamon Elliot Eliza Fiona Freddie Gareth Gemma Harriet Imogen Isobel \
        Jessie Jocelyn Juliet Kirsty Lindsay Maeve Natasha Niamh Owen Penelope Rhys Rory Rosie Siobhan Tessa \
        Toby Whitney Alyssa Brianna Clint Dustin Garrett Kendra Kristin Kristina Lacey Mallory Marcy Meredith \
        Nolan Paige Tori Tariq Arun Nikhil Pooja Ajay Rahul Anil Sunil Sanjay Vijay Rajesh Ramesh Suresh \
        Deepak Amit Anjali Neha Rohit Sandeep Shreya Vikram Aditya Akshay Arjun Karan Manish Nisha Pradeep \
        Prakash Rakesh Yusuf Khaled Karim Layla Leila Mustafa Nadia Rania Samir Tarek Yasmin Michiel Bart Bram \
        Daan Joris Koen Lotte Maarten Niels Ruud Sander Sjoerd Thijs Mattias Anders Astrid Gustav Johan Magnus \
        Mikael Pernilla Ulrika Nataliya Natalya Olena Oksana Tetiana Yuliya Agnieszka Katarzyna Małgorzata \
        Piotr Tomasz Wojciech Krzysztof Marek Jarosław Paweł Jakub Tomáš Jiří Lukáš Zuzana
        """.split(separator: " ").map(String.init)
    )
}
