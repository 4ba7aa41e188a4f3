/// A value bound into a statement or read from a row, as both backends store it: SQLite's storage classes and
/// the PostgreSQL types the schema uses (`BIGINT`, `DOUBLE PRECISION`, `TEXT`).
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// A Swift value that binds as an `SQLValue`: what statement arguments are written with.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Substring: SQLBindable { var sqlValue: SQLValue { .text(String(self)) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { var sqlValue: SQLValue { .real(self) } }
extension SQLValue: SQLBindable { var sqlValue: SQLValue { self } }

extension Optional: SQLBindable where Wrapped: SQLBindable {
    // A switch, not `map(\.sqlValue)`: a key path in this generic context is instantiated on every call (the
    // runtime demangles its type each time), which was a tenth of an import's time.
    var sqlValue: SQLValue {
        switch self {
        case .some(let wrapped): wrapped.sqlValue
        case .none: .null
        }
    }
}

/// Statement arguments, in the order of the statement's `?`s.
typealias SQLArguments = [any SQLBindable]

/// A Swift value read from a column by name (`row["id"] as String`), as GRDB's rows are read.
protocol SQLDecodable {
    init(sql: SQLValue)
}

extension String: SQLDecodable {
    init(sql: SQLValue) {
        switch sql {
        case .text(let text): self = text
        case .integer(let number): self = String(number)
        case .real(let number): self = String(number)
        case .null: self = ""
        }
    }
}

extension Int64: SQLDecodable {
    init(sql: SQLValue) {
        switch sql {
        case .integer(let number): self = number
        case .real(let number): self = Int64(exactly: number.rounded(.towardZero)) ?? 0
        case .text(let text): self = Int64(text) ?? 0
        case .null: self = 0
        }
    }
}

extension Int: SQLDecodable {
    init(sql: SQLValue) { self = Int(Int64(sql: sql)) }
}

extension Double: SQLDecodable {
    init(sql: SQLValue) {
        switch sql {
        case .integer(let number): self = Double(number)
        case .real(let number): self = number
        case .text(let text): self = Double(text) ?? 0
        case .null: self = 0
        }
    }
}

extension Bool: SQLDecodable {
    init(sql: SQLValue) { self = Int64(sql: sql) != 0 }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    init(sql: SQLValue) {
        if case .null = sql { self = nil } else { self = Wrapped(sql: sql) }
    }
}

/// A row read whole, its columns by name: for the few rows of look-ups, listings and small tables (the bulk of a
/// workspace is read by position, through `StatementRow`).
struct SQLRow: Sendable {
    let names: [String]
    let values: [SQLValue]

    subscript<T: SQLDecodable>(_ name: String) -> T {
        guard let index = names.firstIndex(of: name) else { preconditionFailure("no column \(name) in the row") }
        return T(sql: values[index])
    }

    subscript<T: SQLDecodable>(_ index: Int) -> T { T(sql: values[index]) }
}
