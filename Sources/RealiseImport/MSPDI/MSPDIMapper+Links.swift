import RealiseModel

extension MSPDIMapper {
    /// MSPDI `PredecessorLink/Type` → dependency type.
    static let dependencyTypes: [String: Link.DependencyType] = [
        "0": .finishToFinish, "1": .finishToStart, "2": .startToFinish, "3": .startToStart,
    ]

    /// `LagFormat` values whose lag counts calendar (elapsed) time: em, eh, ed, ew, emo and their estimated forms.
    static let elapsedLagFormats: Set<Int> = [4, 6, 8, 10, 12, 36, 38, 40, 42, 44]
    /// `LagFormat` values whose lag is a percentage of the predecessor's duration.
    static let percentLagFormats: Set<Int> = [19, 20, 51, 52]

    /// Working minutes in a day: the project's `MinutesPerDay`, else 480 (8 hours).
    var minutesPerDay: Double {
        guard let text = minutesPerDayText?.plain, let minutes = Double(text), minutes > 0, minutes.isFinite else { return 480 }
        return minutes
    }

    /// Adds the `depends-on` link of one `PredecessorLink` of the task whose deliverable is `id`.
    mutating func link(_ predecessor: MSPDIDocument.Predecessor, uid: String, id: String) {
        if predecessor.crossProject?.plain == "1" {
            warn(predecessor.line, "task UID \(uid) depends on a task in another project; cross-project links are not imported")
            return
        }
        guard let other = predecessor.uid?.plain, !other.isEmpty else {
            warn(predecessor.line, "task UID \(uid) has a PredecessorLink with no PredecessorUID; skipped")
            return
        }
        guard let target = ids[other], !target.isEmpty else {
            warn(predecessor.line, "task UID \(uid) depends on UID \(other), which is \(skipped[other] ?? "not in the file"); the link was dropped")
            return
        }
        var type = Link.DependencyType.finishToStart
        if let text = predecessor.type?.plain, !text.isEmpty {
            if let known = MSPDIMapper.dependencyTypes[text] {
                type = known
            } else {
                warn(predecessor.line, "task UID \(uid): link Type '\(text.prefix(20))' is not 0–3; taken as finish-to-start")
            }
        }
        plan.links.append(Link(kind: .dependsOn, from: id, to: target, dependencyType: type,
                               lagDays: lagDays(predecessor, uid: uid), source: source(predecessor.line)))
    }

    /// The lag in days, or nil when there is none or it cannot be expressed in days.
    private mutating func lagDays(_ predecessor: MSPDIDocument.Predecessor, uid: String) -> Double? {
        guard let text = predecessor.lag?.plain, !text.isEmpty else { return nil }
        guard let tenths = Double(text), tenths.isFinite else {
            warn(predecessor.line, "task UID \(uid): LinkLag '\(text.prefix(20))' is not a number; the link has no lag")
            return nil
        }
        let format = predecessor.lagFormat.flatMap { Int($0.plain) }
        if let format, MSPDIMapper.percentLagFormats.contains(format) {
            if tenths != 0 {
                warn(predecessor.line, "task UID \(uid): a lag given as a percentage of the predecessor's duration cannot be "
                    + "turned into days; the link has no lag")
            }
            return nil
        }
        let minutesPerDay = format.map { MSPDIMapper.elapsedLagFormats.contains($0) } == true ? 1440 : self.minutesPerDay
        let days = (tenths / 10 / minutesPerDay * 10_000).rounded() / 10_000
        guard days.isFinite else {
            warn(predecessor.line, "task UID \(uid): LinkLag '\(text.prefix(20))' is too large to be a lag in days; the link has no lag")
            return nil
        }
        return days
    }

    /// A programme id made from the project's title, name or the file name (see `MSPDIImporter`).
    static func programmeID(title: String?, name: String?, path: String) -> String {
        if let title = sanitised(title), !isDefaultTitle(title) { return title }
        if let name = sanitised(withoutExtension(name ?? "")) { return name }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return sanitised(withoutExtension(file)) ?? "project"
    }

    /// MS Project's default titles: "Project1", "Project2", …
    static func isDefaultTitle(_ title: String) -> Bool {
        let lowered = title.lowercased()
        return lowered.hasPrefix("project") && lowered.dropFirst(7).allSatisfy(\.isNumber)
    }

    private static func withoutExtension(_ name: String) -> String {
        for ext in [".xml", ".mpp", ".mpx", ".mpt"] where name.lowercased().hasSuffix(ext) {
            return String(name.dropLast(ext.count))
        }
        return name
    }

    /// Letters, digits, `-`, `_` and `.` kept; every run of anything else becomes one `-`; nil when nothing is left.
    static func sanitised(_ text: String?) -> String? {
        guard let text else { return nil }
        var result = ""
        for character in text.plain {
            if character.isLetter || character.isNumber || "-_.".contains(character) {
                result.append(character)
            } else if !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") || result.hasSuffix(".") { result.removeLast() }
        while result.hasPrefix("-") || result.hasPrefix(".") { result.removeFirst() }
        return result.isEmpty ? nil : result
    }
}
