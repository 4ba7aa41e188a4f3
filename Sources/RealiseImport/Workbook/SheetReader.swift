import RealiseModel

/// Streams the rows of one worksheet part, a row at a time, each cell's value as the text Excel shows for
/// it (see `SheetCell`): only the row being read is held, however large the sheet.
///
/// Rows and cells may skip (`r="C7"`) or leave out their reference (then they follow the one before);
/// rows with no value are passed over, and trailing empty cells dropped. Merged ranges are filled with
/// their top-left value. What Excel cannot give a value for (an error value, a formula never calculated) is
/// read as empty with a warning naming the cell.
final class SheetReader {
    /// One row: its number and its cells' text by column (column A at index 0).
    struct Row {
        var number: Int
        var cells: [String]
    }

    /// The sheet's path in diagnostics, `book.xlsx[Sheet]`.
    let path: String
    private let reader: XMLPullReader
    private let context: SheetCell.Context
    private var merges: MergedRanges
    private(set) var warnings: [Diagnostic] = []
    private var rowNumber = 0
    private var done = false

    init(reader: XMLPullReader, path: String, context: SheetCell.Context, merges: MergedRanges) {
        self.reader = reader
        self.path = path
        self.context = context
        self.merges = merges
    }

    /// Bytes of the sheet's XML read so far, for progress.
    var bytesConsumed: Int { reader.bytesConsumed }

    /// The next row holding a value, or nil at the end of the sheet.
    func next() throws(ImportError) -> Row? {
        while !done, try reader.next() {
            let tag = SheetTag(reader.localNamePointer)
            guard reader.node == .element else {
                if reader.node == .endElement, tag == .sheetData { done = true }
                continue
            }
            guard tag == .row else { continue }
            var number: Int?
            reader.forEachAttribute { name, value in
                if SheetTag.attribute(name) == UInt8(ascii: "r") { number = SheetTag.integer(value) }
            }
            rowNumber = number.map { max($0, rowNumber + 1) } ?? rowNumber + 1
            guard !reader.isEmptyElement else { continue }
            var cells = try readCells()
            merges.fill(row: rowNumber, &cells)
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            if !cells.isEmpty { return Row(number: rowNumber, cells: cells) }
        }
        done = true
        return nil
    }

    /// The cells of the row just opened, up to its end.
    private func readCells() throws(ImportError) -> [String] {
        var cells: [String] = []
        var cell = SheetCell()
        // A cell without a reference follows the one before, empty or not.
        var previousColumn = 0
        while try reader.next() {
            switch reader.node {
            case .element:
                let tag = SheetTag(reader.localNamePointer)
                if tag == .cell {
                    cell = SheetCell(column: previousColumn + 1)
                    reader.forEachAttribute { name, value in cell.take(attribute: SheetTag.attribute(name), value) }
                    previousColumn = cell.column
                    if reader.isEmptyElement { store(&cell, in: &cells) }
                } else {
                    cell.open(tag, empty: reader.isEmptyElement)
                }
            case .text: cell.append(reader.value)
            case .endElement:
                let tag = SheetTag(reader.localNamePointer)
                if tag == .row { return cells }
                if tag == .cell { store(&cell, in: &cells) } else { cell.close(tag) }
            default: break
            }
        }
        return cells
    }

    private func store(_ cell: inout SheetCell, in cells: inout [String]) {
        let (text, warning) = cell.text(context)
        if let warning {
            warnings.append(Diagnostic(.warning, path: path, line: rowNumber, column: cell.column, warning))
        }
        guard !text.isEmpty else { return }
        if cells.count < cell.column { cells += Array(repeating: "", count: cell.column - cells.count) }
        cells[cell.column - 1] = text
    }

    /// A cell reference, `C12` (or `C`, a column alone), as its 1-based column and row.
    static func cell(_ reference: Substring) -> (column: Int, row: Int?)? {
        let letters = reference.prefix { $0.isASCII && $0.isLetter }
        guard let column = CellReference.column(letters) else { return nil }
        let digits = reference.dropFirst(letters.count).drop { $0 == "$" }
        if digits.isEmpty { return (column, nil) }
        guard let row = Int(digits), row > 0 else { return nil }
        return (column, row)
    }
}
