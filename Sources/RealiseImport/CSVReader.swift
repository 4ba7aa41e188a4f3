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
        let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1, quoteLine = 1
        var quoted = false, wasQuoted = false
        var index = 0
        let count = bytes.count
        var tooLong: [Diagnostic] = []

        func endField() {
            let text = String(decoding: field, as: UTF8.self)
            if field.count > FieldLimits.characters, FieldLimits.isTooLong(text) {
                tooLong.append(FieldLimits.diagnostic(path: path, line: recordLine, column: fields.count + 1,
                                                      length: text.count, what: "this cell"))
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < count, bytes[index + 1] == quote {
                        field.append(quote)
                        index += 2
                        continue
                    }
                    quoted = false
                } else {
                    if byte == lf || (byte == cr && (index + 1 >= count || bytes[index + 1] != lf)) { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case quote where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                quoteLine = line
            case delimiter:
                endField()
            case cr, lf:
                if byte == cr, index + 1 < count, bytes[index + 1] == lf { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
            index += 1
        }
        if quoted {
            throw .invalid([Diagnostic(.error, path: path, line: quoteLine, "a quoted field opened here is never closed; add the closing \"")])
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        if !tooLong.isEmpty { throw .invalid(tooLong) }
        return records
    }
}
