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

    public func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        let bytes = try FileDigest.bytes(at: path)
        if bytes.prefix(4096).contains(0) && !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) {
            throw .invalid([Diagnostic(.error, path: path, line: 1, "the file is binary, not a CSV text file")])
        }
        let table = try RegisterTable(csv: CSVReader(bytes: bytes, path: path), path: path, mapping: options.columnMapping)
        var mapper = RegisterRowMapper(path: path, programme: options.programme)
        for (header, column) in table.unusedHeaders {
            mapper.warnings.append(Diagnostic(.warning, path: path, line: 1, column: column,
                "column '\(header)' is not a register column and was ignored; map it with --mapping if it matters"))
        }
        for (index, row) in table.rows.enumerated() {
            mapper.map(row, as: table.kind)
            sink.flush(&mapper.plan, position: (index + 1, table.rows.count))
        }
        if !mapper.problems.isEmpty { throw .invalid(mapper.problems) }
        sink.flush(&mapper.plan, threshold: 0)
        return mapper.warnings
    }
}
