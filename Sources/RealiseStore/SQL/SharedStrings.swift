/// Texts read many times over (source paths and formats, programmes, owners, units), kept once so equal values share
/// storage. A run of rows with the same text in a column (as rows come, file by file) costs a comparison of bytes and
/// no string; a text kept already costs a hash of its bytes and a comparison, and no string either.
struct SharedStrings {
    /// The kept texts by a hash of their UTF-8 (open addressing): found from a column's bytes. Hand-written instead of
    /// a `[String: String]`: looking one up needed a string made of the bytes and its SipHash, most of reading an
    /// owner or a unit (callgrind, a 10 000-benefit gap report: making its 30 000 metrics took 169 M instructions,
    /// now 146 M). Texts are kept as their bytes are: two spellings of one text (composed and decomposed) stay apart.
    private var table: [String?] = Array(repeating: nil, count: 64)
    private var keptCount = 0
    /// The last text read from each column (by position): paths and formats alternate within a row.
    private var last: [String?] = Array(repeating: nil, count: 32)

    /// At most this many texts are kept, and a look-up tries at most `probes` places: texts past either are made
    /// afresh, unshared. A plan's repeated texts are few; this bounds the work of one with many distinct texts, or
    /// with texts chosen to collide, to a few comparisons each.
    private static let capacity = 4096, probes = 8

    /// The column's text (NOT NULL), shared.
    mutating func string(_ row: StatementRow, _ column: Int32) -> String {
        let slot = Int(column) % last.count
        if let last = last[slot], row.text(column, equals: last) { return last }
        let text = kept(row.utf8(column))
        last[slot] = text
        return text
    }

    /// The column's text, shared, or nil when NULL. A text of up to 15 bytes is made afresh: Swift keeps it inside
    /// the string, so there is nothing to share.
    mutating func optionalString(_ row: StatementRow, _ column: Int32) -> String? {
        guard let bytes = row.bytes(column) else { return nil }
        return bytes.count <= 15 ? row.string(column) : string(row, column)
    }

    /// The kept text whose UTF-8 is `bytes` (as `String(decoding:as:)` reads them), keeping it when new.
    private mutating func kept(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let mask = table.count - 1
        var index = Int(truncatingIfNeeded: SharedStrings.hash(bytes)) & mask
        for _ in 0..<SharedStrings.probes {
            guard let candidate = table[index] else {
                let text = String(decoding: bytes, as: UTF8.self)
                guard keptCount < SharedStrings.capacity else { return text }
                table[index] = text
                keptCount += 1
                if 2 * keptCount > table.count { grow() }
                return text
            }
            if StatementRow.utf8(of: candidate, equals: bytes) { return candidate }
            index = (index + 1) & mask
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Twice the places, every kept text placed again (itself, not a copy: rows read already share it).
    private mutating func grow() {
        let old = table
        table = Array(repeating: nil, count: 2 * old.count)
        let mask = table.count - 1
        for case var text? in old {
            var index = text.withUTF8 { Int(truncatingIfNeeded: SharedStrings.hash($0)) } & mask
            while table[index] != nil { index = (index + 1) & mask }
            table[index] = text
        }
    }

    /// FNV-1a over the bytes.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
