import Foundation

/// One top-level element of a Realise plan as read from the stream: its attributes, the text of its
/// child elements, and its reference and value children, each with its line.
struct XMLElementRecord {
    /// A child element with attributes (a reference like `<enabled-by ref="D1"/>` or a dated value).
    struct Child {
        var name: String
        var attributes: [String: String]
        var text: String
        var line: Int
    }

    var name: String
    var attributes: [String: String]
    var line: Int
    /// Text children (`statement`, `description`, `name`, `notes`, …) by element name.
    var texts: [String: String] = [:]
    /// Children with attributes, in document order.
    var children: [Child] = []

    init(name: String, attributes: [(String, String)], line: Int) {
        self.name = name
        self.attributes = Dictionary(attributes, uniquingKeysWith: { first, _ in first })
        self.line = line
    }

    subscript(attribute: String) -> String? {
        guard let value = attributes[attribute]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func text(_ name: String) -> String? {
        guard let value = texts[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
