import ArgumentParser
import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseWorkbench

extension Severity: ExpressibleByArgument {}

/// `realise gaps`: the gap report, over the workspace or (with PATHs) over plans read into memory.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Report where strategy outruns delivery.",
        discussion: """
            With PATHs, the plans are read into a throw-away in-memory workspace and nothing is written ("lint my plan").
            Rules: \(GapRules.ids.joined(separator: ", ")).
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: PlanInputOptions

    @Argument(help: "Plan files or folders to report on without touching any workspace.")
    var paths: [String] = []

    @Option(help: "Report as of this day, YYYY-MM-DD (default: today), on the workspace's plan as it stood then.")
    var asOf: String?

    @Option(help: ArgumentHelp("Add a section on what changed since this day, YYYY-MM-DD (markdown and html; a workspace only).",
                               valueName: "date"))
    var since: String?

    @Option(help: "Output format: text, markdown, json, csv, html or xlsx (a workbook: Summary, Findings and Coverage sheets).")
    var format: GapsOutputFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Trajectory tolerance, as a percentage of the baseline→target distance.")
    var tolerance: Double = 10

    @Option(help: "Exit 1 when a finding at or above this severity exists (high, medium or low).")
    var failOn: Severity?

    @Flag(help: "Print one line per rule with its number of findings instead of the report (text only).")
    var summary = false

    @Option(help: "Run only this rule (repeatable).")
    var only: [String] = []

    @Option(help: "Do not run this rule (repeatable).")
    var skip: [String] = []

    func validate() throws {
        try WorkbookOutput.validate(format == .xlsx, output: output)
        if tolerance < 0 {
            throw ValidationError("--tolerance \(tolerance.plainText) must be positive: a percentage of the baseline→target distance, such as 10")
        }
        if tolerance > 1000 { throw ValidationError("--tolerance \(tolerance.plainText) must be a percentage between 0 and 1000") }
        if summary, format != .text { throw ValidationError("--summary prints text; leave out --format \(format.rawValue)") }
        try DayArgument.check(since, option: "--since")
        if since != nil {
            guard format == .markdown || format == .html, !summary else {
                throw ValidationError("--since adds a section to the board report: give --format markdown or --format html")
            }
            guard paths.isEmpty else {
                throw ValidationError("--since compares the workspace's history; leave out the PATHs (or use `realise diff OLD NEW`)")
            }
            if try DayArgument.parse(since, option: "--since") >= DayArgument.parse(asOf, option: "--as-of") {
                throw ValidationError("--since \(since ?? "") must be before the report's day (--as-of, default today)")
            }
        }
    }

    func run() throws {
        // Only for the report, whose large arrays are freed as it goes; an import's buffers are reused instead.
        LargeBlocks.returnWhenFreed()
        try reporting {
            let day = try DayArgument.parse(asOf, option: "--as-of")
            let request = try GapReportRequest(asOf: asOf == nil ? nil : day, today: day, programme: input.programme,
                                               since: since.map { try DayArgument.parse($0, option: "--since") }, only: only, skip: skip,
                                               tolerance: tolerance / 100, wordingEvidence: format.wordsEvidence && !summary,
                                               trajectories: format.drawsTrajectories && !summary,
                                               keepsValues: format.readsValues && !summary)
            let report = paths.isEmpty ? try workspace.open(create: false).gapReport(request)
                : try Workbench.gapReport(of: input.read(paths), request)
            if summary {
                try Output.emit(utf8: SummaryGapRenderer().renderUTF8(report), to: output)
            } else if let renderer = format.report?.renderer(colour: output == nil && Output.colour) {
                try Output.emit(to: output) { write in try renderer.write(report, to: write) }
            } else {
                try WorkbookOutput.emit(to: output) { try GapWorkbook().write(report, to: $0) }
            }
            LeftAtExit.keep(report)
            if let failOn, let worst = report.worst, worst >= failOn {
                throw ExitCode(1)
            }
        }
    }
}
