import RealiseModel

/// Typed values out of a row's cells, each problem located in its cell's column.
extension RegisterRowMapper {
    /// One of a vocabulary (see `FieldReader.choice`). Text spelled exactly as a raw value is that value (no two
    /// values of a vocabulary differ only in case or punctuation, so the lenient match would find the same one).
    mutating func choice<T: KebabCaseEnum>(_ row: RegisterTable.Row, _ column: RegisterColumn, _ field: String) -> T? {
        let text = row[column]
        if let text, let exact = T(rawValue: text) { return exact }
        fields.column = row.column(of: column)
        defer { fields.column = 0 }
        return fields.choice(text, field)
    }

    /// A day in a cell (see `FieldReader.day`), a problem located in the cell's column.
    mutating func day(_ row: RegisterTable.Row, _ column: RegisterColumn, _ field: String) -> Day? {
        fields.column = row.column(of: column)
        defer { fields.column = 0 }
        return fields.day(row[column], field)
    }

    /// A number in a cell (see `FieldReader.number`), a problem located in the cell's column.
    mutating func number(_ row: RegisterTable.Row, _ column: RegisterColumn, _ field: String) -> Double? {
        fields.column = row.column(of: column)
        defer { fields.column = 0 }
        return fields.number(row[column], field)
    }

    /// A metric value in a cell (see `number(_:)`), a warning located in the cell's column.
    mutating func value(_ row: RegisterTable.Row, _ column: RegisterColumn) -> (Double?, String?) {
        fields.column = row.column(of: column)
        defer { fields.column = 0 }
        return number(row[column])
    }

    /// A metric value (see `FieldReader.value`). A plain number — ASCII digits, signs, a decimal point and an
    /// exponent only, the bulk of a measurements table — is read directly: the lenient reading of such text
    /// removes no symbols and finds no commas, so it gives the same number.
    mutating func number(_ text: String?) -> (Double?, String?) {
        if let text, !text.isEmpty, text.utf8.allSatisfy({ byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }), let value = Double(text), value.isFinite {
            return (value, nil)
        }
        return fields.value(text, warnings: &warnings)
    }
}
