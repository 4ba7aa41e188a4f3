import RealiseModel

/// Writes a plan as Realise plan XML (`urn:realise:plan:1`), which `realise import` reads back to the same
/// model: the `realise export --format realise-xml` output — every programme (the first is the file's default;
/// an entity of another, or of none, names it in `programme`), the entities, values and links, then the review
/// schedules and reviews with the measurements taken at them.
public struct PlanXMLWriter: Sendable {
    public init() {}

    public func render(_ plan: Plan) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plan xmlns=\"urn:realise:plan:1\" version=\"1\">\n"
        let linksFrom = Dictionary(grouping: plan.links, by: \.from)
        let valuesOf = Dictionary(grouping: plan.values, by: \.metric)
        var nested = Set<String>()

        // The first programme is the file's default: an entity of another programme, or of none, says so.
        let programme = plan.programmes.first?.id
        for item in plan.programmes {
            out += element("programme", [("id", item.id), ("name", item.name), ("organisation", item.organisation),
                                         ("sro", item.owner)], texts: [("notes", item.notes)])
        }
        func common<E: Entity>(_ entity: E) -> [(String, String?)] { self.common(entity, defaultProgramme: programme) }
        for item in plan.organisations {
            out += element("organisation", [("id", item.id), ("name", item.name), programmeAttribute(item, default: programme)],
                           texts: [("notes", item.notes)])
        }
        for item in plan.objectives {
            out += element("objective", common(item) + [("parent", item.parent), ("horizon", item.horizon?.description)],
                           texts: [("statement", item.statement), ("notes", item.notes)])
        }
        for item in plan.benefits {
            let refs = (linksFrom[item.id] ?? []).filter { [.contributesTo, .enabledBy, .dependsOn].contains($0.kind) }
            refs.forEach { nested.insert($0.key) }
            out += element("benefit", common(item) + [
                ("kind", item.kind.rawValue), ("class", item.benefitClass?.rawValue), ("confidence", item.confidence?.rawValue),
                ("realisation-start", item.realisationStart?.description), ("realisation-end", item.realisationEnd?.description),
            ], texts: [("description", item.description), ("observable-outcome", item.observableOutcome),
                       ("attribution", item.attribution), ("measurement", item.measurement), ("notes", item.notes)],
               children: refs.map { "<\($0.kind.rawValue) ref=\"\(escape($0.to))\"/>" })
        }
        for item in plan.deliverables {
            let refs = (linksFrom[item.id] ?? []).filter { $0.kind == .dependsOn }
            refs.forEach { nested.insert($0.key) }
            out += element("deliverable", common(item) + [
                ("kind", item.kind.rawValue), ("parent", item.parent),
                ("planned-start", item.plannedStart?.description), ("planned-finish", item.plannedFinish?.description),
                ("baseline-start", item.baselineStart?.description), ("baseline-finish", item.baselineFinish?.description),
                ("forecast-finish", item.forecastFinish?.description), ("actual-start", item.actualStart?.description),
                ("actual-finish", item.actualFinish?.description), ("percent-complete", item.percentComplete?.plainText),
                ("status", item.status), ("delivery-confidence", item.deliveryConfidence?.rawValue),
            ], texts: [("name", item.name), ("notes", item.notes)],
               children: refs.map { link in
                   "<depends-on" + attributes([("ref", link.to), ("type", link.dependencyType?.rawValue),
                                               ("lag-days", link.lagDays?.plainText)]) + "/>"
               })
        }
        for item in plan.metrics {
            let refs = (linksFrom[item.id] ?? []).filter { $0.kind == .measures }
            refs.forEach { nested.insert($0.key) }
            var children = refs.map { "<measures" + attributes([("ref", $0.to), ("share", $0.share?.plainText)]) + "/>" }
            children += (valuesOf[item.id] ?? []).sorted(by: { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }).map(valueElement)
            out += element("metric", common(item) + [
                ("unit", item.unit), ("direction", item.direction.rawValue), ("measure-type", item.measureType.rawValue),
                ("frequency", item.frequency?.rawValue), ("data-source", item.dataSource),
            ], texts: [("name", item.name), ("notes", item.notes)], children: children)
        }
        for link in plan.links where !nested.contains(link.key) {
            out += "  <link" + attributes([("kind", link.kind.rawValue), ("from", link.from), ("to", link.to),
                                           ("type", link.dependencyType?.rawValue), ("lag-days", link.lagDays?.plainText),
                                           ("share", link.share?.plainText)]) + "/>\n"
        }
        return out + reviews(plan) + "</plan>\n"
    }

    /// A metric's dated value: `<target date=… value=…>note</target>`.
    private func valueElement(_ value: MetricValue) -> String {
        let open = "<\(value.kind.rawValue)" + attributes([
            ("date", value.date.description), ("value", value.value?.plainText ?? value.text),
            ("source", value.dataSource), ("confidence", value.confidence?.rawValue)])
        return value.note.map { open + ">\(escape($0))</\(value.kind.rawValue)>" } ?? open + "/>"
    }

    private func common<E: Entity>(_ entity: E, defaultProgramme: String?) -> [(String, String?)] {
        [("id", entity.id), ("owner", entity.owner), ("organisation", entity.organisation),
         ("source-ref", entity.source.identifier == entity.id ? nil : entity.source.identifier),
         programmeAttribute(entity, default: defaultProgramme)]
    }

    /// `programme` when the entity's is not the file's default: its id, or empty for none.
    private func programmeAttribute<E: Entity>(_ entity: E, default programme: String?) -> (String, String?) {
        ("programme", entity.programme == programme ? nil : entity.programme ?? "")
    }

    func element(_ name: String, _ attrs: [(String, String?)], texts: [(String, String?)] = [],
                 children: [String] = []) -> String {
        let body = texts.compactMap { pair in pair.1.map { "    <\(pair.0)>\(escape($0))</\(pair.0)>\n" } }.joined()
            + children.map { "    \($0)\n" }.joined()
        return "  <\(name)\(attributes(attrs))" + (body.isEmpty ? "/>\n" : ">\n\(body)  </\(name)>\n")
    }

    func attributes(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { pair in pair.1.map { " \(pair.0)=\"\(escape($0, attribute: true))\"" } }.joined()
    }

    /// XML-escapes text; in attributes also quotes and line breaks (so they survive normalisation). Control
    /// characters XML 1.0 cannot hold at all (C0 but tab and line breaks) are written as `ControlCharacters`
    /// makes them visible (`\u{1B}`), so the export stays well-formed and re-imports.
    func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        for character in ControlCharacters.escaped(text, keeping: Self.xmlControls) {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r\n" where attribute: out += "&#13;&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The control characters XML 1.0 holds: tab and line breaks, DEL, the C1 controls, the separators and the
    /// bidirectional controls (they are data, and valid XML); only the other C0 controls are escaped.
    static let xmlControls: ControlCharacters.Kept = [.tab, .lineFeed, .carriageReturn, .delete, .c1, .separators, .bidirectional]
}
