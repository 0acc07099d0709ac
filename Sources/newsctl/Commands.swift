import ArgumentParser
import CNewsLinux
import FoundationEssentials
import Glibc
import NewsProtocol

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "status",
        abstract: "Show the daemon's state and counts, or with PATH what happened to that file.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("A file in the inbox (absolute, or relative to the inbox).", valueName: "path"))
    var path: String?

    func run() throws {
        let p = params([("path", JSONValue(path.map(absoluteIfLocal)))])
        if global.json { return try global.printJSON(global.call(.status, p, as: JSONValue.self)) }
        if path != nil {
            let f = try global.call(.status, p, as: FileStatus.self)
            Output.table(
                ["FIELD", "VALUE"],
                [
                    ["path", f.path], ["state", f.state], ["offset", "\(f.offset) of \(f.size) bytes"],
                    ["article", f.articleId.map { "\($0)" } ?? "-"], ["error", f.error ?? "-"],
                    ["moved to", f.movedTo ?? "-"], ["changed", Output.relative(f.updatedAt)],
                ])
            return
        }
        let s = try global.call(.status, nil, as: StatusResult.self)
        let state = s.state == .watching ? Output.green(s.state.rawValue) : Output.red(s.state.rawValue)
        Output.line("\(Output.bold("newsd \(s.version)")) — \(state)")
        Output.table(
            nil,
            [
                ["inbox", s.inbox], ["database", s.database], ["articles", "\(s.articles)"],
                ["pending", "\(s.pending)"], ["failed", "\(s.failed)"],
                ["rate", "\(s.ratePerS) articles/s (\(s.ingestedSinceStart) since start)"],
                ["uptime", Output.duration(s.uptimeS)], ["followers", "\(s.followers)"],
                ["last error", s.lastError ?? "-"],
            ])
    }

    /// A path given relative to the current folder that exists there is sent absolute.
    private func absoluteIfLocal(_ p: String) -> String {
        guard !p.hasPrefix("/"), FileManager.default.fileExists(atPath: p) else { return p }
        return URL(fileURLWithPath: p).standardizedFileURL.path
    }
}

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "query",
        abstract: "Full-text search, best first; without TEXT, every article newest first.",
        discussion: """
            TEXT: words (all must match), "a phrase", -word or NOT word, a OR b, prefix*,
            title:WORD, source:OUTLET, person:NAME, place:NAME, org:NAME, after:DATE, before:DATE,
            story:ID. Trump-Putin, U.S. and 30-day are phrases of their parts. With --fts, TEXT is raw FTS5.
            Exact copies of an article are one result (its first copy) with a DUPS count; --all lists each.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Search text (see below).", valueName: "text"))
    var text: String?
    @Flag(help: "TEXT is raw FTS5 query syntax (errors are bad_query).") var fts = false
    @Option(help: "Only articles of this outlet.") var source: String?
    @Option(
        help: ArgumentHelp(
            "Only articles published at or after this time: ISO 8601 (2025-05-19, 2025-05-19T16:00Z), "
                + "or an age (30m, 6h, 2d, 1w), today, yesterday.", valueName: "time"))
    var since: String?
    @Option(help: ArgumentHelp("Only articles published before this time (same forms as --since).", valueName: "time"))
    var until: String?
    @Option(help: "Only articles naming this person.") var person: String?
    @Option(help: "At most this many results (1…10000).") var limit: Int = 20
    @Option(help: "Skip this many results first.") var offset: Int?
    @Option(help: "Only articles of this story (from stories).") var story: Int64?
    @Flag(help: "Every copy of an article as a result of its own.") var all = false

    func validate() throws {
        guard (1...QueryParams.maxLimit).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
        if let offset, offset < 0 { throw ValidationError("--offset must not be negative") }
    }

    func run() throws {
        let p = params([
            ("text", JSONValue(text)), ("fts", fts ? .bool(true) : nil), ("source", JSONValue(source)),
            ("since", JSONValue(since.map { TimeArgument.resolve($0) })),
            ("until", JSONValue(until.map { TimeArgument.resolve($0) })), ("person", JSONValue(person)), ("limit", JSONValue(limit)),
            ("offset", JSONValue(offset)), ("story", story.map { .number(Double($0)) }), ("all", all ? .bool(true) : nil),
        ])
        if global.json { return try global.printJSON(global.call(.query, p, as: JSONValue.self)) }
        let r = try global.call(.query, p, as: QueryResult.self)
        if r.results.isEmpty {
            Output.line(r.total == 0 ? "no articles match" : "no articles on this page (\(count(r)) match in all)")
            return
        }
        Output.table(
            ["ID", "PUBLISHED", "SOURCE", "DUPS", "TITLE"],
            r.results.map {
                [
                    String($0.id), Output.published($0.published), Output.clip($0.source, 16),
                    $0.duplicates > 0 ? "+\($0.duplicates)" : "", Output.clip($0.title, 80),
                ]
            })
        if let text, !text.trimmedOfSpaces.isEmpty {
            for hit in r.results {
                Output.line(Output.dim("\(hit.id): ") + Output.highlight(hit.snippet))
            }
        }
        Output.line(Output.dim("\(r.results.count) of \(count(r)) shown"))
    }

    private func count(_ r: QueryResult) -> String { r.totalIsEstimate == true ? "about \(r.total)" : "\(r.total)" }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "show", abstract: "Show one article with every field, or with --story one story.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The article id (from query).") var id: Int64?
    @Option(help: ArgumentHelp("Show this story instead (as `newsctl story ID`).", valueName: "id")) var story: Int64?

    func validate() throws {
        if (id == nil) == (story == nil) { throw ValidationError("give an article ID or --story ID") }
    }

    func run() throws {
        if let story { return try Story.show(story, global) }
        guard let id else { return }
        let p = params([("id", .number(Double(id)))])
        if global.json { return try global.printJSON(global.call(.show, p, as: JSONValue.self)) }
        let d = try global.call(.show, p, as: ArticleDocument.self)
        let a = d.article
        Output.line(Output.bold(a.title ?? "(no title)"))
        Output.table(
            nil,
            [
                ["id", "\(d.id) (revision \(d.revision))"], ["source", a.source ?? "-"], ["url", a.url ?? "-"],
                ["authors", a.authors.isEmpty ? "-" : a.authors.joined(separator: ", ")],
                ["published", a.published ?? "-"], ["updated", a.updated ?? "-"], ["kind", a.kind.rawValue],
                ["language", a.language ?? "-"], ["words", "\(a.wordCount)"], ["file", d.path],
                ["ingested", Output.relative(d.ingestedAt)],
                ["people", a.people.joined(separator: ", ")], ["places", a.places.joined(separator: ", ")],
                ["organisations", a.organisations.joined(separator: ", ")],
                ["duplicate of", d.duplicateOf.map { "\($0)" } ?? "-"],
                ["copies", d.copies.isEmpty ? "-" : d.copies.map(String.init).joined(separator: ", ")],
                ["near duplicates", d.nearDuplicates.isEmpty ? "-" : d.nearDuplicates.map(String.init).joined(separator: ", ")],
                ["story", d.storyID.map { "\($0)" } ?? "-"],
            ])
        if !a.summary.isEmpty { Output.line() }
        for s in a.summary { Output.line("• \(s)") }
        // The body is the text in reading order, its subheadings (in bold) among its paragraphs; an
        // article stored before subheadings were part of it lists them apart.
        let inBody = Set(a.body)
        let apart = a.subheadings.filter { !inBody.contains($0) }
        if !apart.isEmpty {
            Output.line()
            Output.line(Output.bold("Subheadings"))
            for s in apart { Output.line("  \(s)") }
        }
        Output.line()
        let headings = Set(a.subheadings)
        for paragraph in a.body { Output.line(headings.contains(paragraph) ? Output.bold(paragraph) : paragraph) }
        if !a.captions.isEmpty {
            Output.line()
            Output.line(Output.bold("Captions"))
            for c in a.captions { Output.line("  \(c)") }
        }
        if !a.quotes.isEmpty {
            Output.line()
            Output.line(Output.bold("Quotes"))
            for q in a.quotes { Output.line("  \(q.speaker ?? "(unknown)"): “\(Output.clip(q.text, 160))”") }
        }
        if !a.embeddedPosts.isEmpty {
            Output.line()
            Output.line(Output.bold("Embedded posts"))
            for p in a.embeddedPosts {
                let who = [p.author, p.handle.map { "@" + $0 }, p.date].compactMap { $0 }.joined(separator: ", ")
                Output.line("  \(who.isEmpty ? "(unknown)" : who): \(p.text.replacing("\n", with: " "))")
            }
        }
    }
}

struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "sources", abstract: "List the outlets in the archive with their article counts.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if global.json { return try global.printJSON(global.call(.sources, nil, as: JSONValue.self)) }
        let r = try global.call(.sources, nil, as: [SourceCount].self)
        if r.isEmpty { return Output.line("no articles yet") }
        Output.table(["ARTICLES", "SOURCE"], r.map { [String($0.articles), $0.source ?? "(unknown)"] })
    }
}

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "entities", abstract: "List the most named people, places and organisations.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "person, place or org.") var kind: String?
    @Option(help: "How many of each kind.") var top: Int?

    func run() throws {
        let p = params([("kind", JSONValue(kind)), ("top", JSONValue(top))])
        if global.json { return try global.printJSON(global.call(.entities, p, as: JSONValue.self)) }
        let r = try global.call(.entities, p, as: [EntityCount].self)
        if r.isEmpty { return Output.line("no entities yet") }
        Output.table(["KIND", "ARTICLES", "NAME"], r.map { [$0.kind, String($0.articles), $0.name] })
    }
}

struct Failed: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "failed", abstract: "List quarantined files and why they failed.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if global.json { return try global.printJSON(global.call(.failed, nil, as: JSONValue.self)) }
        let r = try global.call(.failed, nil, as: [FileStatus].self)
        if r.isEmpty { return Output.line("no failed files") }
        Output.table(
            ["ID", "WHEN", "FILE", "REASON"],
            r.map { [String($0.id), Output.relative($0.updatedAt), $0.path, $0.error ?? "-"] })
    }
}

struct Retry: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "retry", abstract: "Put quarantined files back into the inbox (admin).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The file id (from failed).") var id: Int64?
    @Flag(help: "Retry every quarantined file.") var all = false

    func validate() throws {
        if (id == nil) == !all { throw ValidationError("give a file ID or --all") }
    }

    func run() throws {
        let p = params([("id", id.map { .number(Double($0)) }), ("all", all ? .bool(true) : nil)])
        try action(.retry, p, global)
    }
}

/// Runs an operator action and prints its message (or its JSON).
func action(_ method: RPCMethod, _ p: [String: JSONValue]? = nil, _ global: GlobalOptions) throws {
    if global.json { return try global.printJSON(global.call(method, p, as: JSONValue.self)) }
    Output.line(try global.call(method, p, as: ActionResult.self).message)
}

struct Stories: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "stories", abstract: "List stories (articles about the same event), newest first.")
    @OptionGroup var global: GlobalOptions
    @Option(
        help: ArgumentHelp("Only stories with an article published at or after this time (as query --since).",
                           valueName: "time"))
    var since: String?
    @Option(help: "At most this many stories (1…10000).") var limit: Int = 20

    func validate() throws {
        guard (1...QueryParams.maxLimit).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000") }
    }

    func run() throws {
        let p = params([("since", JSONValue(since.map { TimeArgument.resolve($0) })), ("limit", JSONValue(limit))])
        if global.json { return try global.printJSON(global.call(.stories, p, as: JSONValue.self)) }
        let r = try global.call(.stories, p, as: StoriesResult.self)
        if r.stories.isEmpty { return Output.line("no stories") }
        Output.table(
            ["ID", "LAST", "ARTICLES", "SOURCES", "TITLE"],
            r.stories.map {
                [
                    String($0.id), Output.published($0.last), String($0.articles),
                    Output.clip($0.sources.joined(separator: ", "), 30), Output.clip($0.title, 70),
                ]
            })
    }
}

struct Story: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "story", abstract: "Show one story and its articles.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The story id (from stories or show).") var id: Int64

    func run() throws { try Self.show(id, global) }

    static func show(_ id: Int64, _ global: GlobalOptions) throws {
        let p = params([("id", .number(Double(id)))])
        if global.json { return try global.printJSON(global.call(.story, p, as: JSONValue.self)) }
        let s = try global.call(.story, p, as: StoryDocument.self)
        Output.line(Output.bold(s.story.title ?? "(no title)"))
        Output.table(
            nil,
            [
                ["id", "\(s.story.id)"], ["articles", "\(s.story.articles)"],
                ["sources", s.story.sources.isEmpty ? "-" : s.story.sources.joined(separator: ", ")],
                ["first", s.story.first ?? "-"], ["last", s.story.last ?? "-"],
            ])
        Output.line()
        Output.table(
            ["ID", "PUBLISHED", "SOURCE", "COPY OF", "TITLE"],
            s.results.map {
                [
                    String($0.id), Output.published($0.published), Output.clip($0.source, 16),
                    $0.duplicateOf.map(String.init) ?? "", Output.clip($0.title, 70),
                ]
            })
    }
}

struct Relink: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "relink",
        abstract: "Recompute duplicates, near-duplicates and stories of the whole archive in the background (admin).")
    @OptionGroup var global: GlobalOptions
    func run() throws { try action(.relink, nil, global) }
}

struct Rescan: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "rescan", abstract: "Compare the whole inbox with the database now (admin).")
    @OptionGroup var global: GlobalOptions
    func run() throws { try action(.rescan, nil, global) }
}

struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "reindex", abstract: "Rebuild the full-text index (admin).")
    @OptionGroup var global: GlobalOptions
    func run() throws { try action(.reindex, nil, global) }
}

struct Pause: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "pause", abstract: "Stop reading files; events keep queueing (admin).")
    @OptionGroup var global: GlobalOptions
    func run() throws { try action(.pause, nil, global) }
}

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "resume", abstract: "Read files again after pause (admin).")
    @OptionGroup var global: GlobalOptions
    func run() throws { try action(.resume, nil, global) }
}

struct Reload: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "reload",
        abstract: "Re-read the configuration; returns once newsd has applied it (admin).")
    @OptionGroup var global: GlobalOptions
    func run() throws { try action(.reload, nil, global) }
}

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "metrics", abstract: "Print counters in Prometheus text format.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if global.json { return try global.printJSON(global.call(.metrics, nil, as: JSONValue.self)) }
        Output.write(try global.call(.metrics, nil, as: MetricsResult.self).text.utf8, to: STDOUT_FILENO)
    }
}

struct Hello: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "hello", abstract: "Show the server's version and protocol.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if global.json { return try global.printJSON(global.call(.hello, nil, as: JSONValue.self)) }
        let h = try global.call(.hello, nil, as: HelloResult.self)
        Output.line("\(h.server), protocol \(h.protocolVersion)")
    }
}

struct Follow: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "follow",
        abstract: "Print articles as they are ingested, optionally only those matching QUERY.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Query the new articles must match (as for query).", valueName: "query"))
    var query: String?
    @Flag(help: "QUERY is raw FTS5 query syntax.") var fts = false

    func run() throws {
        let client = try global.connect()
        let p = params([("text", JSONValue(query)), ("fts", fts ? .bool(true) : nil)])
        _ = try client.call(RPCMethod.follow.rawValue, params: p, as: FollowResult.self)
        while let line = try client.readLine() {
            if global.json {
                Output.write(line + Data("\n".utf8), to: STDOUT_FILENO)
                continue
            }
            guard let method = try? JSONDecoder().decode(Notice<JSONValue>.self, from: line).method else { continue }
            if method == "dropped", let d = try? JSONDecoder().decode(Notice<DroppedParams>.self, from: line).params {
                Output.error("\(d.count) article\(d.count == 1 ? "" : "s") dropped: this client fell behind")
            } else if method == "article", let hit = try? JSONDecoder().decode(Notice<QueryHit>.self, from: line).params {
                let when = Output.dim(Output.clock(hit.ingestedAt))
                let source = hit.source.map { Output.dim(" (\($0))") } ?? ""
                Output.line("\(when)  \(hit.id)  \(Output.bold(Output.clip(hit.title, 100)))\(source)  \(Output.dim(hit.path))")
            }
        }
        throw Output.Failure(code: 1, message: "newsd closed the stream (is it stopping?)")
    }

    /// A notification of the stream: its method and its params.
    private struct Notice<P: Decodable>: Decodable {
        var method: String
        var params: P
    }
}

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration.subcommand(
        commandName: "ingest",
        abstract: "Copy files into the inbox atomically (temporary name, fsync, rename).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Files to copy.", valueName: "file")) var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    /// Copies every file it can; one that cannot be copied is reported and makes the exit status 1.
    func run() throws {
        let inbox = try global.call(.status, nil, as: StatusResult.self).inbox
        var copied: [String] = []
        var failed: [[String: String]] = []
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            do {
                // Never over an existing name: that would replace the text of its article.
                let destination = try AtomicCopy.copy(file, into: inbox, name: name)
                copied.append(destination)
                if !global.json {
                    let renamed = URL(fileURLWithPath: destination).lastPathComponent != name
                    Output.line("copied \(file) → \(destination)\(renamed ? " (\(name) is taken)" : "")")
                }
            } catch let error as Output.Failure {
                failed.append(["file": file, "error": error.message])
                if !global.json { Output.error(error.message) }
            }
        }
        if global.json {
            try global.printJSON(IngestReport(copied: copied, failed: failed))
        }
        if !failed.isEmpty {
            throw Output.Failure(code: 1, message: "\(failed.count) of \(files.count) files not copied", silent: true)
        }
    }
}

/// `newsctl --json ingest`: where each file went, and the ones that could not be copied.
struct IngestReport: Encodable {
    var copied: [String]
    var failed: [[String: String]]
}

/// Copies a file under a hidden temporary name in the target folder, fsyncs it, then renames it
/// into place without replacing anything (`renameat2(RENAME_NOREPLACE)`): newsd never sees a
/// half-written file, and a name already in the inbox is never overwritten — the copy takes the
/// first free name of `name-2.txt`, `name-3.txt`, ….
enum AtomicCopy {
    /// Returns the path the copy got.
    static func copy(_ source: String, into folder: String, name: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw Output.Failure(code: 1, message: "cannot read \(source)")
        }
        let temporary = folder + "/." + name + ".\(getpid()).part"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o664)
        guard fd >= 0 else {
            throw Output.Failure(code: 1, message: "cannot write into \(folder): \(String(cString: strerror(errno)))")
        }
        var ok = data.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        if ok {
            for candidate in candidates(name) {
                let destination = folder + "/" + candidate
                if cnews_rename_noreplace(temporary, destination) == 0 { return destination }
                if errno != EEXIST { break }
            }
        }
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw Output.Failure(code: 1, message: "cannot copy \(source) into \(folder): \(reason)")
    }

    /// `name`, then `stem-2.ext`, `stem-3.ext`, … (at most 1,000 tries).
    static func candidates(_ name: String) -> [String] {
        let ext = URL(fileURLWithPath: name).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        return [name] + (2...1000).map { ext.isEmpty ? "\(stem)-\($0)" : "\(stem)-\($0).\(ext)" }
    }
}

/// Times on the command line: ISO 8601 passes through (newsd checks it); ages and words become
/// UTC instants here, where the user's clock is.
enum TimeArgument {
    /// `30m`, `6h`, `2d`, `1w` ago, `today` or `yesterday` (UTC midnight) → ISO 8601; anything else as is.
    static func resolve(_ text: String, now: Date = Date()) -> String {
        let t = text.trimmedOfSpaces.lowercased()
        let formatter = Date.ISO8601FormatStyle()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        switch t {
        case "now": return formatter.format(now)
        case "today": return formatter.format(calendar.startOfDay(for: now))
        case "yesterday": return formatter.format(calendar.startOfDay(for: now).addingTimeInterval(-86_400))
        default: break
        }
        let units: [(String, Double)] = [
            ("min", 60), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400), ("w", 604_800),
        ]
        for (suffix, seconds) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count)), n >= 0 else { continue }
            return formatter.format(now.addingTimeInterval(-n * seconds))
        }
        return text
    }
}
