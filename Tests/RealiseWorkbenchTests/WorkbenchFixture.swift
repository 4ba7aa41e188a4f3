import Foundation
import RealiseModel
import RealiseTestSupport
import RealiseWorkbench

/// A small plan in Realise's own XML, imported into an in-memory workspace: an objective, a benefit it serves, the
/// benefit's metric (baseline, target, two measurements), the deliverable that enables it, that deliverable's
/// prerequisite, and a deliverable that serves nothing.
enum WorkbenchFixture {
    static let plan = """
        <?xml version="1.0" encoding="UTF-8"?>
        <plan xmlns="urn:realise:plan:1">
          <objective id="OBJ-1" owner="Head of Transport">
            <statement>Faster buses on the coast road.</statement>
          </objective>
          <benefit id="BEN-1" owner="Head of Transport">
            <description>Shorter bus journeys.</description>
            <contributes-to ref="OBJ-1"/>
            <enabled-by ref="DEL-1"/>
          </benefit>
          <deliverable id="DEL-1" kind="project" owner="Project Manager" planned-finish="2026-03-31">
            <name>Bus lanes</name>
            <depends-on ref="DEL-0"/>
          </deliverable>
          <deliverable id="DEL-0" kind="task" owner="Project Manager" planned-finish="2025-09-30">
            <name>Traffic orders for the bus lanes</name>
          </deliverable>
          <deliverable id="DEL-9" kind="task" owner="Project Manager" planned-finish="2026-06-30">
            <name>A shiny new system</name>
          </deliverable>
          <metric id="MET-1" owner="Performance Officer" unit="minutes" direction="decrease" measure-type="number" frequency="quarterly">
            <name>Journey time, Kingsholme to Wexcombe</name>
            <measures ref="BEN-1"/>
            <baseline date="2024-03-31" value="58"/>
            <target date="2027-03-31" value="48"/>
            <measurement date="2025-03-31" value="57"/>
            <measurement date="2025-09-30" value="55"/>
          </metric>
        </plan>
        """

    static let today = Day(iso: "2026-01-31")!

    /// The plan written to a fresh temporary folder, for `PlanReading.read`.
    static func file() throws -> String { try PlanFile.write(plan, folderPrefix: "realise-workbench") }

    /// A workbench over an empty in-memory workspace with the plan imported.
    static func workbench() throws -> Workbench {
        let workbench = Workbench(workspace: try .emptyInMemory(actor: "tester"))
        _ = try workbench.importFiles(PlanReading().read([try file()]))
        return workbench
    }
}
