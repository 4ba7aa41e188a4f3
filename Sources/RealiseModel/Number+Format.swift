extension Double {
    /// The shortest text that reads back as the same number, without a trailing `.0` for whole numbers:
    /// `52`, `12.5`, `0.1`. Used wherever a value is printed or exported.
    public var plainText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }

    /// Parses a number as people write it in plans: `1,234.5`, ` 12 `, `45%`, `£1,200`. `nil` when it is not one.
    public init?(lenient text: String) {
        var cleaned = text.trimmingCharacters(in: " \t\u{a0}")
        for symbol in ["£", "$", "€", "%"] { cleaned = cleaned.replacingOccurrences(of: symbol, with: "") }
        cleaned = cleaned.replacingOccurrences(of: ",", with: "")
        guard !cleaned.isEmpty, let value = Double(cleaned), value.isFinite else { return nil }
        self = value
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
