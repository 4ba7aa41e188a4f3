import RealiseModel

/// The header of a CSV table of the `register-csv` format, resolved to columns; it turns each following
/// record into a `Row` as the table is streamed.
struct RegisterTable {
    /// Which of the register's tables a CSV is, told from its header.
    enum Kind {
        case benefits, objectives, deliverables, metrics, values, programmes, organisations, links
    }

    /// One data row: its line and its cells, found by column through the header's positions (shared by
    /// every row of the table, so a row costs no more than the record it was read from).
    struct Row {
        var line: Int
        var fields: [String]
        var positions: [RegisterColumn: Int]

        /// The 1-based column number of a column of the table, 0 when the table has none.
        func column(of column: RegisterColumn) -> Int { positions[column].map { $0 + 1 } ?? 0 }

        /// The cell without surrounding whitespace, nil when it is missing or blank.
        subscript(column: RegisterColumn) -> String? {
            guard let index = positions[column], index < fields.count else { return nil }
            let cell = fields[index]
            // A cell that starts and ends with a visible ASCII character has nothing to trim.
            if let first = cell.utf8.first, let last = cell.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
                return cell
            }
            let value = cell.trimmed
            return value.isEmpty ? nil : value
        }
    }

    let kind: Kind
    /// Each column's position in a record.
    let positions: [RegisterColumn: Int]
    /// Header cells no column claims, with their column number.
    let unusedHeaders: [(String, Int)]

    /// Resolves each header cell: the mapping file first, then the column names and aliases.
    static func columns(of header: [String], mapping: [String: String]) -> [RegisterColumn?] {
        let mapped = Dictionary(mapping.map { (RegisterColumn.key($0.key), RegisterColumn.key($0.value)) },
                                uniquingKeysWith: { first, _ in first })
        return header.map { cell in
            let key = RegisterColumn.key(cell)
            return RegisterColumn.byKey[mapped[key] ?? key]
        }
    }

    /// The table kind a set of columns describes, or nil when it is none of them.
    static func kind(of columns: Set<RegisterColumn>) -> Kind? {
        if columns.contains(.benefitId) { return .benefits }
        if columns.contains(.deliverableId) { return .deliverables }
        if columns.contains(.objectiveId) { return .objectives }
        if columns.contains(.metricId) { return columns.contains(.date) ? .values : .metrics }
        if columns.contains(.programmeId) { return .programmes }
        if columns.contains(.organisationId) { return .organisations }
        if columns.contains(.fromId), columns.contains(.toId) { return .links }
        return nil
    }

    /// Resolves the header record.
    /// - Throws: `.invalid` when no id column is named, or two headers mean the same column.
    init(header: CSVReader.Record, path: String, mapping: [String: String]) throws(ImportError) {
        let columns = RegisterTable.columns(of: header.fields, mapping: mapping)
        guard let kind = RegisterTable.kind(of: Set(columns.compactMap { $0 })) else {
            throw .invalid([Diagnostic(.error, path: path, line: header.line,
                "the header names no id column (Benefit ID, Deliverable ID, Objective ID or Metric ID); add one or map a header to it with --mapping")])
        }
        var seen: [RegisterColumn: Int] = [:]
        var unused: [(String, Int)] = []
        for (index, column) in columns.enumerated() {
            guard let column else {
                if !header.fields[index].trimmed.isEmpty { unused.append((header.fields[index], index + 1)) }
                continue
            }
            if let first = seen[column] {
                throw .invalid([Diagnostic(.error, path: path, line: header.line, column: index + 1,
                    "header '\(header.fields[index])' means the same column (\(column.rawValue)) as column \(first); rename or map one of them")])
            }
            seen[column] = index + 1
        }
        self.kind = kind
        unusedHeaders = unused
        positions = seen.mapValues { $0 - 1 }
    }

    /// One warning for each header cell no column claims.
    func unusedHeaderWarnings(path: String, line: Int) -> [Diagnostic] {
        unusedHeaders.map { cell, column in
            Diagnostic(.warning, path: path, line: line, column: column,
                       "column '\(cell)' is not a register column and was ignored; map it with --mapping if it matters")
        }
    }

    /// A data record as a row of this table.
    func row(_ record: CSVReader.Record) -> Row {
        Row(line: record.line, fields: record.fields, positions: positions)
    }
}
