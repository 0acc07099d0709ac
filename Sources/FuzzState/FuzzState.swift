import CFuzzer
import Foundation
import NewsCore

/// libFuzzer entry point: any bytes as a parser state read back from the database (a damaged or
/// forged row). A state that reads back must save to bytes that read back equal, and a parser
/// resumed from it must take more text and answer without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzState(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let state = ArticleParser.State(serialized: bytes) else { return 0 }
    guard ArticleParser.State(serialized: state.serialized()) == state else {
        fatalError("invariant broken: state \(state) does not survive serialized() and back")
    }
    var parser = ArticleParser(resuming: state)
    _ = try? parser.articles()
    _ = try? parser.consume(Array("\nMore text follows here.\n".utf8))
    _ = try? parser.articles()
    return 0
}

/// The process's entry point (SwiftPM points `main` at `FuzzState_main`): libFuzzer's driver, fed by
/// `fuzzState`; it reads libFuzzer's flags and corpus folders from the arguments.
@_cdecl("FuzzState_main")
public func fuzzStateMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzState)
}
