import CFuzzer
import FuzzCheck

/// libFuzzer entry point: any bytes as a plain-text inbox file, parsed whole, in chunks and across
/// a saved state; all must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ChunkedParse.check(Array(UnsafeBufferPointer(start: data, count: size)), format: .text)
    return 0
}

/// The process's entry point (SwiftPM points `main` at `FuzzParser_main`): libFuzzer's driver, fed by
/// `fuzzParser`; it reads libFuzzer's flags and corpus folders from the arguments.
@_cdecl("FuzzParser_main")
public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzParser)
}
