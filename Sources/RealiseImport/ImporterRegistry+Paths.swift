import Foundation
import RealiseModel

extension ImporterRegistry {
    /// Reads every plan file named or found under the given paths, collecting the problems of all files
    /// before failing, so one run shows everything to fix.
    /// - Throws: the first missing-input error (exit 66) if any, else `.invalid` with every file's problems.
    public func readAll(paths: [String], format: ImportFormat? = nil, options: ImportOptions = .init()) throws(ImportError) -> [ImportedFile] {
        let files = try ImporterRegistry.planFiles(in: paths)
        var imported: [ImportedFile] = []
        var problems: [Diagnostic] = []
        for file in files {
            do {
                imported.append(try read(path: file, format: format, options: options))
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
