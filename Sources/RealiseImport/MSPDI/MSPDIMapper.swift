import RealiseModel

/// Turns the tasks of an `MSPDIDocument` into deliverables and links (the rules are on `MSPDIImporter`).
struct MSPDIMapper {
    let path: String
    let options: ImportOptions
    let document: MSPDIDocument
    let programme: String
    var plan = Plan()
    var warnings: [Diagnostic] = []
    /// UID → deliverable id, for every imported task.
    private(set) var ids: [String: String] = [:]
    /// UIDs of tasks that exist but are not imported (null tasks, the project summary), with why.
    private(set) var skipped: [String: String] = [:]

    init(path: String, options: ImportOptions, document: MSPDIDocument) {
        self.path = path
        self.options = options
        self.document = document
        programme = options.programme
            ?? MSPDIMapper.programmeID(title: document.title, name: document.name, path: path)
    }

    func source(_ line: Int, _ identifier: String? = nil) -> SourceRef {
        SourceRef(path: path, line: line, column: 0, format: ImportFormat.mspdi.rawValue, identifier: identifier)
    }

    mutating func warn(_ line: Int, _ message: String) {
        warnings.append(Diagnostic(.warning, path: path, line: line, message))
    }

    mutating func map() -> Plan.WithWarnings {
        var imported: [MSPDIDocument.Task] = []
        for task in document.tasks where include(task) { imported.append(task) }
        for task in imported { ids[task.uid!.trimmed] = id(of: task) }
        var parents: [Int: String] = [:]
        for task in imported {
            let id = ids[task.uid!.trimmed]!
            let level = outlineLevel(task) ?? 1
            parents = parents.filter { $0.key < level }
            let parent = (1..<max(level, 1)).reversed().lazy.compactMap { parents[$0] }.first
            parents[level] = id
            plan.deliverables.append(deliverable(task, id: id, parent: parent))
            for predecessor in task.predecessors { link(predecessor, of: task, id: id) }
        }
        return (plan, warnings)
    }

    /// Whether a task becomes a deliverable; records why not.
    private mutating func include(_ task: MSPDIDocument.Task) -> Bool {
        let uid = task.uid?.trimmed ?? ""
        if task.isNull?.trimmed == "1" {
            if !uid.isEmpty { skipped[uid] = "a null (blank) task" }
            return false
        }
        guard !uid.isEmpty else {
            warn(task.line, "task '\(task.name?.trimmed ?? "")' has no UID and was skipped; MS Project always writes one")
            return false
        }
        let level = outlineLevel(task)
        if level == 0 || (level == nil && uid == "0") {
            skipped[uid] = "the project summary task"
            return false
        }
        if ids[uid] != nil || skipped[uid] != nil {
            warn(task.line, "a second task with UID \(uid) was skipped; UIDs must be unique in a project")
            return false
        }
        ids[uid] = ""
        return true
    }

    private func outlineLevel(_ task: MSPDIDocument.Task) -> Int? {
        if let text = task.outlineLevel?.trimmed, let level = Int(text) { return level }
        if let number = task.outlineNumber?.trimmed, !number.isEmpty {
            return number == "0" ? 0 : number.split(separator: ".").count
        }
        return nil
    }

    /// The task's deliverable id: its id custom field, else `<programme>:T<UID>`.
    private func id(of task: MSPDIDocument.Task) -> String {
        for field in task.fields {
            guard let fieldID = field.fieldID?.trimmed, let value = field.value?.trimmed, !value.isEmpty else { continue }
            let name = document.attributes.name(of: fieldID)
            if MSPDIExtendedAttributes.role(of: name, linkFields: options.linkFields) == .deliverableId { return value }
        }
        return "\(programme):T\(task.uid!.trimmed)"
    }

    private mutating func deliverable(_ task: MSPDIDocument.Task, id: String, parent: String?) -> Deliverable {
        let uid = task.uid!.trimmed
        let kind: Deliverable.Kind = task.milestone?.trimmed == "1" ? .milestone : task.summary?.trimmed == "1" ? .summary : .task
        var notes: [String] = []
        if let text = task.notes?.trimmed, !text.isEmpty { notes.append(text) }
        notes += customFields(task, id: id)
        var percent: Double?
        if let text = task.percentComplete?.trimmed, !text.isEmpty {
            percent = Double(lenient: text)
            if percent == nil { warn(task.line, "task UID \(uid): PercentComplete '\(text.prefix(40))' is not a number; left empty") }
        }
        let name = task.name?.trimmed ?? ""
        return Deliverable(
            id: id, name: name.isEmpty ? "Task \(uid)" : name, kind: kind, parent: parent,
            plannedStart: day(task.start, "Start", task), plannedFinish: day(task.finish, "Finish", task),
            baselineStart: day(task.baselineStart, "Baseline Start", task),
            baselineFinish: day(task.baselineFinish, "Baseline Finish", task),
            actualStart: day(task.actualStart, "ActualStart", task), actualFinish: day(task.actualFinish, "ActualFinish", task),
            percentComplete: percent, status: task.active?.trimmed == "0" ? "inactive" : nil,
            programme: programme, notes: notes.isEmpty ? nil : notes.joined(separator: "\n"), source: source(task.line, uid))
    }

    private mutating func day(_ text: String?, _ field: String, _ task: MSPDIDocument.Task) -> Day? {
        guard let text = text?.trimmed, !text.isEmpty else { return nil }
        if let day = Day(iso: text) { return day }
        warn(task.line, "task UID \(task.uid?.trimmed ?? "?"): \(field) '\(text.prefix(40))' is not a date; left empty")
        return nil
    }

    /// Makes the links of the task's link fields and returns the other custom fields as note lines.
    private mutating func customFields(_ task: MSPDIDocument.Task, id: String) -> [String] {
        var lines: [String] = []
        for field in task.fields {
            guard let fieldID = field.fieldID?.trimmed, let value = field.value?.trimmed, !value.isEmpty else { continue }
            let name = document.attributes.name(of: fieldID)
            switch MSPDIExtendedAttributes.role(of: name, linkFields: options.linkFields) {
            case .deliverableId:
                break
            case .note:
                lines.append("\(name): \(value)")
            case .benefitLinks:
                for benefit in MSPDIExtendedAttributes.ids(in: value) {
                    plan.links.append(Link(kind: .enabledBy, from: benefit, to: id, source: source(field.line)))
                }
            case .objectiveLinks:
                for objective in MSPDIExtendedAttributes.ids(in: value) {
                    warn(field.line, "task UID \(task.uid!.trimmed) names objective '\(objective)' in custom field '\(name)'; "
                        + "a deliverable serves an objective through a benefit, so no link was made — "
                        + "name the benefit in a Benefit field instead")
                }
            }
        }
        return lines
    }
}
