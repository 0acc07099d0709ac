#!/usr/bin/env python3
"""gen-corpus.py -- newsd's own test corpus: synthetic news articles and the truth about them.

    gen-corpus.py --out DIR --count N [--seed S] [--malformed-fraction F] [--dup-fraction F]
                  [--near-dup-fraction F] [--append-fraction F --appends DIR] [--huge-mb M | --no-huge]
                  [--manifest PATH] [--atomic] [--quiet]

Writes N files into DIR and one JSON line per file into the manifest (default DIR/manifest.jsonl;
pass --manifest to keep it out of a watched inbox). Python 3 standard library only.

Deterministic: every file draws from its own generator seeded by (seed, index), so the same
arguments give byte-identical files and manifest, and without malformed files, duplicates or
appends the first K files of `--count N` are the files of `--count K`.

The articles imitate the pages in seeds/: a title line, sometimes a dateline and a byline,
one paragraph per line, boilerplate at the end. Five layouts:
  live       a standfirst title, `Monday 19 May 2025 17:13, UK`, often `By Name, role`, short
             paragraphs, question subheadings, an app-promotion footer naming the outlet
  wire       a long lede as title, no dateline, rarely a byline
  explainer  a lede, sometimes `Published 19 May 2025 at 21:52 IST`, question subheadings
  updated    `Updated 19 May 2025 at 21:52 IST` first, then the title; a trailing `Published …`
  summary    an optional headline, `Summary`, `- ` bullets (the first is the title when there is
             no headline), a photo caption, upper-case section names, a trust footer
All people, towns and outlets in the text are made up.

Manifest fields (one object per file, in file order):
  file      the file name in DIR
  kind      article | dup | neardup | malformed
  subkind   malformed only: empty, whitespace, binary, nul_bytes, invalid_utf8, truncated_utf8,
            latin1, cp1252, utf16le_bom, utf16be_bom, utf16_nobom, utf8_bom, crlf, single_line,
            broken_json (a .json file), broken_front_matter (a .md file), huge
  expect    article     an article must come out, with the fields below
            none        nothing to ingest (no article, no failure needed)
            quarantine  the file must be refused with a reason
            either      an article or a refusal with a reason are both right (fields not promised)
  layout, title, date (ISO 8601 with the dateline's offset, or null), dateline, byline,
  author (the byline's first name, or null), source (the outlet a footer names, or null)
  dup_of    dup and neardup: the file this one copies
  edits     neardup: what changed (add_para, drop_para, words, number, footer, header)
  append    articles written in two steps: the bytes that --appends DIR/<file> adds later
  bytes, sha256   of the file as written in DIR

With --malformed-fraction, the first malformed files are one of each subkind (the huge one first,
unless --no-huge), the rest drawn at random.

Truth conventions: the title is the first non-blank line once datelines and a `Summary` line
are skipped, without a leading `- `; the date is the dateline's moment (UK by British summer
time, IST +05:30, GMT, BST, EST/EDT); the author is the first name of the `By …` line under the
title. Header lines are never damaged by the malformed classes that keep an article.
"""
import argparse
import datetime
import hashlib
import json
import math
import os
import random
import sys

# ---------------------------------------------------------------------------------------- words
GIVEN = """Alice Amira Anouk Beatriz Bronwen Carys Dalia Edda Elin Farida Greta Hana Ilse Imogen Jolanda
Kaori Leonie Lidia Mairead Malin Nadine Noemi Oksana Petra Ruth Saoirse Sigrid Tamsin Una Vera Wanjiru
Yara Zuzana Aurelio Bastian Callum Dariusz Eamon Florin Gideon Hamish Ignacio Jasper Kasimir Leopold
Matthias Niall Osric Pascal Quentin Radu Stellan Tobias Ulrich Valdemar Wendell Xavier Yusuf Zoltan
Adebayo Chidi Femi Kwabena Seun Hiroki Ren Sora Haruto Minh Anh Tuan Rohan Dev Ishaan Nikhil Omid
Reza Farhad Selin Deniz Cem Ayla Teodor Bogdan Mirela Ilinca Søren Ægir Émile Zoë Inès Łucja""".split()
SURNAME_PARTS = ("Ash Birch Brook Cald Cran Dun El Fair Glen Hart Holl Kings Lang Marsh Nor Oak Pen "
                 "Quill Rad Ross Shaw Stan Thorn Ush Vale Wick Yar").split()
