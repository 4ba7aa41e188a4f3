/// One connection to a workspace's database, used inside a transaction the workspace opened: every read and
/// write of this module goes through it, so one SQL text (written with `?` placeholders, in the SQL both
/// SQLite and PostgreSQL accept) runs on either backend. Values are always bound, never spliced into the text.
protocol SQLConnection: AnyObject {
    /// Which database the connection speaks to, for the few statements that differ.
    var dialect: SQLDialect { get }

    /// Runs a statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    func execute(_ sql: String, _ arguments: SQLArguments) throws -> Int

    /// Runs a statement whose result is not needed. A backend may send it and go on without waiting (PostgreSQL
    /// queues it on the connection); a failure is then thrown by a later statement of the same transaction.
    func send(_ sql: String, _ arguments: SQLArguments) throws

    /// Runs a query and calls `body` with each row in turn (valid only during the call) until it returns false.
    /// - Returns: false when `body` stopped the reading.
    @discardableResult
    func each(_ sql: String, _ arguments: SQLArguments, _ body: (StatementRow) throws -> Bool) throws -> Bool
}

extension SQLConnection {
    func send(_ sql: String, _ arguments: SQLArguments) throws { try execute(sql, arguments) }

    @discardableResult
    func execute(_ sql: String) throws -> Int { try execute(sql, []) }

    /// Every row of a query, whole.
    func fetchAll(_ sql: String, _ arguments: SQLArguments = []) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        var names: [String]?
        try each(sql, arguments) { row in
            if names == nil { names = row.columnNames }
            rows.append(SQLRow(names: names!, values: row.values))
            return true
        }
        return rows
    }

    /// The first row of a query, or nil when it has none.
    func fetchOne(_ sql: String, _ arguments: SQLArguments = []) throws -> SQLRow? {
        var first: SQLRow?
        try each(sql, arguments) { row in
            first = SQLRow(names: row.columnNames, values: row.values)
            return false
        }
        return first
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    func value<T: SQLDecodable>(_ sql: String, _ arguments: SQLArguments = [], as type: T.Type = T.self) throws -> T? {
        var value: T?
        try each(sql, arguments) { row in
            if !row.isNull(0) { value = T(sql: row.value(0)) }
            return false
        }
        return value
    }

    /// Runs an `INSERT … RETURNING id` and returns the new row's id.
    func insert(_ sql: String, _ arguments: SQLArguments) throws -> Int64 {
        guard let id: Int64 = try value(sql, arguments) else {
            throw StoreError.database(path: "", message: "an insert returned no id")
        }
        return id
    }
}
