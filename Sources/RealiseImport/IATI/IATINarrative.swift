/// Choosing one text among the languages an IATI element is written in, and tidying it.
///
/// IATI 2.0x writes text as `narrative` children, one per language; 1.0x writes it directly in the element
/// and repeats the element per language. Either way the reader collects (language, text) pairs and this
/// picks one: the file's default language first (a text without `xml:lang` is in the default language),
/// then English, then the first given.
enum IATINarrative {
    /// One text and its `xml:lang`, nil when the text does not name one.
    struct Candidate: Sendable {
        var language: String?
        var text: String
    }

    /// The text in the preferred language, or nil when every candidate is blank.
    /// - Parameter defaultLanguage: `xml:lang` of the activity, else of `iati-activities`.
    static func choose(_ candidates: [Candidate], defaultLanguage: String?) -> String? {
        let texts = candidates.compactMap { candidate -> Candidate? in
            let text = candidate.text.trimmed
            return text.isEmpty ? nil : Candidate(language: candidate.language?.trimmed.lowercased(), text: text)
        }
        guard let first = texts.first else { return nil }
        let preferred = defaultLanguage?.trimmed.lowercased()
        func language(_ candidate: Candidate) -> String? { candidate.language ?? preferred }
        if let match = texts.first(where: { same(language($0), preferred) }) { return match.text }
        if let english = texts.first(where: { same(language($0), "en") }) { return english.text }
        return first.text
    }

    /// Whether two language tags name the same language (`en` = `en-GB`), or are both unknown.
    private static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a == b || a.split(separator: "-").first == b.split(separator: "-").first
    }

    /// A name or title on one line: trimmed, and every run of ASCII white space (newlines and tabs
    /// included) made one space. Other characters — a no-break space, mojibake such as `Â` — are kept
    /// exactly as given.
    static func singleLine(_ text: String) -> String {
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
}
