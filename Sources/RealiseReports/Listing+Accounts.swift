import RealiseModel

extension Listing {
    /// `user list`: `[{"name", "displayName", "role", "createdAt"}]`, by name. Nothing secret is listed: no password
    /// hash, token or calendar secret.
    public static func accounts(_ accounts: [Account]) -> Listing {
        Listing(tableColumns: ["name", "role", "displayName", "createdAt"], rows: accounts.map { account in
            [("name", .string(account.name)), ("displayName", .string(account.displayName)), ("role", .string(account.role.rawValue)),
             ("createdAt", .string(account.createdAt))]
        })
    }
}
