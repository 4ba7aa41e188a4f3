import Foundation
import RealiseModel

/// An opened workbook: its archive, its manifest and what every sheet's cells need (shared strings, styles,
/// date system). Sheets are opened one at a time and streamed.
final class Workbook {
    let path: String
    let archive: WorkbookArchive
    let manifest: WorkbookManifest
    let context: SheetCell.Context

    /// Opens the workbook at `path`, refusing what is hostile or damaged (see `WorkbookArchive`).
    init(path: String, limits: WorkbookLimits) throws(ImportError) {
        self.path = path
        archive = try WorkbookArchive(path: path, limits: limits)
        try archive.checkPrologs()
        manifest = try WorkbookManifest(archive: archive)
        var strings = SharedStrings()
        let stringsPart = manifest.sharedStringsPart ?? "xl/sharedStrings.xml"
        if let reader = try archive.reader(stringsPart, name: archive.partName(stringsPart)) {
            strings = try SharedStrings(reader: reader)
        }
        var styles = CellStyles()
        let stylesPart = manifest.stylesPart ?? "xl/styles.xml"
        if let reader = try archive.reader(stylesPart, name: archive.partName(stylesPart)) {
            styles = try CellStyles(reader: reader)
        }
        context = SheetCell.Context(strings: strings, styles: styles, date1904: manifest.date1904)
    }

    /// The path of a sheet in diagnostics and entity sources: `book.xlsx[Sheet]`.
    func sheetPath(_ sheet: WorkbookManifest.Sheet) -> String {
        CellReference.sheetPath(workbook: path, sheet: sheet.name)
    }

    /// A reader of the sheet's rows; nil for a sheet with no worksheet part (a chart sheet).
    func rows(of sheet: WorkbookManifest.Sheet) throws(ImportError) -> SheetReader? {
        guard !sheet.isChart, let part = sheet.part, let file = try archive.extract(part) else { return nil }
        defer { unlink(file) }
        let merges = try MergedRanges(file: file, name: archive.partName(part))
        let reader = try XMLPullReader(path: file, name: archive.partName(part))
        return SheetReader(reader: reader, path: sheetPath(sheet), context: context, merges: merges)
    }

    /// The inflated size of a sheet's part, for progress (0 when unknown).
    func size(of sheet: WorkbookManifest.Sheet) -> Int {
        sheet.part.flatMap { archive.entries[$0.lowercased()] }.map { Int(clamping: $0.uncompressedSize) } ?? 0
    }

    /// The sheets `names` pick (all when empty), compared without case.
    /// - Throws: `.invalid` naming a sheet the workbook does not have, and the sheets it has.
    func sheets(named names: [String]) throws(ImportError) -> [WorkbookManifest.Sheet] {
        guard !names.isEmpty else { return manifest.sheets }
        let missing = names.filter { name in !manifest.sheets.contains { $0.name.lowercased() == name.lowercased() } }
        if !missing.isEmpty {
            let have = manifest.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            throw WorkbookArchive.refused(path, "the workbook has no sheet \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                                          + "its sheets are \(have): give one of them with --sheet")
        }
        return manifest.sheets.filter { sheet in names.contains { $0.lowercased() == sheet.name.lowercased() } }
    }
}
