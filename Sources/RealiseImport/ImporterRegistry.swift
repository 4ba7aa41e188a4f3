import Foundation
import RealiseModel

/// The importers Realise knows, and the choice of one for a file by content sniffing (root element and
/// namespace for XML, header row for CSV), never by extension alone.
public struct ImporterRegistry: Sendable {
    public let importers: [any PlanImporter]

    /// The registry with every built-in format. Order matters, the first importer that recognises a file wins:
    /// GMPP comes before the register because a GMPP header may have a "Project ID" column, which the register
    /// would take for its deliverables table (GMPP in turn declines any header with a register id column);
    /// `results-csv` (a header with `activity_identifier`) also comes before the register, whose tables never
    /// have that column.
    public static let standard = ImporterRegistry(importers: [
        XLSXImporter(), RealiseXMLImporter(), MSPDIImporter(), IATIImporter(), GMPPImporter(), ResultsCSVImporter(), RegisterCSVImporter(),
    ])

    public init(importers: [any PlanImporter]) { self.importers = importers }

    /// The importer for a format id.
    public func importer(for format: ImportFormat) -> (any PlanImporter)? {
        importers.first { $0.format == format }
    }

    /// The importer whose format the file's content matches.
    /// - Throws: `.fileNotFound`, `.unreadable`, or `.unknownFormat` saying what was seen.
    public func detect(path: String, options: ImportOptions = .init()) throws(ImportError) -> any PlanImporter {
        let head = try FileHead.read(path: path)
        if let found = importers.first(where: { $0.recognises(head, options: options) }) { return found }
        let seen: String
        if let root = head.rootElement {
            seen = "XML with root <\(root)>" + (head.rootNamespace.map { " in namespace \($0)" } ?? " and no namespace")
        } else if head.bytes.starts(with: WorkbookKind.zipMagic) {
            seen = "a ZIP archive that is not an Excel workbook (no xl/workbook.xml)"
        } else if head.text.isEmpty {
            seen = "the file is empty"
        } else if head.text.unicodeScalars.contains(where: { $0.value == 0 || $0 == "\u{FFFD}" }) {
            seen = "binary content"
        } else {
            seen = "no recognised header row"
        }
        throw .unknownFormat(path: path, hint: seen)
    }

    /// The import unit of one file, with the given or detected importer, fingerprinted (not yet read).
    public func importUnit(path: String, format: ImportFormat? = nil, options: ImportOptions = .init()) throws(ImportError) -> ImportedFile {
        try importUnit(group: [path], with: importer(for: path, format: format, options: options), options: options)
    }

    /// Reads one file whole, with the given or detected importer.
    public func read(path: String, format: ImportFormat? = nil, options: ImportOptions = .init()) throws(ImportError) -> LoadedFile {
        try ImporterRegistry.load(importUnit(path: path, format: format, options: options))
    }

    /// Reads files that one importer reads together whole (see `importUnit(group:with:options:)`).
    public func read(group files: [String], with importer: any PlanImporter, options: ImportOptions = .init()) throws(ImportError) -> LoadedFile {
        try ImporterRegistry.load(importUnit(group: files, with: importer, options: options))
    }

    /// Reads a unit whole.
    static func load(_ unit: ImportedFile) throws(ImportError) -> LoadedFile {
        do { return try unit.load() } catch let error as ImportError { throw error } catch {
            throw .unreadable(path: unit.path, reason: "\(error)")
        }
    }

    /// The importer for a file: the one for `format` when given (the file must still be readable), else the
    /// detected one.
    func importer(for path: String, format: ImportFormat?, options: ImportOptions) throws(ImportError) -> any PlanImporter {
        guard let format else { return try detect(path: path, options: options) }
        guard let chosen = importer(for: format) else { throw .unknownFormat(path: path, hint: "no importer for \(format.rawValue)") }
        _ = try FileHead.read(path: path)
        return chosen
    }

    /// The import unit of files that one importer reads together, fingerprinted; the files are read when
    /// the unit's `read` is called (by the workspace, inside its import transaction). One file is read as
    /// itself. Several (only for a `GroupedPlanImporter`: its tables found in one folder) are read as one
    /// unit whose path is their folder with a trailing `/`, whose SHA-256 covers every member, and whose
    /// `parts` are the members (sorted), so the workspace recognises an unchanged group and withdraws, on
    /// re-import, what the group's tables no longer state. Reading fails when a file changed (size,
    /// modification time or inode) since the unit was made.
    public func importUnit(group files: [String], with importer: any PlanImporter, options: ImportOptions = .init()) throws(ImportError) -> ImportedFile {
        let files = files.sorted()
        // Stamped before the fingerprint and checked after the read: a file written meanwhile fails the import.
        let stamps = FileStamp.of(files)
        guard files.count > 1, let grouped = importer as? any GroupedPlanImporter else {
            let path = files.first ?? ""
            return ImportedFile(path: path, format: importer.format.rawValue, sha256: try FileDigest.sha256(path: path)) { sink in
                let warnings = try importer.read(path: path, options: options, into: sink)
                try FileStamp.check(files, against: stamps)
                return warnings
            }
        }
        let folder = (files[0] as NSString).deletingLastPathComponent
        return ImportedFile(path: folder.isEmpty ? "./" : folder + "/", format: importer.format.rawValue,
                            sha256: try FileDigest.sha256(group: files), parts: files) { sink in
            let warnings = try grouped.read(group: files, options: options, into: sink)
            try FileStamp.check(files, against: stamps)
            return warnings
        }
    }

    /// Expands folders (recursively, sorted, hidden files skipped) into the plan files under them:
    /// files with a plan extension (`.xml`, `.csv`, `.tsv`, `.txt`). Files named directly are kept as given.
    /// See `PlanFileWalk` for what is passed over and why.
    public static func planFiles(in paths: [String]) throws(ImportError) -> [String] {
        try PlanFileWalk(paths: paths).files
    }
}
