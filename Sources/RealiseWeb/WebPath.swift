/// The workspace's URLs, built in one place so that the server's routes and the pages' links agree. Every piece of
/// text put in a path or a query is percent-encoded with a strict allowed set.
public enum WebPath {
    /// The dashboard.
    public static let dashboard = "/"
    /// The gap report; `gaps(_:)` adds a query.
    public static let gaps = "/gaps"
    /// The benefits map page.
    public static let map = "/map"
    /// The benefits map as an SVG file.
    public static let mapSVG = "/map.svg"
    /// The import page, and where its upload form posts.
    public static let importFiles = "/import"
    /// The accounts page, and where its add-user form posts.
    public static let users = "/users"
    /// The login page, and where its form posts.
    public static let login = "/login"
    /// Where the logout form posts.
    public static let logout = "/logout"

    /// `/entities/{id}`, the page of any entity.
    public static func entity(_ id: String) -> String { "/entities/" + segment(id) }

    /// Where a metric's measurement form posts.
    public static func measurements(_ id: String) -> String { entity(id) + "/measurements" }

    /// Where a subject's review form posts.
    public static func reviews(_ id: String) -> String { entity(id) + "/reviews" }

    /// Where a subject's schedule form posts.
    public static func schedules(_ id: String) -> String { entity(id) + "/schedules" }

    /// Where the form removing review schedule `id` posts.
    public static func removeSchedule(_ id: Int64) -> String { "/schedules/\(id)/remove" }

    /// Where the form removing account `name` posts.
    public static func removeUser(_ name: String) -> String { "/users/" + segment(name) + "/remove" }

    /// `/gaps` with `query` (pairs in order; those with an empty value left out), e.g. `/gaps?severity=high`.
    public static func gaps(_ query: [(String, String)]) -> String {
        let pairs = query.filter { !$0.1.isEmpty }.map { component($0.0) + "=" + component($0.1) }
        return pairs.isEmpty ? gaps : gaps + "?" + pairs.joined(separator: "&")
    }

    /// `text` as one path segment: every byte of its UTF-8 but ASCII letters, digits, `-`, `.`, `_` and `~` percent-encoded,
    /// and a segment of dots only (`.`, `..`) wholly encoded, so that no id can add, climb or cut a path.
    public static func segment(_ text: String) -> String {
        let encoded = component(text)
        guard !encoded.isEmpty, encoded.allSatisfy({ $0 == "." }) else { return encoded }
        return String(repeating: "%2E", count: encoded.count)
    }

    /// `text` for a query's name or value: every byte but ASCII letters, digits, `-`, `.`, `_` and `~` percent-encoded.
    public static func component(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if allowed(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0xF)])
            }
        }
        return out
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func allowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
