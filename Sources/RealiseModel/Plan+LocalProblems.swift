extension Plan {
    // Whole-plan checks (ids unique across files and the workspace, references that resolve to the right type,
    // values that do not conflict) are the workspace's, made as it imports (`ImportTransaction`); a plan is
    // validated by importing it into an in-memory workspace and rolling back (`Workspace.problems(importing:)`).

    /// The problems of single items, found without looking at anything else (dates in order, percentages
    /// in range, ids usable, nothing its own parent).
    public var localProblems: [Diagnostic] {
        var problems: [Diagnostic] = []
        for (id, type, source) in entityIndex {
            if let problem = Plan.idProblem(id, type: type, at: source) { problems.append(problem) }
        }
        for objective in objectives { problems += Plan.problems(of: objective) }
        for benefit in benefits { problems += Plan.problems(of: benefit) }
        for deliverable in deliverables { problems += Plan.problems(of: deliverable) }
        for link in links { problems += Plan.localProblems(of: link) }
        return problems
    }

    /// "a" or "an" before a word.
    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
