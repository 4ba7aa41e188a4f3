import RealiseModel

/// Reads IATI results kept as flat CSV tables — activities, results, indicators and indicator periods (and,
/// when present, descriptions and participating organisations) joined by `activity_identifier`,
/// `result_ref` and `indicator_ref` — and maps them as the `iati` importer does (see `IATIMapper`).
///
/// The tables of one folder are read together as one unit (`GroupedPlanImporter`): the registry hands them
/// over in one call, so results find their activities and indicators their results. A table given alone
/// is read on its own; a results table without its activities gets a minimal project per activity.
/// Ids: results `<activity>#<result_ref>`, indicators `<result id>#<indicator_ref>`.
public struct ResultsCSVImporter: GroupedPlanImporter {
    public let format = ImportFormat.resultsCSV

    public init() {}

    public func recognises(_ head: FileHead, options: ImportOptions) -> Bool {
        head.rootElement == nil && ResultsTable.kind(of: head.headerKeys) != nil
    }

    public func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        try read(group: [path], options: options, into: sink)
    }

    public func read(group paths: [String], options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        var tables: [ResultsTable] = []
        var problems: [Diagnostic] = []
        for path in paths {
            do { tables.append(try ResultsTable(path: path)) } catch {
                if error.isMissingInput { throw error }
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return map(tables, options: options, into: sink)
    }

    /// Joins and maps tables already read (CSV files, or the sheets of a workbook).
    func map(_ tables: [ResultsTable], options: ImportOptions, into sink: any PlanSink) -> [Diagnostic] {
        let join = ResultsCSVJoin(tables: tables)
        var mapper = IATIMapper(format: format, programme: options.programme)
        mapper.warnings = join.warnings
        for activity in join.activities { mapper.map(activity, fallbackId: activity.identifier ?? "", into: sink) }
        return mapper.finish(into: sink)
    }
}
