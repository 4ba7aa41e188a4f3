import RealiseModel
/// An RFC 4180 reader over UTF-8 bytes that keeps each record's line number.
///
/// Written by hand rather than taken from SwiftCSV or CSV.swift because neither reports the source line of a
/// record (every Realise error names one), detects `;` and tab delimiters, or accepts bare-CR line endings
/// mixed with CRLF, all of which real registers and GMPP exports have.
public struct CSVReader: Sendable {
    /// One record and the line it starts on (1-based).
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public let delimiter: UInt8
    public let records: [Record]

    /// Parses `bytes` (any supported encoding; see `TextDecoding`).
    /// - Throws: `ImportError.invalid` for a quote that is never closed, or a cell longer than
    ///   `FieldLimits.characters`.
    public init(bytes: [UInt8], path: String) throws(ImportError) {
        let text = TextDecoding.utf8(bytes)
        delimiter = CSVReader.detectDelimiter(text)
        records = try CSVReader.parse(text, delimiter: delimiter, path: path)
    }

    /// The delimiter among `,` `;` and tab that occurs most often outside quotes in the first line.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 10 || byte == 13 { break }
            if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
        return (best?.value ?? 0) > 0 ? best!.key : UInt8(ascii: ",")
    }

    private static func parse(_ bytes: [UInt8], delimiter: UInt8, path: String) throws(ImportError) -> [Record] {
        var records: [Record] = []
        var parser = CSVParser(delimiter: delimiter, path: path)
        bytes.withUnsafeBufferPointer { parser.feed($0) { records.append($0) } }
        try parser.finish { records.append($0) }
        return records
    }
}
