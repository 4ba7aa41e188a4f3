import Foundation
import GRDB
import GRDBSQLite

/// A GRDB connection (inside a transaction GRDB opened) as an `SQLConnection`. Statements are prepared once per
/// connection and reused (`cachedStatement`).
final class SQLiteConnection: SQLConnection {
    let db: Database

    init(_ db: Database) { self.db = db }

    var dialect: SQLDialect { .sqlite }

    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int {
        if arguments.isEmpty {
            // Several statements (a migration, pragmas) or one without arguments.
            try db.execute(sql: sql)
        } else {
            let row = SQLRows(arguments: arguments)
            try execute(sql, row, cells: 0..<arguments.count)
        }
        return db.changesCount
    }

    @discardableResult
    func each(_ sql: String, _ arguments: SQLArguments, _ body: (StatementRow) throws -> Bool) throws -> Bool {
        try each(sql, SQLRows(arguments: arguments), cells: 0..<arguments.count, body)
    }
}

extension SQLiteConnection {
    /// Runs `sql` with the values `cells` of `rows` bound (see `bind(_:_:to:)`).
    func execute(_ sql: String, _ rows: SQLRows, cells: Range<Int>) throws {
        let statement = try db.cachedStatement(sql: sql)
        try rows.bytes.withUnsafeBufferPointer { bytes in
            try SQLiteConnection.bind(rows, cells, bytes, to: statement)
            defer { sqlite3_clear_bindings(statement.sqliteStatement) }
            try statement.execute()
        }
    }

    /// Runs the query `sql` with the values `cells` of `rows` bound, and calls `body` with each row until it returns false.
    @discardableResult
    func each(_ sql: String, _ rows: SQLRows, cells: Range<Int>, _ body: (StatementRow) throws -> Bool) throws -> Bool {
        let statement = try db.cachedStatement(sql: sql)
        return try rows.bytes.withUnsafeBufferPointer { bytes in
            try SQLiteConnection.bind(rows, cells, bytes, to: statement)
            defer { sqlite3_clear_bindings(statement.sqliteStatement) }
            let cursor = try Row.fetchCursor(statement)
            let row = StatementRow(statement)
            while try cursor.next() != nil {
                guard try body(row) else { return false }
            }
            return true
        }
    }

    /// Binds the values `cells` of `rows` straight into the prepared statement through SQLite's C API, where GRDB would
    /// first make each a `DatabaseValue` and, for a statement of more than 20, copy them all to check them: a multi-row
    /// insert of an import binds hundreds. Texts are bound in place, as pointers into `bytes` (the rows' text buffer,
    /// held for as long as the statement runs, and unbound after), which SQLite need not copy. GRDB is then told the
    /// statement is bound (with no arguments of its own), so that its `execute()` and cursors run it as it stands.
    private static func bind(_ rows: SQLRows, _ cells: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>, to statement: Statement) throws {
        let handle = statement.sqliteStatement
        guard Int(sqlite3_bind_parameter_count(handle)) == cells.count else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "wrong number of statement arguments: \(cells.count)",
                                sql: statement.sql)
        }
        // Reset first, here: GRDB's own reset, in `setUncheckedArguments`, traps on the error a failed step left.
        sqlite3_reset(handle)
        statement.setUncheckedArguments(StatementArguments())
        // A text of no bytes still needs an address, or SQLite would take it for NULL.
        let base = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
        var index: Int32 = 0
        for cell in rows.cells[cells] {
            index += 1
            switch cell {
            case .null: sqlite3_bind_null(handle, index)
            case .integer(let number): sqlite3_bind_int64(handle, index, number)
            case .real(let number): sqlite3_bind_double(handle, index, number)
            case .text(let start, let count):
                if let base {
                    // No destructor: SQLite's SQLITE_STATIC, the text stays where it is until the statement is unbound.
                    sqlite3_bind_text(handle, index, base + start, Int32(count), nil)
                } else {
                    sqlite3_bind_text(handle, index, "", 0, nil)
                }
            }
        }
    }
}
