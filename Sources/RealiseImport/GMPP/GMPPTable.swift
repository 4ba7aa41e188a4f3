import RealiseModel

/// A GMPP CSV with its layout worked out: one project per row (labels in the first row) or transposed
/// (labels in the first column, one project per column), each project's cells keyed by field.
struct GMPPTable {
    /// One cell's text and where it is.
    struct Cell {
        var text: String
        var line: Int
        var column: Int
    }

    /// One project: its cells by field, and where it starts (its row, or the first cell of its column).
    struct Project {
        var line: Int
        var column: Int
        var cells: [GMPPField: Cell] = [:]

        /// The trimmed text of a field, nil when blank.
        subscript(field: GMPPField) -> String? {
            guard let text = cells[field]?.text, !GMPPValues.cleaned(text).isEmpty else { return nil }
            return GMPPValues.cleaned(text)
        }
    }

    let transposed: Bool
    let projects: [Project]
    /// Labels whose field an earlier label already gave, with where they are.
    let duplicates: [(label: String, field: GMPPField, line: Int, column: Int)]

    /// Works out the layout of the records of one table (a CSV file, or a sheet of a workbook).
    init(records: [CSVReader.Record], path: String) throws(ImportError) {
        guard let first = records.first else {
            throw .invalid([Diagnostic(.error, path: path, line: 1, "the file is empty; GMPP data needs a header row or column")])
        }
        let rowLabels = first.fields
        let columnLabels = records.map { $0.fields.first ?? "" }
        let byRow = GMPPField.resolve(rowLabels)
        let byColumn = GMPPField.resolve(columnLabels)
        func score(_ fields: [GMPPField?]) -> Int {
            let found = Set(fields.compactMap { $0 })
            return found.contains(.id) || found.contains(.name) ? found.count : 0
        }
        guard max(score(byRow.fields), score(byColumn.fields)) > 0 else {
            throw .invalid([Diagnostic(.error, path: path, line: first.line,
                "no GMPP project id or name label (\"GMPP ID Number\", \"Project Name\") in the first row or column; "
                + "name the format with --from only for GMPP annual data")])
        }
        transposed = score(byColumn.fields) > score(byRow.fields)
        var projects: [Project] = []
        if transposed {
            duplicates = byColumn.duplicates.map { (columnLabels[$0.0], $0.1, records[$0.0].line, 1) }
            let width = records.map(\.fields.count).max() ?? 0
            for column in 1..<max(width, 1) {
                // A column with nothing in it (a trailing delimiter) is no project.
                guard records.contains(where: { column < $0.fields.count && !GMPPValues.cleaned($0.fields[column]).isEmpty }) else { continue }
                var project = Project(line: first.line, column: column + 1)
                for (row, field) in byColumn.fields.enumerated() {
                    guard let field, column < records[row].fields.count else { continue }
                    project.cells[field] = Cell(text: records[row].fields[column], line: records[row].line, column: column + 1)
                }
                projects.append(project)
            }
        } else {
            duplicates = byRow.duplicates.map { (rowLabels[$0.0], $0.1, first.line, $0.0 + 1) }
            for record in records.dropFirst() {
                var project = Project(line: record.line, column: 1)
                for (index, field) in byRow.fields.enumerated() {
                    guard let field, index < record.fields.count else { continue }
                    project.cells[field] = Cell(text: record.fields[index], line: record.line, column: index + 1)
                }
                if record.fields.allSatisfy({ GMPPValues.cleaned($0).isEmpty }) { continue }
                projects.append(project)
            }
        }
        self.projects = projects
    }
}
