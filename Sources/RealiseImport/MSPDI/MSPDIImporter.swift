import RealiseModel

/// Reads Microsoft Project XML (MSPDI, namespace `http://schemas.microsoft.com/project`) as written by
/// MS Project 2003–2019, ProjectLibre, GanttProject and MPXJ. Each task becomes a deliverable (the README's `mspdi` section).
///
/// - **Skipped:** null tasks (`IsNull=1`, the blank rows of the task sheet) and the project summary task
///   (`OutlineLevel` 0; when a task has no `OutlineLevel`, `UID` 0). Predecessor links to them are dropped
///   with a warning.
/// - **Ids:** `<programme>:T<UID>`, unless a custom field aliased "Deliverable ID" (or "Realise ID",
///   "Deliverable Ref") gives one. The programme is `--programme`; else the project's `Title`, unless it
///   is MS Project's default ("Project1"); else its `Name` (the file name it was saved under, extension
///   dropped) — the title comes first because it survives "Save As"; else this file's name. The latter three
///   are sanitised: anything but letters, digits, `-`, `_` and `.` becomes `-`. The source identifier is the UID.
/// - **Kind:** `milestone` when `Milestone=1`, else `summary` when `Summary=1`, else `task`. Parent: the
///   nearest preceding task one outline level up (`OutlineLevel`, else the depth of `OutlineNumber`).
/// - **Dates:** `Start`/`Finish` → planned, `Baseline` number 0 → baseline, `ActualStart`/`ActualFinish`,
///   `PercentComplete`. A date that cannot be read is a warning and left empty.
/// - **Dependencies:** each `PredecessorLink` → `depends-on` from the task to its predecessor, typed
///   0 FF, 1 FS, 2 SF, 3 SS (FS when absent). `LinkLag` is in tenths of a minute; it becomes days of the
///   project's `MinutesPerDay` (480 when absent) for working-time formats, or of 1 440 minutes for the
///   elapsed formats (`LagFormat` 4, 6, 8, 10, 12 and their estimated forms 36–44). A percentage lag
///   (`LagFormat` 19, 20, 51, 52) depends on the predecessor's duration, so the link is kept without a lag
///   and a warning says so.
/// - **Custom fields** (`ExtendedAttribute`, named through the project's definitions — see
///   `MSPDIExtendedAttributes`): a field whose name is one of `ImportOptions.linkFields` (case-insensitive)
///   holds ids separated by `,` `;` or `|`. In a field whose name contains "objective" each id is reported
///   as a warning and not linked: the model has no deliverable → objective link, and a task serves an
///   objective through a benefit (`enabled-by`, then the benefit `contributes-to` the objective). Every other
///   link field (Benefit, Benefits, Outcome, Outcomes, or any `--link-field`) gives one `enabled-by` link
///   from each id to the task's deliverable; whether the id exists and is a benefit is checked when the
///   import is validated with the rest of the workspace. Other custom fields are kept in the notes as
///   `Name: value`, after the task's own `Notes`.
///
/// An inactive task (`Active=0`) is imported with status `inactive`.
public struct MSPDIImporter: PlanImporter {
    /// The MSPDI namespace.
    public static let namespace = "http://schemas.microsoft.com/project"
    public let format = ImportFormat.mspdi

    public init() {}

    /// A root `Project` in the MSPDI namespace; also a root `Project` with no namespace when the head shows
    /// MSPDI's own elements (`SaveVersion`, `Tasks`, `OutlineLevel`), as some older exporters write it.
    public func recognises(_ head: FileHead, options: ImportOptions) -> Bool {
        guard head.rootElement == "Project" else { return false }
        if head.rootNamespace == MSPDIImporter.namespace { return true }
        guard head.rootNamespace == nil || head.rootNamespace?.isEmpty == true else { return false }
        return ["<SaveVersion>", "<Tasks>", "<Tasks/>", "<OutlineLevel>"].contains { head.text.contains($0) }
    }

    public func read(path: String, options: ImportOptions, into sink: any PlanSink) throws(ImportError) -> [Diagnostic] {
        if let line = try FileHead.read(path: path).doctypeLine {
            throw .invalid([Diagnostic(.error, path: path, line: line,
                "a DOCTYPE is not allowed in MS Project XML (entities and DTDs are never loaded); remove it")])
        }
        let parser = try XMLSAXParser(path: path)
        let reader = MSPDIReader(parser: parser, options: options, sink: sink)
        try parser.parse(reader)
        return reader.finish()
    }
}
