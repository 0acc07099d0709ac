import Foundation
import Glibc
import SystemPackage
import Testing

@testable import NewsWorker

/// A worker handle's descriptors are closed once, however often it is terminated.
@Suite struct WorkerLifetimeTests {
    /// A stand-in worker process that waits (the handle only needs a child to spawn, kill and reap).
    static func sleeper() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsd-worker-\(getpid())-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("worker")
        try "#!/bin/sh\nexec sleep 60\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return script.path
    }

    /// Whether `fd` is an open descriptor of this process.
    static func isOpen(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) != -1 }

    @Test func terminatingAndDroppingAWorkerLeavesDescriptorsThatReusedItsNumbersOpen() throws {
        let executable = try Self.sleeper()
        defer { try? FileManager.default.removeItem(atPath: (executable as NSString).deletingLastPathComponent) }
        var worker: ParserWorker? = try ParserWorker(executable: executable, limits: WorkerLimits(), aliases: nil)
        let numbers = [worker!.socket.fd.rawValue, worker!.errors.rawValue]
        #expect(numbers.allSatisfy(Self.isOpen))
        // The pool terminates a failed worker; its numbers are free, and the daemon opens something
        // else that gets them (here: /dev/null put exactly there).
        worker!.terminate()
        #expect(!worker!.isRunning)
        // Tests run in parallel in this process: a number another test opened in the meantime is
        // left to it (F_DUPFD takes the number only if it is free; `dup2` would close theirs).
        let probe = open("/dev/null", O_RDONLY | O_CLOEXEC)
        try #require(probe >= 0)
        defer { close(probe) }
        var held: [Int32] = []
        for number in numbers {
            let got = fcntl(probe, F_DUPFD_CLOEXEC, number)
            if got == number { held.append(number) } else if got >= 0 { close(got) }
        }
        try #require(!held.isEmpty, "every number was taken by another test before it could be held")
        // A second terminate, and the handle's deinit, must not close them.
        worker!.terminate()
        worker = nil
        for number in held {
            #expect(Self.isOpen(number), "descriptor \(number) was closed by a worker handle that no longer owned it")
            close(number)
        }
    }
}
