import Foundation
import ZIPFoundation

/// Writes an Excel workbook (`.xlsx`) of Realise's own parts, streamed: each sheet's rows go to a temporary
/// file as they are added, and the parts are deflated into the archive from those files at the end. The
/// workbook appears at its path only when complete (written beside it, then renamed), so a failure leaves
/// nothing half-written.
///
/// Every sheet with a header has it frozen, bold and auto-filtered, and each column as wide as its widest
/// cell (within reason). Text is always a string, numbers numbers and days real date cells (see `WorkbookCell`).
public final class WorkbookWriter {
    private let path: String
    private let folder: URL
    private var sheets: [WorkbookSheet] = []

    /// A writer of the workbook at `path` (nothing is written there before `finish`).
    public init(path: String) throws {
        self.path = path
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("realise-xlsx-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Starts a new sheet named `name` (Excel's limit of 31 characters applies) with a header row of `headers`
    /// (none when empty); rows added next go to it.
    public func beginSheet(_ name: String, headers: [String]) throws {
        try sheets.last?.flush()
        let file = folder.appendingPathComponent("sheet\(sheets.count + 1).rows").path
        sheets.append(try WorkbookSheet(name: String(name.prefix(31)), headers: headers, file: file))
    }

    /// Appends a row to the current sheet.
    public func addRow(_ cells: [WorkbookCell]) throws {
        guard let sheet = sheets.last else { throw CocoaError(.fileWriteUnknown) }
        try sheet.add(cells)
    }

    /// Gives column `column` (1-based) of the current sheet a drop-down list of `values` below its header.
    public func addChoices(column: Int, _ values: [String]) {
        sheets.last?.choices.append(.init(column: column, values: values))
    }

    /// Writes the workbook to its path.
    public func finish() throws {
        if sheets.isEmpty { try beginSheet("Sheet1", headers: []) }
        for sheet in sheets { try sheet.flush() }
        let temporary = folder.appendingPathComponent("book.xlsx")
        let archive = try Archive(url: temporary, accessMode: .create, pathEncoding: nil)
        try add("[Content_Types].xml", WorkbookParts.contentTypes(sheets: sheets.count), to: archive)
        try add("_rels/.rels", WorkbookParts.packageRelationships, to: archive)
        try add("xl/workbook.xml", WorkbookParts.workbook(sheets.map { ($0.name, $0.hasHeader ? $0.range : nil) }), to: archive)
        try add("xl/_rels/workbook.xml.rels", WorkbookParts.workbookRelationships(sheets: sheets.count), to: archive)
        try add("xl/styles.xml", WorkbookParts.styles, to: archive)
        for (index, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", pieces: [.bytes(Data(sheet.head.utf8)), .file(sheet.file),
                                                                     .bytes(Data(sheet.tail.utf8))], to: archive)
        }
        let destination = URL(fileURLWithPath: path)
        let beside = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString)")
        try FileManager.default.copyItem(at: temporary, to: beside)
        guard rename(beside.path, destination.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: beside)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(code))])
        }
    }

    /// 1 January 2000, noon UTC: a ZIP time (local, in two-second steps) that no time zone moves out of its day.
    static let partDate = Date(timeIntervalSince1970: 946_728_000)

    private func add(_ name: String, _ text: String, to archive: Archive) throws {
        try add(name, pieces: [.bytes(Data(text.utf8))], to: archive)
    }

    private func add(_ name: String, pieces: [PartPiece], to archive: Archive) throws {
        let reader = try PartReader(pieces)
        // A fixed time on every part: the same workbook gives the same bytes.
        try archive.addEntry(with: name, type: .file, uncompressedSize: reader.size, modificationDate: WorkbookWriter.partDate,
                             compressionMethod: .deflate, bufferSize: 1 << 16) { _, size in try reader.read(size) }
    }
}
