/// The deliverable id of every task read so far, by UID, kept small: a plan of 100 000 tasks must not
/// hold 100 000 strings. A task whose UID is a plain number and whose id is the default
/// `<programme>:T<UID>` is remembered as the number alone; only the others keep their id.
struct MSPDITaskIDs {
    private let programme: String
    private var numbered = Set<Int>()
    private var named: [String: String] = [:]

    init(programme: String) { self.programme = programme }

    /// The deliverable id of the task with this UID, if it has been read.
    subscript(uid: String) -> String? {
        if let number = MSPDITaskIDs.number(uid), numbered.contains(number) { return "\(programme):T\(uid)" }
        return named[uid]
    }

    /// Whether the task with this UID has been read (no id is made).
    func contains(uid: String) -> Bool {
        if let number = MSPDITaskIDs.number(uid), numbered.contains(number) { return true }
        return named[uid] != nil
    }

    /// Records a task's id; `isDefault` when it is known to be `<programme>:T<UID>`.
    mutating func record(uid: String, id: String, isDefault: Bool = false) {
        if let number = MSPDITaskIDs.number(uid), isDefault || id == "\(programme):T\(uid)" {
            numbered.insert(number)
        } else {
            named[uid] = id
        }
    }

    /// A UID written as a plain number (no sign, no leading zeros), so that the number gives back the text.
    private static func number(_ uid: String) -> Int? {
        guard let number = Int(uid), number >= 0, String(number) == uid else { return nil }
        return number
    }
}
