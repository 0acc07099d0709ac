import Glibc
import SystemPackage

/// Walks the inbox (`opendir(3)`/`readdir(3)`) for the start-up and reconcile scans. Symlinks
/// are never followed; names are kept as bytes.
///
/// A scan hands its files over a chunk at a time as it walks (`scan`): an inbox of 100,000 files
/// is never one array of paths. Only the accepted names of the folders being walked are held, each
/// folder's packed in one buffer (`FolderListing`).
public struct InboxScanner: Sendable {
    /// The folder to walk.
    public var root: FilePath
    /// Which names count.
    public var patterns: FilePatterns
    /// Whether to descend into subfolders.
    public var recursive: Bool
    /// Folders never walked (quarantine and archive folders when they lie inside the inbox).
    public var excluded: [FilePath]

    /// Files handed over at once by `scan`.
    public static let chunk = 512

    /// Creates a scanner.
    public init(root: FilePath, patterns: FilePatterns, recursive: Bool, excluded: [FilePath] = []) {
        self.root = root
        self.patterns = patterns
        self.recursive = recursive
        self.excluded = excluded
    }

    /// Walks `folder` (default: the root) and hands `visit` every accepted regular file under it, as
    /// absolute paths in `RawName`'s escaped form, in path order, up to `chunk` at a time.
    /// - Throws: `Errno` when a folder cannot be read (the files handed over before stay handed
    ///   over); a partial scan must not be taken for deletions.
    public func scan(under folder: FilePath? = nil, chunk: Int = chunk, _ visit: ([String]) -> Void) throws(Errno) {
        var pending: [String] = []
        pending.reserveCapacity(chunk)
        try walk(RawName.string(folder ?? root)) { path in
            pending.append(path)
            if pending.count >= chunk {
                visit(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        if !pending.isEmpty { visit(pending) }
    }

    /// Every accepted regular file under `folder` (default: the root), in path order.
    /// - Throws: `Errno` when a folder cannot be read.
    public func files(under folder: FilePath? = nil) throws(Errno) -> [FilePath] {
        var found: [FilePath] = []
        try scan(under: folder) { found += $0.map(RawName.path) }
        return found
    }

    /// Every accepted folder under `folder`, itself included, for setting watches.
    /// - Throws: `Errno` when a folder cannot be read.
    public func folders(under folder: FilePath? = nil) throws(Errno) -> [FilePath] {
        var found: [FilePath] = []
        try walkFolders(folder ?? root, into: &found)
        return found
    }

    /// The accepted entries of a folder: regular files that `patterns` accepts and, when
    /// recursive, the folders to descend into. Names in escaped form.
    private func listing(of folder: String) throws(Errno) -> FolderListing {
        let path = RawName.path(folder)
        guard let dir = path.withPlatformString({ opendir($0) }) else { throw Errno(rawValue: errno) }
        defer { closedir(dir) }
        var listing = FolderListing()
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw Errno(rawValue: errno) }
                break
            }
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { Inotify.name($0) }
            }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                // Some filesystems do not fill d_type: look without following a symlink.
                guard let st = try? FileProcessor.path(path, name).stat(followTargetSymlink: false) else { continue }
                type = st.type == .directory ? Int32(DT_DIR) : (st.type == .regular ? Int32(DT_REG) : 0)
            }
            // A symlink is never followed, to a folder or to a file: the inbox is a boundary.
            if type == Int32(DT_REG), patterns.accepts(fileName: name) {
                listing.add(name, isFolder: false)
            } else if type == Int32(DT_DIR), recursive, patterns.accepts(directoryName: name),
                !excluded.contains(FileProcessor.path(path, name))
            {
                listing.add(name, isFolder: true)
            }
        }
        listing.sort()
        return listing
    }

    private func walk(_ folder: String, _ found: (String) -> Void) throws(Errno) {
        let listing = try listing(of: folder)
        let parent = folder.hasSuffix("/") ? folder : folder + "/"
        for entry in listing.entries {
            let child = parent + listing.name(entry)
            guard entry.isFolder else {
                found(child)
                continue
            }
            do {
                try walk(child, found)
            } catch Errno.noSuchFileOrDirectory {
                continue  // removed while we walked
            }
        }
    }

    private func walkFolders(_ folder: FilePath, into found: inout [FilePath]) throws(Errno) {
        found.append(folder)
        guard recursive else { return }
        let listing = try listing(of: RawName.string(folder))
        for entry in listing.entries where entry.isFolder {
            do {
                try walkFolders(FileProcessor.path(folder, listing.name(entry)), into: &found)
            } catch Errno.noSuchFileOrDirectory {
                continue
            }
        }
    }
}

/// One folder's accepted names, packed in one buffer, in path order (a folder sorts as its name
/// followed by `/`, so a walk in this order gives the files in the order of their whole paths).
struct FolderListing {
    struct Entry {
        var start: UInt32
        var length: UInt32
        var isFolder: Bool
    }

    private var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []

    mutating func add(_ name: String, isFolder: Bool) {
        entries.append(Entry(start: UInt32(bytes.count), length: UInt32(name.utf8.count), isFolder: isFolder))
        bytes.append(contentsOf: name.utf8)
    }

    func name(_ entry: Entry) -> String {
        String(decoding: bytes[Int(entry.start)..<Int(entry.start + entry.length)], as: UTF8.self)
    }

    mutating func sort() {
        bytes.withUnsafeBufferPointer { all in
            entries.sort { a, b in
                Self.precedes(all, a, b)
            }
        }
    }

    /// Byte order of the names, a folder's name followed by `/`.
    private static func precedes(_ all: UnsafeBufferPointer<UInt8>, _ a: Entry, _ b: Entry) -> Bool {
        func byte(_ e: Entry, _ i: Int) -> UInt8? {
            if i < Int(e.length) { return all[Int(e.start) + i] }
            return i == Int(e.length) && e.isFolder ? UInt8(ascii: "/") : nil
        }
        var i = 0
        while true {
            switch (byte(a, i), byte(b, i)) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?):
                if x != y { return x < y }
            }
            i += 1
        }
    }
}
