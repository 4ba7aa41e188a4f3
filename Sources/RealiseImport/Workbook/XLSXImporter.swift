import RealiseModel

/// Reads Excel workbooks (`.xlsx`, `.xlsm`, told by content: a ZIP holding `[Content_Types].xml` and
/// `xl/workbook.xml`). Each sheet is a table read by the tabular format its header row says — the register
/// tables, `gmpp-csv` (rows or transposed) and `results-csv` (the results sheets of one workbook joined as one
/// unit) — with the same header matching, aliases and `--mapping` as their CSV files. Sheets that hold no
/// such table are skipped with one warning naming them; `--sheet` picks sheets; hidden sheets are read, with
/// a warning. Every location is a cell of a sheet, `book.xlsx[Benefits]!C12`; entities keep the workbook as
/// their path and the sheet in their source's format (`WorkbookSourceSink`).
///
/// Spreadsheets Realise cannot read are recognised too, to be refused with what to do: `.xls` and other
/// OLE2 files, encrypted workbooks, OpenDocument spreadsheets, damaged or truncated archives.
public struct XLSXImporter: PlanImporter {
    public let format = ImportFormat.xlsx
    /// The limits a workbook's archive must keep (ZIP bombs).
    public let limits: WorkbookLimits

    public init(limits: WorkbookLimits = .standard) { self.limits = limits }

    public func recognises(_ head: FileHead, options: ImportOptions) -> Bool {
        WorkbookKind.of(head) != nil
    }

    public func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        let head = try FileHead.read(path: path)
        guard let kind = WorkbookKind.of(head) else {
            throw WorkbookArchive.refused(path, "the file is not an Excel workbook (.xlsx): it is not a ZIP archive holding "
                                          + "xl/workbook.xml; name the format with --from only for workbooks")
        }
        if let refusal = kind.refusal(path) { throw refusal }
        let workbook = try Workbook(path: path, limits: limits)
        var reading = WorkbookReading(workbook: workbook, options: options, sink: WorkbookSourceSink(sink))
        let sheets = try workbook.sheets(named: options.sheets)
        reading.sheetsTotal = sheets.map(workbook.size).reduce(0, +)
        for sheet in sheets {
            try reading.read(sheet)
        }
        return try reading.finish()
    }
}
