import Foundation
import RealiseModel

/// Which sources an import may take ids over from, as their new version, and which it took over.
///
/// An id the workspace holds from a source this import does not read is normally refused (two files may not
/// define one id). A file of this import takes it over, as a new version of that source, when the source:
/// - is named by `--supersedes` (`named`);
/// - was read from a file that no longer exists where it was, or that is one of the files this import reads
///   (the same file, named differently: imported before from another folder or by an older Realise);
/// - is a GMPP return of an earlier year than the GMPP return taking it over.
/// What a source taken over held and no file of the import states is withdrawn when the import ends.
final class SourceVersions {
    private let db: any SQLConnection
    /// The sources named by `--supersedes`.
    let named: Set<String>
    /// The real paths of the files this import reads.
    private let reading: Set<String>
    /// What was decided for each source part met.
    private var decided: [String: Bool] = [:]
    /// GMPP returns held that are of the same year as the one being imported (an earlier year goes into history).
    private(set) var laterEditions: Set<String> = []
    /// The source parts taken over, in the order they were, with the run that took each over.
    private(set) var takenOver: [(part: String, run: Int64, by: String)] = []

    init(db: any SQLConnection, named: Set<String>, reading files: [ImportedFile]) {
        self.db = db
        self.named = named
        reading = Set(files.flatMap(\.parts).map { PathIdentity.real(Workspace.absolute($0)) })
    }

    /// The names given to `--supersedes`, each checked to name a source of the workspace.
    /// - Throws: `.invalidValue` for a name no import run has, with the nearest one.
    static func named(_ names: [String], db: any SQLConnection) throws -> Set<String> {
        guard !names.isEmpty else { return [] }
        let known = Set(try db.fetchAll("SELECT DISTINCT path FROM import_run").map { $0["path"] as String })
        for name in names where !known.contains(name) {
            let near = NearMiss.closest(to: name, among: Array(known)).map { " (did you mean '\($0)'?)" } ?? ""
            throw StoreError.invalidValue("--supersedes '\(name)' names no source of this workspace\(near); "
                + "`realise list imports` shows the sources by name")
        }
        return Set(names)
    }

    /// Whether what the source part `part` holds may still be taken over and withdrawn by this import, as far as is
    /// known without looking: it is named by `--supersedes` or was taken over already.
    func mayBeTakenOver(_ part: String) -> Bool {
        decided[part] == true || named.contains(part) || named.contains { $0.hasSuffix("/") && part.hasPrefix($0) }
    }

    /// Whether an entity of the source part `part` may be taken over by `file` (of `format`, its version made on
    /// `version`) in run `run`; recorded when it may.
    func mayTakeOver(_ part: String, by file: String, format: String, version: Day?, run: Int64) throws -> Bool {
        if let known = decided[part] { return known }
        let source = try latestRun(of: part)
        var may = mayBeTakenOver(part) || source.map { named.contains($0.path) } == true
        if !may, let source {
            let location = source.location ?? source.path
            let real = PathIdentity.real(Workspace.absolute(location))
            may = !FileManager.default.fileExists(atPath: location) || reading.contains(real)
            if !may, format == ImportedFile.yearlyEditionFormat, source.format == format, let version, let old = source.version {
                may = old < version
                if !may { laterEditions.insert(part) }
            }
        }
        decided[part] = may
        if may { takenOver.append((part, run, file)) }
        return may
    }

    /// The latest run that read `part`: the part's own, or its group's (a folder name ending in `/`); the location
    /// of the part itself.
    private func latestRun(of part: String) throws -> (path: String, location: String?, format: String, version: Day?)? {
        let folder = (part as NSString).deletingLastPathComponent
        let group = folder.isEmpty ? nil : folder + "/"
        guard let row = try db.fetchOne("""
            SELECT path, location, format, version_date FROM import_run WHERE path = ? OR path = ? ORDER BY id DESC LIMIT 1
            """, [part, group]) else { return nil }
        let path: String = row["path"]
        var location: String? = row["location"]
        if path != part, let folderLocation = location { location = folderLocation + (part as NSString).lastPathComponent }
        return (path, location, row["format"], (row["version_date"] as String?).flatMap { Day(iso: $0) })
    }

    /// The parts of the sources named by `--supersedes`: a group's members, a file's own name.
    func namedParts() throws -> [String] {
        var parts: [String] = []
        for name in named.sorted() {
            guard name.hasSuffix("/") else { parts.append(name); continue }
            parts += try db.fetchAll("SELECT DISTINCT source_path FROM entity WHERE substr(source_path, 1, ?) = ? ORDER BY source_path",
                                     [name.count, name]).map { $0["source_path"] as String }
        }
        return parts
    }
}

/// A file's identity on this machine, and its age.
enum PathIdentity {
    /// The day (UTC) the latest of `paths` was last written, when any can be read: the version date of a file that
    /// does not state one.
    static func lastModified(_ paths: [String]) -> Day? {
        let dates = paths.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        return dates.max().map { Day(dayNumber: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down))) }
    }

    /// The path with every link resolved, or as given when it cannot be.
    static func real(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension Workspace {
    /// `path` made absolute against the current folder, standardised.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
