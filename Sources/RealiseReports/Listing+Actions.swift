import RealiseModel

extension Listing {
    /// `action list`: `[{"id", "status", "due", "daysOverdue", "owner", "target", "subject", "rule", "note",
    /// "opened": {"on", "by"}, "closed": {"on", "by", "note"}}]`, where an action stands on `asOf`; the closed
    /// fields are null while it is open.
    public static func actions(_ actions: [ActionItem], asOf: Day) -> Listing {
        Listing(tableColumns: ["id", "status", "due", "owner", "target", "note"], rows: actions.map { $0.fields(asOf: asOf) })
    }
}

extension ActionItem {
    /// The action's fields as `action list` and the JSON gap report write them.
    func fields(asOf: Day) -> Listing.Row {
        let status = status(on: asOf)
        let overdue = status == .overdue ? due.days(to: asOf) : 0
        let closedFields: [(String, JSONValue)] = [("on", .from(closed?.on.description)), ("by", .from(closed?.by)),
                                                    ("note", .from(closed?.note))]
        return [("id", .number(Double(id))), ("status", .string(status.rawValue)), ("due", .string(due.description)),
                ("daysOverdue", .number(Double(overdue))), ("owner", .string(owner)), ("target", .string(target)),
                ("subject", .string(subject)), ("rule", .from(rule)), ("note", .from(opened.note)),
                ("opened", .object([("on", .string(opened.on.description)), ("by", .string(opened.by))])),
                ("closed", .object(closedFields))]
    }
}
