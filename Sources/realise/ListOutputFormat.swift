import ArgumentParser
import RealiseReports

extension ListFormat: ExpressibleByArgument {}

/// The formats of `realise list --format`: those of the listing renderers, and the workbook.
enum ListOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, xlsx

    /// The renderer's format; nil for the workbook.
    var listing: ListFormat? { ListFormat(rawValue: rawValue) }
}
