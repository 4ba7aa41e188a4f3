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

    /// A source for something typed in at the command line rather than read from a file.
    public static func manual(_ what: String) -> SourceRef {
        SourceRef(path: "(command line)", line: 0, format: "manual", identifier: what)
    }

    /// `path:line:column`, the location prefix every diagnostic uses (`book.xlsx[Sheet]!C12` in a workbook).
    public var location: String { CellReference.location(path: path, line: line, column: column) }
}
