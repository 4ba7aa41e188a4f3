import Foundation
import RealiseModel

/// Why the workspace could not be opened, read or written.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// No workspace file where one is needed for reading.
    case missingWorkspace(path: String)
    /// The workspace was written by a newer Realise; it is left untouched.
    case newerSchema(path: String)
    /// The database, the network or the file system failed (full disk, read-only file, locked too long, corrupt file).
    case database(path: String, message: String)
    /// The named entity does not exist.
    case unknownEntity(id: String)
    /// A value given on the command line is unusable.
    case invalidValue(String)
    /// The plans were not imported: these problems, each located in its file, must be fixed first.
    case rejected([Diagnostic])
    /// Another import into the same shared workspace held it for longer than the command would wait.
    case busy(path: String, seconds: Double)
    /// `copy` was given a destination that already holds a workspace's data (and no `--replace`).
    case notEmpty(path: String, rows: Int)
    /// A file to import vanished or could not be read while it was being imported (nothing was changed).
    case unreadableInput([Diagnostic])
    /// An account with this name exists already.
    case accountExists(name: String)
    /// No account has this name.
    case unknownAccount(name: String)

    public var description: String {
        switch self {
        case .missingWorkspace(let path):
            "\(path): no workspace here; create one with `realise init` or import a plan into it"
        case .newerSchema(let path):
            "\(path): this workspace was written by a newer version of Realise; upgrade Realise to open it (nothing was changed)"
        case .database(let path, let message):
            "\(path): database error: \(message)"
        case .unknownEntity(let id):
            "no entity with id '\(id)' in the workspace; `realise list` shows the ids"
        case .invalidValue(let message):
            message
        case .busy(let path, let seconds):
            "\(path): workspace busy: another import has been running for more than \(seconds.formatted(.number)) s; "
                + "nothing was changed; run the command again later, or give --wait more seconds"
        case .notEmpty(let path, let rows):
            "\(path): the destination already holds a workspace (\(rows) rows); nothing was copied. Copy into an empty "
                + "workspace, or give --replace to overwrite this one"
        case .accountExists(let name):
            "an account named '\(name)' exists already; choose another name, or `realise user remove \(name)` first"
        case .unknownAccount(let name):
            "no account named '\(name)' in the workspace; `realise user list` shows the accounts"
        case .rejected(let problems), .unreadableInput(let problems):
            problems.map(\.description).joined(separator: "\n")
        }
    }
}
