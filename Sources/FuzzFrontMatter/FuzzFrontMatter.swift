import CFuzzer
import FuzzCheck

/// libFuzzer entry point: any bytes as the front matter of a text file (`---` is put before them,
/// so every input reaches the front-matter reader), parsed whole, in chunks and across a saved
/// state; all must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ChunkedParse.check(Array("---\n".utf8) + UnsafeBufferPointer(start: data, count: size), format: .text)
    return 0
}

/// The process's entry point (SwiftPM points `main` at `FuzzFrontMatter_main`): libFuzzer's driver, fed by
/// `fuzzFrontMatter`; it reads libFuzzer's flags and corpus folders from the arguments.
@_cdecl("FuzzFrontMatter_main")
public func fuzzFrontMatterMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzFrontMatter)
}
