import RealiseModel

/// A listing (`realise list KIND`) as a workbook of one sheet: the CSV listing's columns, numbers as numbers,
/// days (`YYYY-MM-DD` fields) as date cells, lists joined with `; `.
public struct ListingWorkbook: Sendable {
    public init() {}

    /// Writes `listing` as the sheet `name` of a workbook at `path`.
    public func write(_ listing: Listing, sheet name: String, to path: String) throws {
        let book = try WorkbookWriter(path: path)
        let columns = listing.allColumns
        try book.beginSheet(name, headers: columns)
        for row in listing.rows {
            let fields = Dictionary(Listing.flatten(row), uniquingKeysWith: { first, _ in first })
            try book.addRow(columns.map { fields[$0].map(ListingWorkbook.cell) ?? .empty })
        }
        try book.finish()
    }

    static func cell(_ value: JSONValue) -> WorkbookCell {
        switch value {
        case .null: .empty
        case .number(let number): .number(number)
        case .string(let text): Day(iso: text).map(WorkbookCell.date) ?? .optional(text)
        default: .optional(cellText(value))
        }
    }
}
