import ArgumentParser
import Foundation
import RealiseModel

/// `realise measure METRIC VALUE`: record a measurement by hand.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "measure", abstract: "Record a measurement of a metric.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The metric's id.")
    var metric: String

    @Argument(help: "The measured value (a number).")
    var value: String

    @Option(help: "The day it was measured, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Where the value came from.")
    var source: String?

    @Option(help: "A note kept with the value.")
    var note: String?

    func run() throws {
        try reporting {
            guard let number = Double(lenient: value) else {
                throw Failure(lines: ["measurement '\(value)' is not a number"], code: 65)
            }
            let day = try DayArgument.parse(date, option: "--date")
            do {
                try workspace.open(create: false).recordMeasurement(metric: metric, value: number, text: nil, date: day,
                                                                     dataSource: source, note: note)
            } catch { throw Failure(error) }
            Output.print("recorded \(metric.escapingControls) = \(number.plainText) on \(day)\n")
        }
    }
}
