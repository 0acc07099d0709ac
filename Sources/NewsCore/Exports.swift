// The article model is NewsCore's output type: every user of the parser sees it without a second
// import. NewsModel holds it apart only so the wire protocol (and newsctl) need not link the parser.
@_exported import NewsModel
