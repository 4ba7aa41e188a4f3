/// A problem found while reading or validating a plan, located in its source file.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Errors stop an import; warnings are kept with the import run and printed.
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, path: String, line: Int, column: Int = 0, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public init(_ severity: Severity, at source: SourceRef, _ message: String) {
        self.init(severity, path: source.place, line: source.line, column: source.column, message)
    }

    /// `path:line:column: message`, the form editors and CI logs understand (for a sheet of a workbook,
    /// `book.xlsx[Sheet]!C12: message`, see `CellReference`), on one line: control characters in the path or
    /// the message (a crafted file name, a value quoted from the file) are made visible.
    public var description: String {
        "\(CellReference.location(path: path.escapingControls, line: line, column: column)): \(message.escapingControls)"
    }
}
