/// Which tabular format a sheet holds and where its header is: the first of its first 20 rows whose cells
/// match a format's header — GMPP, then the `results-csv` tables, then the register's (the order the
/// CSV sniffing uses) — or GMPP labels down column A (the transposed return).
enum SheetLayout: Equatable {
    /// A register table; the header is row `header` of the rows looked at.
    case register(header: Int)
    /// GMPP, one project per row, header at `header`.
    case gmpp(header: Int)
    /// GMPP transposed: labels down column A from the first row.
    case gmppTransposed
    /// A results table, header at `header`.
    case results(header: Int)

    /// How many rows are searched for a header.
    static let searchedRows = 20

    /// The layout of a sheet from its first rows (as read: empty rows left out), or nil when it holds no table.
    static func detect(_ rows: [SheetReader.Row], mapping: [String: String]) -> SheetLayout? {
        for (index, row) in rows.prefix(searchedRows).enumerated() {
            let cells = headerCells(row.cells, mapping: mapping)
            if GMPPField.looksLikeGMPP(cells) { return .gmpp(header: index) }
            if ResultsTable.kind(of: cells) != nil { return .results(header: index) }
            if isRegisterHeader(cells, mapping: mapping) { return .register(header: index) }
        }
        let labels = rows.prefix(searchedRows).map { $0.cells.first ?? "" }
        return GMPPField.looksLikeGMPP(labels) ? .gmppTransposed : nil
    }

    /// A register header in a sheet: an id column and at least one other register column. Stricter than a
    /// CSV's header (where the id column alone decides) because a sheet's rows are searched: a form's label
    /// "Project ID" beside its value is no table.
    static func isRegisterHeader(_ cells: [String], mapping: [String: String]) -> Bool {
        let columns = Set(RegisterTable.columns(of: cells, mapping: mapping).compactMap { $0 })
        return RegisterTable.kind(of: columns) != nil && columns.count >= 2
    }

    /// The header cells as matched: a cell holding a label and its definition on two lines (or more) is its
    /// first line, unless the whole cell is itself a known header.
    static func headerCells(_ cells: [String], mapping: [String: String]) -> [String] {
        cells.map { cell in
            guard let firstBreak = cell.firstIndex(where: \.isNewline) else { return cell }
            let known = RegisterTable.columns(of: [cell], mapping: mapping)[0] != nil || ResultsTable.isKnownColumn(cell)
            return known ? cell : String(cell[..<firstBreak]).trimmed
        }
    }
}
