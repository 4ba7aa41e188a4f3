import Foundation
import RealiseTestSupport
import Testing

/// `realise measure`: fixing data by hand — the warnings, `--delete`, negative values and ids that are no metric's.
@Suite("measure: warnings, --delete and ids (end to end)")
struct MeasureCommandTests {
    let workspace: ScratchWorkspace

    init() throws { workspace = try ScratchWorkspace() }

    private func run(_ arguments: [String]) throws -> RealiseBinary.Result { try workspace.run(arguments) }

    private func importSample() throws { try workspace.importSample() }

    /// The warnings a command printed, without their prefix; every standard-error line must be one.
    private func warnings(_ result: RealiseBinary.Result) -> [String] {
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.hasPrefix("realise: warning: ") }, "\(result.stderr)")
        return lines.map { String($0.dropFirst("realise: warning: ".count)) }
    }

    @Test("replacing a value of the same day warns and names the old value; the log keeps it", arguments: TestBackend.available)
    func replaced(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            // The sample measured MET-04 (trips per month, baseline 0, target 8000) at 1150 on 2025-09-30.
            let result = try run(["measure", "MET-04", "1200", "--date", "2025-09-30"])
            #expect(result.status == 0 && result.stdout == "recorded MET-04 = 1200 on 2025-09-30\n", "\(result.stderr)")
            let warned = warnings(result)
            #expect(warned.count == 1)
            #expect(warned.first?.hasPrefix("MET-04 already had a measurement on 2025-09-30: 1150 (from ") == true, "\(warned)")
            #expect(warned.first?.hasSuffix("ccm-measurements.csv); replaced it with 1200 (`realise log` keeps the old value)") == true)
            // A value of a new day replaces nothing and, being plausible, warns of nothing.
            let quiet = try run(["measure", "MET-04", "1250", "--date", "2025-10-31"])
            #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
            let log = try run(["log", "--format", "csv", "--limit", "2"]).stdout
            #expect(log.contains("MET-04 = 1200 on 2025-09-30 (was 1150)"), "\(log)")
        }
    }

    @Test("a future date, an implausible value and a percentage over 100 each warn; the value is recorded",
          arguments: TestBackend.available)
    func plausibility(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            let future = try run(["measure", "MET-04", "1300", "--date", "2999-03-31"])
            #expect(future.status == 0)
            #expect(warnings(future).count == 1)
            #expect(warnings(future).first?.hasPrefix("2999-03-31 is in the future (today is ") == true, "\(future.stderr)")
            #expect(future.stderr.contains("delete it with `realise measure --delete MET-04 --date 2999-03-31`"))
            // 10 × (8000 − 0) beyond the target is 88000: 88000 is plausible, 88001 not; −80000 is, −80001 not.
            for (value, warns) in [("88000", false), ("88001", true), ("-80000", false), ("-80001", true)] {
                let result = try run(["measure", "MET-04", value, "--date", "2025-10-31"])
                #expect(result.status == 0, "\(value): \(result.stderr)")
                #expect(warnings(result).filter { $0.contains("plausible range") }.count == (warns ? 1 : 0), "\(value): \(result.stderr)")
            }
            let far = try run(["measure", "MET-04", "1000000", "--date", "2025-11-30"])
            #expect(warnings(far) == ["1000000 is far outside MET-04's plausible range: more than 10× the distance from its baseline 0 "
                                      + "to its target 8000 away from them; check the value and its unit (trips per month)"])
            // MET-08 is in percent (baseline 82, target 90: plausible from 2 to 170, so only the percentage warns).
            let percent = try run(["measure", "MET-08", "101", "--date", "2025-10-31"])
            #expect(percent.status == 0)
            #expect(warnings(percent) == ["MET-08 is a percentage and 101 is over 100; check the value"])
            #expect(try run(["measure", "MET-08", "100", "--date", "2025-11-30"]).stderr.isEmpty)
            let shown = try run(["show", "MET-08"]).stdout
            #expect(shown.contains("kind=measurement; date=2025-10-31; value=101;"), "\(shown)")
        }
    }

    @Test("a negative value needs no --", arguments: TestBackend.available)
    func negative(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            let result = try run(["measure", "MET-04", "-5", "--date", "2025-10-31"])
            #expect(result.status == 0 && result.stdout == "recorded MET-04 = -5 on 2025-10-31\n", "\(result.stderr)")
            let before = try run(["measure", "--date", "2025-11-30", "MET-04", "-2.5"])
            #expect(before.status == 0 && before.stdout == "recorded MET-04 = -2.5 on 2025-11-30\n", "\(before.stderr)")
            #expect(try run(["measure", "MET-04", "--", "-7", "--date", "2025-12-31"]).status == 64, "after -- everything is a value")
        }
    }

    @Test("--delete removes one measurement and the log keeps it; usage and data errors", arguments: TestBackend.available)
    func delete(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            #expect(try run(["measure", "MET-04", "1400", "--date", "2025-12-31"]).status == 0)
            let typed = try run(["measure", "--delete", "MET-04", "--date", "2025-12-31"])
            #expect(typed.status == 0 && typed.stderr.isEmpty, "\(typed.stderr)")
            #expect(typed.stdout == "deleted MET-04's measurement on 2025-12-31 (was 1400)\n")
            // A value from an imported file goes too, with a warning that the file still states it.
            let imported = try run(["measure", "MET-04", "--delete", "--date", "2025-06-30"])
            #expect(imported.status == 0)
            #expect(warnings(imported).first?.contains("ccm-measurements.csv (line ") == true, "\(imported.stderr)")
            let shown = try run(["show", "MET-04"]).stdout
            #expect(!shown.contains("kind=measurement; date=2025-12-31") && !shown.contains("kind=measurement; date=2025-06-30"), "\(shown)")
            #expect(shown.contains("kind=measurement; date=2025-09-30"))
            let log = try run(["log", "--format", "csv", "--limit", "2"]).stdout
            #expect(log.contains("MET-04 measurement on 2025-06-30 deleted (was 980)") && log.contains("on 2025-12-31 deleted (was 1400)"), "\(log)")
            let again = try run(["measure", "--delete", "MET-04", "--date", "2025-12-31"])
            #expect(again.status == 65)
            #expect(again.stderr == "realise: error: MET-04 has no measurement on 2025-12-31; `realise show MET-04` lists its values\n")
            let noDate = try run(["measure", "--delete", "MET-04"])
            #expect(noDate.status == 64 && noDate.stderr.contains("--delete needs --date"), "\(noDate.stderr)")
            let withValue = try run(["measure", "--delete", "MET-04", "5", "--date", "2025-09-30"])
            #expect(withValue.status == 64 && withValue.stderr.contains("--delete takes no value ('5')"), "\(withValue.stderr)")
            let noValue = try run(["measure", "MET-04"])
            #expect(noValue.status == 64 && noValue.stderr.hasPrefix("realise: error: give the measured value after the metric's id"))
        }
    }

    @Test("an id that is no metric's says what to measure; ids match in any case; unknown ids exit 65", arguments: TestBackend.available)
    func ids(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try importSample()
            let benefit = try run(["measure", "BEN-01", "60"])
            #expect(benefit.status == 65)
            #expect(benefit.stderr == "realise: error: BEN-01 is a benefit, not a metric: measure one of its metrics (MET-01)\n")
            let unmeasured = try run(["measure", "BEN-07", "1"])
            #expect(unmeasured.status == 65 && unmeasured.stderr.contains("BEN-07 is a benefit, not a metric: no metric measures it yet"))
            let deliverable = try run(["measure", "DEL-01", "1"])
            #expect(deliverable.status == 65 && deliverable.stderr.contains("DEL-01 is a deliverable, not a metric"), "\(deliverable.stderr)")
            let unknown = try run(["measure", "MET-99", "1"])
            #expect(unknown.status == 65 && unknown.stderr.contains("no entity with id 'MET-99'"))
            let lower = try run(["measure", "met-04", "1200", "--date", "2025-10-31"])
            #expect(lower.status == 0 && lower.stdout == "recorded MET-04 = 1200 on 2025-10-31\n", "\(lower.stderr)")
        }
    }
}
