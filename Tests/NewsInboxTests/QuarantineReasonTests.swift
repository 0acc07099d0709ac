import Glibc
import NewsCore
import NewsWorker
import Testing

@testable import NewsInbox

/// Quarantine reasons: each stable code, and the text the database keeps, `newsctl failed` and
/// `status PATH` show and the `NAME.reason` file holds, unchanged.
@Suite struct QuarantineReasonTests {
    @Test(arguments: [
        (QuarantineReason.tooLarge(bytes: 20_000_000, limit: 16_777_216), "too_large",
         "too_large: 20000000 bytes is more than max_file_bytes (16777216)"),
        (.unreadable("Permission denied"), "unreadable", "unreadable: Permission denied"),
        (.content(ParseError(.binary, "NUL byte at offset 3")), "binary", "binary: NUL byte at offset 3"),
        (.content(ParseError(.undecodable, "no supported encoding decodes it")), "undecodable",
         "undecodable: no supported encoding decodes it"),
        (.content(ParseError(.invalidJSON, "record 2 is not JSON")), "invalid_json",
         "invalid_json: record 2 is not JSON"),
        (.parser(.crashed(signal: SIGSEGV, status: nil)), "parser_crashed", "parser_crashed: signal 11 (SIGSEGV)"),
        (.parser(.crashed(signal: nil, status: 3)), "parser_crashed", "parser_crashed: exit status 3"),
        (.parser(.timeout(seconds: 30)), "parser_timeout", "parser_timeout: 30 s"),
        (.parser(.timeout(seconds: 2.5)), "parser_timeout", "parser_timeout: 2.5 s"),
        (.parser(.memory(megabytes: 512)), "parser_memory", "parser_memory: 512 MiB"),
        (.parser(.unavailable("socketpair: Too many open files")), "parser_unavailable",
         "parser_unavailable: socketpair: Too many open files"),
        (.newsdStopped(times: 2), "parser_crashed", "parser_crashed: newsd stopped 2 times in a row while reading it"),
    ])
    func codeAndText(reason: QuarantineReason, code: String, text: String) {
        #expect(reason.code == code)
        #expect(reason.description == text)
        #expect("\(reason)" == text)
        #expect(reason.code + ": " + reason.message == text)
    }

    @Test func theReasonFileAndTheRowSayTheSame() throws {
        let folder = ScratchFolder()
        try folder.write("quarantine/big.txt", "")
        let reason = QuarantineReason.tooLarge(bytes: 9, limit: 8)
        try FileMover.writeReason(reason, for: .init(folder.path + "/quarantine/big.txt"), original: "big.txt")
        let text = try String(contentsOfFile: folder.path + "/quarantine/big.txt.reason", encoding: .utf8)
        #expect(text.hasPrefix("file: big.txt\nreason: too_large: 9 bytes is more than max_file_bytes (8)\ntime: "))
    }
}
