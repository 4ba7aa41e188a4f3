import Foundation
import RealiseModel
import ZIPFoundation

/// A workbook's ZIP archive, opened for reading part by part: each part is inflated, a chunk at a time, into
/// a private temporary file that the hardened XML reader then streams (`XMLPullReader` reads files, and
/// libxml2 must never see an inflated part whole in memory).
///
/// Refused, before any part is used: an archive that is not one (truncated, damaged), a part name that
/// leads outside the archive (`..`, an absolute path), too many parts, and a ZIP bomb — a part or the
/// whole inflating past `WorkbookLimits`, counted as the bytes come, whatever the archive declares.
final class WorkbookArchive {
    let path: String
    let limits: WorkbookLimits
    let archive: Archive
    /// Entries by lower-cased part name (OPC part names are compared without case).
    let entries: [String: Entry]
    /// The private folder inflated parts are written to, removed with the archive.
    let folder: URL
    /// Bytes inflated so far, for the limit on the whole workbook.
    var inflated: Int64 = 0
    /// Parts inflated so far, each to its own file.
    var extracted = 0

    /// Opens the archive at `path` and checks its part names and declared sizes.
    /// - Throws: `.invalid` with one line saying what is wrong.
    init(path: String, limits: WorkbookLimits) throws(ImportError) {
        self.path = path
        self.limits = limits
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw WorkbookArchive.refused(path, "the workbook is damaged or truncated (its ZIP directory cannot be read); "
                                          + "open it in Excel and save it again")
        }
        self.archive = archive
        var entries: [String: Entry] = [:]
        var declared: Int64 = 0
        for entry in archive {
            guard entries.count < limits.entries else {
                throw WorkbookArchive.refused(path, "the workbook holds more than \(limits.entries) parts, more than any workbook needs; it is refused")
            }
            let name = entry.path
            if WorkbookArchive.escapes(name) {
                throw WorkbookArchive.refused(path, "the workbook has a part named '\(name.prefix(80))', which leads outside it "
                                              + "(a '..' or absolute path); it is refused")
            }
            try WorkbookArchive.checkDeclared(entry, path: path, limits: limits)
            declared += Int64(clamping: entry.uncompressedSize)
            entries[name.lowercased()] = entry
        }
        if declared > limits.totalBytes {
            throw WorkbookArchive.refused(path, "the workbook would inflate to \(WorkbookLimits.size(declared)), more than the "
                                          + "\(WorkbookLimits.size(limits.totalBytes)) limit on a whole workbook (a ZIP bomb?); it is refused")
        }
        self.entries = entries
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-xlsx-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Whether the archive holds the part (case-insensitive).
    func contains(_ part: String) -> Bool { entries[part.lowercased()] != nil }

    /// The archive's part names (as stored).
    var partNames: [String] { entries.values.map(\.path) }

    /// The diagnostic for a refused workbook: one line, on the workbook.
    static func refused(_ path: String, _ message: String) -> ImportError {
        .invalid([Diagnostic(.error, path: path, line: 0, message)])
    }

    /// Whether a part name leads outside the archive: absolute (`/x`, `\x`, `C:x`) or with a `..` step.
    static func escapes(_ name: String) -> Bool {
        if name.hasPrefix("/") || name.hasPrefix("\\") { return true }
        let bytes = Array(name.utf8)
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":") { return true }
        return name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
    }

    private static func checkDeclared(_ entry: Entry, path: String, limits: WorkbookLimits) throws(ImportError) {
        let size = Int64(clamping: entry.uncompressedSize)
        let packed = max(Int64(clamping: entry.compressedSize), 1)
        if size > limits.partBytes {
            throw refused(path, "part '\(entry.path.prefix(80))' would inflate to \(WorkbookLimits.size(size)), more than the "
                          + "\(WorkbookLimits.size(limits.partBytes)) limit on one part (a ZIP bomb?); it is refused")
        }
        if size > limits.ratioFloorBytes, size / packed > limits.ratio {
            throw refused(path, "part '\(entry.path.prefix(80))' would inflate \(size / packed) times over, more than the "
                          + "\(limits.ratio)-to-1 limit on compression (a ZIP bomb?); it is refused")
        }
    }
}
