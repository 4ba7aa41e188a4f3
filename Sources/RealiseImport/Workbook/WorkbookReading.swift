import RealiseModel

/// One read of a workbook: each sheet handed to the tabular format its header says, problems and warnings
/// gathered over every sheet so one run shows everything to fix.
struct WorkbookReading {
    let workbook: Workbook
    let options: ImportOptions
    let sink: any PlanSink
    private var warnings: [Diagnostic] = []
    private var problems: [Diagnostic] = []
    private var skipped: [String] = []
    private var resultsTables: [ResultsTable] = []
    /// Progress over the sheets read: bytes of the sheets done, and of all of them.
    private var sheetsDone = 0
    var sheetsTotal = 0

    init(workbook: Workbook, options: ImportOptions, sink: any PlanSink) {
        self.workbook = workbook
        self.options = options
        self.sink = sink
    }

    /// Reads one sheet: finds its header within the first rows, then streams or gathers its rows.
    mutating func read(_ sheet: WorkbookManifest.Sheet) throws(ImportError) {
        let path = workbook.sheetPath(sheet)
        guard let rows = try workbook.rows(of: sheet) else {
            skipped.append(sheet.name)
            return
        }
        defer { sheetsDone += workbook.size(of: sheet) }
        var head: [SheetReader.Row] = []
        while head.count < SheetLayout.searchedRows, let row = try rows.next() { head.append(row) }
        guard let layout = SheetLayout.detect(head, mapping: options.columnMapping) else {
            skipped.append(sheet.name)
            return
        }
        if sheet.hidden {
            warnings.append(Diagnostic(.warning, path: path, line: 0, "the sheet is hidden in Excel; it was read all the same"))
        }
        do {
            switch layout {
            case .register(let header): try readRegister(rows, head: head, header: header, path: path)
            case .gmpp(let header): try readGMPP(rest(rows, head: Array(head[header...])), path: path)
            case .gmppTransposed: try readGMPP(rest(rows, head: head), path: path)
            case .results(let header):
                var records = try rest(rows, head: Array(head[header...]))
                records[0].fields = SheetLayout.headerCells(records[0].fields, mapping: [:])
                resultsTables.append(try ResultsTable(records: records, path: path))
            }
        } catch {
            if error.isMissingInput { throw error }
            problems += error.diagnostics
        }
        warnings += rows.warnings
    }

    /// The register table of a sheet, its rows streamed to the sink as they come.
    private mutating func readRegister(_ rows: SheetReader, head: [SheetReader.Row], header: Int, path: String) throws(ImportError) {
        let cells = SheetLayout.headerCells(head[header].cells, mapping: options.columnMapping)
        let table = try RegisterTable(header: CSVReader.Record(line: head[header].number, fields: cells), path: path,
                                      mapping: options.columnMapping)
        var mapper = RegisterRowMapper(path: path, programme: options.programme, dateOrder: options.dateOrder)
        mapper.warnings += table.unusedHeaderWarnings(path: path, line: head[header].number)
        for row in head[(header + 1)...] { map(row, table, &mapper, rows) }
        while let row = try rows.next() { map(row, table, &mapper, rows) }
        problems += mapper.problems
        warnings += mapper.warnings
        if mapper.problems.isEmpty { sink.flush(&mapper.plan, threshold: 0) }
    }

    private func map(_ row: SheetReader.Row, _ table: RegisterTable, _ mapper: inout RegisterRowMapper, _ rows: SheetReader) {
        mapper.map(table.row(CSVReader.Record(line: row.number, fields: row.cells)), as: table.kind)
        sink.flush(&mapper.plan, position: (sheetsDone + rows.bytesConsumed, max(sheetsTotal, 1)))
    }

    /// A GMPP sheet, whole (a transposed return is complete only at its last row).
    private mutating func readGMPP(_ records: [CSVReader.Record], path: String) throws(ImportError) {
        let (plan, found) = GMPPImporter.map(try GMPPTable(records: records, path: path), path: path, options: options)
        sink.take(plan)
        warnings += found
    }

    /// The rows from `head` on and every row after them, as records.
    private func rest(_ rows: SheetReader, head: [SheetReader.Row]) throws(ImportError) -> [CSVReader.Record] {
        var records = head.map { CSVReader.Record(line: $0.number, fields: $0.cells) }
        while let row = try rows.next() { records.append(CSVReader.Record(line: row.number, fields: row.cells)) }
        return records
    }

    /// Joins the results sheets, says which sheets were skipped, and throws every problem found.
    mutating func finish() throws(ImportError) -> [Diagnostic] {
        if !problems.isEmpty { throw .invalid(problems) }
        if !resultsTables.isEmpty {
            warnings += ResultsCSVImporter().map(resultsTables, options: options, into: sink)
        }
        if !skipped.isEmpty {
            let names = skipped.map { "'\($0)'" }.joined(separator: ", ")
            warnings.insert(Diagnostic(.warning, path: workbook.path, line: 0,
                "\(skipped.count == 1 ? "sheet" : "sheets") \(names) \(skipped.count == 1 ? "holds" : "hold") no register, GMPP or "
                + "results table (no header row Realise knows in the first \(SheetLayout.searchedRows) rows) and "
                + "\(skipped.count == 1 ? "was skipped; map its headers with --mapping if it matters" : "were skipped; map their headers with --mapping if one matters")"), at: 0)
        }
        return warnings
    }
}