SURNAME_ENDS = ("ford wood well ton by croft ley mere wick stone field worth ridge more hurst bury "
                "combe den").split()
SURNAMES = ("Abernathy Bellweather Castellanos Dragomir Eriksdottir Fonseca Gallagher Haverkamp "
            "Iwasaki Jankowski Kowalewska Lindgren Mbatha Nakashima Okonkwo Papadakis Quintero Rautio "
            "Szabo Tanaka-Ruiz Uchenna Vasquez Weatherby Xuereb Yamaguchi Zielinski Ó Ceallaigh "
            "Müller-Brandt Ferreira Søndergaard Ilunga Achterberg Bianchetti Demirci Halvorsen").split()
SYLLABLES = "ka lo mi ra te vo su ni be da go fe lu po ze ri ta no ve sa".split()
TOWN_ENDS = "vale ford holm by port stead wick dal ovo ena ica mouth grad stadt".split()
COUNTRIES = [
    ("Ukraine", "Ukrainian"), ("Russia", "Russian"), ("France", "French"), ("Germany", "German"),
    ("Poland", "Polish"), ("Italy", "Italian"), ("Spain", "Spanish"), ("Japan", "Japanese"),
    ("India", "Indian"), ("Brazil", "Brazilian"), ("Kenya", "Kenyan"), ("Canada", "Canadian"),
    ("Norway", "Norwegian"), ("Turkiye", "Turkish"), ("Egypt", "Egyptian"), ("Mexico", "Mexican"),
    ("Finland", "Finnish"), ("Greece", "Greek"), ("Chile", "Chilean"), ("Vietnam", "Vietnamese"),
]
CITIES = ("Kyiv Moscow Paris Berlin Warsaw Rome Madrid Tokyo Delhi Brasilia Nairobi Ottawa Oslo Ankara "
          "Cairo Helsinki Athens Geneva Vienna Istanbul Lisbon Prague Dublin Riga").split()
OUTLETS = ["Harbour Herald", "Northgate Post", "Meridian Daily", "Evening Ledger", "Coastline News",
           "Capital Wire", "Lantern Times", "Summit Report"]
ROLES = ["political correspondent", "Europe editor", "security analyst", "economics reporter",
         "diplomatic correspondent", "live reporter", "chief correspondent", "energy editor",
         "Asia correspondent", "health reporter"]
OFFICES = ["president", "foreign minister", "finance minister", "defence minister",
           "energy minister", "chancellor", "trade commissioner"]
INSTITUTIONS = ["the Institute for Regional Studies", "the Centre for Maritime Policy",
                "Eastbrook University", "the Halden Foundation", "the Council on Trade Routes"]
