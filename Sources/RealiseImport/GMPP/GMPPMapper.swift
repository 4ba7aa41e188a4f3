import RealiseModel

/// Turns GMPP projects into deliverables (the rules are on `GMPPImporter`).
struct GMPPMapper {
    let path: String
    let programme: String?
    var plan = Plan()
    var warnings: [Diagnostic] = []
    /// Ids given so far, with the line of their project.
    private var lines: [String: Int] = [:]

    init(path: String, programme: String?) {
        self.path = path
        self.programme = programme
    }

    private mutating func warn(_ line: Int, _ column: Int, _ message: String) {
        warnings.append(Diagnostic(.warning, path: path, line: line, column: column, message))
    }

    mutating func map(_ project: GMPPTable.Project) {
        guard let id = id(of: project) else { return }
        var facts = Facts()
        facts.add(.department, project[.department])
        facts.add(.category, project[.category])
        let ipa = rating(project, .ipaDCA, &facts)
        _ = rating(project, .sroDCA, &facts)
        let start = day(project, .start, &facts), baselineStart = day(project, .baselineStart, &facts)
        var end = day(project, .end, &facts), baselineEnd = day(project, .baselineEnd, &facts)
        let forecastEnd = day(project, .forecastEnd, &facts)
        if let from = start, let to = end, to < from {
            warn(project.cells[.end]!.line, project.cells[.end]!.column,
                 "project '\(id)' ends (\(to)) before it starts (\(from)); the end date was left out and kept in the notes")
            facts.add(.end, "\(to) (before the start date)")
            end = nil
        }
        if let from = baselineStart, let to = baselineEnd, to < from {
            warn(project.cells[.baselineEnd]!.line, project.cells[.baselineEnd]!.column,
                 "project '\(id)' has its baseline end (\(to)) before its baseline start (\(from)); the end date was left out")
            facts.add(.baselineEnd, "\(to) (before the baseline start date)")
            baselineEnd = nil
        }
        for field in [GMPPField.wholeLifeCost, .benefits, .budget, .forecast] { money(project, field, &facts) }
        facts.add(.year, project[.year])
        let description = project[.description]
        let notes = [description, facts.text].compactMap { $0 }.joined(separator: "\n\n")
        plan.deliverables.append(Deliverable(
            id: id, name: project[.name] ?? id, kind: .project,
            plannedStart: start, plannedFinish: end, baselineStart: baselineStart, baselineFinish: baselineEnd,
            forecastFinish: forecastEnd, deliveryConfidence: ipa, programme: programme, organisation: project[.department],
            notes: notes.isEmpty ? nil : notes,
            source: SourceRef(path: path, line: project.line, column: project.column, format: ImportFormat.gmppCSV.rawValue,
                              identifier: project[.id] ?? project[.name])))
    }

    /// The project's id (see `GMPPImporter`), or nil (with a warning) when it has none or repeats one.
    private mutating func id(of project: GMPPTable.Project) -> String? {
        if let id = project[.id] {
            if let first = lines[id] {
                warn(project.line, project.column, "GMPP ID '\(id)' appears again (first at line \(first)); this project was skipped")
                return nil
            }
            lines[id] = project.line
            return id
        }
        guard let name = project[.name] else {
            warn(project.line, project.column, "a project with neither a GMPP ID nor a project name was skipped")
            return nil
        }
        let base = GMPPMapper.slug(name)
        var candidates = [base]
        if let department = project[.department] { candidates.append(base + "-" + GMPPMapper.slug(department)) }
        let last = candidates.last!
        var id = candidates.first { lines[$0] == nil }
        var counter = 2
        while id == nil {
            if lines["\(last)-\(counter)"] == nil { id = "\(last)-\(counter)" }
            counter += 1
        }
        lines[id!] = project.line
        return id
    }

    /// Lower-case letters and digits, every other run made one `-`.
    static func slug(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { result.append(character) } else if !result.hasSuffix("-") { result.append("-") }
        }
        while result.hasSuffix("-") { result.removeLast() }
        while result.hasPrefix("-") { result.removeFirst() }
        return result.isEmpty ? "project" : String(result.prefix(80))
    }

    private mutating func rating(_ project: GMPPTable.Project, _ field: GMPPField, _ facts: inout Facts) -> RAG? {
        guard let cell = project.cells[field] else { return nil }
        switch GMPPValues.rating(cell.text) {
        case .value(let rag):
            if field == .sroDCA { facts.add(field, GMPPValues.cleaned(cell.text)) }
            return rag
        case .empty: return nil
        case .withheld(let reason): facts.withheld(field, reason)
        case .unreadable(let text):
            warn(cell.line, cell.column, "\(field.label) '\(text.prefix(40))' is not a Delivery Confidence Assessment "
                + "(Red, Amber/Red, Amber, Amber/Green, Green); left empty")
        }
        return nil
    }

    private mutating func day(_ project: GMPPTable.Project, _ field: GMPPField, _ facts: inout Facts) -> Day? {
        guard let cell = project.cells[field] else { return nil }
        switch GMPPValues.day(cell.text) {
        case .value(let day): return day
        case .empty: return nil
        case .withheld(let reason): facts.withheld(field, reason)
        case .unreadable(let text):
            warn(cell.line, cell.column, "\(field.label) '\(text.prefix(40))' is not a date (YYYY-MM-DD or DD/MM/YYYY); left empty")
        }
        return nil
    }

    private mutating func money(_ project: GMPPTable.Project, _ field: GMPPField, _ facts: inout Facts) {
        guard let cell = project.cells[field] else { return }
        switch GMPPValues.money(cell.text) {
        case .value(let amount): facts.add(field, GMPPValues.moneyText(amount))
        case .empty: break
        case .withheld(let reason): facts.withheld(field, reason)
        case .unreadable(let text):
            warn(cell.line, cell.column, "\(field.label) '\(text.prefix(40))' is not an amount in £ million; left out")
        }
    }
}

/// The facts line of a project's notes: `Department: MOD; SRO DCA: Amber; Whole-life cost: £278m; …`, with
/// fields withheld for the same stated reason grouped: `Start date, End date: Exempt under Section 24 …`.
private struct Facts {
    private var items: [(String, String)] = []

    mutating func add(_ field: GMPPField, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        items.append((field.label, value))
    }

    mutating func withheld(_ field: GMPPField, _ reason: String) {
        if let index = items.firstIndex(where: { $0.1 == reason }) {
            items[index].0 += ", " + field.label
        } else {
            items.append((field.label, reason))
        }
    }

    var text: String? {
        items.isEmpty ? nil : items.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
    }
}
