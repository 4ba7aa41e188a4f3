import Testing
import RealiseModel

/// The one escaping of control characters every text door uses.
@Suite("control characters made visible")
struct ControlCharactersTests {
    @Test("each control character as its Swift escape; everything else as itself")
    func escapes() {
        #expect("a\nb\rc\td\0e".escapingControls == #"a\nb\rc\td\0e"#)
        #expect("\u{1B}[31mred\u{1B}[0m".escapingControls == #"\u{1B}[31mred\u{1B}[0m"#)
        #expect("\u{7}\u{7F}\u{85}\u{9B}\u{9F}".escapingControls == #"\u{7}\u{7F}\u{85}\u{9B}\u{9F}"#)
        #expect("abc\u{202E}fed\u{202C}\u{2066}\u{2069}\u{2028}\u{2029}".escapingControls
                == #"abc\u{202E}fed\u{202C}\u{2066}\u{2069}\u{2028}\u{2029}"#)
        // Neighbours of the controls, and ordinary text, are left alone.
        let plain = "Café £5 € \u{A0}\u{A1}\u{2027}\u{202F}\u{2065}\u{206A} 東京 👩🏽‍🚒 e\u{301} back\\slash"
        #expect(plain.escapingControls == plain)
        #expect(!ControlCharacters.needsEscaping(plain))
    }

    @Test("kept characters stay: a layout's line feeds and tabs, a one-line renderer's line breaks")
    func kept() {
        #expect(ControlCharacters.escaped("a\nb\tc\rd\u{1B}", keeping: .layout) == "a\nb\tc\\rd\\u{1B}")
        #expect(ControlCharacters.escaped("a\r\nb\u{85}c\u{B}\u{1B}", keeping: .lineBreaks) == "a\r\nb\u{85}c\u{B}\\u{1B}")
    }

    @Test("needsEscaping finds every control character, and with ignoringLayout only those a layout does not use")
    func detection() {
        for value in Array(0..<0x20) + Array(0x7F...0x9F) + Array(0x2028...0x202E) + Array(0x2066...0x2069) {
            let text = "x" + String(Character(Unicode.Scalar(UInt32(value))!)) + "y"
            #expect(ControlCharacters.needsEscaping(text), "U+\(String(value, radix: 16))")
            #expect(ControlCharacters.isControl(Unicode.Scalar(UInt32(value))!))
        }
        #expect(!ControlCharacters.needsEscaping("a\nb\tc\r\nd", ignoringLayout: true))
        #expect(ControlCharacters.needsEscaping("a\rb", ignoringLayout: true))
        #expect(ControlCharacters.needsEscaping("trailing\r", ignoringLayout: true))
        #expect(ControlCharacters.needsEscaping("a\u{1B}", ignoringLayout: true))
    }

    @Test("JSON from another encoder: what JSON lets stand raw is written as \\uxxxx")
    func json() {
        #expect(ControlCharacters.jsonEscaped("{\"a\": \"x\\u001b\u{7F}\u{85}\u{202E}\u{2069}\"}")
                == #"{"a": "x\u001b\u007f\u0085\u202e\u2069"}"#)
        let plain = "{\n  \"a\": \"Café \\n\"\n}"
        #expect(ControlCharacters.jsonEscaped(plain) == plain)
    }
}

/// The byte scan of `needsEscaping` against the plain definition, on every string of up to three characters
/// drawn from the controls, their UTF-8 neighbours and ordinary text (enumerated, so nothing is left to chance).
@Suite("control characters: the byte scan")
struct ControlCharactersScanTests {
    static let alphabet: [Unicode.Scalar] = [
        "a", " ", "~", "\0", "\t", "\n", "\u{B}", "\r", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}",
        "\u{BF}", "\u{C0}", "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}",
        "\u{2066}", "\u{2069}", "\u{206A}", "東", "🚒",
    ]

    @Test("needsEscaping is true exactly when a scalar is a control; with ignoringLayout, bar LF, tab and CR LF")
    func scanMatchesDefinition() {
        var strings: [String] = [""]
        for _ in 0..<3 {
            strings += strings.filter { $0.unicodeScalars.count == strings.last!.unicodeScalars.count }
                .flatMap { text in Self.alphabet.map { text + String(Character($0)) } }
        }
        #expect(strings.count == 1 + 30 + 900 + 27_000)
        for text in strings {
            let scalars = Array(text.unicodeScalars)
            let plain = scalars.contains(where: ControlCharacters.isControl)
            #expect(ControlCharacters.needsEscaping(text) == plain, "\(text.debugDescription)")
            let layout = scalars.indices.contains { index in
                let scalar = scalars[index]
                guard ControlCharacters.isControl(scalar) else { return false }
                if scalar == "\n" || scalar == "\t" { return false }
                return !(scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
            }
            #expect(ControlCharacters.needsEscaping(text, ignoringLayout: true) == layout, "\(text.debugDescription)")
        }
    }

    @Test("long text, read eight bytes at a time: one character of the alphabet at every place in up to 40 others")
    func wordScan() {
        for length in 1...40 {
            for place in 0..<length {
                for scalar in Self.alphabet {
                    var scalars = Array(repeating: Unicode.Scalar("~"), count: length)
                    scalars[place] = scalar
                    let text = String(String.UnicodeScalarView(scalars))
                    #expect(ControlCharacters.needsEscaping(text) == ControlCharacters.isControl(scalar),
                            "\(text.debugDescription)")
                }
            }
        }
        // Bytes next to the limits in every place of a word: 0x1F, 0x20, 0x7E, 0x7F.
        for place in 0..<16 {
            for (byte, control) in [(0x1F, true), (0x20, false), (0x7E, false), (0x7F, true)] as [(UInt8, Bool)] {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: 16)
                bytes[place] = byte
                #expect(ControlCharacters.needsEscaping(String(decoding: bytes, as: UTF8.self)) == control, "\(bytes)")
            }
        }
    }
}
