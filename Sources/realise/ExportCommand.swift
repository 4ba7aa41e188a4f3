import ArgumentParser
import Foundation
import RealiseModel
import RealiseReports
import RealiseWorkbench

/// The formats `realise export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case realiseXML = "realise-xml"
    case json
    case xlsx
}

/// `realise export`: the whole workspace — every programme, with its review schedules and reviews — in Realise's own
/// XML (which re-imports), a register workbook (no reviews) or JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the workspace as Realise plan XML, JSON or a register workbook.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "realise-xml or xlsx (a register workbook; both re-import to the same model), or json.")
    var format: ExportFormat = .realiseXML

    @Option(help: "Only this programme's entities (and their reviews).")
    var programme: String?

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        try WorkbookOutput.validate(format == .xlsx, output: output)
    }

    func run() throws {
        try reporting {
            // A workbook holds no reviews: the measurements taken at them stay the metrics' values.
            let plan = try workspace.open(create: false).planForExport(programme: programme, withReviews: format != .xlsx)
            switch format {
            case .realiseXML:
                try Output.emit(PlanXMLWriter().render(plan), to: output)
            case .xlsx:
                try WorkbookOutput.emit(to: output) { try RegisterWorkbook().write(plan, to: $0) }
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(plan)
                try Output.emit(ControlCharacters.jsonEscaped(String(decoding: data, as: UTF8.self)) + "\n", to: output)
            }
        }
    }
}
