import RealiseModel

/// A JSON value whose objects keep their keys in the order given, written deterministically; used where
/// output must be byte-stable and read in a sensible order (listings, exports).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialised() == rhs.serialised() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialised()) }

    /// `nil` becomes `null`.
    public static func from(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    public static func from(_ number: Double?) -> JSONValue { number.map(JSONValue.number) ?? .null }

    /// The value as JSON text, pretty-printed with two-space indentation.
    /// - Parameter indent: the depth the value sits at (its closing bracket is indented by it).
    public func serialised(indent: Int = 0) -> String {
        var writer = JSONWriter(indent: indent)
        write(to: &writer)
        return writer.text
    }

    /// Writes the value into `writer`.
    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.bool(value)
        case .number(let value): writer.number(value)
        case .string(let value): writer.string(value)
        case .array(let items):
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        case .object(let pairs):
            writer.beginObject()
            for (key, value) in pairs {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.endObject()
        }
    }
}
