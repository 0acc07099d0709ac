import CFuzzer
import NewsCore
import NewsHTML

/// libFuzzer entry point: any bytes as a saved web page. Reading must never trap, must give the same
/// article twice, and at most one; the sniffer and the depth bound must hold for any bytes, and the
/// placeholders for runs of text must leave gumbo's tree as it is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = HTMLReader.looksLikeHTML(bytes)
    let bounded = HTMLDocument.boundingDepth(bytes)
    // It only drops tags, and closes each unclosed `<title>` (8 bytes added after at least 7).
    if bounded.count > bytes.count * 2 + 8 { fatalError("invariant broken: the depth bound grew the page") }
    // Runs of text given to gumbo as placeholders and put back give the tree gumbo builds without them.
    let decoded = (try? HTMLReader.decode(bytes)) ?? bytes
    if HTMLDocument(utf8: decoded, trimmed: true, puttingAside: true).outline
        != HTMLDocument(utf8: decoded, trimmed: true, puttingAside: false).outline
    {
        fatalError("invariant broken: placeholders changed the tree")
    }
    let first: Result<[Article], ParseError>
    do { first = .success(try HTMLReader.articles(bytes)) } catch { first = .failure(error) }
    let second: Result<[Article], ParseError>
    do { second = .success(try HTMLReader.articles(bytes)) } catch { second = .failure(error) }
    if first != second { fatalError("invariant broken: two reads of one page differ") }
    if case .success(let articles) = first, articles.count > 1 { fatalError("invariant broken: a page gave \(articles.count) articles") }
    return 0
}

/// The process's entry point (SwiftPM points `main` at `FuzzHTML_main`): libFuzzer's driver.
@_cdecl("FuzzHTML_main")
public func fuzzHTMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzHTML)
}
