import Testing
@testable import RealiseModel

@Suite("Repeated warnings gathered for a summary")
struct DiagnosticGroupTests {
    private func warning(_ line: Int, _ message: String) -> Diagnostic { Diagnostic(.warning, path: "r.csv", line: line, message) }

    @Test("one message repeated per row with its own ids and numbers is one group, shown three times and counted")
    func repeated() {
        let repeated = (1...10).map { warning($0 + 1, "result 'A#\($0)' is an output; its \($0) indicator(s) measure nothing") }
        let groups = DiagnosticGroup.groups([warning(1, "the row has no activity_identifier; it was skipped")] + repeated)
        #expect(groups.count == 2)
        #expect(groups[1].diagnostics == repeated)
        #expect(groups[1].shownDiagnostics.map(\.line) == [2, 3, 4])
        #expect(groups[1].hidden == 7)
        #expect(groups[0].hidden == 0)
    }

    @Test("a group of four is shown whole: a count would save no line")
    func small() {
        let group = DiagnosticGroup(diagnostics: (1...4).map { warning($0, "value '\($0)' is not a number") })
        #expect(group.hidden == 0)
        #expect(DiagnosticGroup(diagnostics: (1...5).map { warning($0, "x") }).hidden == 2)
    }

    @Test("messages that differ outside quotes and numbers stay apart")
    func different() {
        let groups = DiagnosticGroup.groups([warning(1, "indicator 'I1' has no value"), warning(2, "indicator 'I2' has no target"),
                                             warning(3, "indicator 'I3' has no value")])
        #expect(groups.map { $0.diagnostics.map(\.line) } == [[1, 3], [2]])
        #expect(DiagnosticGroup.shape("period ending 2024-12-31 of 'X' has 2 targets") == "period ending …-…-… of '…' has … targets")
    }
}
