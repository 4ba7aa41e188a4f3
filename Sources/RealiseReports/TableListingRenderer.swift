import Foundation

/// A listing as an aligned plain-text table, long cells clipped to keep one row per line.
public struct TableListingRenderer: Sendable {
    public var maxWidth = 60

    public init() {}

    public func render(_ listing: Listing) -> String {
        let columns = listing.tableColumns
        let cells: [[String]] = listing.rows.map { row in
            let row = Listing.flatten(row)
            return columns.map { column in
                let text = row.first { $0.0 == column }.map { cellText($0.1) } ?? ""
                return TextGapRenderer.clip(text, maxWidth)
            }
        }
        let widths = columns.indices.map { index in max(columns[index].count, cells.map { $0[index].count }.max() ?? 0) }
        func line(_ values: [String]) -> String {
            values.enumerated().map { index, value in
                index == values.count - 1 ? value : value + String(repeating: " ", count: widths[index] - value.count)
            }.joined(separator: "  ")
        }
        var out = line(columns.map { $0.replacingOccurrences(of: ".", with: " ").uppercased() }) + "\n"
        for row in cells { out += line(row) + "\n" }
        out += "(\(listing.rows.count) \(listing.rows.count == 1 ? "row" : "rows"))\n"
        return out
    }
}
