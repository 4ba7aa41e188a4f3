import RealiseGaps
import RealiseModel
import RealiseReports
import RealiseWorkbench

/// The page of one programme, objective, benefit, deliverable or metric: its fields, what it serves and what serves
/// it (each a link to its page), its findings, for a metric its trajectory chart and values, its reviews and review
/// schedules, its history when given, and the forms the viewer may use.
public struct EntityPage: Sendable {
    /// Which forms the viewer may use; each is shown only where it applies to the entity's type as well.
    public struct Forms: Sendable, Equatable {
        /// Record a measurement (a metric's page only).
        public var recordMeasurement: Bool
        /// Record a review (a benefit, metric, objective or programme).
        public var recordReview: Bool
        /// Schedule reviews and remove schedules (a benefit, metric, objective or programme).
        public var schedule: Bool

        /// The forms of the flags given, no other.
        public init(recordMeasurement: Bool = false, recordReview: Bool = false, schedule: Bool = false) {
            self.recordMeasurement = recordMeasurement
            self.recordReview = recordReview
            self.schedule = schedule
        }

        /// No form at all.
        public static let none = Forms()
    }

    /// Who the page is for.
    public var viewer: PageViewer
    /// The entity as `Workbench.entity(_:history:)` gives it.
    public var details: EntityDetails
    /// The gap report on the current plan: the entity's findings and, for a metric, its trajectory.
    public var report: GapReport
    /// The forms the viewer may use.
    public var forms: Forms
    /// What the last form sent did, shown at the top.
    public var flash: PageFlash?
    /// The id asked for, shown for an entity no longer in the plan (whose details have no id).
    public var requested: String

    /// The page of the entity of `details`, its findings from `report`.
    public init(viewer: PageViewer, details: EntityDetails, report: GapReport, forms: Forms = .none, flash: PageFlash? = nil,
                requested: String? = nil) {
        self.viewer = viewer
        self.details = details
        self.report = report
        self.forms = forms
        self.flash = flash
        self.requested = requested ?? details.id ?? ""
    }

    /// The entity's id: as the workspace spells it, or as asked for when it is no longer in the plan.
    var id: String { details.id ?? requested }

    /// Its type and name, when the current plan has it.
    var entry: (type: EntityType, name: String)? { details.id.flatMap { EntityView(plan: details.plan).entry($0) } }

    /// The whole page.
    public func render() -> String {
        var body = heading + (flash?.html ?? "")
        if let entry {
            body += fields(entry.type) + links + findings
            if entry.type == .metric { body += metricSections }
            body += reviews + schedules + formSections(entry.type)
        } else {
            body += "<p class=\"lead\">\(Markup.esc(id)) is not in the current plan; its history follows.</p>\n"
        }
        body += history
        let title = entry.map { "\($0.type.rawValue.capitalized) \(id)" } ?? id
        return PageLayout(title: title, viewer: viewer).render(body)
    }

    private var heading: String {
        guard let entry else { return "<h1><span class=\"id\">\(Markup.esc(id))</span> (withdrawn)</h1>\n" }
        return "<p class=\"kicker\">\(entry.type.rawValue.capitalized)</p>\n<h1><span class=\"id\">\(Markup.esc(id))</span> "
            + "<span class=\"name\">\(Markup.esc(entry.name))</span></h1>\n"
    }

    /// The listed fields (a programme's from the plan), those with a value only.
    private func fields(_ type: EntityType) -> String {
        var pairs: [(String, String)] = details.fields.compactMap { key, value in
            guard !["id", "name", "values"].contains(key) else { return nil }
            let text = Self.text(value)
            return text.isEmpty ? nil : (Self.label(key), text)
        }
        if type == .programme, let programme = details.plan.programmes.first(where: { $0.id == id }) {
            pairs = [("Owner", programme.owner), ("Organisation", programme.organisation), ("Notes", programme.notes)]
                .compactMap { label, value in value.map { (label, $0) } }
        }
        guard !pairs.isEmpty else { return "" }
        return "<section aria-labelledby=\"fields-heading\">\n<h2 id=\"fields-heading\">Details</h2>\n<dl class=\"fields\">\n"
            + pairs.map { "<div><dt>\(Markup.esc($0.0))</dt><dd>\(Markup.esc($0.1))</dd></div>\n" }.joined() + "</dl>\n</section>\n"
    }

    /// A listing's value as text: numbers plainly, lists joined, nested fields as `name=value`.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let number): number.plainText
        case .string(let text): text
        case .array(let items): items.map(text).joined(separator: "; ")
        case .object(let pairs): pairs.map { "\($0.0) \(text($0.1))" }.joined(separator: ", ")
        }
    }

    /// `plannedFinish` → `Planned finish`.
    static func label(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase { out += " " + character.lowercased() } else { out.append(character) }
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }
}
