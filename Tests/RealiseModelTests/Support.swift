import Testing
import RealiseModel

/// A day from a fixture date; records an issue (instead of crashing) when the text is not a date.
func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Day {
    guard let value = Day(iso: text) else {
        Issue.record("fixture date '\(text)' does not parse", sourceLocation: sourceLocation)
        return Day(dayNumber: 0)
    }
    return value
}

/// A source location in a fixture file.
func at(_ path: String = "plan.xml", _ line: Int) -> SourceRef {
    SourceRef(path: path, line: line, column: 3, format: "realise-xml")
}
