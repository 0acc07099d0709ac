import Glibc
import SystemPackage

/// Walks the inbox (`opendir(3)`/`readdir(3)`) for the start-up and reconcile scans. Symlinks
/// are never followed; names are kept as bytes.
public struct InboxScanner: Sendable {
    /// The folder to walk.
    public var root: FilePath
    /// Which names count.
    public var patterns: FilePatterns
    /// Whether to descend into subfolders.
    public var recursive: Bool
    /// Folders never walked (quarantine and archive folders when they lie inside the inbox).
    public var excluded: [FilePath]

    /// Creates a scanner.
    public init(root: FilePath, patterns: FilePatterns, recursive: Bool, excluded: [FilePath] = []) {
        self.root = root
        self.patterns = patterns
        self.recursive = recursive
        self.excluded = excluded
    }

    /// Every accepted regular file under `folder` (default: the root), sorted by path.
    /// - Throws: `Errno` when a folder cannot be read; a partial scan must not be taken for deletions.
    public func files(under folder: FilePath? = nil) throws(Errno) -> [FilePath] {
        var found: [FilePath] = []
        try walk(folder ?? root, into: &found)
        return found.sorted { $0.string < $1.string }
    }

    /// Every accepted folder under `folder`, itself included, for setting watches.
    /// - Throws: `Errno` when a folder cannot be read.
    public func folders(under folder: FilePath? = nil) throws(Errno) -> [FilePath] {
        var found: [FilePath] = []
        try walkFolders(folder ?? root, into: &found)
        return found
    }

    private func entries(of folder: FilePath) throws(Errno) -> [(name: String, isDirectory: Bool, isFile: Bool)] {
        guard let dir = folder.withPlatformString({ opendir($0) }) else { throw Errno(rawValue: errno) }
        defer { closedir(dir) }
        var result: [(String, Bool, Bool)] = []
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
                var st = stat()
                let child = FileProcessor.path(folder, name)
                if child.withPlatformString({ lstat($0, &st) }) != 0 { continue }
                type = (st.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : ((st.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0)
            }
            // A symlink is never followed, to a folder or to a file: the inbox is a boundary.
            result.append((name, type == Int32(DT_DIR), type == Int32(DT_REG)))
        }
        return result
    }

    private func walk(_ folder: FilePath, into found: inout [FilePath]) throws(Errno) {
        for entry in try entries(of: folder) {
            let child = FileProcessor.path(folder, entry.name)
            if entry.isFile, patterns.accepts(fileName: entry.name) {
                found.append(child)
            } else if entry.isDirectory, recursive, patterns.accepts(directoryName: entry.name),
                !excluded.contains(child)
            {
                do {
                    try walk(child, into: &found)
                } catch Errno.noSuchFileOrDirectory {
                    continue  // removed while we walked
                }
            }
        }
    }

    private func walkFolders(_ folder: FilePath, into found: inout [FilePath]) throws(Errno) {
        found.append(folder)
        guard recursive else { return }
        for entry in try entries(of: folder) where entry.isDirectory {
            let child = FileProcessor.path(folder, entry.name)
            guard patterns.accepts(directoryName: entry.name), !excluded.contains(child) else { continue }
            do {
                try walkFolders(child, into: &found)
            } catch Errno.noSuchFileOrDirectory {
                continue
            }
        }
    }
}
