import Foundation
import Testing
@testable import RealiseImport

/// The incremental CSV parser and the file stream: the same records whatever the chunk boundaries, and
/// the encodings that cannot be streamed decoded whole.
@Suite("CSV streaming")
struct CSVStreamTests {
    static let tricky = "id,name,note\r\n1,\"a \"\"quoted\"\" word\",plain\r\n2,\"line one\r\nline two\",x\r3,\"ends in CR\r\",y\n4,,\"\"\n\n5,last,\"q\""

    func records(_ text: String, pieces size: Int) throws -> [CSVReader.Record] {
        var parser = CSVParser(delimiter: UInt8(ascii: ","), path: "t.csv")
        var out: [CSVReader.Record] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let piece = Array(bytes[start..<min(start + size, bytes.count)])
            piece.withUnsafeBufferPointer { parser.feed($0) { out.append($0) } }
            start += size
        }
        try parser.finish { out.append($0) }
        return out
    }

    @Test("fed a byte, two, three or all at a time, the parser gives the same records and lines")
    func chunkBoundaries() throws {
        let whole = try records(CSVStreamTests.tricky, pieces: Int.max / 2)
        #expect(whole.map(\.line) == [1, 2, 3, 5, 7, 9])
        #expect(whole[1].fields == ["1", "a \"quoted\" word", "plain"])
        #expect(whole[2].fields == ["2", "line one\r\nline two", "x"])
        #expect(whole[3].fields == ["3", "ends in CR\r", "y"])
        #expect(whole[5].fields == ["5", "last", "q"])
        for size in [1, 2, 3, 7] {
            let pieces = try records(CSVStreamTests.tricky, pieces: size)
            #expect(pieces.map(\.line) == whole.map(\.line))
            #expect(pieces.map(\.fields) == whole.map(\.fields))
        }
    }

    @Test("an unclosed quote is an error at the line it opens")
    func unclosedQuote() throws {
        let error = importError { try records("a,b\n1,\"never\nclosed", pieces: 3) }
        #expect(error?.diagnostics.first?.line == 2)
    }

    @Test("a file of several chunks streams the same records as a whole read, with a multi-byte character across a chunk edge")
    func fileOfSeveralChunks() throws {
        var text = "Metric ID,Date,Value,Notes\n"
        var n = 0
        // 'é' and '€' land across the 1 MiB boundaries somewhere among these rows.
        while text.utf8.count < 3 * CSVFileStream.chunkSize {
            text += "M\(n % 7),2025-01-\(String(format: "%02d", n % 28 + 1)),\(n),\"café € \(n)\ncontinued\"\n"
            n += 1
        }
        let folder = try TempFolder()
        defer { folder.remove() }
        let path = try folder.write("values.csv", text)
        #expect(try CSVFileStream.isUTF8(path: path))
        var streamed: [CSVReader.Record] = []
        _ = try CSVFileStream.read(path: path) { record, _ in streamed.append(record) }
        let whole = try CSVReader(bytes: Array(text.utf8), path: path).records
        #expect(streamed.count == n + 1)
        #expect(streamed.map(\.line) == whole.map(\.line))
        #expect(streamed.map(\.fields) == whole.map(\.fields))
    }

    @Test("Windows-1252 and UTF-16 files are decoded whole and read the same")
    func otherEncodings() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let latin = try folder.write("latin.csv", bytes: Array("Metric ID,Date,Value,Notes\nM1,2025-01-01,3,caf".utf8) + [0xE9, 0x80] + Array("\n".utf8))
        #expect(try !CSVFileStream.isUTF8(path: latin))
        var rows: [[String]] = []
        _ = try CSVFileStream.read(path: latin) { record, _ in rows.append(record.fields) }
        #expect(rows.last == ["M1", "2025-01-01", "3", "café€"])

        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "Metric ID;Date;Value\nM1;2025-01-01;4\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let wide = try folder.write("wide.csv", bytes: utf16)
        rows = []
        let delimiter = try CSVFileStream.read(path: wide) { record, _ in rows.append(record.fields) }
        #expect(delimiter == UInt8(ascii: ";"))
        #expect(rows == [["Metric ID", "Date", "Value"], ["M1", "2025-01-01", "4"]])
    }

    @Test("UTF-8 checking across chunks: a sequence cut at the end is carried, a bad one is refused")
    func utf8Tails() {
        #expect(CSVFileStream.incompleteTail(Array("abc".utf8)) == 0)
        #expect(CSVFileStream.incompleteTail(Array("abcdefghé".utf8).dropLast().map { $0 }) == 1)
        #expect(CSVFileStream.incompleteTail(Array("€".utf8).dropLast().map { $0 }) == 2)
        #expect(CSVFileStream.incompleteTail([0x41, 0xE9, 0x41]) == nil)
        #expect(CSVFileStream.incompleteTail([0xC0, 0x80]) == nil)
    }
}
