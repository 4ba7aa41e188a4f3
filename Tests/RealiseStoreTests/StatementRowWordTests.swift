import Testing
import RealiseModel
@testable import RealiseStore

/// `StatementRow.word` compares a column's bytes with the raw values in place; it must read exactly what making a string
/// and `init(rawValue:)` read.
@Suite("Vocabulary words read from a row in place")
struct StatementRowWordTests {
    /// Each text as the row reads it as a `T`, and as the string path reads it.
    private func readings<T: KebabCaseEnum>(_ texts: [String?], as type: T.Type) throws -> [(word: T?, string: T?)] {
        try Workspace().read { db in
            try texts.map { text in
                var read: (T?, T?)?
                try db.each("SELECT ?", [text]) { row in
                    read = (row.word(0), row.optionalString(0).flatMap(T.init(rawValue:)))
                    return false
                }
                return try #require(read)
            }
        }
    }

    /// Every raw value, and near misses of them: other cases, cut short, lengthened, padded, with a NUL inside.
    private func texts<T: KebabCaseEnum>(_ type: T.Type) -> [String?] {
        let raws = T.allCases.map(\.rawValue)
        return raws + raws.flatMap { raw in
            [raw.uppercased(), String(raw.dropLast()), raw + "s", " " + raw, raw + "\u{0}tail", "x\u{0}" + raw, raw + "\u{301}"]
        } + [nil, "", "\u{0}", "é", "K", "\u{212A}", "\u{FFFD}"]
    }

    @Test("every case's raw value, and no near miss, across the vocabularies a workspace stores")
    func sameAsStrings() throws {
        func check<T: KebabCaseEnum>(_ type: T.Type) throws {
            let texts = texts(type)
            for (text, read) in zip(texts, try readings(texts, as: type)) {
                #expect(read.word == read.string, "\(T.self) \(String(reflecting: text))")
            }
            #expect(try readings(T.allCases.map(\.rawValue), as: type).map(\.word) == T.allCases.map { $0 })
        }
        try check(MetricValue.Kind.self)
        try check(Link.Kind.self)
        try check(Link.DependencyType.self)
        try check(EntityType.self)
        try check(Metric.Direction.self)
        try check(Frequency.self)
        try check(Benefit.Kind.self)
        try check(Deliverable.Kind.self)
        try check(RAG.self)
    }
}
