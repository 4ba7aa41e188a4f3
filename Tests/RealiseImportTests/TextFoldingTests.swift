import Testing
import RealiseTestSupport
@testable import RealiseImport

/// The byte-level paths of `String.trimmed` and `IATINarrative.singleLine` give what the character- and
/// scalar-level rules they replace gave, on every kind of text an import meets.
@Suite("text folding on bytes")
struct TextFoldingTests {
    /// The rules as first written, kept here as the reference.
    static func trimmedByCharacter(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    static func singleLineByScalar(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Byte for byte: `==` on strings would take a precomposed and a decomposed `é` for the same.
    static func same(_ a: String, _ b: String) -> Bool { Array(a.utf8) == Array(b.utf8) }

    static let samples: [String] = [
        "", " ", "  ", "\t", "\r\n", "\n\n\t \r", "a", " a", "a ", " a ", "plain title", "two  spaces",
        "tab\there", "line\nbreak", "crlf\r\nbreak", "  lead and trail  ", "\r\n\tDept\tof\r\n\r\n  Things  \n",
        "café crème", " café ", "École\u{a0}", "\u{a0}nbsp\u{a0}", "no\u{a0}\u{a0}break", "Â mojibake Ã©",
        "\u{2028}sep\u{2029}", "\u{85}nel\u{85}", "\u{3000}ideo\u{3000}", "emoji 😀  x", " 😀 ", "e\u{301}",
        " \u{301}combining", "x \u{301}", "a\u{1F}", "\u{1F}a", "\u{0B}vt\u{0C}", "\u{7F}", "\0nul\0",
        "\u{600}a", "a\u{600}", "世界  世界", "\r", "a\r", "\ra", "a \t b", "a\u{200B} b", "#1", "(x)",
    ]

    @Test("trimmed gives what trimming character by character gives", arguments: samples)
    func trimmed(text: String) {
        #expect(TextFoldingTests.same(text.trimmed, TextFoldingTests.trimmedByCharacter(text)))
    }

    @Test("singleLine gives what folding scalar by scalar gives", arguments: samples)
    func singleLine(text: String) {
        #expect(TextFoldingTests.same(IATINarrative.singleLine(text), TextFoldingTests.singleLineByScalar(text)))
    }

    @Test("trimming on bytes: unchanged, an ASCII range, or left to the characters")
    func asciiTrimming() {
        func trim(_ text: String) -> String.ASCIITrim {
            var text = text
            return text.withUTF8(String.asciiTrimming)
        }
        #expect(trim("") == .unchanged)
        #expect(trim("a") == .unchanged)
        #expect(trim("a é a") == .unchanged, "visible ASCII at both ends settles it, whatever lies between")
        #expect(trim(" a\r\n") == .range(1..<2))
        #expect(trim(" \t ") == .range(3..<3))
        #expect(trim("\u{1F}a") == .range(0..<2), "a control that is not white space stays")
        #expect(trim(" é") == .unknown)
        #expect(trim("é") == .unknown)
    }

    @Test("folding spaces: nil when nothing changes, else the folded bytes")
    func foldingSpaces() {
        func fold(_ text: String) -> String? {
            var text = text
            return text.withUTF8(IATINarrative.foldingSpaces).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(fold("") == nil)
        #expect(fold("one two three") == nil)
        #expect(fold("é\u{a0}\u{a0}é") == nil, "only ASCII white space is folded")
        #expect(fold("one  two") == "one two")
        #expect(fold(" one") == "one")
        #expect(fold("one ") == "one")
        #expect(fold("\r\n\t") == "")
        #expect(fold("a\r\nb\t\tc") == "a b c")
        #expect(fold("Café\n crème") == "Café crème")
    }

    @Test("many random texts of white space, ASCII and other characters")
    func randomTexts() {
        let pieces: [String] = [" ", "  ", "\t", "\n", "\r", "\r\n", "a", "Z", "é", "\u{a0}", "\u{301}", "😀", "\u{2028}",
                                "\u{1F}", "世", "\u{600}", "\u{85}", ".", "\u{0B}"]
        var generator = SeededGenerator(seed: 0x7E47_F01D_0001)
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...8, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TextFoldingTests.same(text.trimmed, TextFoldingTests.trimmedByCharacter(text)), "\(Array(text.unicodeScalars))")
            #expect(TextFoldingTests.same(IATINarrative.singleLine(text), TextFoldingTests.singleLineByScalar(text)), "\(Array(text.unicodeScalars))")
        }
    }
}
