import Foundation
import Hummingbird
import RealiseModel

/// A JSON object sent to the API, read field by field so that each mistake is answered with the field's name
/// (422 `{"error": {"field": "date", …}}`), never a decoder's internals.
struct JSONBody: Sendable {
    private let object: [String: JSONField]

    /// The object in `request`'s body.
    /// - Throws: `.invalid` when the body is not one JSON object, or is larger than `WebLimits.formBytes`.
    static func read(_ request: Request) async throws -> JSONBody {
        var request = request
        let buffer = try await request.body(upTo: WebLimits.formBytes)
        guard case .object(let object)? = try? JSONDecoder().decode(JSONField.self, from: Data(buffer.readableBytesView)) else {
            throw WebError.invalid(field: nil, "the body must be one JSON object, such as {\"date\": \"2026-12-01\", \"value\": 42}")
        }
        return JSONBody(object: object)
    }

    private init(object: [String: JSONField]) { self.object = object }

    /// The string field `name`; nil when absent or null (unless `required`).
    func string(_ name: String, required: Bool = false) throws(WebError) -> String? {
        switch object[name] {
        case .string(let text)?: return text
        case nil, .null?: if required { throw .invalid(field: name, "is required") } else { return nil }
        default: throw .invalid(field: name, "must be a string")
        }
    }

    /// The number field `name`.
    func number(_ name: String) throws(WebError) -> Double {
        guard case .number(let value)? = object[name] else { throw .invalid(field: name, "is required and must be a number") }
        guard value.isFinite else { throw .invalid(field: name, "must be a finite number") }
        return value
    }

    /// The date field `name` (`YYYY-MM-DD`).
    func day(_ name: String) throws(WebError) -> Day {
        let text = try string(name, required: true) ?? ""
        guard let day = Day(iso: text) else { throw .invalid(field: name, "'\(text.prefix(40))' is not a date; write it as YYYY-MM-DD") }
        return day
    }

    /// The object field `name` of numbers (`{"M1": 42}`), in its keys' order; empty when absent.
    func numbers(_ name: String) throws(WebError) -> [(String, Double)] {
        switch object[name] {
        case nil, .null?: return []
        case .object(let pairs)?:
            return try pairs.sorted { $0.key < $1.key }.map { key, value throws(WebError) in
                guard case .number(let number) = value, number.isFinite else { throw .invalid(field: "\(name).\(key)", "must be a number") }
                return (key, number)
            }
        default: throw .invalid(field: name, "must be an object of metric ids and numbers")
        }
    }
}

/// One JSON value, as much of it as the API reads.
private indirect enum JSONField: Sendable, Decodable {
    case string(String), number(Double), bool(Bool), null, object([String: JSONField]), array

    init(from decoder: any Decoder) throws {
        if var items = try? decoder.unkeyedContainer() {
            while !items.isAtEnd { _ = try items.decode(JSONField.self) }
            self = .array
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var fields: [String: JSONField] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(JSONField.self, forKey: key) }
            self = .object(fields)
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null } else if let flag = try? value.decode(Bool.self) { self = .bool(flag) }
        else if let number = try? value.decode(Double.self) { self = .number(number) } else { self = .string(try value.decode(String.self)) }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
