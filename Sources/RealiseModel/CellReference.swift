/// Places in workbooks, written as Excel writes them: a sheet of a workbook is the path
/// `register.xlsx[Benefits]` (Excel's own external-reference form), and a cell in it `register.xlsx[Benefits]!C12`.
///
/// Sheet names never hold `[` or `]` (Excel forbids them), so a path ending in `[…]` is a sheet of the
/// workbook before the last `[`; every other path is a file, located by line and column.
public enum CellReference {
    /// The path of a sheet of a workbook.
    public static func sheetPath(workbook: String, sheet: String) -> String { "\(workbook)[\(sheet)]" }

    /// Whether `path` names a sheet of a workbook rather than a file.
    public static func isSheet(_ path: String) -> Bool { sheetOpening(path) != nil }

    /// Where the `[` opening the sheet name of a sheet path stands; nil for a file's path.
    public static func sheetOpening(_ path: String) -> String.Index? {
        guard path.hasSuffix("]"), let open = path.lastIndex(of: "["), open > path.startIndex else { return nil }
        return open
    }

    /// Column letters of a 1-based column number: 1 → `A`, 27 → `AA`, 16384 → `XFD`.
    public static func letters(_ column: Int) -> String {
        var number = max(column, 1)
        var scalars: [Character] = []
        while number > 0 {
            let digit = (number - 1) % 26
            scalars.append(Character(UnicodeScalar(UInt8(65 + digit))))
            number = (number - 1) / 26
        }
        return String(scalars.reversed())
    }

    /// The 1-based column number of letters (`C` → 3), nil when they are not column letters within Excel's 16 384.
    public static func column(_ letters: some StringProtocol) -> Int? {
        var number = 0
        for byte in letters.utf8 {
            let upper = byte & ~0x20
            guard (65...90).contains(upper), letters.utf8.count <= 3 else { return nil }
            number = number * 26 + Int(upper - 64)
        }
        return number > 0 && number <= 16_384 ? number : nil
    }

    /// A location as messages print it: `path:line:column` for a file; for a sheet, `book.xlsx[Sheet]!C12`
    /// (the row's first cell when no column is known, the sheet alone when no row is).
    public static func location(path: String, line: Int, column: Int) -> String {
        guard isSheet(path) else { return "\(path):\(line):\(column)" }
        guard line > 0 else { return path }
        return "\(path)!\(letters(column))\(line)"
    }
}
