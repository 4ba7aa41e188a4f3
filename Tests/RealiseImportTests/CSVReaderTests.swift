import Foundation
import Testing
@testable import RealiseImport
import RealiseModel

@Suite("CSVReader")
struct CSVReaderTests {
    func parse(_ text: String) throws -> CSVReader {
        try CSVReader(bytes: Array(text.utf8), path: "test.csv")
    }

    func fields(_ reader: CSVReader) -> [[String]] { reader.records.map(\.fields) }
    func lines(_ reader: CSVReader) -> [Int] { reader.records.map(\.line) }

    // MARK: RFC 4180

    @Test func plainRecords() throws {
        let reader = try parse("a,b,c\n1,2,3\n")
        #expect(fields(reader) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(lines(reader) == [1, 2])
        #expect(reader.delimiter == UInt8(ascii: ","))
    }

    @Test func quotedFieldsWithDelimitersAndDoubledQuotes() throws {
        let reader = try parse(#"id,text,quote"# + "\n" + #"1,"x, y","say ""hi""""# + "\n" + #"2,"""","a""b""# + "\n")
        #expect(fields(reader) == [["id", "text", "quote"], ["1", "x, y", #"say "hi""#], ["2", #"""#, #"a"b"#]])
    }

    @Test func emptyFieldsAndEmptyQuotedFields() throws {
        let reader = try parse("a,,c\n,,\n\"\",x,\"\"\n")
        #expect(fields(reader) == [["a", "", "c"], ["", "", ""], ["", "x", ""]])
    }

    @Test func quoteInsideAnUnquotedFieldIsLiteral() throws {
        let reader = try parse("a,b\n5\" screen,x\n")
        #expect(fields(reader) == [["a", "b"], ["5\" screen", "x"]])
    }

    @Test func quotedNewlineKeepsTheRecordsStartLine() throws {
        let reader = try parse("id,text\n1,\"line one\nline two\nline three\"\n2,after\n3,\"x\"\n")
        #expect(fields(reader) == [["id", "text"], ["1", "line one\nline two\nline three"], ["2", "after"], ["3", "x"]])
        #expect(lines(reader) == [1, 2, 5, 6])
    }

    @Test func quotedCRLFNewlineCountsAsOneLine() throws {
        let reader = try parse("id,text\r\n1,\"a\r\nb\"\r\n2,c\r\n")
        #expect(fields(reader)[1] == ["1", "a\r\nb"])
        #expect(lines(reader) == [1, 2, 4])
    }

    @Test func quotedBareCRNewlineCountsAsALine() throws {
        let reader = try parse("id,text\r1,\"a\rb\"\r2,c\r")
        #expect(fields(reader)[1] == ["1", "a\rb"])
        #expect(lines(reader) == [1, 2, 4])
    }

    // MARK: Line endings

    @Test("line endings", arguments: [
        ("LF", "h1,h2\n1,2\n3,4\n"),
        ("CRLF", "h1,h2\r\n1,2\r\n3,4\r\n"),
        ("CR", "h1,h2\r1,2\r3,4\r"),
        ("mixed", "h1,h2\r\n1,2\r3,4\n"),
        ("no final newline", "h1,h2\n1,2\r\n3,4"),
    ])
    func lineEndings(name: String, text: String) throws {
        let reader = try parse(text)
        #expect(fields(reader) == [["h1", "h2"], ["1", "2"], ["3", "4"]], "\(name)")
        #expect(lines(reader) == [1, 2, 3], "\(name)")
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let reader = try parse("a,b\n\n1,2\r\n\r\n\r3,4\n")
        #expect(fields(reader) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(lines(reader) == [1, 3, 6])
    }

    @Test("trailing empty lines are ignored", arguments: ["a,b\n1,2\n\n", "a,b\n1,2\n\n\n", "a,b\r\n1,2\r\n\r\n", "a,b\r1,2\r\r"])
    func trailingEmptyLines(text: String) throws {
        let reader = try parse(text)
        #expect(fields(reader) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try parse("").records.isEmpty)
        #expect(try parse("\n\n").records.isEmpty)
    }

    // MARK: Delimiters

    @Test func semicolonDelimiterDetected() throws {
        let reader = try parse("a;b;c\n1;2,5;\"x;y\"\n")
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(fields(reader) == [["a", "b", "c"], ["1", "2,5", "x;y"]])
    }

    @Test func tabDelimiterDetected() throws {
        let reader = try parse("a\tb\tc\n1\t2, 3\t4;5\n")
        #expect(reader.delimiter == UInt8(ascii: "\t"))
        #expect(fields(reader) == [["a", "b", "c"], ["1", "2, 3", "4;5"]])
    }

    @Test func delimitersInsideQuotedHeaderCellsDoNotCount() throws {
        // Three ';' inside quotes, two ',' outside: the delimiter is ','.
        let reader = try parse("\"a;b;c;d\",e,f\n1,2,3\n")
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(fields(reader)[0] == ["a;b;c;d", "e", "f"])
    }

    @Test func onlyTheFirstLineDecidesTheDelimiter() throws {
        let reader = try parse("a,b\n1;2;3;4;5,6\n")
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(fields(reader)[1] == ["1;2;3;4;5", "6"])
    }

    @Test func singleColumnDefaultsToComma() throws {
        let reader = try parse("id\n1\n")
        #expect(reader.delimiter == UInt8(ascii: ","))
        #expect(fields(reader) == [["id"], ["1"]])
    }

    // MARK: Encodings

    @Test func utf8BOMIsRemoved() throws {
        let reader = try CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("id,name\n1,Café\n".utf8), path: "t.csv")
        #expect(fields(reader) == [["id", "name"], ["1", "Café"]])
    }

