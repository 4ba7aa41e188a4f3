import Foundation
import GRDB
import GRDBSQLite
import RealiseModel

/// The current row of a query, read by column position: from SQLite's own buffers (`loadPlan` reads a
/// workspace's hundreds of thousands of rows with it), or from the cells of a PostgreSQL row (`PostgresCells`).
///
/// SQLite values decode as GRDB decodes them (`String(cString:)` of the column's text, so up to its first NUL;
/// `sqlite3_column_int64`; `sqlite3_column_double`), but text can also be looked at in place — compared with
/// the previous row's, parsed as a day — without making a string.
struct StatementRow {
    private let statement: SQLiteStatement?
    private let cells: PostgresCells?

    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
        cells = nil
    }

    init(_ cells: PostgresCells) {
        statement = nil
        self.cells = cells
    }

    /// How many columns the row has.
    var columnCount: Int {
        if let statement { return Int(sqlite3_column_count(statement)) }
        return cells!.count
    }

    /// The columns' names, in order.
    var columnNames: [String] {
        if let statement { return (0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) } }
        return cells!.names
    }

    /// Every column's value, in order.
    var values: [SQLValue] { (0..<Int32(columnCount)).map(value) }

    /// The column's value as stored.
    func value(_ column: Int32) -> SQLValue {
        if let cells { return cells.value(Int(column)) }
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(int64(column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_NULL: return .null
        default: return .text(string(column))
        }
    }

    func isNull(_ column: Int32) -> Bool {
        if let cells { return cells.kind(Int(column)) == .null }
        return sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    func isText(_ column: Int32) -> Bool {
        if let cells { return cells.kind(Int(column)) == .text }
        return sqlite3_column_type(statement, column) == SQLITE_TEXT
    }

    func isInteger(_ column: Int32) -> Bool {
        if let cells { return cells.kind(Int(column)) == .integer }
        return sqlite3_column_type(statement, column) == SQLITE_INTEGER
    }

    /// The column's text as UTF-8, all of it (NULs included); nil when NULL. Valid until the statement steps.
    /// (A NULL value is the one text SQLite gives no pointer for, so one call tells NULL from text.)
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        if let cells { return cells.bytes(Int(column)) }
        guard let text = sqlite3_column_text(statement, column) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column)))
    }

    /// The column's text as UTF-8 up to its first NUL (as `String(cString:)` reads it); empty when NULL.
    func utf8(_ column: Int32) -> UnsafeBufferPointer<UInt8> { bytes(column).map(StatementRow.upToNUL) ?? UnsafeBufferPointer(start: nil, count: 0) }

    private static func upToNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) else { return bytes }
        return UnsafeBufferPointer(start: base, count: UnsafeRawPointer(nul) - UnsafeRawPointer(base))
    }

    /// The column's text (empty when NULL; read NOT NULL columns with it).
    func string(_ column: Int32) -> String { String(decoding: utf8(column), as: UTF8.self) }

    func optionalString(_ column: Int32) -> String? {
        bytes(column).map { String(decoding: StatementRow.upToNUL($0), as: UTF8.self) }
    }

    func int(_ column: Int32) -> Int { Int(int64(column)) }

    /// The column's integer; nil when NULL.
    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func int64(_ column: Int32) -> Int64 {
        if let cells { return Int64(sql: cells.value(Int(column))) }
        return sqlite3_column_int64(statement, column)
    }

    func double(_ column: Int32) -> Double? {
        if let cells { return Double?(sql: cells.value(Int(column))) }
        return isNull(column) ? nil : sqlite3_column_double(statement, column)
    }

    /// A stored day, parsed from the text in place; nil when NULL or not a day.
    func day(_ column: Int32) -> Day? {
        guard let bytes = bytes(column) else { return nil }
        // Text a day parses from holds no NUL, so it is the text up to the first NUL too; only text that does not
        // parse needs cutting there and a second look.
        if let day = Day(isoUTF8: bytes) { return day }
        let cut = StatementRow.upToNUL(bytes)
        return cut.count < bytes.count ? Day(isoUTF8: cut) : nil
    }

    /// A vocabulary word (`kind`, `direction`, …); nil when NULL or no case's raw value.
    ///
    /// The text is compared as bytes with each case's raw value, in place: a value's kind is read a million times in a
    /// large workspace, and making a string of it to switch over cost more than reading the row. Text beyond ASCII that
    /// matches no case goes through the string comparison, which also equates canonically equivalent spellings.
    func word<T: KebabCaseEnum>(_ column: Int32) -> T? {
        guard let bytes = bytes(column) else { return nil }
        let text = StatementRow.upToNUL(bytes)
        for candidate in T.allCases where StatementRow.utf8(of: candidate.rawValue, equals: text) { return candidate }
        guard text.contains(where: { $0 >= 0x80 }) else { return nil }
        return T(rawValue: String(decoding: text, as: UTF8.self))
    }

    /// Whether the column's text is exactly `text`'s UTF-8. (A string read from a column holds no NUL, so
    /// matching all of the column's bytes is matching it as read.)
    func text(_ column: Int32, equals text: String) -> Bool {
        StatementRow.utf8(of: text, equals: bytes(column) ?? UnsafeBufferPointer(start: nil, count: 0))
    }

    /// Whether `text`'s UTF-8 is exactly `bytes`.
    static func utf8(of text: String, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { known in
            known.count == bytes.count && (known.isEmpty || memcmp(known.baseAddress!, bytes.baseAddress!, known.count) == 0)
        } ?? text.utf8.elementsEqual(bytes)
    }
}
