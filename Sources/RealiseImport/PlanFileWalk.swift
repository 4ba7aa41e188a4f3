import Foundation
import RealiseModel

/// The plan files named, or found under the folders named, for one import; and what the walk passed over.
///
/// Only regular files are ever opened. Named pipes, sockets and devices are skipped with a warning each,
/// unopened (opening a pipe waits for a writer forever). Symbolic links are followed, each folder is read
/// once: a link to a folder already read (a loop) and a link leading out of the folder given are reported
/// and not followed, so a walk always ends and never reads outside what it was given. A file reached by
/// two paths (itself and a link to it) is read once, by its own path. A plan file or folder that cannot
/// be read is an error naming it (exit 66), found before anything is read.
public struct PlanFileWalk: Sendable {
    /// The plan files, canonical (see `ImporterRegistry.canonical`): those named directly first, in the
    /// order given, then each folder's files sorted; each file once.
    public private(set) var files: [String] = []
    /// Each file's name as a source (see `ImportedFile.source`): its path under the folder named, or its file name
    /// when named itself.
    public private(set) var names: [String: String] = [:]
    /// One warning for each entry passed over: a special file, a link loop, a link out of the folder.
    public private(set) var warnings: [Diagnostic] = []

    /// The extensions of plan files (workbooks: `.xlsx`, `.xlsm`).
    public static let planExtensions: Set<String> = ["xml", "csv", "tsv", "txt", "xlsx", "xlsm"]

    private var unreadable: [String] = []
    /// Real paths of the files kept, so that a file reached again through a link is not read twice.
    private var kept: Set<String> = []

    /// Walks `paths`.
    /// - Throws: `.fileNotFound` for a path that does not exist, `.unreadable` naming the first plan file
    ///   or folder that cannot be read, or a path named directly that is not a regular file or folder.
    public init(paths: [String]) throws(ImportError) {
        for path in paths {
            guard let kind = FileKind(following: path) else { throw .fileNotFound(path: path) }
            switch kind {
            case .folder:
                var folder = FolderWalk(root: path)
                folder.walk()
                // A file reached both by its own path and through a link is kept by its own path.
                let own = Set(folder.files.filter { !$0.viaLink }.map(\.real))
                let base = path.hasSuffix("/") ? path : path + "/"
                for file in folder.files.sorted(by: { $0.path < $1.path }) where !file.viaLink || !own.contains(file.real) {
                    keep(file.path, real: file.real, name: file.path.hasPrefix(base) ? String(file.path.dropFirst(base.count)) : file.path)
                }
                warnings += folder.warnings
                unreadable += folder.unreadable
            case .file, .link:  // `stat` follows links: never `.link` here
                guard access(path, R_OK) == 0 else { throw .unreadable(path: path, reason: "permission denied") }
                keep(path, real: Self.realPath(path) ?? path, name: (path as NSString).lastPathComponent)
            case .special(let what):
                throw .unreadable(path: path, reason: "\(what), not a regular file; save its content to a file and import that")
            }
        }
        if let first = unreadable.first {
            let more = unreadable.count > 1 ? " (and \(unreadable.count - 1) more: \(unreadable.dropFirst().joined(separator: ", ")))" : ""
            throw .unreadable(path: first, reason: "permission denied\(more); give the user running realise read access")
        }
    }

    private mutating func keep(_ path: String, real: String, name: String) {
        guard kept.insert(real).inserted else { return }
        let canonical = ImporterRegistry.canonical(path)
        files.append(canonical)
        names[canonical] = name
    }

    /// The path with every link resolved, or nil when it cannot be (a broken link).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// What a directory entry is, by `stat` or `lstat`: never by opening it.
enum FileKind: Equatable {
    case file, folder, link
    /// A named pipe, a socket or a device, described for a message.
    case special(String)

    /// The kind of what `path` leads to (links followed); nil when nothing does.
    init?(following path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(mode: info.st_mode)
    }

    /// The kind of the entry itself (a link is `.link`); nil when it has gone.
    init?(entry path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(mode: info.st_mode)
    }

    private init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .folder
        case S_IFLNK: self = .link
        case S_IFIFO: self = .special("a named pipe (FIFO)")
        case S_IFSOCK: self = .special("a socket")
        case S_IFCHR: self = .special("a character device")
        case S_IFBLK: self = .special("a block device")
        default: self = .special("a special file")
        }
    }
}
