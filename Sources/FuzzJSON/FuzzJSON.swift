import CFuzzer
import FuzzCheck

/// libFuzzer entry point: any bytes as a `.json` file and as a `.jsonl` file (news-please /
/// trafilatura records), parsed whole, in chunks and across a saved state; all must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    ChunkedParse.check(bytes, format: .json)
    ChunkedParse.check(bytes, format: .jsonLines)
    return 0
}

/// The process's entry point (SwiftPM points `main` at `FuzzJSON_main`): libFuzzer's driver, fed by
/// `fuzzJSON`; it reads libFuzzer's flags and corpus folders from the arguments.
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzJSON)
}
