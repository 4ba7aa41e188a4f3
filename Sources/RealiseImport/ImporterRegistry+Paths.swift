import Foundation
import RealiseModel

extension ImporterRegistry {
    /// The units of one import and the warnings of the folder walk that found them.
    public typealias ImportUnits = (units: [ImportedFile], warnings: [Diagnostic])

    /// The import units of every plan file named or found under the given paths, fingerprinted but not yet
    /// read: the workspace reads them inside its import transaction.
    ///
    /// Files a `GroupedPlanImporter` reads (the `results-csv` tables) are read together, one group per
    /// folder, and give one `ImportedFile` (see `importUnit(group:with:options:)`); a group's place in the result is
    /// that of its first file. A file in no known format gives a unit whose reading fails with that problem,
    /// so that an import reports it together with the problems of every other file.
    /// The warnings are the folder walk's (see `PlanFileWalk`): entries passed over, for the caller to show.
    /// - Throws: the first missing-input error (exit 66), or `.invalid` when no plan file was found.
    public func importUnits(paths: [String], format: ImportFormat? = nil, options: ImportOptions = .init()) throws(ImportError) -> ImportUnits {
        let walk = try PlanFileWalk(paths: paths)
        let files = walk.files
        var units: [(importer: (any PlanImporter)?, files: [String], problem: ImportError?)] = []
        var groups: [String: Int] = [:]
        for file in files {
            do {
                let importer = try importer(for: file, format: format, options: options)
                guard importer is any GroupedPlanImporter else { units.append((importer, [file], nil)); continue }
                let key = importer.format.rawValue + "|" + (file as NSString).deletingLastPathComponent
                if let index = groups[key] {
                    units[index].files.append(file)
                } else {
                    groups[key] = units.count
                    units.append((importer, [file], nil))
                }
            } catch {
                if error.isMissingInput { throw error }
                units.append((nil, [file], error))
            }
        }
        if units.isEmpty {
            throw .invalid([Diagnostic(.error, path: paths.joined(separator: " "), line: 0,
                                       "no plan files (.xml, .csv, .tsv, .txt) found; give files or a folder holding them")])
        }
        let read = try units.map { unit throws(ImportError) in
            guard let importer = unit.importer else {
                let problem = unit.problem ?? .invalid([])
                return ImportedFile(path: unit.files[0], format: "unknown", sha256: "") { _ in throw problem }
            }
            return Self.named(try importUnit(group: unit.files, with: importer, options: options), walk.names)
        }
        try Self.checkNames(read)
        return (read, walk.warnings)
    }

    /// `unit` named as a source from the walk's names of its files. A group's members are named under their folder's
    /// name, which is the folder's own name when it is the folder given, so that a group is named alike whether its
    /// folder or the one above it was given.
    static func named(_ unit: ImportedFile, _ names: [String: String]) -> ImportedFile {
        let parts = unit.parts.map { names[$0] ?? $0 }
        guard unit.parts.count > 1 || unit.path != unit.parts.first else { return unit.named(parts[0], parts: parts) }
        var folder = (parts[0] as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = ((unit.path as NSString).standardizingPath as NSString).lastPathComponent }
        let prefix = folder.isEmpty || folder == "/" ? "" : folder + "/"
        return unit.named(prefix, parts: parts.map { prefix + ($0 as NSString).lastPathComponent })
    }

    /// Two units of one import may not have one source name: each would be taken for a new version of the other.
    static func checkNames(_ units: [ImportedFile]) throws(ImportError) {
        var first: [String: String] = [:]
        var problems: [Diagnostic] = []
        for unit in units where !unit.source.isEmpty {
            if let other = first[unit.source] {
                problems.append(Diagnostic(.error, path: unit.path, line: 0,
                    "this file and \(other) are both the source named '\(unit.source)' (a source is named by its path under the folder "
                        + "given, or its file name when given by itself); import the folder holding both, or rename one"))
            } else {
                first[unit.source] = unit.path
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
    }

    /// Reads every plan file named or found under the given paths whole (see `importUnits`), collecting the
    /// problems of all files before failing, so one run shows everything to fix.
    /// - Throws: the first missing-input error (exit 66) if any, else `.invalid` with every file's problems.
    public func readAll(paths: [String], format: ImportFormat? = nil, options: ImportOptions = .init()) throws(ImportError) -> [LoadedFile] {
        var loaded: [LoadedFile] = []
        var problems: [Diagnostic] = []
        for unit in try importUnits(paths: paths, format: format, options: options).units {
            do { loaded.append(try ImporterRegistry.load(unit)) } catch {
                if error.isMissingInput { throw error }
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return loaded
    }

    /// A path as stored in the workspace: standardised, and relative to the current folder when inside it,
    /// so `./imports/a.xml`, `imports//a.xml` and its absolute path are all `imports/a.xml`.
    public static func canonical(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
