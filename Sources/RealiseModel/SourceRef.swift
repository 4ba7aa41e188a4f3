/// Where an entity, link or value came from: the file, the line and column in it, the format that read it
/// and the identifier the original file used (an MSPDI UID, an iati-identifier, a GMPP ID, a register row id).
public struct SourceRef: Hashable, Sendable, Codable {
    public var path: String
    public var line: Int
    public var column: Int
    public var format: String
    public var identifier: String?

    public init(path: String, line: Int, column: Int = 0, format: String, identifier: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.format = format
        self.identifier = identifier
    }

    /// The format of a source typed in rather than read from a file.
    public static let manualFormat = "manual"

    /// A source for something typed in at the command line rather than read from a file.
    public static func manual(_ what: String) -> SourceRef {
        SourceRef(path: "(command line)", line: 0, format: manualFormat, identifier: what)
    }

    /// `path:line:column`, the location prefix every diagnostic uses (`book.xlsx[Sheet]!C12` in a workbook).
    public var location: String { CellReference.location(path: place, line: line, column: column) }

    /// The sheet of a workbook this comes from: the workspace keeps the workbook as the path (so renaming or
    /// reordering sheets changes nothing it keys on) and the sheet in the format, `xlsx[Benefits]`.
    public var sheet: String? {
        guard format.hasPrefix("xlsx["), format.hasSuffix("]") else { return nil }
        return String(format.dropFirst(5).dropLast())
    }

    /// The path as messages and reports name the place: the file, or the sheet of a workbook
    /// (`book.xlsx[Benefits]`, see `CellReference`).
    public var place: String { sheet.map { CellReference.sheetPath(workbook: path, sheet: $0) } ?? path }

    /// This source, if its path is a sheet of a workbook (`book.xlsx[Benefits]`), as the workspace keeps it: the
    /// workbook as the path and the sheet in the format.
    public var inWorkbook: SourceRef {
        guard let open = CellReference.sheetOpening(path) else { return self }
        var moved = self
        moved.path = String(path[..<open])
        moved.format = "xlsx[\(path[path.index(after: open)..<path.index(before: path.endIndex)])]"
        return moved
    }
}