TOPICS = {
    "diplomacy": ["a ceasefire", "a prisoner exchange", "direct talks", "a border agreement",
                  "security guarantees", "a truce on energy sites"],
    "economy": ["interest rates", "a trade deal", "new tariffs", "the budget", "a bond sale",
                "fuel subsidies"],
    "climate": ["flood defences", "an emissions target", "a heat warning", "a coal phase-out",
                "drought relief", "a carbon levy"],
    "health": ["a vaccine rollout", "hospital waiting lists", "a measles outbreak", "drug prices",
               "a staffing plan", "a screening programme"],
    "tech": ["a data law", "chip exports", "an outage", "a satellite launch", "a privacy ruling",
             "an antitrust case"],
}
THEMES = list(TOPICS)
THEME_WEIGHTS = [28, 22, 18, 16, 16]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# Sentences in a news voice. {P} and {Q} are people, {P2} a surname, {C}/{D} countries, {A} an
# adjective of nationality, {X} a city, {T} a town, {TOPIC} the story's subject, {N} a number,
# {DAY} a weekday, {O} an office, {I} an institution. Quotes use «» and are rendered per file.
SENTENCES = [
    "Officials in {X} said on {DAY} that {TOPIC} was still under discussion.",
    "The {A} government has not commented on the reports.",
    "{P}, the {A} {O}, said the plan would be reviewed within {N} days.",
    "«We are not going to rush this», {P2} told reporters in {X}.",
    "«Nothing is agreed until everything is agreed», said {Q}, a spokesperson for the ministry.",
    "Talks on {TOPIC} began in {X} last week and are expected to resume on {DAY}.",
    "At least {N} people were affected in {T}, according to local officials.",
    "The proposal would cost about {N} million euros over five years.",
    "Critics said the timetable was unrealistic and left too many questions open.",
    "{C} and {D} have held {N} rounds of talks since the spring.",
    "Analysts at {I} said the decision could shift the balance in the region.",
    "«This is a serious moment for all of us», {P2} said in a statement.",
    "{Q}, who leads the opposition, called the move «a step in the wrong direction».",
    "A vote in parliament is scheduled for {DAY}, two weeks later than first planned.",
    "The office of the {O} declined to give further details.",
    "Residents of {T} gathered outside the town hall on {DAY} evening.",
    "The figures published on {DAY} showed a rise of {N} per cent on the previous year.",
    "Several ministers are due to meet in {X} before the end of the month.",
    "{P2} has repeatedly said that {TOPIC} must come before any wider settlement.",
    "Markets in {X} moved little after the announcement.",
    "«We want results, not more meetings», {Q} said.",
    "A senior official said the two sides remained far apart on the details.",
    "The agreement, if signed, would be the first of its kind since {YEAR}.",
    "{A} media reported that the meeting lasted more than {N} minutes.",
    "Emergency services in {T} said they had answered {N} calls overnight.",
    "By the end of the week, the committee is expected to publish its findings.",
    "Negotiators from {C} arrived in {X} on {DAY} morning.",
    "The ministry said it would set out a timetable for {TOPIC} next month.",
    "{P} said the government would «listen carefully» to the concerns raised.",
    "In a separate development, officials in {D} announced new measures on {TOPIC}.",
    "Polls suggest that most voters support the plan, though the margin is narrow.",
    "The last comparable agreement collapsed after {N} months.",
    "The {O} is expected to address parliament on {DAY}.",
]
# Sentences only stories of one theme use, so that a theme's words are not in every article.
THEME_SENTENCES = {
    "diplomacy": ["Calls for a ceasefire grew louder in {X} after the latest attacks on {T}.",
                  "Both delegations said a ceasefire would have to be monitored from the air.",
                  "Envoys from {C} and {D} met for {N} minutes at a hotel outside {X}.",
                  "The embassy in {X} said it had received no formal request."],
    "economy": ["Inflation eased to {N} per cent last month, the statistics office said.",
                "Exporters warned that new tariffs would hit small firms first.",
                "The central bank in {X} left its main rate unchanged.",
                "Bond yields rose after the figures were published on {DAY}."],
    "climate": ["Rivers near {T} rose by {N} centimetres overnight.",
                "Farmers in {D} said the dry spell had cut yields by a third.",
                "The weather service issued an amber warning for the coast."],
    "health": ["Hospitals in {X} reported {N} new admissions on {DAY}.",
               "Nurses' unions said the plan did not address staffing.",
               "The health agency said the risk to the public remained low."],
    "tech": ["The regulator in {X} said it would publish its ruling within {N} days.",
             "Engineers restored most services after a {N}-minute outage.",
             "The company said no customer data had been exposed."],
}
SUBHEADINGS = ["What happened?", "What was agreed?", "Who is involved?", "What happens next?",
               "Why does it matter?", "What did the critics say?", "How did markets react?"]
SECTION_NAMES = ["THE TALKS", "REACTION", "BACKGROUND", "THE NUMBERS", "WHAT COMES NEXT"]
BY_NOW = "By now, officials in {X} have heard every version of the argument."
QUOTE_STYLES = {"curly": ("“", "”"), "straight": ('"', '"'), "low9": ("„", "“")}
LAYOUTS = ["live", "wire", "explainer", "updated", "summary"]
LAYOUT_WEIGHTS = [25, 27, 18, 15, 15]

MALFORMED = ["empty", "whitespace", "binary", "nul_bytes", "invalid_utf8", "truncated_utf8", "latin1",
             "cp1252", "utf16le_bom", "utf16be_bom", "utf16_nobom", "utf8_bom", "crlf", "single_line",
             "broken_json", "broken_front_matter"]
MALFORMED_WEIGHTS = [6, 4, 10, 6, 10, 6, 8, 6, 5, 3, 3, 8, 10, 4, 6, 5]
EXPECT = {"empty": "none", "whitespace": "none", "binary": "quarantine", "nul_bytes": "quarantine",
          "broken_json": "quarantine", "utf16_nobom": "either", "broken_front_matter": "either",
          "single_line": "either", "huge": "either"}
