import CFuzzer
import Foundation
import NewsProtocol

/// libFuzzer entry point: any bytes as one request line on the control socket, read the way the
/// daemon reads it: the request, the id of a bad line, then the params of the method it names.
/// Only `RPCError` may come out, never a trap; a request that reads must read the same once re-encoded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let line = Data(UnsafeBufferPointer(start: data, count: size))
    let request: RPCRequest
    do throws(RPCError) {
        request = try RPCRequest.read(line: line)
    } catch {
        _ = RPCRequest.id(inLine: line)
        return 0
    }
    // A request the daemon read must survive the client's encoding unchanged (newsctl sends what
    // it read back from its own encoder; the id is echoed).
    guard let encoded = try? ProtocolCoding.encode(request), let again = try? RPCRequest.read(line: encoded),
        again.id == request.id, again.method == request.method, again.params == request.params
    else {
        fatalError("invariant broken: \(request) does not read back the same after encoding")
    }
    guard let method = RPCMethod(rawValue: request.method) else { return 0 }
    let params = request.params
    switch method {
    case .status: _ = try? ProtocolCoding.params(StatusParams.self, from: params)
    case .query: _ = try? ProtocolCoding.params(QueryParams.self, from: params).validated()
    case .show: _ = try? ProtocolCoding.params(ShowParams.self, from: params)
    case .entities: _ = try? ProtocolCoding.params(EntitiesParams.self, from: params)
    case .follow: _ = try? ProtocolCoding.params(FollowParams.self, from: params)
    case .retry: _ = try? ProtocolCoding.params(RetryParams.self, from: params)
    case .stories: _ = try? ProtocolCoding.params(StoriesParams.self, from: params).validated()
    case .story: _ = try? ProtocolCoding.params(StoryParams.self, from: params)
    case .hello, .sources, .failed, .rescan, .reindex, .pause, .resume, .reload, .metrics, .relink:
        _ = try? ProtocolCoding.params(NoParams.self, from: params)
    }
    return 0
}

/// The process's entry point (SwiftPM points `main` at `FuzzRequest_main`): libFuzzer's driver, fed by
/// `fuzzRequest`; it reads libFuzzer's flags and corpus folders from the arguments.
@_cdecl("FuzzRequest_main")
public func fuzzRequestMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzRequest)
}
