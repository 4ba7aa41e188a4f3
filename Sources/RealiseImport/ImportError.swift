import RealiseModel
/// Why a file could not be imported. Every case names the file; `diagnostics` carry line and column.
public enum ImportError: LocatedProblems, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case fileNotFound(path: String)
    /// The file exists but cannot be read (permissions, a folder where a file was expected, an I/O error).
    case unreadable(path: String, reason: String)
    /// No importer recognises the content.
    case unknownFormat(path: String, hint: String)
    /// The file is not well-formed or breaks its format's rules; one diagnostic per problem.
    case invalid([Diagnostic])
    /// A mapping file could not be used.
    case badMapping(path: String, reason: String)

    /// The diagnostics to print, one per line.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .fileNotFound(let path):
            [Diagnostic(.error, path: path, line: 0, "no such file or folder; check the path")]
        case .unreadable(let path, let reason):
            [Diagnostic(.error, path: path, line: 0, "cannot read: \(reason)")]
        case .unknownFormat(let path, let hint):
            [Diagnostic(.error, path: path, line: 1, "not a plan Realise can read (\(hint)); name the format with --from \(ImportFormat.allCases.map(\.rawValue).joined(separator: "|"))")]
        case .invalid(let diagnostics):
            diagnostics
        case .badMapping(let path, let reason):
            [Diagnostic(.error, path: path, line: 0, "bad mapping file: \(reason)")]
        }
    }

    /// True when the input is missing or unreadable (exit 66) rather than bad (exit 65).
    public var isMissingInput: Bool {
        switch self {
        case .fileNotFound, .unreadable: true
        default: false
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
