import RealiseModel

/// What a streaming pass over an MSPDI file keeps of the project: the header fields Realise uses and the
/// custom-field definitions; and the shape of one task's raw values (text as written; typed and checked by
/// `MSPDIMapper`), handed over one task at a time.
struct MSPDIDocument {
    /// A task's `PredecessorLink`.
    struct Predecessor {
        var line: Int
        var uid: String?
        var type: String?
        var lag: String?
        var lagFormat: String?
        var crossProject: String?
    }

    /// A task's `ExtendedAttribute` value.
    struct FieldValue {
        var line: Int
        var fieldID: String?
        var value: String?
    }

    /// A `Task` element's children, as text.
    struct Task {
        var line: Int
        var uid: String?
        var name: String?
        var isNull: String?
        var active: String?
        var outlineLevel: String?
        var outlineNumber: String?
        var summary: String?
        var milestone: String?
        var start: String?
        var finish: String?
        var actualStart: String?
        var actualFinish: String?
        var percentComplete: String?
        var notes: String?
        var baselineStart: String?
        var baselineFinish: String?
        var predecessors: [Predecessor] = []
        var fields: [FieldValue] = []

        init(line: Int) { self.line = line }
    }

    var name: String?
    var title: String?
    var minutesPerDay: String?
    var statusDate: String?
    var lastSaved: String?
    var attributes = MSPDIExtendedAttributes()

    /// The day this version of the plan was made: its status date, else the day it was last saved.
    var versionDate: Day? { statusDate.flatMap { Day(iso: $0) } ?? lastSaved.flatMap { Day(iso: $0) } }
}

/// Reads the element events of a pull parser into an `MSPDIDocument` header and one task at a time. Elements are recognised by their
/// path from the root, so a `Value` inside a custom-field definition's value list or a resource's
/// `ExtendedAttribute` is never taken for a task's.
struct MSPDICollector {
    private(set) var document = MSPDIDocument()
    private var stack: [String] = []
    private var text = ""
    private var task: MSPDIDocument.Task?
    private var completed: MSPDIDocument.Task?
    private var definition: MSPDIExtendedAttributes.Definition?
    private var baseline: (number: String?, start: String?, finish: String?)?
    private var predecessor: MSPDIDocument.Predecessor?
    private var field: MSPDIDocument.FieldValue?

    /// Whether an element at this position needs its source line (it starts a task, link or field value).
    func wantsLine(_ name: String) -> Bool {
        switch stack.count {
        case 2: name == "Task" && stack[1] == "Tasks"
        case 3: task != nil && (name == "PredecessorLink" || name == "ExtendedAttribute")
        default: false
        }
    }

    /// An element starts; `line` is its source line when `wantsLine` said so.
    mutating func start(_ name: String, line: Int) {
        text = ""
        switch stack.count {
        case 2 where stack[1] == "Tasks" && name == "Task":
            task = MSPDIDocument.Task(line: line)
        case 2 where stack[1] == "ExtendedAttributes" && name == "ExtendedAttribute":
            definition = MSPDIExtendedAttributes.Definition()
        case 3 where task != nil:
            switch name {
            case "Baseline": baseline = (nil, nil, nil)
            case "PredecessorLink": predecessor = MSPDIDocument.Predecessor(line: line)
            case "ExtendedAttribute": field = MSPDIDocument.FieldValue(line: line)
            default: break
            }
        default: break
        }
        stack.append(name)
    }

    /// The task whose end was just read, once.
    mutating func takeCompletedTask() -> MSPDIDocument.Task? {
        defer { completed = nil }
        return completed
    }

    /// Text inside the current element.
    mutating func characters(_ value: String) { text += value }

    /// The current element ends.
    mutating func end() {
        guard let name = stack.popLast() else { return }
        let value = text
        text = ""
        switch stack.count {
        case 1: project(name, value)
        case 2 where name == "Task" && stack[1] == "Tasks":
            completed = task
            task = nil
        case 2 where name == "ExtendedAttribute" && stack[1] == "ExtendedAttributes":
            if let definition { document.attributes.add(definition) }
            definition = nil
        case 3 where stack[1] == "ExtendedAttributes":
            switch name {
            case "FieldID": definition?.fieldID = value
            case "FieldName": definition?.fieldName = value
            case "Alias": definition?.alias = value
            default: break
            }
        case 3 where task != nil: taskChild(name, value)
        case 4 where task != nil: grandchild(of: stack[3], name, value)
        default: break
        }
    }

    private mutating func project(_ name: String, _ value: String) {
        switch name {
        case "Name": document.name = value
        case "Title": document.title = value
        case "MinutesPerDay": document.minutesPerDay = value
        case "StatusDate": document.statusDate = value
        case "LastSaved": document.lastSaved = value
        default: break
        }
    }

    private mutating func taskChild(_ name: String, _ value: String) {
        switch name {
        case "UID": task?.uid = value
        case "Name": task?.name = value
        case "IsNull": task?.isNull = value
        case "Active": task?.active = value
        case "OutlineLevel": task?.outlineLevel = value
        case "OutlineNumber": task?.outlineNumber = value
        case "Summary": task?.summary = value
        case "Milestone": task?.milestone = value
        case "Start": task?.start = value
        case "Finish": task?.finish = value
        case "ActualStart": task?.actualStart = value
        case "ActualFinish": task?.actualFinish = value
        case "PercentComplete": task?.percentComplete = value
        case "Notes": task?.notes = value
        case "Baseline":
            // Baseline 0 is the baseline; 1–10 are the extra saved baselines, not used.
            if let baseline, baseline.number?.plain == "0" {
                task?.baselineStart = baseline.start
                task?.baselineFinish = baseline.finish
            }
            baseline = nil
        case "PredecessorLink":
            if let predecessor { task?.predecessors.append(predecessor) }
            predecessor = nil
        case "ExtendedAttribute":
            if let field { task?.fields.append(field) }
            field = nil
        default: break
        }
    }

    private mutating func grandchild(of parent: String, _ name: String, _ value: String) {
        switch (parent, name) {
        case ("Baseline", "Number"): baseline?.number = value
        case ("Baseline", "Start"): baseline?.start = value
        case ("Baseline", "Finish"): baseline?.finish = value
        case ("PredecessorLink", "PredecessorUID"): predecessor?.uid = value
        case ("PredecessorLink", "Type"): predecessor?.type = value
        case ("PredecessorLink", "LinkLag"): predecessor?.lag = value
        case ("PredecessorLink", "LagFormat"): predecessor?.lagFormat = value
        case ("PredecessorLink", "CrossProject"): predecessor?.crossProject = value
        case ("ExtendedAttribute", "FieldID"): field?.fieldID = value
        case ("ExtendedAttribute", "Value"): field?.value = value
        default: break
        }
    }
}
