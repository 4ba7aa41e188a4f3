import ArgumentParser
import RealiseReports
import RealiseWorkbench

extension ListSubject: ExpressibleByArgument {}

/// `realise list`: browse the workspace.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List objectives, benefits, deliverables, metrics, links or imports.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "What to list: \(ListSubject.allCases.map(\.rawValue).joined(separator: ", ")).")
    var subject: ListSubject

    @Option(help: "Output format: table, json, csv or xlsx (a workbook of one sheet; give --output).")
    var format: ListOutputFormat = .table

    @Option(help: ArgumentHelp("Write the workbook to this file (xlsx only).", valueName: "file"))
    var output: String?

    @Option(help: "Only this programme's entities.")
    var programme: String?

    func validate() throws {
        try WorkbookOutput.validate(format == .xlsx, output: output)
        if output != nil, format != .xlsx { throw ValidationError("--output is for --format xlsx; redirect the other formats") }
    }

    func run() throws {
        try reporting {
            let listing = try workspace.open(create: false).listing(subject, programme: programme)
            if let renderer = format.listing {
                Output.print(renderer.render(listing))
            } else {
                try WorkbookOutput.emit(to: output) { try ListingWorkbook().write(listing, sheet: subject.rawValue.capitalized, to: $0) }
            }
        }
    }
}
