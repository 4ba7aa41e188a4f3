import RealiseImport
import RealiseModel

/// How plan files are read: the format (sniffed when nil), the programme for entities whose file names none, a
/// register's column mapping, MS Project link fields, workbook sheets and the order of all-number dates.
public struct PlanReading: Sendable {
    /// Read every file as this format instead of sniffing it.
    public var format: ImportFormat?
    /// The programme of entities whose file names none.
    public var programme: String?
    /// A YAML file mapping a register's own CSV headers to Realise columns.
    public var mappingFile: String?
    /// MS Project custom fields (by alias) holding benefit or objective ids; the defaults when empty.
    public var linkFields: [String]
    /// Only these sheets of a workbook; every sheet with a table when empty.
    public var sheets: [String]
    /// How all-number dates typed as text are read: day first (the default) or month first.
    public var dateOrder: DateOrder

    /// Reading options; the defaults sniff each file's format and read it as it is.
    public init(format: ImportFormat? = nil, programme: String? = nil, mappingFile: String? = nil, linkFields: [String] = [],
                sheets: [String] = [], dateOrder: DateOrder = .dmy) {
        self.format = format
        self.programme = programme
        self.mappingFile = mappingFile
        self.linkFields = linkFields
        self.sheets = sheets
        self.dateOrder = dateOrder
    }

    /// Every plan file named or found under `paths`, fingerprinted but not yet read (the import reads them), with
    /// what the folder walk passed over (special files, link loops, links out of the folder) as warnings to show.
    public func read(_ paths: [String]) throws(WorkbenchError) -> PlanFiles {
        do {
            let columns = try mappingFile.map { path throws(ImportError) in try MappingFile.load(path: path) } ?? [:]
            let options = ImportOptions(programme: programme, columnMapping: columns,
                                        linkFields: linkFields.isEmpty ? ImportOptions.defaultLinkFields : linkFields,
                                        dateOrder: dateOrder, sheets: sheets)
            let found = try ImporterRegistry.standard.importUnits(paths: paths, format: format, options: options)
            return PlanFiles(units: found.units, warnings: found.warnings.map(\.description))
        } catch { throw .planFiles(error) }
    }
}
