import ArgumentParser
import RealiseReports
import RealiseWorkbench

extension MapFormat: ExpressibleByArgument {}

/// `realise map`: the benefits dependency map with gaps highlighted.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw the benefits dependency map (objectives ← benefits ← deliverables, metrics beside benefits), gaps highlighted.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var input: PlanInputOptions

    @Argument(help: "Plan files or folders to draw without touching any workspace.")
    var paths: [String] = []

    @Option(help: "mermaid (for Markdown, GitHub, Confluence) or dot (Graphviz).")
    var format: MapFormat = .mermaid

    @Option(help: "Draw the plan as it stood on this day and judge its gaps then, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reporting {
            let day = try DayArgument.parse(asOf, option: "--as-of")
            let request = try GapReportRequest(asOf: asOf == nil ? nil : day, today: day, programme: input.programme,
                                               wordingEvidence: false, trajectories: false)
            let report = paths.isEmpty ? try workspace.open(create: false).gapReport(request)
                : try Workbench.gapReport(of: input.read(paths), request)
            try Output.emit(format.renderer().render(report), to: output)
        }
    }
}
