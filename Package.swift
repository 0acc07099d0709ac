// swift-tools-version:6.2
import PackageDescription

/// Our own targets build with every warning as an error; dependencies keep their own settings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "newsd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsd", targets: ["newsd"]),
        .executable(name: "newsctl", targets: ["newsctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // The article as newsd understands it: plain value types, no Foundation, shared by the
        // parser, the store and the wire protocol (so newsctl links no parser code).
        .target(name: "NewsModel", swiftSettings: strict),
        // Incremental parser: bytes in, articles out, no I/O.
        .target(
            name: "NewsCore", dependencies: ["NewsModel", .product(name: "Crypto", package: "swift-crypto")],
            // Parsing dominates ingest: optimise it even in debug builds, so tests and `make run`
            // ingest at a useful speed.
            swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // SQLite schema, migrations, writes and queries. The only module that imports GRDB.
        .target(
            name: "NewsStore",
            dependencies: [
                "NewsCore", "NewsProtocol", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The wire protocol shared by newsd and newsctl (no NIO, no GRDB, no parser; FoundationEssentials
        // only, so newsctl links neither Foundation's internationalisation nor ICU).
        .target(name: "NewsProtocol", dependencies: ["NewsModel"], swiftSettings: strict),
        // Thin C shim built with _GNU_SOURCE: inotify, SO_PEERCRED's struct ucred, statfs.
        .target(name: "CNewsLinux"),
        // The parser workers' sandbox: rlimits, no_new_privs, capabilities, and a seccomp filter
        // through libseccomp (Debian's libseccomp-dev).
        .target(name: "CNewsSandbox", linkerSettings: [.linkedLibrary("seccomp")]),
        // Parser workers: the sandboxed child processes that parse file bytes, and the daemon's
        // side of them (spawn, frames over a socketpair, limits, restarts).
        .target(
            name: "NewsWorker",
            dependencies: [
                "NewsCore", "NewsHTML", "CNewsLinux", "CNewsSandbox", .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Google's HTML5 parser (Debian's libgumbo-dev) through pkg-config.
        .systemLibrary(name: "CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        // Saved web pages: gumbo's DOM → metadata and main content → the article model. Runs in the
        // parser workers only; NewsCore stays free of C libraries.
        // Optimised in debug builds too, as NewsCore is.
        .target(
            name: "NewsHTML", dependencies: ["CGumbo", "NewsCore"],
            swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Reads pages with the workers' HTML reader and prints each article as one JSON line with the
        // time it took (scripts/eval-html.py scores it against other extractors). Not installed.
        .executableTarget(name: "newsd-extract", dependencies: ["NewsHTML", "NewsCore"], swiftSettings: strict),
        // libsystemd through pkg-config.
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        // sd_notify, watchdog, listen fds and the journal, in Swift.
        .target(
            name: "Systemd",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // inotify watcher, startup scan, poll fallback and the file tracker.
        .target(
            name: "NewsInbox",
            dependencies: [
                "CNewsLinux", "NewsCore", "NewsStore", "NewsWorker",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        // The control server over a Unix socket (swift-nio).
        .target(
            name: "NewsControl",
            dependencies: [
                "NewsProtocol", "CNewsLinux",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // newsd's configuration: defaults, the JSON file, validation with errors that name the key.
        .target(
            name: "NewsConfig",
            dependencies: ["NewsInbox", "NewsProtocol", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "newsd",
            dependencies: [
                "NewsConfig", "NewsCore", "NewsWorker", "NewsStore", "NewsInbox", "NewsProtocol", "NewsControl", "Systemd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "NIOCore", package: "swift-nio"),
                "CNewsLinux",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "newsctl",
            dependencies: ["NewsProtocol", "CNewsLinux", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict,
            // The Swift runtime and FoundationEssentials linked in: a short-lived CLI otherwise spends
            // most of its life in the dynamic loader. Nothing of newsctl imports Foundation itself: its
            // internationalisation and ICU would be linked too, and every first protocol-conformance
            // check (argument-parser's reflection, `print`, Codable) scans all conformances linked in.
            linkerSettings: [
                .unsafeFlags(["-static-executable", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization"])
            ]
        ),
        .testTarget(name: "NewsCoreTests", dependencies: ["NewsCore"], swiftSettings: strict),
        .testTarget(name: "NewsHTMLTests", dependencies: ["NewsHTML", "NewsCore"], swiftSettings: strict),
        .testTarget(name: "NewsStoreTests", dependencies: ["NewsStore", "NewsCore"], swiftSettings: strict),
        .testTarget(name: "NewsProtocolTests", dependencies: ["NewsProtocol"], swiftSettings: strict),
        .testTarget(
            name: "NewsInboxTests",
            dependencies: [
                "NewsInbox", "NewsStore", "NewsCore", "NewsWorker", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ], swiftSettings: strict),
        .testTarget(name: "NewsConfigTests", dependencies: ["NewsConfig"], swiftSettings: strict),
        .testTarget(name: "NewsWorkerTests", dependencies: ["NewsWorker", "NewsCore", "CNewsLinux"], swiftSettings: strict),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd"], swiftSettings: strict),
        .testTarget(name: "EndToEndTests", dependencies: ["NewsProtocol"], swiftSettings: strict),
    ]
)

// Coverage-guided fuzz targets (libFuzzer), outside the normal build and tests: declared only when
// NEWSD_FUZZ=1, built and run by `make fuzz` (see docs/fuzzing.md). Only newsd's own modules that read
// hostile input are built with `-sanitize=fuzzer,address` (coverage and AddressSanitizer): the
// dependencies keep their normal build, so a fuzz build reuses theirs and spends no coverage on them.
// Each target's one file defines LLVMFuzzerTestOneInput and no top-level code; SwiftPM's `main` goes to
// the file's `<Target>_main`, which runs libFuzzer's driver (CFuzzer).
if Context.environment["NEWSD_FUZZ"] == "1" {
    let sanitize = ["-sanitize=fuzzer,address"]
    for target in package.targets where ["NewsModel", "NewsCore", "NewsHTML", "NewsProtocol", "NewsConfig"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(sanitize)]
    }
    let library: [SwiftSetting] = strict + [.unsafeFlags(sanitize)]
    let fuzzer: [SwiftSetting] = strict + [.unsafeFlags(sanitize + ["-parse-as-library"])]
    let link: [LinkerSetting] = [.unsafeFlags(sanitize)]
    package.targets += [
        .systemLibrary(name: "CFuzzer"),
        .target(name: "FuzzCheck", dependencies: ["NewsCore"], swiftSettings: library),
        .executableTarget(
            name: "FuzzParser", dependencies: ["CFuzzer", "FuzzCheck"], swiftSettings: fuzzer, linkerSettings: link),
        .executableTarget(
            name: "FuzzJSON", dependencies: ["CFuzzer", "FuzzCheck"], swiftSettings: fuzzer, linkerSettings: link),
        .executableTarget(
            name: "FuzzFrontMatter", dependencies: ["CFuzzer", "FuzzCheck"], swiftSettings: fuzzer, linkerSettings: link),
        .executableTarget(
            name: "FuzzState", dependencies: ["CFuzzer", "NewsCore"], swiftSettings: fuzzer, linkerSettings: link),
        .executableTarget(
            name: "FuzzRequest", dependencies: ["CFuzzer", "NewsProtocol"], swiftSettings: fuzzer, linkerSettings: link),
        .executableTarget(
            name: "FuzzHTML", dependencies: ["CFuzzer", "NewsHTML", "NewsCore"], swiftSettings: fuzzer, linkerSettings: link),
        .executableTarget(
            name: "FuzzConfig", dependencies: ["CFuzzer", "NewsConfig"], swiftSettings: fuzzer, linkerSettings: link),
    ]
}
