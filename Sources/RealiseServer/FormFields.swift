import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body or a query string, each name with its values in order.
/// Hand-parsed rather than decoded into a `Decodable`: the review form's fields are named after the metrics it
/// measures (`measurement.M1`), which no fixed type has.
struct FormFields: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    /// The fields of `text` (`a=1&b=x+y`); a name or value that is not valid percent-encoding is kept as written.
    init(_ text: String) {
        for item in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            pairs.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
    }

    /// The query of `request`'s address.
    static func query(_ request: Request) -> FormFields { FormFields(request.uri.query ?? "") }

    /// The form body of `request`, at most `WebLimits.formBytes` long.
    static func body(_ request: Request) async throws -> FormFields {
        var request = request
        let buffer = try await request.body(upTo: WebLimits.formBytes)
        return FormFields(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// The first value of `name`, trimmed; nil when absent or empty.
    subscript(name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Every value of `name`, as sent.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The fields whose names start with `prefix`, the prefix taken off, with non-empty values.
    func prefixed(_ prefix: String) -> [(name: String, value: String)] {
        pairs.compactMap { pair in
            guard pair.name.hasPrefix(prefix), !pair.value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return (String(pair.name.dropFirst(prefix.count)), pair.value.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Refuses the form unless its `csrf` field is the session's token (compared in constant time).
    func checkCSRF(_ viewer: Viewer) throws(WebError) {
        guard let expected = viewer.csrf, let given = self["csrf"], Self.same(given, expected) else { throw .badCSRF }
    }

    /// Whether `a` and `b` are equal, taking as long whichever byte differs.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
