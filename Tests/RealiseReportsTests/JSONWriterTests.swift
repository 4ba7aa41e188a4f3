import Foundation
import RealiseModel
import Testing
@testable import RealiseReports

@Suite("JSON writer: the exact text the string-building serialiser wrote")
struct JSONWriterTests {
    private func quoted(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.text
    }

    private func number(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.number(value)
        return writer.text
    }

    @Test("quotes, backslashes and the short escapes", arguments: [
        ("", #""""#), ("plain", #""plain""#), (#"say "hi""#, #""say \"hi\"""#), (#"a\b"#, #""a\\b""#),
        ("a/b", #""a/b""#), ("line\nbreak", #""line\nbreak""#), ("cr\rlf\r\n", #""cr\rlf\r\n""#), ("tab\there", #""tab\there""#),
        ("\"\\\"", #""\"\\\"""#),
    ])
    func shortEscapes(input: String, expected: String) {
        #expect(quoted(input) == expected)
    }

    @Test("other control characters, DEL and the C1 controls as lower-case \\u00xx")
    func controls() {
        #expect(quoted("\u{0}") == #""\u0000""#)
        #expect(quoted("\u{1}x\u{1F}") == #""\u0001x\u001f""#)
        #expect(quoted("\u{8}\u{C}\u{B}") == #""\u0008\u000c\u000b""#)
        #expect(quoted("\u{1B}[0m") == #""\u001b[0m""#)
        #expect(quoted("\u{7F}\u{85}\u{9F}") == #""\u007f\u0085\u009f""#)
        // Neighbours of the C1 block are themselves.
        #expect(quoted("\u{A0}\u{C0}") == "\"\u{A0}\u{C0}\"")
    }

    @Test("non-ASCII is written as itself, except the JavaScript line separators and the bidirectional controls")
    func nonASCII() {
        #expect(quoted("Café – Ærø ✓ 東京 👩🏽‍🚒 e\u{301}") == "\"Café – Ærø ✓ 東京 👩🏽‍🚒 e\u{301}\"")
        #expect(quoted("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        #expect(quoted("\u{2028}") == #""\u2028""#)
        // Bidirectional embeddings, overrides and isolates could reorder what a reader sees.
        #expect(quoted("\u{202A}\u{202E}\u{2066}\u{2069}") == #""\u202a\u202e\u2066\u2069""#)
        // Neighbours share their first two UTF-8 bytes but are not escaped.
        #expect(quoted("\u{2027}\u{202F}\u{2020}\u{2065}\u{206A}") == "\"\u{2027}\u{202F}\u{2020}\u{2065}\u{206A}\"")
        #expect(quoted("ends with \u{2026}") == "\"ends with \u{2026}\"")
    }

    @Test("numbers: whole numbers without a fraction, others as Swift's shortest text, non-finite as null", arguments: [
        (0.0, "0"), (-0.0, "0"), (52, "52"), (-7, "-7"), (12.5, "12.5"), (0.1, "0.1"), (-0.25, "-0.25"),
        (1234567.0, "1234567"), (999_999_999_999_999, "999999999999999"), (1e15, "1000000000000000.0"), (-1e15, "-1000000000000000.0"),
        (1.5e-5, "1.5e-05"), (123456.7891, "123456.7891"), (2.5e20, "2.5e+20"), (1e300, "1e+300"),
        (Double.infinity, "null"), (-Double.infinity, "null"), (Double.nan, "null"),
    ])
    func numbers(value: Double, expected: String) {
        #expect(number(value) == expected)
        #expect(value.isFinite ? value.plainText == expected : true)
    }

    @Test("integers are written as their Double would be")
    func integers() {
        for value in [0, 1, -1, 9, 10, 42, 100, 65_535, -123_456, 1_000_000_007, Int(Int32.max)] {
            var writer = JSONWriter()
            writer.number(value)
            #expect(writer.text == String(value))
        }
    }

    @Test("layout: two-space indentation, empty containers, keys in the order given")
    func layout() {
        let value = JSONValue.object([
            ("a", .array([])), ("b", .object([])), ("c", .array([.number(1), .string("x"), .null, .bool(true)])),
            ("d", .object([("e", .object([("f", .bool(false))]))])),
        ])
        #expect(value.serialised() == """
            {
              "a": [],
              "b": {},
              "c": [
                1,
                "x",
                null,
                true
              ],
              "d": {
                "e": {
                  "f": false
                }
              }
            }
            """)
        #expect(JSONValue.array([.array([.number(2)])]).serialised(indent: 1) == "[\n    [\n      2\n    ]\n  ]")
        #expect(JSONValue.string("top").serialised(indent: 3) == "\"top\"")
    }

    @Test("matches the string-building serialiser on random values")
    func matchesReference() {
        var generator = SeededGenerator(seed: 0x15A0_7E57_0006)
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}",
                                          "é", "\u{301}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202F}", "東", "🚒", "\u{FEFF}"]
        func text() -> String {
            var out = String.UnicodeScalarView()
            // Mostly printable ASCII, so the writer's eight-bytes-at-a-time look meets long plain runs and what ends them.
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                out.append(Int.random(in: 0..<4, using: &generator) == 0 ? alphabet.randomElement(using: &generator)!
                           : Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
            }
            return String(out)
        }
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &generator))
            case 2: return .number(Double(Int.random(in: -100_000...100_000, using: &generator)) / [1, 10, 1000, 3][Int.random(in: 0..<4, using: &generator)])
            case 3: return .number([1e15, -2.5e20, 1e-7, .pi, .infinity, .nan, 4.35, 1e300][Int.random(in: 0..<8, using: &generator)])
            case 4: return .string(text())
            case 5: return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in value(depth + 1) })
            default: return .object((0..<Int.random(in: 0...3, using: &generator)).map { _ in (text(), value(depth + 1)) })
            }
        }
        for _ in 0..<2_000 {
            let sample = value(0), indent = Int.random(in: 0...2, using: &generator)
            #expect(sample.serialised(indent: indent) == ReferenceJSON.serialised(sample, indent: indent))
        }
    }

    @Test("a key written in the program and two texts joined by a separator: the same text as the general calls")
    func plainKeysAndJoinedTexts() {
        var generator = SeededGenerator(seed: 0x15A0_7E57_0007)
        let alphabet: [Unicode.Scalar] = ["a", "\"", "\\", "\n", "\u{1}", "\u{85}", "\u{2028}", "\u{2066}", "é", "東", "🚒"]
        func text() -> String {
            String(String.UnicodeScalarView((0..<Int.random(in: 0...30, using: &generator)).map { _ in
                Int.random(in: 0..<3, using: &generator) == 0 ? alphabet.randomElement(using: &generator)!
                    : Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator))
            }))
        }
        for _ in 0..<500 {
            let (first, second) = (text(), text())
            var fast = JSONWriter(), general = JSONWriter()
            fast.beginObject()
            general.beginObject()
            fast.key(plain: "key")
            general.key("key")
            fast.string(first, ":", second)
            general.string(first + ":" + second)
            fast.key(plain: "evidence")
            general.key("evidence")
            fast.beginArray()
            general.beginArray()
            fast.string(second, "/", first)
            general.string(second + "/" + first)
            fast.endArray()
            general.endArray()
            fast.endObject()
            general.endObject()
            #expect(fast.text == general.text)
        }
    }

    @Test("containers nested deeper than the indentation kept in the program, and items written on another writer")
    func deepNestingAndItems() {
        let deep = (0..<40).reduce(JSONValue.string("core")) { inner, level in
            level % 2 == 0 ? .array([inner, .number(Double(level))]) : .object([("k\(level)", inner), ("n", .null)])
        }
        #expect(deep.serialised(indent: 1) == ReferenceJSON.serialised(deep, indent: 1))
        // As the gap report writes its findings: items on writers of their own, their bytes between the container's.
        var whole = JSONWriter(), split = JSONWriter()
        whole.beginObject()
        whole.key(plain: "items")
        whole.beginArray()
        for item in 0..<3 { whole.number(item) }
        whole.endArray()
        whole.endObject()
        split.beginObject()
        split.key(plain: "items")
        split.beginArray()
        var bytes = split.takeBytes()
        var first = split.items(afterItems: false, capacity: 0), rest = split.items(afterItems: true, capacity: 0)
        first.number(0)
        rest.number(1)
        rest.number(2)
        bytes += first.bytes + rest.bytes
        split.itemsWritten()
        split.endArray()
        split.endObject()
        bytes += split.bytes
        #expect(String(decoding: bytes, as: UTF8.self) == whole.text)
    }
}

/// The serialiser `JSONValue` had before `JSONWriter` (nested string concatenation, escaping scalar by scalar),
/// kept as the reference the writer must match.
private enum ReferenceJSON {
    static func serialised(_ value: JSONValue, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch value {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return value.isFinite ? value.plainText : "null"
        case .string(let value): return quote(value)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + serialised($0, indent: indent + 1) }.joined(separator: ",\n") + "\n\(end)]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n" + pairs.map { pad + quote($0.0) + ": " + serialised($0.1, indent: indent + 1) }
                .joined(separator: ",\n") + "\n\(end)}"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // Every control character `ControlCharacters` names: C0, DEL, C1, U+2028/2029, the bidirectional controls.
            case _ where (0..<0x20).contains(scalar.value) || (0x7F...0x9F).contains(scalar.value)
                || (0x2028...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
