import Foundation
import RealiseModel

/// Reads the UK Government Major Projects Portfolio (GMPP) annual data as published by the MPA/IPA and
/// departments since 2013: one project per row, or transposed (field labels in the first column, one
/// project per column). Labels are matched by meaning across years (see `GMPPField`); the layout is the
/// one whose labels name more fields.
///
/// Each project becomes one `Deliverable` of kind `project`:
/// - **id:** the GMPP ID Number (`project_number`, "Project ID"); in years without an id column, the
///   project name as a lower-case slug ("Crossrail Programme" → `crossrail-programme`), made unique within
///   the file with the department's slug and then a counter. The source identifier is the GMPP ID, else the name.
///   The same project keeps its GMPP ID from year to year: a later year's return is a new version of an earlier one
///   (the workspace takes its projects over; see `PlanSink.dated(_:)` for the year it is dated by).
/// - **name**, **start/end date** → planned start/finish; a baseline or original start/end date → baseline
///   start/finish; a forecast end date → forecast finish. An end before the start is a warning and the end is
///   left out (kept in the notes).
/// - **IPA (MPA) Delivery Confidence Assessment** → delivery confidence, five-point (Red, Amber/Red, Amber,
///   Amber/Green, Green) or three-point. The SRO's own assessment is not used in its place.
/// - **notes:** the description, then one line of the facts the model has no field for: department,
///   category, SRO DCA, whole-life cost, baseline benefits, financial-year budget and forecast (all £ million,
///   written `£12,131.50m`), reporting year, and the stated reason for any withheld value ("Exempt under
///   Section 43 …"). The department is also the deliverable's `organisation` (free text, as everywhere).
///
/// Blank, "N/A" and "Not set" cells are no value; cells that give a reason ("Exempt under …", "Early planning
/// GMPP project …", a "Reset" rating) are kept in the notes; anything else that cannot be read as the date,
/// amount or rating it should be is a warning naming its line and column — never a failed import. A project
/// with neither an id nor a name is a warning and skipped; narrative and commentary columns are not read.
public struct GMPPImporter: PlanImporter {
    public let format = ImportFormat.gmppCSV

    public init() {}

    /// A first row, or a first column, with GMPP's labels (`GMPPField.looksLikeGMPP`); or, for a transposed
    /// file whose rows are too long for the head to show more than one label, a first cell "GMPP ID …".
    public func recognises(_ head: FileHead, options: ImportOptions) -> Bool {
        guard head.rootElement == nil, !head.text.isEmpty else { return false }
        let rows = GMPPImporter.headRows(head.text)
        guard let first = rows.first else { return false }
        if GMPPField.looksLikeGMPP(first) { return true }
        let column = rows.map { $0.first ?? "" }
        if GMPPField.looksLikeGMPP(column) { return true }
        guard let label = column.first, GMPPField.match(label) == GMPPField.id.rawValue else { return false }
        return RegisterColumn.key(label).hasPrefix("gmpp") && first.count > 2
    }

    /// The rows in the head of a file; a quoted field cut off by the end of the head is closed.
    static func headRows(_ text: String) -> [[String]] {
        for closing in ["", "\"", "\"\"\""] {
            if let csv = try? CSVReader(bytes: Array((text + closing).utf8), path: "") { return csv.records.map(\.fields) }
        }
        return []
    }

    /// GMPP returns are small (a few hundred projects) and a transposed one must be read whole before any
    /// project is complete, so the plan is handed over in one piece.
    public func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        let bytes = try FileDigest.bytes(at: path)
        if bytes.prefix(4096).contains(0) && !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) {
            throw .invalid([Diagnostic(.error, path: path, line: 1, "the file is binary, not a CSV text file")])
        }
        let table = try GMPPTable(records: CSVReader(bytes: bytes, path: path).records, path: path)
        let (plan, warnings) = GMPPImporter.map(table, path: path, options: options)
        if let year = GMPPImporter.year(of: table, path: path), let day = Day(year: year, month: 3, day: 31) { sink.dated(day) }
        sink.take(plan)
        return warnings
    }

    /// The year a return reports on: the latest in its year column, else a year (2000–2099) in its file name
    /// (`uk_2023.csv`). A return of year Y is dated 31 March of Y, the end of the financial year its data stand at.
    static func year(of table: GMPPTable, path: String) -> Int? {
        let stated = table.projects.compactMap { project in project[.year].flatMap { GMPPImporter.fourDigitYear(in: $0) } }.max()
        return stated ?? fourDigitYear(in: (path as NSString).lastPathComponent)
    }

    /// The first run of exactly four digits 2000–2099 in `text`.
    static func fourDigitYear(in text: String) -> Int? {
        var digits = ""
        for character in text + " " {
            if character.isASCII && character.isNumber { digits.append(character); continue }
            if digits.count == 4, let year = Int(digits), (2000...2099).contains(year) { return year }
            digits = ""
        }
        return nil
    }

    /// The projects of a table, mapped; shared with the sheets of a workbook.
    static func map(_ table: GMPPTable, path: String, options: ImportOptions) -> Plan.WithWarnings {
        var mapper = GMPPMapper(path: path, programme: options.programme)
        for duplicate in table.duplicates {
            mapper.warnings.append(Diagnostic(.warning, path: path, line: duplicate.line, column: duplicate.column,
                "'\(GMPPValues.cleaned(duplicate.label).prefix(60))' is a second \(duplicate.field.label) label; the first one is used"))
        }
        for project in table.projects { mapper.map(project) }
        return (mapper.plan, mapper.warnings)
    }
}
