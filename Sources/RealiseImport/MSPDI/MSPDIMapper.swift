import RealiseModel

/// Turns MSPDI tasks into deliverables and links as the reader finishes each one (the rules are on
/// `MSPDIImporter`). Custom-field definitions and the project's name come before the tasks in every MSPDI
/// file (the schema orders them so). A predecessor link is resolved as soon as its predecessor has been read
/// (most come earlier in the file); the others wait for the end of the file.
struct MSPDIMapper {
    let path: String
    let options: ImportOptions
    /// The programme id, fixed at the first task from the project header read so far.
    private(set) var programme: String?
    /// What was mapped since the last hand-over to the sink.
    var plan = Plan()
    var warnings: [Diagnostic] = []
    /// UID → deliverable id, for every imported task (set up at the first task, when the programme is known).
    private(set) var ids = MSPDITaskIDs(programme: "")
    /// Whether the first task has been read.
    private var started = false
    /// UIDs of tasks that exist but are not imported (null tasks, the project summary), with why.
    private(set) var skipped: [String: String] = [:]
    /// The deliverable id at each outline level of the current branch (index 0 = level 1).
    private var branch: [String?] = []
    /// Links to tasks not read yet: (task UID, its deliverable id, the link).
    private var pending: [(uid: String, id: String, link: MSPDIDocument.Predecessor)] = []
    /// The project's `MinutesPerDay`, as written.
    var minutesPerDayText: String?
    /// Custom field name and role by FieldID.
    private var roles: [String: (name: String, role: MSPDIExtendedAttributes.Role)] = [:]

    init(path: String, options: ImportOptions) {
        self.path = path
        self.options = options
        programme = options.programme
    }

    func source(_ line: Int, _ identifier: String? = nil) -> SourceRef {
        SourceRef(path: path, line: line, column: 0, format: ImportFormat.mspdi.rawValue, identifier: identifier)
    }

    mutating func warn(_ line: Int, _ message: String) {
        warnings.append(Diagnostic(.warning, path: path, line: line, message))
    }

    /// Maps one task; `header` is the document read so far (name, title, custom-field definitions).
    mutating func add(_ task: MSPDIDocument.Task, header: MSPDIDocument) {
        if programme == nil { programme = MSPDIMapper.programmeID(title: header.title, name: header.name, path: path) }
        if !started {
            ids = MSPDITaskIDs(programme: programme!)
            started = true
        }
        guard include(task) else { return }
        let uid = task.uid!.plain
        let fields = task.fields.compactMap { field -> (MSPDIDocument.FieldValue, String, MSPDIExtendedAttributes.Role)? in
            guard let fieldID = field.fieldID?.plain, let value = field.value?.plain, !value.isEmpty else { return nil }
            let (name, role) = role(of: fieldID, header.attributes)
            return (MSPDIDocument.FieldValue(line: field.line, fieldID: fieldID, value: value), name, role)
        }
        let given = fields.first { $0.2 == .deliverableId }?.0.value
        let id = given ?? "\(programme!):T\(uid)"
        ids.record(uid: uid, id: id, isDefault: given == nil)
        let level = max(outlineLevel(task) ?? 1, 1)
        if branch.count >= level { branch.removeLast(branch.count - level + 1) }
        let parent = branch.last { $0 != nil } ?? nil
        while branch.count < level - 1 { branch.append(nil) }
        branch.append(id)
        plan.deliverables.append(deliverable(task, id: id, parent: parent, fields: fields))
        minutesPerDayText = header.minutesPerDay
        for predecessor in task.predecessors {
            if let other = predecessor.uid?.plain, !other.isEmpty, !ids.contains(uid: other), skipped[other] == nil,
               predecessor.crossProject?.plain != "1" {
                pending.append((uid, id, predecessor))
            } else {
                link(predecessor, uid: uid, id: id)
            }
        }
    }