# What survives in Latin-1 / Windows-1252 (header truth is re-encoded the same way).
NARROW = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "€": "EUR"}


# ---------------------------------------------------------------------------------------- helpers
def rng_for(seed, tag, index):
    """A generator of its own for (seed, tag, index): files do not depend on each other."""
    digest = hashlib.blake2b(f"{seed}/{tag}/{index}".encode(), digest_size=8).digest()
    return random.Random(int.from_bytes(digest, "big"))


def uk_offset(moment):
    """Minutes east of UTC for a UK wall-clock time: BST from the last Sunday of March to the last of October."""
    def last_sunday(year, month):
        day = datetime.date(year, month, 31)
        return day - datetime.timedelta(days=(day.weekday() + 1) % 7)
    return 60 if last_sunday(moment.year, 3) <= moment.date() < last_sunday(moment.year, 10) else 0


def us_eastern_offset(moment):
    """Minutes east of UTC in New York: EDT from the second Sunday of March to the first of November."""
    march = datetime.date(moment.year, 3, 1)
    start = march + datetime.timedelta(days=(6 - march.weekday()) % 7 + 7)
    november = datetime.date(moment.year, 11, 1)
    end = november + datetime.timedelta(days=(6 - november.weekday()) % 7)
    return -240 if start <= moment.date() < end else -300


