import CFuzzer
import Foundation
import NewsConfig

/// libFuzzer entry point: any bytes as newsd's config file. Loading may refuse them with an error
/// naming the key, never trap; and a config that loads must be one newsd can start with: it turns
/// each number of seconds into a 64-bit count of milliseconds (`Int64(seconds * 1000)`), and
/// `client_idle_timeout_s` further into a NIO `TimeAmount` (a 64-bit count of nanoseconds).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let config = try? NewsdConfiguration.load(data: bytes, file: "/etc/newsd/newsd.json") else { return 0 }
    let seconds = [
        ("poll_interval_s", config.pollIntervalSeconds), ("reconcile_interval_s", config.reconcileIntervalSeconds),
        ("parse_timeout_s", config.parseTimeoutSeconds), ("client_idle_timeout_s", config.clientIdleTimeoutSeconds),
    ]
    for (key, value) in seconds {
        guard let milliseconds = Int64(exactly: (value * 1000).rounded(.towardZero)) else {
            fatalError("invariant broken: \(key) \(value) loads but is no 64-bit count of milliseconds")
        }
        if key == "client_idle_timeout_s", milliseconds.multipliedReportingOverflow(by: 1_000_000).overflow {
            fatalError("invariant broken: \(key) \(value) loads but is no TimeAmount")
        }
    }
    _ = config.effectiveArchiveDir
    _ = config.effectiveQuarantineDir
    return 0
}

/// The process's entry point (SwiftPM points `main` at `FuzzConfig_main`): libFuzzer's driver, fed by
/// `fuzzConfig`; it reads libFuzzer's flags and corpus folders from the arguments.
@_cdecl("FuzzConfig_main")
public func fuzzConfigMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzConfig)
}