    /// Resolves the links still waiting, hands everything left to `sink` and returns the warnings in
    /// reading order; `header` is the whole document's header.
    mutating func finish(header: MSPDIDocument, into sink: any PlanSink) -> [Diagnostic] {
        minutesPerDayText = header.minutesPerDay
        for (uid, id, predecessor) in pending { link(predecessor, uid: uid, id: id) }
        pending.removeAll()
        sink.flush(&plan, threshold: 0)
        return warnings.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    private mutating func role(of fieldID: String, _ attributes: MSPDIExtendedAttributes) -> (name: String, role: MSPDIExtendedAttributes.Role) {
        if let known = roles[fieldID] { return known }
        let name = attributes.name(of: fieldID)
        let found = (name, MSPDIExtendedAttributes.role(of: name, linkFields: options.linkFields))
        roles[fieldID] = found
        return found
    }

    /// Whether a task becomes a deliverable; records why not.
    private mutating func include(_ task: MSPDIDocument.Task) -> Bool {
        let uid = task.uid?.plain ?? ""
        if task.isNull?.plain == "1" {
            if !uid.isEmpty { skipped[uid] = "a null (blank) task" }
            return false
        }
        guard !uid.isEmpty else {
            warn(task.line, "task '\(task.name?.plain ?? "")' has no UID and was skipped; MS Project always writes one")
            return false
        }
        let level = outlineLevel(task)
        if level == 0 || (level == nil && uid == "0") {
            skipped[uid] = "the project summary task"
            return false
        }
        if ids.contains(uid: uid) || skipped[uid] != nil {
            warn(task.line, "a second task with UID \(uid) was skipped; UIDs must be unique in a project")
            return false
        }
        return true
    }

    private func outlineLevel(_ task: MSPDIDocument.Task) -> Int? {
        if let text = task.outlineLevel?.plain, let level = Int(text) { return level }
        if let number = task.outlineNumber?.plain, !number.isEmpty {
            return number == "0" ? 0 : number.split(separator: ".").count
        }
        return nil
    }

    private mutating func deliverable(_ task: MSPDIDocument.Task, id: String, parent: String?,
                                      fields: [(MSPDIDocument.FieldValue, String, MSPDIExtendedAttributes.Role)]) -> Deliverable {
        let uid = task.uid!.plain
        let kind: Deliverable.Kind = task.milestone?.plain == "1" ? .milestone : task.summary?.plain == "1" ? .summary : .task
        var notes: [String] = []
        if let text = task.notes?.plain, !text.isEmpty { notes.append(text) }
        notes += customFields(fields, uid: uid, id: id)
        var percent: Double?
        if let text = task.percentComplete?.plain, !text.isEmpty {
            percent = Double(text) ?? Double(lenient: text)
            if percent.map({ !(0...100).contains($0) }) ?? true {
                warn(task.line, "task UID \(uid): PercentComplete '\(text.prefix(40))' is not a number from 0 to 100; left empty")
                percent = nil
            }
        }
        let planned = pair(day(task.start, "Start", task), day(task.finish, "Finish", task), "", task)
        let baseline = pair(day(task.baselineStart, "Baseline Start", task), day(task.baselineFinish, "Baseline Finish", task), "baseline ", task)
        let actual = pair(day(task.actualStart, "ActualStart", task), day(task.actualFinish, "ActualFinish", task), "actual ", task)
        let name = task.name?.plain ?? ""
        return Deliverable(
            id: id, name: name.isEmpty ? "Task \(uid)" : name, kind: kind, parent: parent,
            plannedStart: planned.0, plannedFinish: planned.1, baselineStart: baseline.0, baselineFinish: baseline.1,
            actualStart: actual.0, actualFinish: actual.1,
            percentComplete: percent, status: task.active?.plain == "0" ? "inactive" : nil,
            programme: programme, notes: notes.isEmpty ? nil : notes.joined(separator: "\n"), source: source(task.line, uid))
    }

    /// A start and finish; a finish before the start is a warning and left out (the workspace refuses it).
    private mutating func pair(_ start: Day?, _ finish: Day?, _ label: String, _ task: MSPDIDocument.Task) -> (Day?, Day?) {
        guard let start, let finish, finish < start else { return (start, finish) }
        warn(task.line, "task UID \(task.uid?.plain ?? "?"): \(label)finish \(finish) is before \(label)start \(start); the finish was left empty")
        return (start, nil)
    }

    private mutating func day(_ date: MSPDIDocument.DateText?, _ field: String, _ task: MSPDIDocument.Task) -> Day? {
        let text: String
        switch date {
        case nil: return nil
        case .day(let day): return day
        case .text(let written): text = written.plain
        }
        guard !text.isEmpty else { return nil }
        if let day = Day(iso: text) { return day }
        warn(task.line, "task UID \(task.uid?.plain ?? "?"): \(field) '\(text.prefix(40))' is not a date; left empty")
        return nil
    }

    /// Makes the links of the task's link fields and returns the other custom fields as note lines.
    private mutating func customFields(_ fields: [(MSPDIDocument.FieldValue, String, MSPDIExtendedAttributes.Role)],
                                       uid: String, id: String) -> [String] {
        var lines: [String] = []
        for (field, name, role) in fields {
            let value = field.value ?? ""
            switch role {
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
                    warn(field.line, "task UID \(uid) names objective '\(objective)' in custom field '\(name)'; "
                        + "a deliverable serves an objective through a benefit, so no link was made — "
                        + "name the benefit in a Benefit field instead")
                }
            }
        }
        return lines
    }
}
