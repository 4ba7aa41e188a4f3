import Foundation
import RealiseModel

/// A listing as RFC 4180 CSV with a header row. Cells that a spreadsheet would run as a formula
/// (starting `=`, `+`, `-`, `@`, tab or CR, except plain negative numbers) are prefixed with `'`.
public struct CSVListingRenderer: Sendable {
    public init() {}

    public func render(_ listing: Listing) -> String {
        let columns = listing.allColumns
        var out = columns.map(CSVListingRenderer.cell).joined(separator: ",") + "\r\n"
        for row in listing.rows {
            let row = Listing.flatten(row)
            out += columns.map { column in
                CSVListingRenderer.cell(row.first { $0.0 == column }.map { cellText($0.1) } ?? "")
            }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One cell, neutralised against formula injection and quoted when needed. Line breaks and tabs are CSV's
    /// to carry (in quotes); any other control character is made visible (`ControlCharacters`).
    public static func cell(_ text: String) -> String {
        let text = ControlCharacters.escaped(text, keeping: csvKept)
        return ASCIIText.csvCell(text) ?? cellByCharacter(text)
    }

    /// The control characters a CSV cell holds as they are.
    private static let csvKept: Set<Unicode.Scalar> = ["\n", "\r", "\t"]

    /// `cell` character by character: for any text (ASCII text takes `ASCIIText.csvCell`, which gives the same).
    static func cellByCharacter(_ text: String) -> String {
        var value = ControlCharacters.escaped(text, keeping: csvKept)
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           Double(value) == nil {
            value = "'" + value
        }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
