extension Double {
    /// The shortest text that reads back as the same number, without a trailing `.0` for whole numbers:
    /// `52`, `12.5`, `0.1`. Used wherever a value is printed or exported.
    public var plainText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }

    /// Parses a number as people write it in plans: `1,234.5`, ` 12 `, `45 %`, `£1,200`, and the decimal comma
    /// of continental spreadsheets (`12,5`, `1.234,5`). A comma is a thousands separator only between groups of
    /// three digits (`12,131.50`); otherwise a single comma is the decimal mark. `nil` when it is not a number.
    public init?(lenient text: String) {
        // Most values are plain numbers — ASCII digits, signs, a point and an exponent — which the cleaning
        // below would leave unchanged: read them directly (IATI files hold hundreds of thousands).
        if !text.isEmpty, text.utf8.allSatisfy({ byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }) {
            guard let value = Double(text), value.isFinite else { return nil }
            self = value
            return
        }
        var cleaned = text
        for symbol in ["£", "$", "€", "%", "\u{a0}", " ", "\t"] { cleaned = cleaned.replacingOccurrences(of: symbol, with: "") }
        guard !cleaned.isEmpty else { return nil }
        let commas = cleaned.filter { $0 == "," }.count, dots = cleaned.filter { $0 == "." }.count
        if commas > 0 {
            let lastComma = cleaned.lastIndex(of: ",")!, lastDot = cleaned.lastIndex(of: ".")
            if dots > 0, let lastDot, lastComma > lastDot {
                // 1.234,5: dots group thousands, the comma is the decimal mark.
                guard commas == 1 else { return nil }
                cleaned = cleaned.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
            } else if Double.groupsThousands(cleaned) {
                cleaned = cleaned.replacingOccurrences(of: ",", with: "")
            } else if commas == 1, dots == 0 {
                cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
            } else {
                return nil
            }
        }
        guard let value = Double(cleaned), value.isFinite else { return nil }
        self = value
    }

    /// Whether the commas in `text` separate groups of exactly three digits before any decimal point.
    private static func groupsThousands(_ text: String) -> Bool {
        let integer = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let unsigned = integer.drop { $0 == "-" || $0 == "+" }
        let groups = unsigned.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isNumber) }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var slice = Substring(self)
        while let first = slice.unicodeScalars.first, scalars.contains(first) { slice = slice.dropFirst() }
        while let last = slice.unicodeScalars.last, scalars.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
