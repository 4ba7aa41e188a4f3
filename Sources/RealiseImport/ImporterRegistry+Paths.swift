import Foundation
import RealiseModel

extension ImporterRegistry {
    /// Reads every plan file named or found under the given paths, collecting the problems of all files
    /// before failing, so one run shows everything to fix.
    ///
    /// Files a `GroupedPlanImporter` reads (the `results-csv` tables) are read together, one group per
    /// folder, and give one `ImportedFile` (see `read(group:with:options:)`); a group's place in the result is
    /// that of its first file.
    /// - Throws: the first missing-input error (exit 66) if any, else `.invalid` with every file's problems.
    public func readAll(paths: [String], format: ImportFormat? = nil, options: ImportOptions = .init()) throws(ImportError) -> [ImportedFile] {
        let files = try ImporterRegistry.planFiles(in: paths)
        var units: [(importer: any PlanImporter, files: [String])] = []
        var groups: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            do {
                let importer = try importer(for: file, format: format, options: options)
                guard importer is any GroupedPlanImporter else { units.append((importer, [file])); continue }
                let key = importer.format.rawValue + "|" + (file as NSString).deletingLastPathComponent
                if let index = groups[key] {
                    units[index].files.append(file)
                } else {
                    groups[key] = units.count
                    units.append((importer, [file]))
                }
            } catch {
                if error.isMissingInput { throw error }
                problems += error.diagnostics
            }
        }
        var imported: [ImportedFile] = []
        for unit in units {
            do {
                imported.append(try read(group: unit.files, with: unit.importer, options: options))
            } catch {
                if error.isMissingInput { throw error }
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        if imported.isEmpty {
            throw .invalid([Diagnostic(.error, path: paths.joined(separator: " "), line: 0,
                                       "no plan files (.xml, .csv, .tsv, .txt) found; give files or a folder holding them")])
        }
        return imported
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
