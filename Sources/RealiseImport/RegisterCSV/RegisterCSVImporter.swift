import RealiseModel

/// Reads a benefits register kept as CSV: the register itself (one row per benefit, with its metric,
/// baseline and target) and its companion tables of objectives, deliverables, metrics and dated values.
/// Which table a file is comes from its header.
public struct RegisterCSVImporter: PlanImporter {
    public let format = ImportFormat.registerCSV

    public init() {}

    public func recognises(_ head: FileHead, options: ImportOptions) -> Bool {
        guard head.rootElement == nil, !head.headerKeys.isEmpty else { return false }
        let columns = Set(RegisterTable.columns(of: head.headerKeys, mapping: options.columnMapping).compactMap { $0 })
        return RegisterTable.kind(of: columns) != nil
    }

    /// Streams the table: the header first, then each row mapped and handed over in chunks.
    public func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        let size = FileDigest.size(path: path)
        var table: RegisterTable?
        var headerProblem: ImportError?
        var mapper = RegisterRowMapper(path: path, programme: options.programme, dateOrder: options.dateOrder)
        _ = try CSVFileStream.read(path: path) { record, read in
            if let table {
                mapper.map(table.row(record), as: table.kind)
                sink.flush(&mapper.plan, position: (read, size))
                return
            }
            guard headerProblem == nil else { return }
            do throws(ImportError) {
                let header = try RegisterTable(header: record, path: path, mapping: options.columnMapping)
                mapper.warnings += header.unusedHeaderWarnings(path: path, line: record.line)
                table = header
            } catch {
                headerProblem = error
            }
        }
        if let headerProblem { throw headerProblem }
        guard table != nil else {
            throw .invalid([Diagnostic(.error, path: path, line: 1, "the file is empty; a register needs a header row")])
        }
        if !mapper.problems.isEmpty { throw .invalid(mapper.problems) }
        sink.flush(&mapper.plan, threshold: 0)
        return mapper.warnings
    }
}
