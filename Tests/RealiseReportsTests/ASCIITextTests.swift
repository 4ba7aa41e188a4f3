import Testing
@testable import RealiseReports

/// The byte-by-byte text functions against the character-by-character ones they stand in for.
@Suite("ASCII text fast paths")
struct ASCIITextTests {
    private static let alphabet: [String] = ["a", "Z", "0", "-", " ", ",", "\"", "'", "=", "+", "@", "|", "\\", "*", "_", "`", "[", "]",
                                             "#", "<", ">", "&", "\n", "\r", "\r\n", "\t", "\u{0B}", "\u{0C}", ".", "1", "e"]

    private func samples() -> [String] {
        var generator = SeededGenerator(seed: 0xA5C1_17E8_0007)
        var texts = ["", "\r\n", "\r\r\n", "\n\r", "=1+1", "-12.5", "-cmd", "\r\nx", "a\r\n\r\nb", "\n\na\n", "+5", "@x", "\t1"]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined())
        }
        return texts
    }

    @Test("Markdown table cells: the same as escaping character by character")
    func markdown() {
        for text in samples() { #expect(MarkdownGapRenderer.inline(text) == MarkdownGapRenderer.inlineByCharacter(text), "\(text.debugDescription)") }
    }

    @Test("CSV cells: the same as neutralising and quoting character by character")
    func csv() {
        for text in samples() { #expect(Array(CSVListingRenderer.cell(text).utf8) == Array(CSVListingRenderer.cellByCharacter(text).utf8), "\(text.debugDescription)") }
    }

    @Test("clipped lines: the same as splitting and cutting character by character", arguments: [1, 3, 8, 90])
    func clip(width: Int) {
        for text in samples() { #expect(TextGapRenderer.clip(text, width) == TextGapRenderer.clipByCharacter(text, width), "\(text.debugDescription)") }
    }

    @Test("text beyond ASCII goes character by character")
    func beyondASCII() {
        #expect(ASCIIText.inline("é") == nil)
        #expect(ASCIIText.csvCell("*\u{301}") == nil)
        #expect(ASCIIText.clip("a\u{2028}b", 5) == nil)
        #expect(MarkdownGapRenderer.inline("*\u{301}|") == "*\u{301}\\|")
    }
}
