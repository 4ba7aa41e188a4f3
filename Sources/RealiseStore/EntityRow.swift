import RealiseModel

/// A row of an entity table as `loadPlan` selects it: the `entity` columns first (`columns`, in that order),
/// then the table's own, which `text(_:)`, `day(_:)`, `word(_:)` and `number(_:)` number from 0.
struct EntityRow {
    /// The `entity` columns every entity query starts with.
    static let columns = """
        e.id, e.name, e.programme, e.owner, e.organisation, e.notes, e.source_path, e.source_line, e.source_column, \
        e.source_format, e.source_ref
        """
    /// The position of the table's own first column.
    static let tableStart: Int32 = 11

    /// The order entities are listed in: by source path, line and id.
    static let order = SourceOrder(path: 6, line: 7, tie: .text(0))

    let row: StatementRow
    let source: SourceRef

    init(_ row: StatementRow, shared: inout SharedStrings) {
        self.row = row
        source = SourceRef(path: shared.string(row, 6), line: row.int(7), column: row.int(8), format: shared.string(row, 9),
                           identifier: row.optionalString(10))
    }

    var id: String { row.string(0) }
    var name: String { row.string(1) }
    // Programmes, owners and organisations repeat across a plan: each distinct text is kept once.
    func programme(_ strings: inout SharedStrings) -> String? { strings.optionalString(row, 2) }
    func owner(_ strings: inout SharedStrings) -> String? { strings.optionalString(row, 3) }
    func organisation(_ strings: inout SharedStrings) -> String? { strings.optionalString(row, 4) }
    var notes: String? { row.optionalString(5) }

    /// The table's own columns, from 0.
    func text(_ column: Int32) -> String? { row.optionalString(EntityRow.tableStart + column) }
    /// A text that repeats across a plan (a unit, a status), kept once.
    func sharedText(_ column: Int32, _ strings: inout SharedStrings) -> String? {
        strings.optionalString(row, EntityRow.tableStart + column)
    }
    func day(_ column: Int32) -> Day? { row.day(EntityRow.tableStart + column) }
    func word<T: KebabCaseEnum>(_ column: Int32) -> T? { row.word(EntityRow.tableStart + column) }
    func number(_ column: Int32) -> Double? { row.double(EntityRow.tableStart + column) }
}
