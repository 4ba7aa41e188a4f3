import RealiseModel

/// What an importer needs besides the file.
public struct ImportOptions: Sendable {
    /// Programme id given to entities whose file does not name one (`--programme`).
    public var programme: String?
    /// Extra header → column name pairs for CSV formats (from `--mapping`).
    public var columnMapping: [String: String]
    /// Aliases of MS Project custom fields whose values are ids of benefits or objectives a task serves
    /// (`--link-field`); compared case-insensitively.
    public var linkFields: [String]
    /// How all-number dates typed as text are read (`--date-order`): day first unless told otherwise.
    public var dateOrder: DateOrder
    /// The sheets of a workbook to read (`--sheet`, by name); empty for every sheet.
    public var sheets: [String]

    /// The custom-field aliases used when `--link-field` is not given.
    public static let defaultLinkFields = ["Benefit", "Benefits", "Objective", "Objectives", "Outcome", "Outcomes"]

    public init(programme: String? = nil, columnMapping: [String: String] = [:], linkFields: [String] = ImportOptions.defaultLinkFields,
                dateOrder: DateOrder = .dmy, sheets: [String] = []) {
        self.programme = programme
        self.columnMapping = columnMapping
        self.linkFields = linkFields
        self.dateOrder = dateOrder
        self.sheets = sheets
    }
}

/// A reader for one plan format. Importers are stateless; each call reads one file completely or throws.
///
/// An importer hands what it reads to a `PlanSink` a chunk at a time as it goes (the formats whose rows
/// must be joined or transposed first hand over everything at the end), so the workspace can write a large
/// file without holding it; `read(path:options:)` collects the chunks into one plan.
public protocol PlanImporter: Sendable {
    /// The format this importer reads.
    var format: ImportFormat { get }
    /// Whether the start of a file looks like this format (root element and namespace, header row, with
    /// the options' header mapping applied).
    func recognises(_ head: FileHead, options: ImportOptions) -> Bool
    /// Reads the whole file into `sink` and returns the warnings about values imported anyway, or throws
    /// with every problem located in the file (what was already handed over is then to be discarded).
    func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic]
}

extension PlanImporter {
    /// Reads the whole file into one plan.
    public func read(path: String, options: ImportOptions) throws(ImportError) -> Plan.WithWarnings {
        let collector = PlanCollector()
        let warnings = try read(path: path, options: options, into: collector)
        return (collector.plan, warnings)
    }
}

/// An importer whose format spreads over several files that are read together as one unit, such as the
/// `results-csv` tables (activities, results, indicators, periods) joined by their key columns.
///
/// `ImporterRegistry.readAll` groups the files such an importer recognises by folder and hands each group
/// over in one call; the group becomes one `ImportedFile` (see `ImporterRegistry.read(group:with:options:)`).
/// A file given on its own is read with `read(path:options:into:)` like any other.
public protocol GroupedPlanImporter: PlanImporter {
    /// Reads the files (sorted by path) completely and together into `sink`, or throws with every problem
    /// located in its file.
    func read(group paths: [String], options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic]
}

extension GroupedPlanImporter {
    /// Reads the files together into one plan.
    public func read(group paths: [String], options: ImportOptions) throws(ImportError) -> Plan.WithWarnings {
        let collector = PlanCollector()
        let warnings = try read(group: paths, options: options, into: collector)
        return (collector.plan, warnings)
    }
}