    @Test func utf8WithoutBOM() throws {
        let reader = try parse("id,name\n1,Zoë – £5 €\n")
        #expect(fields(reader)[1] == ["1", "Zoë – £5 €"])
    }

    @Test("UTF-16 with BOM", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let text = "id;name\r\n1;\"Café\r\n€5\"\r\n2;𝄞\r\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        let reader = try CSVReader(bytes: bytes, path: "t.csv")
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(fields(reader) == [["id", "name"], ["1", "Café\r\n€5"], ["2", "𝄞"]])
        #expect(lines(reader) == [1, 2, 4])
    }

    @Test func windows1252() throws {
        // 0x80 €, 0xA3 £, 0xE9 é, 0x93/0x94 curly quotes, 0x96 en dash.
        let bytes: [UInt8] = Array("id,text\n1,".utf8) + [0x80] + Array(",".utf8) + [0xA3, 0x35] + Array(",caf".utf8) + [0xE9]
            + Array(",".utf8) + [0x93, 0x68, 0x69, 0x94, 0x20, 0x96] + [0x0A]
        let reader = try CSVReader(bytes: bytes, path: "t.csv")
        #expect(fields(reader) == [["id", "text"], ["1", "€", "£5", "café", "\u{201C}hi\u{201D} \u{2013}"]])
    }

    /// A Windows-1252 file longer than the sniffing head whose only non-ASCII byte is a UTF-8 lead byte at
    /// the very end (a register whose last cell is "Café" with no final newline) must still decode as
    /// Windows-1252. The relaxed check meant for a head cut mid-character is applied to the whole file.
    @Test
    func windows1252LeadByteAtEndOfLongFile() throws {
        var bytes = Array("id,name\n".utf8)
        while bytes.count < 9000 { bytes += Array("1,plain ascii row\n".utf8) }
        bytes += Array("2,Caf".utf8) + [0xE9]
        let reader = try CSVReader(bytes: bytes, path: "t.csv")
        #expect(reader.records.last?.fields == ["2", "Café"])
    }

    @Test func windows1252ShortFileEndingInLeadByte() throws {
        let reader = try CSVReader(bytes: Array("id,name\n2,Caf".utf8) + [0xE9], path: "t.csv")
        #expect(reader.records.last?.fields == ["2", "Café"])
    }

    @Test("encoded fixtures decode to the same records", arguments: [
        "csv/encoding/utf8-bom.csv", "csv/encoding/utf16le-bom.csv", "csv/encoding/utf16be-bom.csv",
        "csv/encoding/windows-1252.csv", "csv/encoding/cr-only-semicolon-1252.csv",
    ])
    func encodedFixtures(fixture: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(fixture)))
        let reader = try CSVReader(bytes: Array(data), path: fixture)
        #expect(reader.records.map { $0.fields.map { $0.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") } } == [
            ["Benefit ID", "Description", "Notes"],
            ["B-1", "Café savings of €5", "Line one\nline two"],
            ["B-2", "Pounds £3", "plain"],
        ])
        #expect(lines(reader) == [1, 2, 4])
    }

    // MARK: Errors

    @Test func unclosedQuoteIsInvalidAtTheLineWhereItOpened() throws {
        let error = try #require(importError { try parse("a,b\n1,2\n3,\"open\nmore\nand more\n") })
        let diagnostics = try #require(error.invalidDiagnostics)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].path == "test.csv")
        #expect(diagnostics[0].line == 3)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].message.contains("never closed"))
    }

    @Test func unclosedQuoteAfterAQuotedNewline() throws {
        // The first quoted field spans lines 2-3; the unclosed one opens on line 4.
        let error = try #require(importError { try parse("a,b\n1,\"x\ny\"\n2,\"z\n") })
        #expect(error.invalidDiagnostics?.first?.line == 4)
    }
}
