/// One statement over many rows at once: an `INSERT … VALUES (…), (…), …` or a look-up joined with
/// `(VALUES (…), (…), …)`. An import writes and looks up a chunk's rows with a few of these instead of one statement
/// per row: on PostgreSQL that is a few round trips per chunk instead of hundreds, and on SQLite fewer steps through
/// the virtual machine.
///
/// Rows go in groups of `largest`, the rest in groups of powers of two, so that each backend prepares at most
/// eight texts of a statement and reuses them for a whole import.
final class MultiRowStatement {
    /// How many values each row has.
    let width: Int
    /// The statement's text around its rows, given the rows' text (`(?, ?), (?, ?)`).
    private let make: (String) -> String
    /// The texts made so far, by number of rows.
    private var texts: [Int: String] = [:]

    /// The most rows in one statement: 128 rows of the widest table (14 values) stay far below either backend's
    /// limit on bound values (SQLite's 32 766, PostgreSQL's 65 535).
    static let largest = 128

    init(width: Int, _ make: @escaping (_ rows: String) -> String) {
        self.width = width
        self.make = make
    }

    /// `INSERT INTO table (columns) VALUES … suffix`.
    convenience init(insertInto table: String, _ columns: [String], _ suffix: String = "") {
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        self.init(width: columns.count) { head + $0 + suffix }
    }

    /// Writes the rows (`width` values each, one after another), sending each group without waiting for it.
    func send(_ values: SQLArguments, on db: any SQLConnection) throws {
        for group in groups(values.count / width) {
            try db.send(text(group.count), Array(values[(group.lowerBound * width)..<(group.upperBound * width)]))
        }
    }

    /// Runs the statement for the rows, group by group, and calls `body` with each row of each result.
    func each(_ values: SQLArguments, on db: any SQLConnection, _ body: (StatementRow) throws -> Void) throws {
        for group in groups(values.count / width) {
            try db.each(text(group.count), Array(values[(group.lowerBound * width)..<(group.upperBound * width)])) { row in
                try body(row)
                return true
            }
        }
    }

    /// The statement's text for `rows` rows.
    private func text(_ rows: Int) -> String {
        if let text = texts[rows] { return text }
        let row = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        let text = make(Array(repeating: row, count: rows).joined(separator: ", "))
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
