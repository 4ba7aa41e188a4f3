/// A small Realise XML plan whose text is hostile to a page that does not escape it: markup in names and notes
/// (`<script>alert(1)</script>`), an attribute break-out (`"onload=x`), a `javascript:` URL, and a benefit id holding
/// `/`, `?` and `#` that a path must encode. A programme, an objective, the benefit, its metric with a baseline, a
/// target and two measurements, the deliverable enabling it and an orphan deliverable.
public enum HostilePlan {
    public static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <plan xmlns="urn:realise:plan:1">
          <programme id="PRG-1" name="Coastal &lt;script&gt;alert(1)&lt;/script&gt;" sro="Director of Place"/>
          <objective id="OBJ-1" owner="Head of Transport" programme="PRG-1">
            <statement>Faster buses "onload=x on the coast road.</statement>
          </objective>
          <benefit id="BEN/2?x#y" owner="&lt;script&gt;alert(1)&lt;/script&gt;" programme="PRG-1">
            <description>javascript:alert(1)</description>
            <notes>Shorter journeys "onload=x</notes>
            <contributes-to ref="OBJ-1"/>
            <enabled-by ref="DEL-1"/>
          </benefit>
          <deliverable id="DEL-1" kind="project" owner="Project Manager" planned-finish="2026-03-31" programme="PRG-1">
            <name>Bus lanes &lt;b&gt;now&lt;/b&gt;</name>
          </deliverable>
          <deliverable id="DEL-9" kind="task" owner="Project Manager" planned-finish="2026-06-30" programme="PRG-1">
            <name>A shiny new system</name>
          </deliverable>
          <metric id="MET-1" owner="Performance Officer" unit="minutes" direction="decrease" measure-type="number" frequency="quarterly" programme="PRG-1">
            <name>Journey time &lt;script&gt;alert(1)&lt;/script&gt;</name>
            <measures ref="BEN/2?x#y"/>
            <baseline date="2024-03-31" value="58"/>
            <target date="2027-03-31" value="48"/>
            <measurement date="2025-03-31" value="57"/>
            <measurement date="2025-09-30" value="58"/>
          </metric>
        </plan>
        """
}
