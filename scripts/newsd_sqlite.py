"""newsd's SQL functions for python3's sqlite3, for scripts that open a newsd database on their own.

The full-text index reads its text through the view `articles_fts_source`, which calls
`newsd_index_text` (Chinese and Japanese one character per token, soft hyphens left out, as `IndexText.spaced` in
Sources/NewsProtocol/IndexText.swift): reading text back from `articles_fts` (a full scan,
`highlight()`, `snippet()`, the `integrity-check` command) needs it.
"""

SEPARATOR = "\u200b"


def is_unspaced(code):
    """Han, Hiragana, Katakana: the scripts written without spaces between words."""
    return (0x3005 <= code <= 0x3007 or 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF
            or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
            or 0xFF66 <= code <= 0xFF9F or 0x20000 <= code <= 0x323AF)


def index_text(text):
    if text is None:
        return None
    out = []
    previous = False
    for ch in text:
        if ch == "\u00ad":  # a soft hyphen: left out
            continue
        unspaced = is_unspaced(ord(ch))
        if unspaced and previous:
            out.append(SEPARATOR)
        out.append(ch)
        previous = unspaced
    return "".join(out)


def register(con):
    """Adds newsd's functions to a connection; returns it."""
    con.create_function("newsd_index_text", 1, index_text, deterministic=True)
    return con
