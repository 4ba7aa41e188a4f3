/// Reads the elements of an MSPDI file into an `MSPDIDocument` header and one task at a time, from the
/// parser's names and bytes: a string is made only of a value kept. Elements are recognised by their path from
/// the root, so a `Value` inside a custom-field definition's value list or a resource's `ExtendedAttribute` is
/// never taken for a task's. An element's value is the text since the last start or end of an element, so a
/// `Name` holding markup keeps only the text after it.
struct MSPDICollector {
    private let names: MSPDINames
    private(set) var document = MSPDIDocument()
    private var task: MSPDIDocument.Task?
    private var completed: MSPDIDocument.Task?
    private var definition: MSPDIExtendedAttributes.Definition?
    private var baseline: (number: String?, start: MSPDIDocument.DateText?, finish: MSPDIDocument.DateText?)?
    private var predecessor: MSPDIDocument.Predecessor?
    private var field: MSPDIDocument.FieldValue?

    init(names: MSPDINames) { self.names = names }

    /// An element starts (the parser's open elements end with it).
    mutating func start(_ name: XMLName, _ parser: XMLSAXParser) {
        switch parser.depth {
        case 2 where parser.openName(1) == names.tasks && name == names.task:
            task = MSPDIDocument.Task(line: parser.startLine())
        case 2 where parser.openName(1) == names.extendedAttributes && name == names.extendedAttribute:
            definition = MSPDIExtendedAttributes.Definition()
        case 3 where task != nil:
            if name == names.baseline {
                baseline = (nil, nil, nil)
            } else if name == names.predecessorLink {
                predecessor = MSPDIDocument.Predecessor(line: parser.startLine())
            } else if name == names.extendedAttribute {
                field = MSPDIDocument.FieldValue(line: parser.startLine())
            }
        default: break
        }
    }

    /// The task whose end was just read, once. (Asked only when `end` says a task ended: an optional task is
    /// a few hundred bytes, and moving one out at every element's end was a tenth of the reader's time.)
    mutating func takeCompletedTask() -> MSPDIDocument.Task? {
        defer { completed = nil }
        return completed
    }

    /// An element ends (the parser's open elements still end with it); `text` is its value. Returns whether it
    /// was a task, for `takeCompletedTask`.
    mutating func end(_ name: XMLName, _ parser: XMLSAXParser, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch parser.depth {
        case 1: project(name, text)
        case 2 where name == names.task && parser.openName(1) == names.tasks:
            completed = task
            task = nil
            return true
        case 2 where name == names.extendedAttribute && parser.openName(1) == names.extendedAttributes:
            if let definition { document.attributes.add(definition) }
            definition = nil
        case 3 where parser.openName(1) == names.extendedAttributes:
            if name == names.fieldID {
                definition?.fieldID = String(decoding: text, as: UTF8.self)
            } else if name == names.fieldName {
                definition?.fieldName = String(decoding: text, as: UTF8.self)
            } else if name == names.alias {
                definition?.alias = String(decoding: text, as: UTF8.self)
            }
        case 3 where task != nil: taskChild(name, text)
        case 4 where task != nil: grandchild(of: parser.openName(3), name, text)
        default: break
        }
        return false
    }

    private mutating func project(_ name: XMLName, _ text: UnsafeBufferPointer<UInt8>) {
        let value = { String(decoding: text, as: UTF8.self) }
        if name == names.name {
            document.name = value()
        } else if name == names.title {
            document.title = value()
        } else if name == names.minutesPerDay {
            document.minutesPerDay = value()
        } else if name == names.statusDate {
            document.statusDate = value()
        } else if name == names.lastSaved {
            document.lastSaved = value()
        }
    }
}

extension MSPDICollector {
    private mutating func taskChild(_ name: XMLName, _ text: UnsafeBufferPointer<UInt8>) {
        let value = { String(decoding: text, as: UTF8.self) }
        // Most frequent first: every task has these.
        if name == names.uid {
            task?.uid = value()
        } else if name == names.name {
            task?.name = value()
        } else if name == names.start {
            task?.start = .init(text)
        } else if name == names.finish {
            task?.finish = .init(text)
        } else if name == names.isNull {
            task?.isNull = value()
        } else if name == names.outlineLevel {
            task?.outlineLevel = value()
        } else if name == names.outlineNumber {
            task?.outlineNumber = value()
        } else if name == names.summary {
            task?.summary = value()
        } else if name == names.milestone {
            task?.milestone = value()
        } else if name == names.percentComplete {
            task?.percentComplete = value()
        } else if name == names.active {
            task?.active = value()
        } else if name == names.actualStart {
            task?.actualStart = .init(text)
        } else if name == names.actualFinish {
            task?.actualFinish = .init(text)
        } else if name == names.notes {
            task?.notes = value()
        } else {
            endOfPart(name)
        }
    }

    /// A baseline, link or custom-field value of the task ends.
    private mutating func endOfPart(_ name: XMLName) {
        if name == names.baseline {
            // Baseline 0 is the baseline; 1–10 are the extra saved baselines, not used.
            if let baseline, baseline.number?.plain == "0" {
                task?.baselineStart = baseline.start
                task?.baselineFinish = baseline.finish
            }
            baseline = nil
        } else if name == names.predecessorLink {
            if let predecessor { task?.predecessors.append(predecessor) }
            predecessor = nil
        } else if name == names.extendedAttribute {
            if let field { task?.fields.append(field) }
            field = nil
        }
    }

    private mutating func grandchild(of parent: XMLName, _ name: XMLName, _ text: UnsafeBufferPointer<UInt8>) {
        let value = { String(decoding: text, as: UTF8.self) }
        if parent == names.baseline {
            if name == names.number {
                baseline?.number = value()
            } else if name == names.start {
                baseline?.start = .init(text)
            } else if name == names.finish {
                baseline?.finish = .init(text)
            }
        } else if parent == names.predecessorLink {
            if name == names.predecessorUID {
                predecessor?.uid = value()
            } else if name == names.type {
                predecessor?.type = value()
            } else if name == names.linkLag {
                predecessor?.lag = value()
            } else if name == names.lagFormat {
                predecessor?.lagFormat = value()
            } else if name == names.crossProject {
                predecessor?.crossProject = value()
            }
        } else if parent == names.extendedAttribute {
            if name == names.fieldID {
                field?.fieldID = value()
            } else if name == names.value {
                field?.value = value()
            }
        }
    }
}
