import RealiseModel

extension Listing {
    /// `realise log`: `[{"id", "at", "actor", "action", "subject", "summary"}]`, newest first.
    public static func changes(_ changes: [ChangeRecord]) -> Listing {
        Listing(tableColumns: ["at", "actor", "action", "subject", "summary"], rows: changes.map { change in
            [("id", .number(Double(change.id))), ("at", .string(change.at)), ("actor", .string(change.actor)),
             ("action", .string(change.action.rawValue)), ("subject", .from(change.subject)), ("summary", .string(change.summary))]
        })
    }
}
