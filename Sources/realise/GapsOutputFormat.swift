import ArgumentParser
import RealiseReports

/// The formats of `realise gaps --format`: those of the report renderers, and the workbook.
enum GapsOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv, html, xlsx

    /// The renderer's format; nil for the workbook.
    var report: GapReportFormat? { GapReportFormat(rawValue: rawValue) }

    /// Whether the format shows each finding's evidence in words (`Finding.details`): the reading formats do; JSON, CSV
    /// and the workbook give the evidence's exact values.
    var wordsEvidence: Bool { report?.wordsEvidence ?? false }

    /// Whether the format draws each metric's trajectory (`GapReport.trajectories`): only HTML charts them.
    var drawsTrajectories: Bool { report?.drawsTrajectories ?? false }

    /// Whether the format reads the plan's values (`GapReport.plan.values`): only HTML does.
    var readsValues: Bool { report?.readsValues ?? false }
}
