/// Negative numbers on the command line (`realise measure MET-04 -5`, `--tolerance -5`) are values, not options:
/// realise has no option named by a digit, so a person should not need `--` to write one.
enum NegativeNumbers {
    /// `arguments` with each negative number made unmistakably a value for the parser: joined to the long
    /// option it follows (`--tolerance=-5`), else moved after a `--` at the end, where everything is a positional
    /// value (in the order given). Unchanged when the person already wrote a `--`.
    static func asValues(_ arguments: [String]) -> [String] {
        guard !arguments.contains("--"), arguments.contains(where: isNegativeNumber) else { return arguments }
        var kept: [String] = [], moved: [String] = []
        for argument in arguments {
            guard isNegativeNumber(argument) else {
                kept.append(argument)
                continue
            }
            if let last = kept.last, last.hasPrefix("--"), !last.contains("="), !isNegativeNumber(last) {
                kept[kept.count - 1] = last + "=" + argument
            } else {
                moved.append(argument)
            }
        }
        return moved.isEmpty ? kept : kept + ["--"] + moved
    }

    /// `-5`, `-0.25`, `-1e3`: a minus sign followed by a number.
    static func isNegativeNumber(_ argument: String) -> Bool {
        argument.count > 1 && argument.hasPrefix("-") && argument.dropFirst().first.map { $0.isNumber || $0 == "." } == true
            && Double(argument) != nil
    }
}
