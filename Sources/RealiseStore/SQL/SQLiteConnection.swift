import GRDB

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
            try db.cachedStatement(sql: sql).execute(arguments: SQLiteConnection.arguments(arguments))
        }
        return db.changesCount
    }

    @discardableResult
    func each(_ sql: String, _ arguments: SQLArguments, _ body: (StatementRow) throws -> Bool) throws -> Bool {
        let statement = try db.cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: SQLiteConnection.arguments(arguments))
        let row = StatementRow(statement)
        while try cursor.next() != nil {
            guard try body(row) else { return false }
        }
        return true
    }

    /// The arguments as GRDB binds them.
    static func arguments(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.map { argument -> DatabaseValue in
            switch argument.sqlValue {
            case .null: .null
            case .integer(let number): number.databaseValue
            case .real(let number): number.databaseValue
            case .text(let text): text.databaseValue
            }
        })
    }
}
