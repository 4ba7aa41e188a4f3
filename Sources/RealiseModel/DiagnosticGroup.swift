/// Diagnostics that say the same thing about different rows — one warning repeated for each result of a file —
/// gathered so a summary can show the first few and a count instead of every one.
public struct DiagnosticGroup: Sendable, Hashable {
    /// The group's diagnostics, in the order they were found.
    public var diagnostics: [Diagnostic]

    /// How many of a group are shown before the rest are counted.
    public static let shown = 3

    /// The diagnostics, grouped by their message with quoted text and numbers set aside, each group where its
    /// first diagnostic was.
    public static func groups(_ diagnostics: [Diagnostic]) -> [DiagnosticGroup] {
        var groups: [DiagnosticGroup] = [], position: [String: Int] = [:]
        for diagnostic in diagnostics {
            let shape = DiagnosticGroup.shape(diagnostic.message)
            if let index = position[shape] {
                groups[index].diagnostics.append(diagnostic)
            } else {
                position[shape] = groups.count
                groups.append(DiagnosticGroup(diagnostics: [diagnostic]))
            }
        }
        return groups
    }

    /// The diagnostics to show: the first few, all of a group that is hardly longer.
    public var shownDiagnostics: ArraySlice<Diagnostic> {
        diagnostics.count <= DiagnosticGroup.shown + 1 ? diagnostics[...] : diagnostics.prefix(DiagnosticGroup.shown)
    }

    /// How many are left unshown.
    public var hidden: Int { diagnostics.count - shownDiagnostics.count }

    /// The message with what varies from row to row — text in quotes, numbers — replaced by `…`:
    /// `result 'A#1' has 2 indicators` and `result 'B#7' has 3 indicators` have one shape.
    static func shape(_ message: String) -> String {
        var out = "", quoted = false, inNumber = false
        for character in message {
            if character == "'" {
                quoted.toggle()
                if quoted { out += "'…'" }
                continue
            }
            guard !quoted else { continue }
            if character.isNumber {
                if !inNumber { out += "…" }
                inNumber = true
            } else {
                inNumber = false
                out.append(character)
            }
        }
        return out
    }
}
