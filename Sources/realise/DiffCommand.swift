import ArgumentParser
import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseWorkbench

/// `realise diff OLD NEW`: what changed between two versions of a plan, each read into a throw-away in-memory
/// workspace (nothing is written).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a plan: slips, targets, confidence, links, gaps.",
        discussion: """
            OLD and NEW are each a plan file or a folder of plan files, read as `realise gaps PATH` reads them; nothing \
            is written. Each version's gaps are judged as of its own day (--as-of-old, --as-of-new; default today). \
            With --since DATE instead, the workspace's plan as it stood on DATE is compared with the plan as it stood on \
            --until (default today), each judged as of its day. \
            Changes of form only — order, white space, 52 against 52.0, a moved line, a renamed file — are no change. \
            A diff with changes exits 0.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: PlanInputOptions

    @Argument(help: "The older version: a plan file or a folder of plan files.")
    var old: String?

    @Argument(help: "The newer version: a plan file or a folder of plan files.")
    var new: String?

    @Option(help: ArgumentHelp("Compare the workspace's plan as it stood on this day, YYYY-MM-DD, instead of two files.",
                               valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("With --since: with the plan as it stood on this day, YYYY-MM-DD (default: today).", valueName: "date"))
    var until: String?

    @Option(help: "Judge the older version's gaps as of this day, YYYY-MM-DD (default: today).")
    var asOfOld: String?

    @Option(help: "Judge the newer version's gaps as of this day, YYYY-MM-DD (default: today).")
    var asOfNew: String?

    @Option(help: "Output format: text, markdown, json, csv, html or xlsx (a workbook of one sheet, Changes).")
    var format: DiffOutputFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try WorkbookOutput.validate(format == .xlsx, output: output)
        try DayArgument.check(asOfOld, option: "--as-of-old")
        try DayArgument.check(asOfNew, option: "--as-of-new")
        try DayArgument.check(since, option: "--since")
        try DayArgument.check(until, option: "--until")
        if since == nil {
            if until != nil { throw ValidationError("--until goes with --since DATE") }
            guard old != nil, new != nil else {
                throw ValidationError("give two versions to compare, OLD NEW, or --since DATE to compare the workspace's plan then and now")
            }
            return
        }
        guard old == nil else { throw ValidationError("give OLD NEW or --since DATE, not both") }
        guard asOfOld == nil, asOfNew == nil else {
            throw ValidationError("--since and --until are the days each end is judged on; leave out --as-of-old and --as-of-new")
        }
        if try DayArgument.parse(since, option: "--since") > DayArgument.parse(until, option: "--until") {
            throw ValidationError("--since \(since ?? "") is after --until \(until ?? "today"); give the earlier day first")
        }
    }

    func run() throws {
        try reporting {
            let report: DiffReport
            if let old, let new {
                report = Workbench.diff(from: try end(old, asOf: asOfOld, option: "--as-of-old"),
                                        to: try end(new, asOf: asOfNew, option: "--as-of-new"))
            } else {
                report = try workspace.open(create: false).diff(since: DayArgument.parse(since, option: "--since"),
                                                                until: DayArgument.parse(until, option: "--until"), programme: input.programme)
            }
            if let renderer = format.report?.renderer(colour: output == nil && Output.colour) {
                try Output.emit(renderer.render(report), to: output)
            } else {
                try WorkbookOutput.emit(to: output) { try DiffWorkbook().write(report, to: $0) }
            }
        }
    }

    /// One version: its plan read into memory and its gap report as of its day, labelled with the path given.
    private func end(_ path: String, asOf: String?, option: String) throws -> DiffEnd {
        let day = try DayArgument.parse(asOf, option: option)
        return try Workbench.diffEnd(input.read([path]), label: path, asOf: day, programme: input.programme)
    }
}
