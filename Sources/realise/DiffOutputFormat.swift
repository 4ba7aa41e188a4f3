import ArgumentParser
import RealiseReports

/// The formats of `realise diff --format`: those of the diff renderers, and the workbook.
enum DiffOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv, html, xlsx

    /// The renderer's format; nil for the workbook.
    var report: DiffReportFormat? { DiffReportFormat(rawValue: rawValue) }
}
