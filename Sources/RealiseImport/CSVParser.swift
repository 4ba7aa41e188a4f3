import RealiseModel

/// An incremental RFC 4180 parser: UTF-8 bytes go in in pieces of any size, records come out as they end,
/// each with the line it starts on. `CSVReader` parses a whole text with it; `CSVFileStream` a file a chunk
/// at a time, so a table of a million rows is never held whole.
///
/// Fields may be quoted (`""` inside is a quote) and span lines; records end at LF, CRLF or a bare CR; a
/// quote opens a quoted field only at the field's start. A record with one empty field (a blank line) is
/// skipped.
struct CSVParser {
    let delimiter: UInt8
    let path: String
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var line = 1, recordLine = 1, quoteLine = 1
    private var quoted = false, wasQuoted = false
    /// In a quoted field, a quote was the last byte: the next one tells an escaped quote from the close.
    private var quoteSeen = false
    /// Cells longer than `FieldLimits` allows, reported when the text ends.
    private var tooLong: [Diagnostic] = []
    /// A CR ended the last record (or, in a quoted field, a line): a LF right after it belongs to it.
    private var afterCR = false

    init(delimiter: UInt8, path: String) {
        self.delimiter = delimiter
        self.path = path
    }

    private static let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10

    /// Parses the next piece of the text, calling `emit` with each record it completes.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: (CSVReader.Record) -> Void) {
        for byte in bytes {
            if quoted {
                if quoteSeen {
                    quoteSeen = false
                    if byte == CSVParser.quote {
                        field.append(byte)
                        continue
                    }
                    quoted = false
                } else {
                    if byte == CSVParser.quote {
                        quoteSeen = true
                        afterCR = false
                    } else {
                        if byte == CSVParser.cr || (byte == CSVParser.lf && !afterCR) { line += 1 }
                        afterCR = byte == CSVParser.cr
                        field.append(byte)
                    }
                    continue
                }
            }
            let wasAfterCR = afterCR
            afterCR = false
            switch byte {
            case CSVParser.quote where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                quoteLine = line
            case delimiter:
                endField()
            case CSVParser.lf where wasAfterCR:
                break
            case CSVParser.cr, CSVParser.lf:
                endRecord(emit)
                line += 1
                recordLine = line
                afterCR = byte == CSVParser.cr
            default:
                field.append(byte)
            }
        }
    }

    /// Ends the text: emits the last record.
    /// - Throws: `ImportError.invalid` for a quoted field that is never closed, or cells that are too long.
    mutating func finish(emit: (CSVReader.Record) -> Void) throws(ImportError) {
        if quoteSeen {
            quoteSeen = false
            quoted = false
        }
        if quoted {
            throw .invalid([Diagnostic(.error, path: path, line: quoteLine, "a quoted field opened here is never closed; add the closing \"")])
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord(emit) }
        if !tooLong.isEmpty { throw .invalid(tooLong) }
    }

    private mutating func endField() {
        let text = String(decoding: field, as: UTF8.self)
        if field.count > FieldLimits.characters, FieldLimits.isTooLong(text) {
            tooLong.append(FieldLimits.diagnostic(path: path, line: recordLine, column: fields.count + 1, length: text.count,
                                                  what: "this cell"))
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        wasQuoted = false
    }

    private mutating func endRecord(_ emit: (CSVReader.Record) -> Void) {
        endField()
        if !(fields.count == 1 && fields[0].isEmpty) { emit(CSVReader.Record(line: recordLine, fields: fields)) }
        fields.removeAll(keepingCapacity: true)
    }
}
