/// The MSPDI element names Realise reads, as the parser's dictionary holds them: an element is recognised by
/// comparing pointers, with no string made of its name.
struct MSPDINames {
    let project, tasks, task, extendedAttributes, extendedAttribute: XMLName
    let name, title, minutesPerDay, statusDate, lastSaved: XMLName
    let fieldID, fieldName, alias, value: XMLName
    let uid, isNull, active, outlineLevel, outlineNumber, summary, milestone: XMLName
    let start, finish, actualStart, actualFinish, percentComplete, notes: XMLName
    let baseline, number, predecessorLink, predecessorUID, type, linkLag, lagFormat, crossProject: XMLName

    init(_ parser: XMLSAXParser) {
        project = parser.intern("Project"); tasks = parser.intern("Tasks"); task = parser.intern("Task")
        extendedAttributes = parser.intern("ExtendedAttributes"); extendedAttribute = parser.intern("ExtendedAttribute")
        name = parser.intern("Name"); title = parser.intern("Title"); minutesPerDay = parser.intern("MinutesPerDay")
        statusDate = parser.intern("StatusDate"); lastSaved = parser.intern("LastSaved")
        fieldID = parser.intern("FieldID"); fieldName = parser.intern("FieldName"); alias = parser.intern("Alias")
        value = parser.intern("Value")
        uid = parser.intern("UID"); isNull = parser.intern("IsNull"); active = parser.intern("Active")
        outlineLevel = parser.intern("OutlineLevel"); outlineNumber = parser.intern("OutlineNumber")
        summary = parser.intern("Summary"); milestone = parser.intern("Milestone")
        start = parser.intern("Start"); finish = parser.intern("Finish"); actualStart = parser.intern("ActualStart")
        actualFinish = parser.intern("ActualFinish"); percentComplete = parser.intern("PercentComplete")
        notes = parser.intern("Notes")
        baseline = parser.intern("Baseline"); number = parser.intern("Number"); predecessorLink = parser.intern("PredecessorLink")
        predecessorUID = parser.intern("PredecessorUID"); type = parser.intern("Type"); linkLag = parser.intern("LinkLag")
        lagFormat = parser.intern("LagFormat"); crossProject = parser.intern("CrossProject")
    }
}
