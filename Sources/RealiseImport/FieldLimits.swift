import RealiseModel

/// The longest text Realise takes in one field, whatever the format: a CSV cell, an XML text or attribute
/// value. It is the realise-xml schema's limit on its texts (`Text`, `maxLength` 100 000); no name, statement
/// or note in a plan comes near it, while a field far past it (a 10 MB cell, a 1 MB name) is a broken export
/// or an attack that would otherwise be stored whole in the workspace and every report.
enum FieldLimits {
    static let characters = 100_000

    /// The deepest an XML element may be nested (the root is level 1). Realise's formats need at most about
    /// ten levels; the check is Realise's own (`XMLPullReader.next()`), well below libxml2's 256, so that
    /// nesting is refused the same way whatever limit the C library is built or set with, and no reader
    /// ever recurses deeper than this.
    static let xmlDepth = 64

    /// Whether `utf8Count` bytes of `text` hold more than the limit's characters. Cheap for ordinary fields:
    /// characters are counted only when the bytes alone exceed the limit.
    static func isTooLong(_ text: String) -> Bool {
        text.utf8.count > characters && text.count > characters
    }

    /// The error for a field longer than the limit.
    static func diagnostic(path: String, line: Int, column: Int, length: Int, what: String) -> Diagnostic {
        Diagnostic(.error, path: path, line: line, column: column,
                   "\(what) is \(length) characters long; Realise takes at most \(characters) characters in one field "
                   + "(no plan needs more: is the file damaged?)")
    }
}
