import Testing
import RealiseModel

@Suite("Number parsing and printing")
struct NumberFormatTests {
    @Test("reads numbers as people write them in plans", arguments: [
        ("1,234.5", 1234.5),
        ("£12", 12),
        ("£1,200", 1200),
        ("$1,000,000", 1_000_000),
        ("€5.50", 5.5),
        ("45%", 45),
        (" 7 ", 7),
        ("\t8\u{a0}", 8),
        ("-3.25", -3.25),
        ("0", 0),
        ("68.0", 68),
        ("2450000", 2_450_000),
        ("1e3", 1000),
        ("+5", 5),
        ("1.234", 1.234),
        ("-0.5", -0.5),
        ("2.5E-1", 0.25),
    ])
    func lenient(text: String, expected: Double) {
        #expect(Double(lenient: text) == expected)
    }

    @Test("is nil for what is not a number", arguments: [
        "abc", "", "   ", "£", "%", ",", "12abc", "1.2.3", "N=35;P=55", "Yes", "nan", "NaN", "inf", "-infinity", "1e999",
        "-", ".", "+", "1e", "--5", "1-2", "e5", "1e400",
    ])
    func notANumber(text: String) {
        #expect(Double(lenient: text) == nil)
    }

    /// A comma that does not group thousands is never dropped (that would read a continental Excel's decimal
    /// comma, as in a `;`-delimited CSV, as a number ten or a hundred times larger): one such comma is a decimal
    /// comma; more than one, or one after a decimal comma, makes the text not a number.
    @Test("a comma that does not group thousands is a decimal comma, or the text is not a number",
          arguments: [("12,5", 12.5), ("0,75", 0.75), ("1.234,5", 1234.5), ("-3,25", -3.25), ("1,2,3", nil), ("1.234,5,6", nil)] as [(String, Double?)])
    func decimalComma(text: String, expected: Double?) {
        #expect(Double(lenient: text) == expected, "\(text)")
    }

    @Test("prints whole numbers without a decimal part", arguments: [
        (52.0, "52"), (12.5, "12.5"), (0.1, "0.1"), (0.0, "0"), (-3.0, "-3"), (-2.75, "-2.75"),
        (2_450_000.0, "2450000"), (66.5, "66.5"), (1e14, "100000000000000"),
    ])
    func plainText(value: Double, expected: String) {
        #expect(value.plainText == expected)
    }

    @Test("plain text reads back as the same number", arguments: [
        52.0, 12.5, 0.1, 1.0 / 3.0, -0.25, 2_450_000.0, 61.0, 1e-7, 123_456_789.125, 1e20,
    ])
    func roundTrip(value: Double) {
        #expect(Double(lenient: value.plainText) == value)
    }
}