def iso(moment, offset):
    sign = "+" if offset >= 0 else "-"
    return moment.strftime("%Y-%m-%dT%H:%M:00") + "%s%02d:%02d" % (sign, abs(offset) // 60, abs(offset) % 60)


def person(r):
    given = r.choice(GIVEN)
    if r.random() < 0.5:
        family = r.choice(SURNAMES)
    else:
        family = r.choice(SURNAME_PARTS) + r.choice(SURNAME_ENDS)
    return given + " " + family


def town(r):
    return "".join(r.choice(SYLLABLES) for _ in range(r.randint(1, 2))).capitalize() + r.choice(TOWN_ENDS)


class Story:
    """The cast and subject of one article, and a sentence maker over them."""

    def __init__(self, r):
        self.r = r
        self.theme = r.choices(THEMES, THEME_WEIGHTS)[0]
        self.topic = r.choice(TOPICS[self.theme])
        (self.c, self.a), (self.d, _) = r.sample(COUNTRIES, 2)
        self.people = [person(r) for _ in range(4)]
        # one office per story: "prime minister" stays in about a tenth of the articles
        self.office = "prime minister" if r.random() < 0.1 else r.choice(OFFICES)

    def fill(self, template):
        r = self.r
        p, q = r.sample(self.people, 2)
        values = {"P": p, "Q": q, "P2": p.split(" ", 1)[1], "C": self.c, "D": self.d, "A": self.a,
                  "X": r.choice(CITIES), "T": town(r), "TOPIC": self.topic, "N": str(r.randint(2, 90)),
                  "DAY": r.choice(WEEKDAYS), "O": self.office, "I": r.choice(INSTITUTIONS),
                  "YEAR": str(r.randint(1995, 2020))}
        text = template.format(**values)
        return text[0].upper() + text[1:]

    def paragraph(self, sentences):
        r = self.r
        return " ".join(self.fill(r.choice(THEME_SENTENCES[self.theme] if r.random() < 0.2 else SENTENCES))
                        for _ in range(sentences))


def quoted(line, style):
    opening, closing = QUOTE_STYLES[style]
    return line.replace("«", opening).replace("»", closing)


# ---------------------------------------------------------------------------------------- articles
def build_article(seed, index):
    """One article as lists of header, body and footer lines, with its truth."""
    r = rng_for(seed, "article", index)
    story = Story(r)
    layout = r.choices(LAYOUTS, LAYOUT_WEIGHTS)[0]
    style = r.choices(["curly", "straight", "low9"], [70, 20, 10])[0]
    moment = datetime.datetime(2024, 1, 1) + datetime.timedelta(minutes=r.randrange(0, 2 * 365 * 1440))
    if moment.hour < 4:  # keep clear of the hours that clock changes skip or repeat
        moment += datetime.timedelta(hours=6)
    truth = {"layout": layout, "title": None, "date": None, "dateline": None, "byline": None,
             "author": None, "source": None}

    lead = story.people[0]
    if layout == "live":
        title = "%s and %s trade warnings over %s. Follow the latest below." % (
            lead, story.people[1], story.topic)
    elif layout == "summary":
        title = "%s says talks on %s will continue" % (lead, story.topic)
    else:
        title = "%s officials and %s held talks on %s in %s on %s, according to people familiar with the meeting." % (
            story.a, lead, story.topic, r.choice(CITIES), WEEKDAYS[moment.weekday()])

    dateline = date = None
    if layout == "live" and r.random() < 0.95:
        dateline = "%s %d %s %d %02d:%02d, UK" % (WEEKDAYS[moment.weekday()], moment.day,
                                                 MONTHS[moment.month - 1], moment.year, moment.hour, moment.minute)
        date = iso(moment, uk_offset(moment))
    elif layout == "updated" or (layout == "explainer" and r.random() < 0.35):
        zone = r.choices(["IST", "UK", "US"], [50, 25, 25])[0]
        if zone == "IST":
            offset = 330
        elif zone == "UK":
            offset = uk_offset(moment)
            zone = "BST" if offset else "GMT"
        else:
            offset = us_eastern_offset(moment)
            zone = "EDT" if offset == -240 else "EST"
        word = "Updated" if layout == "updated" and r.random() < 0.8 else "Published"
        dateline = "%s %d %s %d at %02d:%02d %s" % (word, moment.day, MONTHS[moment.month - 1], moment.year,
                                                    moment.hour, moment.minute, zone)
        date = iso(moment, offset)

    byline = author = None
    if r.random() < {"live": 0.7, "wire": 0.15, "explainer": 0.3, "updated": 0.25, "summary": 0.2}[layout]:
        author = person(r)
        shape = r.random()
        if shape < 0.7:
            byline = "By %s, %s" % (author, r.choice(ROLES))
        elif shape < 0.85:
            byline = "By " + author
        else:
            byline = "By %s and %s" % (author, person(r))

    header, body, footer = [], [], []
    if layout == "updated":
        header += [dateline, title] + ([byline] if byline else [])
    elif layout == "summary":
        bullets = ["%s says talks on %s will continue" % (lead, story.topic),
                   "Meeting in %s lasted %d minutes" % (r.choice(CITIES), r.randint(30, 180)),
                   "%s to announce its position on %s" % (story.d, story.topic),
                   "%d people affected in %s, officials say" % (r.randint(3, 400), town(r))]
        if r.random() < 0.7:
            title = "%s and %s discuss %s" % (story.c, story.d, story.topic)
            header.append(title)
        header.append("Summary")
        header += ["- " + b for b in bullets[:r.randint(3, 4)]]
        if byline:
            header.append(byline)
        header.append("Delegates arrive for talks in %s. REUTERS/%s" % (r.choice(CITIES), person(r)))
    else:
        header.append(title)
        if dateline:
            header.append(dateline)
        if byline:
            header.append(byline)

    size = int(min(60000, max(500, r.lognormvariate(math.log(3400), 0.7))))
    if r.random() < 0.005:
        size = r.randint(30000, 150000)  # the long live blog
    used, since_heading = 0, 0
    if layout == "live" and r.random() < 0.2:
        body.append(story.fill(BY_NOW))
    while used < size:
        x = r.random()
        if layout in ("live", "explainer") and since_heading > 4 and x < 0.15:
            line = r.choice(SUBHEADINGS)
            since_heading = 0
        elif layout == "summary" and since_heading > 4 and x < 0.12:
            line = r.choice(SECTION_NAMES)
            since_heading = 0
        else:
            line = story.paragraph(1 if layout in ("live", "summary") else r.randint(1, 3))
            since_heading += 1
        body.append(line)
        used += len(line) + 1

    if layout == "live" and r.random() < 0.8:
        truth["source"] = r.choice(OUTLETS)
        footer += ["Be the first to get breaking news", "Install the %s app for free" % truth["source"]]
    elif layout == "updated" and dateline and r.random() < 0.7:
        earlier = moment - datetime.timedelta(minutes=r.choice([0, 10, 45, 120]))
        footer.append("Published %d %s %d at %02d:%02d %s" % (earlier.day, MONTHS[earlier.month - 1], earlier.year,
                                                              earlier.hour, earlier.minute, dateline.rsplit(" ", 1)[1]))
    elif layout == "summary":
        footer.append("Our Standards: The Thomson Reuters Trust Principles.")
        truth["source"] = "Reuters"

    header = [quoted(l, style) for l in header]
    body = [quoted(l, style) for l in body]
    footer = [quoted(l, style) for l in footer]
    truth.update(title=quoted(title, style), date=date, dateline=dateline, byline=byline, author=author)
    return {"header": header, "body": body, "footer": footer, "truth": truth, "story": story, "style": style,
            "moment": moment, "r": r}


def render(header, body, footer):
    return "\n".join(header + body + footer) + "\n"


def near_duplicate(seed, index, art):
    """The same story lightly edited; returns its text, truth and the edits made."""
    r = rng_for(seed, "near", index)
    header, body, footer = list(art["header"]), list(art["body"]), list(art["footer"])
    truth = dict(art["truth"])
    edits = []
    for edit in r.sample(["add_para", "drop_para", "words", "number", "footer", "header"], r.randint(1, 3)):
        if edit == "add_para":
            art["story"].r = r
            body.insert(r.randrange(len(body) + 1), quoted(art["story"].paragraph(1), art["style"]))
        elif edit == "drop_para" and len(body) > 3:
            del body[r.randrange(len(body))]
        elif edit == "words" and body:
            k = r.randrange(len(body))
            body[k] = body[k].replace(" said ", " told reporters ", 1).replace(" the ", " a ", 1)
        elif edit == "number":
            k = r.randrange(len(body)) if body else None
            if k is None or not any(ch.isdigit() for ch in body[k]):
                continue
            body[k] = "".join(str((int(ch) + 1) % 10) if ch.isdigit() else ch for ch in body[k])
        elif edit == "footer":
            footer.append("Additional reporting by %s; editing by %s." % (person(r), person(r)))
        elif edit == "header" and truth["dateline"] and truth["dateline"].startswith(("Updated", "Published")):
            later = art["moment"] + datetime.timedelta(minutes=r.randint(5, 300))
            zone = truth["dateline"].rsplit(" ", 1)[1]
            offset = {"IST": 330, "GMT": 0, "BST": 60, "EST": -300, "EDT": -240}[zone]
            new = "Updated %d %s %d at %02d:%02d %s" % (later.day, MONTHS[later.month - 1], later.year, later.hour,
                                                        later.minute, zone)
            header = [new if line == truth["dateline"] else line for line in header]
            truth.update(dateline=new, date=iso(later, offset))
        else:
            continue
        edits.append(edit)
    text = render(header, body, footer)
    if text == render(art["header"], art["body"], art["footer"]):
        footer.append("This article has been updated.")
        edits.append("footer")
        text = render(header, body, footer)
    return text, truth, edits


def narrow(text, charset):
    for wide, plain in NARROW.items():
        text = text.replace(wide, plain)
    return text.encode(charset, errors="replace")


def malformed(seed, index, subkind, huge_bytes):
    """Bytes of a malformed file, its name suffix and the truth it still carries (or None)."""
    r = rng_for(seed, "malformed", index)
    if subkind == "empty":
        return b"", ".txt", None
    if subkind == "whitespace":
        return r.choice([b"\n", b"  \n\n  ", b"\t\r\n \n"]), ".txt", None
    if subkind == "binary":
        magic = r.choice([b"\x89PNG\r\n\x1a\n", b"%PDF-1.5\n", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"\x7fELF", b""])
        return magic + r.randbytes(r.randint(300, 40000)), ".txt", None
    if subkind == "broken_json":
        art = build_article(seed, 5_000_000 + index)
        record = json.dumps({"title": art["truth"]["title"], "text": "\n".join(art["body"])}, ensure_ascii=False)
        shape = r.randrange(3)
        if shape == 0:
            data = record[: r.randint(5, len(record) - 5)]                 # cut in the middle
        elif shape == 1:
            data = json.dumps([art["truth"]["title"], "\n".join(art["body"][:3])], ensure_ascii=False)  # not an object
        else:
            data = json.dumps({"id": index, "tags": ["news"]})             # no title, no text
        return data.encode(), ".json", None
    art = build_article(seed, 5_000_000 + index)
    truth = dict(art["truth"])
    header, body, footer = art["header"], art["body"], art["footer"]
    text = render(header, body, footer)
    head = ("\n".join(header) + "\n").encode()
    rest = ("\n".join(body + footer) + "\n").encode()
    if subkind == "huge":
        block = rest
        while len(block) < 1 << 20:
            block += ("\n".join(r.sample(body, len(body))) + "\n").encode()
        data = bytearray(head)
        while len(data) < huge_bytes:
            data += block
        return bytes(data[:huge_bytes]).rsplit(b"\n", 1)[0] + b"\n", ".txt", truth
    if subkind in ("latin1", "cp1252"):
        charset = "latin-1" if subkind == "latin1" else "cp1252"
        body = list(body)  # a line that cannot be UTF-8 once encoded
        body.insert(r.randrange(len(body) + 1), "Coffee at the café in Zürich now costs £%d, a rise of %d%%." % (
            r.randint(3, 9), r.randint(5, 40)))
        for key in ("title", "byline", "author", "dateline"):
            if truth[key]:
                truth[key] = narrow(truth[key], charset).decode(charset)
        return narrow(render(header, body, footer), charset), ".txt", truth
    if subkind == "utf16le_bom":
        return b"\xff\xfe" + text.encode("utf-16-le"), ".txt", truth
    if subkind == "utf16be_bom":
        return b"\xfe\xff" + text.encode("utf-16-be"), ".txt", truth
    if subkind == "utf16_nobom":
        return text.encode("utf-16-le"), ".txt", truth
    if subkind == "utf8_bom":
        return b"\xef\xbb\xbf" + text.encode(), ".txt", truth
    if subkind == "crlf":
        return text.replace("\n", "\r\n").encode(), ".txt", truth
    if subkind == "single_line":
        return text.replace("\n", " ").strip().encode(), ".txt", dict(truth, title=None, date=None, dateline=None,
                                                                       byline=None, author=None, source=None)
    if subkind == "broken_front_matter":
        matter = ["---", "title: " + truth["title"], "tags: [news, " + art["story"].theme]
        if r.random() < 0.5:
            matter.append("author: " + (truth["author"] or person(r)))
        return ("\n".join(matter) + "\n" + text).encode(), ".md", truth  # the closing --- never comes
    damaged = bytearray(rest)
    if subkind == "invalid_utf8":
        for _ in range(r.randint(1, 4)):
            at = r.randrange(len(damaged))
            while at < len(damaged) and damaged[at] & 0xC0 == 0x80:
                at += 1
            damaged[at:at] = r.choice([b"\xff", b"\xc3(", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80"])
        return head + bytes(damaged), ".txt", truth
    if subkind == "nul_bytes":
        for _ in range(r.randint(1, 3)):
            at = r.randrange(len(damaged))
            while at < len(damaged) and damaged[at] & 0xC0 == 0x80:
                at += 1
            damaged[at:at] = b"\x00" * r.randint(1, 12)
        return head + bytes(damaged), ".txt", truth
    if subkind == "truncated_utf8":
        whole = head + rest
        starts = [k for k in range(len(head), len(whole)) if whole[k] >= 0xC0]
        if starts:
            return whole[: r.choice(starts) + 1], ".txt", truth
        return whole + b"\xe2\x80", ".txt", truth
    raise ValueError(subkind)


# ---------------------------------------------------------------------------------------- corpus
def plan(args):
    """(kind, subkind, source index) for every file."""
    kinds = []
    dup_total = args.dup_fraction + args.near_dup_fraction
    for i in range(args.count):
        x = rng_for(args.seed, "kind", i).random()
        if i == 0 or x >= args.malformed_fraction + dup_total:
            kinds.append(["article", None, None])
        elif x < args.malformed_fraction:
            kinds.append(["malformed", rng_for(args.seed, "sub", i).choices(MALFORMED, MALFORMED_WEIGHTS)[0], None])
        elif x < args.malformed_fraction + args.dup_fraction:
            kinds.append(["dup", None, None])
        else:
            kinds.append(["neardup", None, None])
    # The first malformed files are one of each class (the huge one first), so that a small corpus
    # still holds them all; the rest are drawn at random.
    classes = ([] if args.no_huge else ["huge"]) + MALFORMED
    for k, subkind in zip((k for k in kinds if k[0] == "malformed"), classes):
        k[1] = subkind
    for i, k in enumerate(kinds):
        if k[0] in ("dup", "neardup"):
            j = int(rng_for(args.seed, "of", i).random() * i)
            while kinds[j][0] != "article":
                j -= 1
            k[2] = j
    return kinds


def write(path, data, atomic):
    target = path
    if atomic:
        folder, name = os.path.split(path)
        target = os.path.join(folder, "." + name + ".tmp")
    with open(target, "wb") as f:
        f.write(data)
    if atomic:
        os.rename(target, path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="See the top of this file for the manifest format.")
    ap.add_argument("--out", required=True, help="folder to write the files into (made if missing)")
    ap.add_argument("--count", type=int, required=True, help="number of files")
    ap.add_argument("--seed", type=int, default=1, help="same seed, same files (default 1)")
    ap.add_argument("--malformed-fraction", type=float, default=0.0, help="share of malformed files (default 0)")
    ap.add_argument("--dup-fraction", type=float, default=0.025, help="share of exact copies (default 0.025)")
    ap.add_argument("--near-dup-fraction", type=float, default=0.025,
                    help="share of lightly edited copies (default 0.025)")
    ap.add_argument("--append-fraction", type=float, default=0.0,
                    help="share of articles written in two steps; the second goes to --appends")
    ap.add_argument("--appends", help="folder for the bytes to append later, one file per name")
    ap.add_argument("--huge-mb", type=float, default=50, help="size of the one huge article (default 50 MiB)")
    ap.add_argument("--no-huge", action="store_true", help="no huge article among the malformed files")
    ap.add_argument("--manifest", help="manifest path (default OUT/manifest.jsonl)")
    ap.add_argument("--atomic", action="store_true", help="write each file under a hidden name, then rename it")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.append_fraction > 0 and not args.appends:
        ap.error("--append-fraction needs --appends DIR")
    os.makedirs(args.out, exist_ok=True)
    if args.appends:
        os.makedirs(args.appends, exist_ok=True)
    manifest_path = args.manifest or os.path.join(args.out, "manifest.jsonl")
    kinds = plan(args)
    built = {}
    total = 0
    counts = {}
    with open(manifest_path, "w", encoding="utf-8") as manifest:
        for i, (kind, subkind, of) in enumerate(kinds):
            name_hash = hashlib.blake2b(f"{args.seed}/name/{i}".encode(), digest_size=8).hexdigest()
            entry = {"file": None, "kind": kind}
            suffix = ".txt"
            if kind == "article":
                art = built[i] = build_article(args.seed, i)
                truth = art["truth"]
                data = render(art["header"], art["body"], art["footer"]).encode()
                if args.append_fraction and rng_for(args.seed, "append", i).random() < args.append_fraction \
                        and len(art["body"]) > 2:
                    cut = len(art["body"]) // 2
                    first = render(art["header"], art["body"][:cut], []).encode()
                    entry["append"] = len(data) - len(first)
                    tail, data = data[len(first):], first
                    with open(os.path.join(args.appends, "%06d_%s.txt" % (i, name_hash)), "wb") as f:
                        f.write(tail)
            elif kind == "dup":
                art = built[of] if of in built else build_article(args.seed, of)
                truth = art["truth"]
                data = render(art["header"], art["body"], art["footer"]).encode()
            elif kind == "neardup":
                art = built[of] if of in built else build_article(args.seed, of)
                text, truth, entry["edits"] = near_duplicate(args.seed, i, art)
                data = text.encode()
            else:
                data, suffix, truth = malformed(args.seed, i, subkind, int(args.huge_mb * 1024 * 1024))
                entry["subkind"] = subkind
            entry["file"] = "%06d_%s%s" % (i, name_hash, suffix)
            entry["expect"] = EXPECT.get(subkind, "article")
            if truth:
                entry.update(truth)
            else:
                entry.update(layout=None, title=None, date=None, dateline=None, byline=None, author=None, source=None)
            if of is not None:
                entry["dup_of"] = "%06d_%s.txt" % (of, hashlib.blake2b(f"{args.seed}/name/{of}".encode(),
                                                                        digest_size=8).hexdigest())
            entry["bytes"] = len(data)
            entry["sha256"] = hashlib.sha256(data).hexdigest()
            write(os.path.join(args.out, entry["file"]), data, args.atomic)
            manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
            total += len(data)
            counts[subkind or kind] = counts.get(subkind or kind, 0) + 1
            if len(built) > 4096:  # keep recent sources only (copies point back a uniform distance)
                built.pop(next(iter(built)))
    if not args.quiet:
        print("gen-corpus: %d files, %.1f MB in %s; %s" % (
            args.count, total / 1e6, args.out, ", ".join("%s %d" % kv for kv in sorted(counts.items()))),
            file=sys.stderr)


if __name__ == "__main__":
    main()
