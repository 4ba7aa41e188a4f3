import Foundation
import RealiseModel

/// One sheet being written: its rows go to a temporary file as they come (a sheet of a million rows is never
/// held), while the widths its columns need and the rows' count are kept for the parts that frame them.
final class WorkbookSheet {
    /// A drop-down list of allowed values on a column, from the second row down.
    struct Choices {
        var column: Int
        var values: [String]
    }

    let name: String
    let columnCount: Int
    private(set) var rowCount = 0
    private(set) var widths: [Int]
    let file: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    var choices: [Choices] = []
    /// Whether the first row is a header (frozen, filtered, bold).
    let hasHeader: Bool

    init(name: String, headers: [String], file: String) throws {
        self.name = name
        self.file = file
        columnCount = max(headers.count, 1)
        widths = Array(repeating: 0, count: columnCount)
        hasHeader = !headers.isEmpty
        guard FileManager.default.createFile(atPath: file, contents: nil), let handle = FileHandle(forWritingAtPath: file) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
        self.handle = handle
        if hasHeader { try add(headers.map(WorkbookCell.text), style: 1) }
    }

    deinit { try? handle.close() }

    /// Appends a row (style 1 is the header's; cells beyond the sheet's columns widen it in data only).
    func add(_ cells: [WorkbookCell], style: Int = 0) throws {
        rowCount += 1
        let row = rowCount
        var xml = "<row r=\"\(row)\">"
        for (index, cell) in cells.enumerated() {
            if index < widths.count { widths[index] = max(widths[index], cell.width) }
            let reference = "\(CellReference.letters(index + 1))\(row)"
            switch cell {
            case .empty: continue
            case .text(let text):
                let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
                xml += "<c r=\"\(reference)\"\(style == 0 ? "" : " s=\"\(style)\"") t=\"inlineStr\"><is><t\(space)>\(WorkbookXML.escaped(text))</t></is></c>"
            case .number(let number):
                guard number.isFinite else { continue }
                xml += "<c r=\"\(reference)\"><v>\(number.plainText)</v></c>"
            case .date(let day):
                xml += "<c r=\"\(reference)\" s=\"2\"><v>\(WorkbookCell.serial(day))</v></c>"
            }
        }
        xml += "</row>"
        buffer += Array(xml.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered to the file.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// The part's XML before the rows: the frozen header, the column widths.
    var head: String {
        let frozen = hasHeader
            ? "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
            : "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        let columns = widths.enumerated().map { index, width in
            "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(max(width, 8), 60) + 2)\" customWidth=\"1\"/>"
        }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"\(WorkbookParts.main)\" xmlns:r=\"\(WorkbookParts.relationships)\">"
            + "<dimension ref=\"\(range)\"/>\(frozen)<sheetFormatPr defaultRowHeight=\"15\"/><cols>\(columns)</cols><sheetData>"
    }

    /// The part's XML after the rows: the auto-filter on the header, the drop-down lists.
    var tail: String {
        var xml = "</sheetData>"
        if hasHeader { xml += "<autoFilter ref=\"\(range)\"/>" }
        if !choices.isEmpty {
            xml += "<dataValidations count=\"\(choices.count)\">"
            for list in choices {
                let letters = CellReference.letters(list.column)
                let formula = "\"" + list.values.joined(separator: ",").replacingOccurrences(of: "\"", with: "\"\"") + "\""
                xml += "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(letters)2:\(letters)1048576\">"
                    + "<formula1>\(WorkbookXML.escaped(formula))</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        return xml + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
    }

    /// The cells in use, `A1:J20`.
    var range: String { "A1:\(CellReference.letters(columnCount))\(max(rowCount, 1))" }
}
