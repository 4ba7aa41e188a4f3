import Foundation
import RealiseTestSupport
import Testing

/// Errors that help: one prefix for every error, "did you mean" for slips, ids in any case, unknown ids exit 65.
@Suite("errors: prefix, did you mean, ids (end to end)")
struct ErrorMessageTests {
    let workspace: ScratchWorkspace
    var folder: URL { workspace.folder }

    init() throws { workspace = try ScratchWorkspace() }

    private func run(_ arguments: [String]) throws -> RealiseBinary.Result { try workspace.run(arguments) }

    @Test("argument errors are one line prefixed realise: error:, exit 64, and suggest the command, option, rule or value meant")
    func didYouMean() throws {
        let cases: [([String], String)] = [
            (["gapz"], "realise: error: unknown command 'gapz': did you mean `gaps`?\n"),
            (["review", "histroy", "BEN-01"], "realise: error: unknown command 'histroy': did you mean `history`?\n"),
            (["gaps", "--formt", "json"], "realise: error: unknown option '--formt': did you mean `--format`?\n"),
            (["frobnicate"], "realise: error: unknown command 'frobnicate'; see `realise --help`\n"),
            (["gaps", "--tolerance", "-5"], "realise: error: --tolerance -5 must be positive: a percentage of the baseline→target "
                + "distance, such as 10; see `realise gaps --help`\n"),
            (["log", "--limit", "0"], "realise: error: --limit must be at least 1, not 0; see `realise log --help`\n"),
            (["gaps", "--fail-on", "hihg"], "realise: error: the value 'hihg' is invalid for '--fail-on <fail-on>': give one of high, "
                + "medium, low (did you mean `high`?); see `realise gaps --help`\n"),
            (["review", "record", "BEN-01", "--rag", "purple"], "realise: error: the value 'purple' is invalid for '--rag <rag>': "
                + "give one of red, amber-red, amber, amber-green, green; see `realise review record --help`\n"),
        ]
        for (arguments, expected) in cases {
            let result = try RealiseBinary.run(arguments, in: folder)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr == expected, "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        let rule = try RealiseBinary.run(["gaps", RealiseBinary.samplePlans, "--only", "stale-metrc"], in: folder)
        #expect(rule.status == 64)
        #expect(rule.stderr.hasPrefix("realise: error: unknown rule 'stale-metrc' (did you mean `stale-metric`?); the rules are: "),
                "\(rule.stderr)")
        let subject = try RealiseBinary.run(["list", "benefts"], in: folder)
        #expect(subject.status == 64 && subject.stderr.contains(": give one of objectives, benefits, ") && subject.stderr.contains(
            "(did you mean `benefits`?)"), "\(subject.stderr)")
        let missing = try RealiseBinary.run(["measure"], in: folder)
        #expect(missing.status == 64 && missing.stderr.hasPrefix("realise: error: missing expected argument '<metric>'"), "\(missing.stderr)")
        #expect(try RealiseBinary.run(["gaps", "--help"], in: folder).status == 0, "help is still help")
    }

    @Test("a mistyped cadence word suggests the one meant", arguments: TestBackend.available)
    func cadence(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try workspace.importSample()
            let result = try run(["review", "schedule", "BEN-01", "--every", "quartrly"])
            #expect(result.status == 64)
            #expect(result.stderr.hasPrefix("realise: error: invalid cadence 'quartrly': quartrly: not a named cadence or an RRULE "
                                            + "(did you mean `quarterly`?)."), "\(result.stderr)")
        }
    }

    @Test("unknown ids exit 65 everywhere; ids and programmes match in any case when only one does", arguments: TestBackend.available)
    func ids(backend: TestBackend) throws {
        try RealiseBinary.on(backend) {
            try workspace.importSample()
            for arguments in [["review", "history", "BEN-99"], ["show", "BEN-99"], ["review", "schedule", "BEN-99", "--every", "monthly"],
                              ["review", "record", "BEN-99", "--rag", "green"], ["measure", "BEN-99", "1"]] {
                let result = try run(arguments)
                #expect(result.status == 65, "\(arguments)")
                #expect(result.stderr == "realise: error: no entity with id 'BEN-99' in the workspace; `realise list` shows the ids\n")
                #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
            }
            for arguments in [["list", "benefits", "--programme", "NOPE"], ["export", "--programme", "NOPE"], ["gaps", "--programme", "NOPE"]] {
                let result = try run(arguments)
                #expect(result.status == 65, "\(arguments)")
                #expect(result.stderr.hasPrefix("realise: error: no programme 'NOPE' in the workspace"), "\(arguments): \(result.stderr)")
            }
            #expect(try run(["show", "ben-01"]).stdout.hasPrefix("benefit BEN-01:"))
            let recorded = try run(["review", "record", "ben-04", "--rag", "amber", "--date", "2025-06-30", "--measure", "met-04=1100"])
            #expect(recorded.status == 0 && recorded.stdout == "recorded review #1 of BEN-04 on 2025-06-30: amber with 1 measurement\n",
                    "\(recorded.stdout)\(recorded.stderr)")
            #expect(try run(["review", "schedule", "met-06", "--every", "quarterly", "--from", "2025-01-01"]).stdout
                .hasPrefix("scheduled review #1 of MET-06: quarterly"))
            let history = try run(["review", "history", "Ben-04", "--format", "csv"])
            #expect(history.status == 0 && history.stdout.contains("2025-06-30,amber"), "\(history.stdout)")
            #expect(try run(["list", "benefits", "--programme", "ccm", "--format", "csv"]).stdout.contains("BEN-01,"))
            let wrongKind = try run(["review", "record", "BEN-04", "--rag", "green", "--measure", "BEN-01=3"])
            #expect(wrongKind.status == 65 && wrongKind.stderr.contains("BEN-01 is a benefit, not a metric: measure one of its metrics (MET-01)"))
        }
    }
}
