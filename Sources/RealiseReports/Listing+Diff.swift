import RealiseGaps
import RealiseModel

extension Listing {
    /// The columns of a diff as CSV and as a workbook sheet, one row per change.
    public static let diffColumns = ["kind", "subjectType", "subjectId", "subjectName", "field", "before", "after", "days",
                                     "sourcePath", "sourceLine"]

    /// `realise diff` as rows: one per change, in the report's order, values before and after as the text reports
    /// write them (`8000 by 2028-03-31`; a day as `YYYY-MM-DD`, which a workbook shows as a date).
    public static func diff(_ report: DiffReport) -> Listing {
        Listing(tableColumns: diffColumns, rows: report.changes.map { change in
            [("kind", .string(change.kind.rawValue)), ("subjectType", .string(change.subject.type)),
             ("subjectId", .string(change.subject.id)), ("subjectName", .string(change.subject.name)),
             ("field", .from(change.field)), ("before", .from(change.before?.description)),
             ("after", .from(change.after?.description)), ("days", .from(change.days.map(Double.init))),
             ("sourcePath", .from(change.source?.path)), ("sourceLine", .from(change.source.map { Double($0.line) }))]
        })
    }
}

/// The diff as CSV: a header row, then one change per row (`Listing.diffColumns`), cells a spreadsheet would run
/// as a formula neutralised.
public struct DiffCSVRenderer: DiffReportRenderer {
    public init() {}

    public func render(_ report: DiffReport) -> String { CSVListingRenderer().render(Listing.diff(report)) }
}

/// The diff as a workbook of one sheet, Changes: the CSV's columns, days as date cells, numbers as numbers.
public struct DiffWorkbook: Sendable {
    public init() {}

    public func write(_ report: DiffReport, to path: String) throws {
        try ListingWorkbook().write(Listing.diff(report), sheet: "Changes", to: path)
    }
}
