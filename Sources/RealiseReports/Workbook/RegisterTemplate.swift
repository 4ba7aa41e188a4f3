import RealiseModel

/// An empty register workbook to start from (`realise template register`): an Instructions sheet, then
/// Benefits, Objectives, Deliverables and Values sheets whose header rows are the register's own columns —
/// each a label and, on a second line, what to write — with drop-down lists of the vocabularies. Filled in,
/// it imports without a mapping.
public struct RegisterTemplate: Sendable {
    public init() {}

    /// A column: its label (what the import matches), what to write in it, and its drop-down list, if any.
    struct Column {
        var label: String
        var help: String
        var choices: [String] = []

        init(_ label: String, _ help: String, _ choices: [String] = []) {
            self.label = label
            self.help = help
            self.choices = choices
        }

        /// The two-line header cell: the import matches its first line.
        var header: String { "\(label)\n\(help)" }
    }

    static func values<T: KebabCaseEnum>(_ type: T.Type) -> [String] { T.allCases.map(\.rawValue) }

    static let sheets: [(String, [Column])] = [
        ("Benefits", [
            Column("Benefit ID", "a short unique id, e.g. BEN-01"), Column("Description", "the change, in one sentence"),
            Column("Kind", "benefit or dis-benefit", values(Benefit.Kind.self)),
            Column("Class", "cashable, non-cashable or societal", values(Benefit.Class.self)),
            Column("Confidence", "high, medium or low", values(Confidence.self)),
            Column("Objective IDs", "the objectives it serves; ids separated by ;"),
            Column("Deliverable IDs", "the deliverables that enable it; ids separated by ;"),
            Column("Depends on", "benefits it needs first; ids separated by ;"),
            Column("Owner", "the benefit owner"), Column("Organisation", "who realises it"), Column("Programme", "programme id"),
            Column("Realisation start", "a date"), Column("Realisation end", "a date"),
            Column("Observable outcome", "what people will see"), Column("Measurement method", "how it is measured"),
            Column("Metric ID", "the metric's id, e.g. MET-01"), Column("Metric", "the metric's name"), Column("Unit", "e.g. minutes"),
            Column("Direction", "increase, decrease or maintain", values(Metric.Direction.self)),
            Column("Measure type", "number, percentage, currency, ordinal or qualitative", values(Metric.MeasureType.self)),
            Column("Frequency", "how often it is measured", values(Frequency.self)),
            Column("Data source", "where the numbers come from"), Column("Metric owner", "who measures it"),
            Column("Baseline value", "a number"), Column("Baseline date", "a date"),
            Column("Target value", "a number"), Column("Target date", "a date"), Column("Notes", "anything else"),
        ]),
        ("Objectives", [
            Column("Objective ID", "a short unique id, e.g. OBJ-1"), Column("Statement", "the objective, in one sentence"),
            Column("Parent", "the vision or objective it serves"), Column("Horizon", "a date"), Column("Owner", "who owns it"),
            Column("Organisation", "whose objective it is"), Column("Programme", "programme id"), Column("Notes", "anything else"),
        ]),
        ("Deliverables", [
            Column("Deliverable ID", "a short unique id, e.g. DEL-01"), Column("Name", "the project, output or milestone"),
            Column("Kind", "project, output, milestone, …", values(Deliverable.Kind.self)), Column("Parent", "the deliverable it is part of"),
            Column("Planned start", "a date"), Column("Planned finish", "a date"), Column("Baseline finish", "a date"),
            Column("Forecast finish", "a date"), Column("Actual finish", "a date"), Column("Percent complete", "0 to 100"),
            Column("Status", "free text"), Column("RAG", "delivery confidence", values(RAG.self)),
            Column("Owner", "who delivers it"), Column("Organisation", "whose deliverable it is"), Column("Programme", "programme id"),
            Column("Benefit IDs", "the benefits it enables; ids separated by ;"), Column("Depends on", "deliverables it needs first"),
            Column("Notes", "anything else"),
        ]),
        ("Values", [
            Column("Metric ID", "the metric measured"), Column("Date", "the day the value is for"), Column("Value", "a number"),
            Column("Kind", "measurement, baseline or target", values(MetricValue.Kind.self)), Column("Source", "where it came from"),
            Column("Confidence", "high, medium or low", values(Confidence.self)), Column("Notes", "anything else"),
        ]),
    ]

    /// What the Instructions sheet says.
    static let instructions = [
        "How to fill in this benefits register",
        "Each sheet is one table: one benefit, objective, deliverable or measurement per row, below the header row.",
        "Keep the header rows as they are: Realise reads each column by the first line of its header. Add columns of your own if you like; they are ignored.",
        "Ids link the tables: a benefit lists the objectives it serves and the deliverables that enable it by their ids, separated by semicolons.",
        "Write dates as real dates (Excel's date cells), or as 31/03/2027 or 2027-03-31.",
        "Columns with a drop-down list take only its words; leave a cell empty when it does not apply.",
        "Import the filled-in workbook with: realise import register.xlsx",
    ]

    /// Writes the template to `path`.
    public func write(to path: String) throws {
        let book = try WorkbookWriter(path: path)
        try book.beginSheet("Instructions", headers: [])
        for line in Self.instructions { try book.addRow([.text(line)]) }
        for (name, columns) in Self.sheets {
            try book.beginSheet(name, headers: columns.map(\.header))
            for (index, column) in columns.enumerated() where !column.choices.isEmpty {
                book.addChoices(column: index + 1, column.choices)
            }
        }
        try book.finish()
    }
}
