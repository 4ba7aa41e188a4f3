/// One statement over many rows at once: an `INSERT … <rows>` or a look-up joined with `(<rows>) AS k`, where the
/// rows (columns `column1`, `column2`, …) are, on SQLite, a `VALUES (…), (…), …` list and, on PostgreSQL, one bound
/// array per column read with `unnest`. An import writes and looks up a chunk's rows with a few of these instead of
/// one statement per row: on PostgreSQL that is one short statement per chunk, parsed and planned once, instead of
/// hundreds, and on SQLite fewer steps through the virtual machine.
///
/// On SQLite, rows go in groups of `largest`, the rest in groups of powers of two, so that it prepares at most eight
/// texts of a statement and reuses them for a whole import.
final class MultiRowStatement {
    /// A column's type, as PostgreSQL's arrays are typed (SQLite binds each value as it is).
    enum Column: Sendable { case text, integer, real }

    let columns: [Column]
    /// How many values each row has.
    var width: Int { columns.count }
    /// The statement's text around its rows, given the rows' text.
    private let make: (String) -> String
    /// The texts made so far, by number of rows (0: the PostgreSQL text, for any number).
    private var texts: [Int: String] = [:]

    /// The most rows in one SQLite statement: 128 rows of the widest table (16 values) stay far below its limit on
    /// bound values (32 766).
    static let largest = 128

    init(_ columns: [Column], _ make: @escaping (_ rows: String) -> String) {
        self.columns = columns
        self.make = make
    }

    /// Writes the rows, sending them without waiting.
    func send(_ rows: SQLRows, on db: any SQLConnection) throws {
        guard !rows.isEmpty else { return }
        precondition(rows.width == width, "rows of another width")
        if let session = db as? PostgresSession { return try session.send(postgresText, bulk(rows)) }
        guard let connection = db as? SQLiteConnection else { preconditionFailure("an unknown backend") }
        for group in groups(rows.count) {
            try connection.execute(text(group.count), rows, cells: (group.lowerBound * width)..<(group.upperBound * width))
        }
    }

    /// Runs the statement for the rows and calls `body` with each row of the result.
    func each(_ rows: SQLRows, on db: any SQLConnection, _ body: (StatementRow) throws -> Void) throws {
        guard !rows.isEmpty else { return }
        precondition(rows.width == width, "rows of another width")
        if db is PostgresSession { return try ahead(rows, on: db).each(body) }
        guard let connection = db as? SQLiteConnection else { preconditionFailure("an unknown backend") }
        for group in groups(rows.count) {
            try connection.each(text(group.count), rows, cells: (group.lowerBound * width)..<(group.upperBound * width)) { row in
                try body(row)
                return true
            }
        }
    }

    /// Sends the statement for the rows now, on PostgreSQL, and reads its result when asked (see `PendingRows`); on
    /// SQLite, runs it when asked.
    func ahead(_ rows: SQLRows, on db: any SQLConnection) -> PendingRows {
        guard let session = db as? PostgresSession, !rows.isEmpty else {
            return PendingRows { body in try self.each(rows, on: db, body) }
        }
        let started = session.start(postgresText, bulk(rows))
        return PendingRows { body in
            try session.each(started) { row in
                try body(row)
                return true
            }
        }
    }

    /// The rows as one array per column.
    private func bulk(_ rows: SQLRows) -> [PostgresColumn] {
        columns.indices.map { PostgresColumn(type: columns[$0], rows: rows, offset: $0) }
    }

    /// The statement's text on PostgreSQL: its rows `unnest`ed from one array per column.
    private var postgresText: String {
        if let text = texts[0] { return text }
        let arrays = columns.map { column in
            switch column {
            case .text: "?::text[]"
            case .integer: "?::bigint[]"
            case .real: "?::double precision[]"
            }
        }
        let names = columns.indices.map { "column\($0 + 1)" }
        let text = make("SELECT * FROM unnest(\(arrays.joined(separator: ", "))) AS u(\(names.joined(separator: ", ")))")
        texts[0] = text
        return text
    }

    /// The statement's text on SQLite for `rows` rows.
    private func text(_ rows: Int) -> String {
        if let text = texts[rows] { return text }
        let row = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        let text = make("VALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
        texts[rows] = text
        return text
    }

    /// The rows `0..<count` cut into groups of `largest`, then of the powers of two below it.
    private func groups(_ count: Int) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        var size = MultiRowStatement.largest
        while start < count {
            while size > count - start { size /= 2 }
            groups.append(start..<(start + size))
            start += size
        }
        return groups
    }
}
