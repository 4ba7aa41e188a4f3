import Foundation
import RealiseModel

/// One folder's walk for `PlanFileWalk`: every entry examined by `lstat`, links resolved with `realpath`,
/// each real folder read once, nothing outside the root followed. The folders themselves are read first and
/// the links after, so what a link leads to that was already read by its own path is not read again.
struct FolderWalk {
    /// A plan file found: the path it was found by, its real path, and whether a link led to it.
    struct Found { var path: String, real: String, viaLink: Bool }

    let root: String
    private(set) var files: [Found] = []
    private(set) var warnings: [Diagnostic] = []
    /// Plan files and folders that exist but cannot be read.
    private(set) var unreadable: [String] = []
    private let realRoot: String
    private var visited: Set<String> = []
    /// Links met and not yet followed, in the order met.
    private var links: [String] = []

    init(root: String) {
        self.root = root
        realRoot = PlanFileWalk.realPath(root) ?? root
    }

    /// Walks the whole folder.
    mutating func walk() {
        visited.insert(realRoot)
        read(folder: root, viaLink: false)
        var next = 0
        while next < links.count {
            follow(links[next])
            next += 1
        }
    }

    private mutating func read(folder: String, viaLink: Bool) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            unreadable.append(ImporterRegistry.canonical(folder))
            return
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        // `~$register.xlsx` is the lock file Excel keeps beside a workbook it has open, not a workbook.
        for name in names.sorted() where !name.hasPrefix(".") && !name.hasPrefix("~$") {
            examine(base + name, viaLink: viaLink)
        }
    }

    private mutating func examine(_ path: String, viaLink: Bool) {
        switch FileKind(entry: path) {
        case nil: return  // gone since the folder was listed
        case .file?: found(path, real: PlanFileWalk.realPath(path) ?? path, viaLink: viaLink)
        case .folder?:
            // A folder reached by its own path inside a folder read once is new unless a link led there first.
            guard let real = PlanFileWalk.realPath(path), visited.insert(real).inserted else { return }
            read(folder: path, viaLink: viaLink)
        case .link?: links.append(path)
        case .special(let what)?: warn(path, "skipped: \(what), not a regular file (never opened)")
        }
    }

    private mutating func follow(_ link: String) {
        guard let real = PlanFileWalk.realPath(link), let kind = FileKind(following: real) else {
            return warn(link, "skipped: a symbolic link to nothing (broken)")
        }
        guard FolderWalk.path(real, isInside: realRoot) else {
            return warn(link, "not followed: a symbolic link leading out of the folder, to \(real)")
        }
        switch kind {
        case .folder:
            guard visited.insert(real).inserted else {
                let from = PlanFileWalk.realPath((link as NSString).deletingLastPathComponent) ?? ""
                let loop = FolderWalk.path(from, isInside: real)
                return warn(link, loop ? "not followed: a symbolic link loop (it leads back to \(real))"
                                       : "not followed: a symbolic link to \(real), which is read by its own path")
            }
            read(folder: link, viaLink: true)
        case .file: found(link, real: real, viaLink: true)
        case .special(let what): warn(link, "skipped: a symbolic link to \(what), not a regular file (never opened)")
        case .link: return  // realpath resolved every link
        }
    }

    /// Whether `path` is `folder` or lies under it (both real paths).
    private static func path(_ path: String, isInside folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    private mutating func found(_ path: String, real: String, viaLink: Bool) {
        let ext = (path as NSString).pathExtension.lowercased()
        guard PlanFileWalk.planExtensions.contains(ext) else { return }
        guard access(path, R_OK) == 0 else { return unreadable.append(ImporterRegistry.canonical(path)) }
        files.append(Found(path: path, real: real, viaLink: viaLink))
    }

    private mutating func warn(_ path: String, _ message: String) {
        warnings.append(Diagnostic(.warning, path: ImporterRegistry.canonical(path), line: 0, message))
    }
}
