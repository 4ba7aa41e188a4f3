import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the `realise` binary and measures it from `wait4`'s rusage, as `/usr/bin/time -v` reports it without
/// needing the tool: the CPU time and the peak resident memory of that one process. Both are the process's own,
/// so a test can bound them however many other tests run beside it on a loaded machine — which wall-clock time
/// cannot be.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// CPU time, user plus system (`ru_utime` + `ru_stime`), in seconds.
    var cpuSeconds: Double
    /// Peak resident set size in KiB (`ru_maxrss`).
    var peakKB: Int

    enum Failure: Error { case spawn(Int32), wait(Int32) }

    static func run(_ arguments: [String], in folder: URL) throws -> MeasuredRun {
        let outPath = folder.appendingPathComponent("measured-\(UUID().uuidString).out").path
        let errPath = folder.appendingPathComponent("measured-\(UUID().uuidString).err").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let executable = RealiseBinary.url.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = RealiseBinary.environment(["NO_COLOR": "1"])
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure.spawn(spawned) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failure.wait(errno) }
        }
        let time = { (value: timeval) in Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
        // WIFEXITED / WEXITSTATUS, which Swift does not import; a signal shows as 128 + its number.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return MeasuredRun(status: code, stdout: read(outPath), stderr: read(errPath), cpuSeconds: time(usage.ru_utime) + time(usage.ru_stime),
                           peakKB: Int(usage.ru_maxrss))
    }
}
