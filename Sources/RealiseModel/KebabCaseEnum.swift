/// A user-facing vocabulary: kebab-case raw values, parsed leniently from what people type in spreadsheets.
public protocol KebabCaseEnum: CaseIterable, RawRepresentable, Hashable, Sendable, Codable
where RawValue == String {
    /// Other spellings accepted on input (normalised: lower-case letters and digits only).
    static var aliases: [String: Self] { get }
}

extension KebabCaseEnum {
    public static var aliases: [String: Self] { [:] }

    /// Matches `text` case-, space- and punctuation-insensitively against the raw values and aliases,
    /// so `Dis-benefit`, `dis benefit` and `DISBENEFIT` are all `.disBenefit`.
    public init?(lenient text: String) {
        let key = Self.normalise(text)
        if let found = Self.allCases.first(where: { Self.normalise($0.rawValue) == key }) {
            self = found
        } else if let found = Self.aliases[key] {
            self = found
        } else {
            return nil
        }
    }

    /// The accepted raw values, for error messages: `high, medium, low`.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Lower-case letters and digits only.
    public static func normalise(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
            .map(Character.init))
    }
}
