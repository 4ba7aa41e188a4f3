import RealiseModel

/// One CSV table of the `results-csv` format, told apart by its header: every table has
/// `activity_identifier`, the join key, and its own columns besides.
///
/// | table | its own columns |
/// |---|---|
/// | activities | `title` and one of `activity_status`, `reporting_org_name`/`_ref`, `planned_start_date`, … |
/// | results | `result_ref` with `result_type` or `title` (no `indicator_ref`) |
/// | indicators | `result_ref`, `indicator_ref` and `indicator_measure`, `ascending`, `title` or `baseline_value` |
/// | indicator periods | `indicator_ref` and `period_end`, `period_start`, `target_value` or `actual_value` |
/// | descriptions | `description_type` and `narrative` (gives the objectives, type 2) |
/// | participating orgs | `role` and `org_name` or `org_ref` |
///
/// This is the layout written by okfn_iati's multi-CSV conversion of IATI XML. Headers are compared as the
/// register's are: case-, space- and punctuation-insensitively.
struct ResultsTable {
    /// The tables, in the order they are joined.
    enum Kind: Int, CaseIterable {
        case activities, results, descriptions, participatingOrgs, indicators, periods
    }

    /// One data row: its line and its cells by normalised header.
    struct Row {
        var line: Int
        var cells: [String: String]

        /// A cell, trimmed; nil when absent or blank.
        subscript(column: String) -> String? {
            guard let value = cells[column]?.trimmed, !value.isEmpty else { return nil }
            return value
        }
    }

    let path: String
    let kind: Kind
    let rows: [Row]

    /// The normalised names of every column the tables use.
    static let knownColumns: Set<String> = [
        "activityidentifier", "title", "description", "activitystatus", "reportingorgref", "reportingorgname",
        "plannedstartdate", "actualstartdate", "plannedenddate", "actualenddate", "xmllang", "resultref", "resulttype",
        "indicatorref", "indicatormeasure", "ascending", "baselineyear", "baselineisodate", "baselinevalue",
        "baselinecomment", "periodstart", "periodend", "targetvalue", "targetcomment", "actualvalue", "actualcomment",
        "descriptiontype", "narrative", "narrativelang", "orgref", "orgname", "role", "hierarchy",
    ]

    /// Whether a header cell names a column of one of the tables.
    static func isKnownColumn(_ header: String) -> Bool { knownColumns.contains(RegisterColumn.key(header)) }

    /// The table a header describes, or nil when it is none of them.
    static func kind(of header: [String]) -> Kind? {
        let keys = Set(header.map(RegisterColumn.key))
        func any(_ names: String...) -> Bool { names.contains { keys.contains($0) } }
        guard keys.contains("activityidentifier") else { return nil }
        if keys.contains("indicatorref") {
            if any("periodend", "periodstart", "targetvalue", "actualvalue") { return .periods }
            if keys.contains("resultref"), any("indicatormeasure", "ascending", "title", "baselinevalue") { return .indicators }
            return nil
        }
        if keys.contains("resultref") { return any("resulttype", "title") ? .results : nil }
        if any("descriptiontype"), any("narrative") { return .descriptions }
        if keys.contains("role"), any("orgname", "orgref") { return .participatingOrgs }
        if keys.contains("title"), any("activitystatus", "reportingorgname", "reportingorgref", "plannedstartdate",
                                       "actualstartdate", "plannedenddate", "actualenddate", "hierarchy") {
            return .activities
        }
        return nil
    }

    /// Reads the table at `path`.
    /// - Throws: `.invalid` for a binary file, an unclosed quote or a header that is no results table.
    init(path: String) throws(ImportError) {
        let bytes = try FileDigest.bytes(at: path)
        if bytes.prefix(4096).contains(0) && !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) {
            throw .invalid([Diagnostic(.error, path: path, line: 1, "the file is binary, not a CSV text file")])
        }
        try self.init(records: CSVReader(bytes: bytes, path: path).records, path: path)
    }

    /// The table of `records`, the header first (a CSV file, or a sheet of a workbook from its header row).
    /// - Throws: `.invalid` for a header that is no results table.
    init(records: [CSVReader.Record], path: String) throws(ImportError) {
        guard let header = records.first, let kind = ResultsTable.kind(of: header.fields) else {
            throw .invalid([Diagnostic(.error, path: path, line: records.first?.line ?? 1,
                "the header is not one of the IATI results tables (activities, results, indicators, indicator periods, descriptions, participating orgs); each needs activity_identifier and its own columns")])
        }
        let keys = header.fields.map(RegisterColumn.key)
        self.path = path
        self.kind = kind
        rows = records.dropFirst().map { record in
            var cells: [String: String] = [:]
            for (index, value) in record.fields.enumerated() where index < keys.count && cells[keys[index]] == nil {
                cells[keys[index]] = value
            }
            return Row(line: record.line, cells: cells)
        }
    }
}
