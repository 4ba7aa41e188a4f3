import RealiseModel

/// Rows of named fields, in order: what `realise list` prints as a table, JSON or CSV.
public struct Listing: Sendable {
    /// One row: its fields in order.
    public typealias Row = [(String, JSONValue)]

    /// Fields shown in the table format (all fields go to JSON and CSV).
    public var tableColumns: [String]
    public var rows: [Row]

    public init(tableColumns: [String], rows: [Row]) {
        self.tableColumns = tableColumns
        self.rows = rows
    }

    /// All field names, in first-seen order; nested objects are flattened to `parent.child` names.
    public var allColumns: [String] {
        var seen: [String] = []
        for row in rows { for (key, _) in Listing.flatten(row) where !seen.contains(key) { seen.append(key) } }
        return seen.isEmpty ? tableColumns : seen
    }

    /// The row with nested objects spread into `parent.child` fields (`subject.id`), for tables and CSV.
    public static func flatten(_ row: Row) -> Row {
        row.flatMap { key, value -> Row in
            if case .object(let pairs) = value { return flatten(pairs).map { ("\(key).\($0.0)", $0.1) } }
            return [(key, value)]
        }
    }
}

/// The formats `realise list --format` offers.
public enum ListFormat: String, CaseIterable, Sendable {
    case table, json, csv

    public func render(_ listing: Listing) -> String {
        switch self {
        case .table: TableListingRenderer().render(listing)
        case .json: JSONValue.array(listing.rows.map { .object($0) }).serialised() + "\n"
        case .csv: CSVListingRenderer().render(listing)
        }
    }
}

/// Text for a cell: strings as they are, numbers plainly, lists joined, null empty.
func cellText(_ value: JSONValue) -> String {
    switch value {
    case .null: ""
    case .bool(let flag): flag ? "true" : "false"
    case .number(let number): number.plainText
    case .string(let text): text
    case .array(let items): items.map(cellText).joined(separator: "; ")
    case .object(let pairs): pairs.map { "\($0.0)=\(cellText($0.1))" }.joined(separator: "; ")
    }
}
